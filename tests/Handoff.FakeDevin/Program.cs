// Hand-run entry point: dotnet run --project tests/Handoff.FakeDevin -- --urls http://127.0.0.1:5099
// then: DEVIN_API_URL=http://127.0.0.1:5099 DEVIN_API_KEY=cog_test DEVIN_ORG_ID=org-test devin-handoff ...
using Handoff.FakeDevin;
using Handoff.FakeDevin.State;

var url = ArgValue(args, "--urls") ?? "http://127.0.0.1:5099";
var options = new FakeDevinOptions
{
    Url = url.Split(';')[0],
    DefaultOrgId = ArgValue(args, "--org") ?? "org-test",
    EchoRequestsToConsole = true,
    HandleConsoleSignals = true,
};
if (!args.Contains("--static"))
{
    // Make new sessions come alive when polled, so the whole flow can be tried offline.
    options.NewSessionStatusScript = [new StatusStep("claimed"), new StatusStep("running", "working")];
    options.NewSessionMessageScript = new MessageScript(5, Text: "Fake Devin, step {n} of 5", FinalStatus: "running", FinalStatusDetail: "finished");
}

await using var server = await FakeDevinServer.StartAsync(options);
Console.WriteLine($"Fake Devin API listening on {server.BaseUrl} (org {server.DefaultOrgId}); storage on {server.StorageBaseUrl}");
Console.WriteLine($"Try: DEVIN_API_URL={server.BaseUrl.ToString().TrimEnd('/')} DEVIN_API_KEY=cog_test DEVIN_ORG_ID={server.DefaultOrgId} devin-handoff ...");
Console.WriteLine("Control endpoints under /_fake (e.g. GET /_fake/requests). Ctrl+C to stop.");

await server.WaitForShutdownAsync();

static string? ArgValue(string[] args, string name)
{
    for (var i = 0; i < args.Length; i++)
    {
        if (args[i] == name && i + 1 < args.Length) return args[i + 1];
        if (args[i].StartsWith(name + "=", StringComparison.Ordinal)) return args[i][(name.Length + 1)..];
    }
    return null;
}
