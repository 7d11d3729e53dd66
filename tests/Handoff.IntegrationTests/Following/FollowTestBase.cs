using System.Text.Json;
using Handoff.FakeDevin;
using Handoff.FakeDevin.State;
using Handoff.IntegrationTests.Support;

namespace Handoff.IntegrationTests.Following;

/// <summary>A fresh fake Devin API and a sealed CLI runner per test, wired together by environment.</summary>
public abstract class FollowTestBase
{
    protected const string V3Key = "cog_follow_test";
    protected const string V1Key = "apk_follow_test";

    protected FakeDevinServer Server { get; private set; } = null!;
    protected CliRunner Cli { get; private set; } = null!;
    protected string WorkDir { get; private set; } = null!;

    protected virtual FakeDevinOptions Options() => new();

    [SetUp]
    public async Task StartFake()
    {
        Server = await FakeDevinServer.StartAsync(Options());
        Cli = new CliRunner();
        foreach (var (k, v) in Server.ClientEnvironment(V3Key)) Cli.Environment[k] = v;
        WorkDir = Directory.CreateDirectory(Path.Combine(Cli.Home, "work")).FullName;
    }

    [TearDown]
    public async Task StopFake()
    {
        Cli.Dispose();
        await Server.DisposeAsync();
    }

    protected Task<CliResult> Run(params string[] args) => Cli.Run(WorkDir, args);

    protected FakeSession Seed(string status = "running", string? detail = "working", string title = "Fix the flaky test", params string[] tags) =>
        Server.State.CreateSession("do the thing", tags: tags.Length > 0 ? tags : ["handoff"], title: title, status: status, statusDetail: detail);

    protected IReadOnlyList<Handoff.FakeDevin.Infrastructure.RecordedRequest> MessageReads(FakeSession s) =>
        Server.RequestsTo("GET", $"/v3/organizations/*/sessions/{s.SessionId}/messages");

    protected static List<JsonElement> JsonLines(string stdout) =>
        stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    protected static async Task Eventually(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail("timed out waiting for " + what);
            await Task.Delay(20);
        }
    }
}
