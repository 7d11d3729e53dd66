using System.Text.Json;
using Handoff.FakeDevin;
using Handoff.IntegrationTests.Support;
using Handoff.Tests.TestSupport;

namespace Handoff.IntegrationTests.Create;

/// <summary>A temp repository, the fake API and a sealed CLI environment pointing at it.</summary>
public abstract class CreateFixture
{
    protected TempGitRepo Repo = null!;
    protected FakeDevinServer Fake = null!;
    protected CliRunner Cli = null!;
    protected const string Key = "cog_integration_key_0123456789abcdef";

    [SetUp]
    public async Task StartAsync()
    {
        Repo = TempGitRepo.Init();
        Fake = await FakeDevinServer.StartAsync();
        Cli = new CliRunner();
        foreach (var (k, v) in Fake.ClientEnvironment(Key)) Cli.Environment[k] = v;
    }

    [TearDown]
    public async Task StopAsync()
    {
        Cli.Dispose();
        await Fake.DisposeAsync();
        Repo.Dispose();
    }

    /// <summary>app.py committed, a GitHub remote, and app.py changed since.</summary>
    protected void CommitAndChangeAppPy()
    {
        Repo.WriteFile("app.py", "print('hi')\n");
        Repo.Commit("initial");
        Repo.Run("remote", "add", "origin", "https://github.com/acme/widgets.git");
        Repo.WriteFile("app.py", "print('changed')\n");
    }

    /// <summary>Runs `create --json` and returns the prompt the fake received.</summary>
    protected async Task<(CliResult Result, string Prompt, JsonElement Body)> CreateAndCapture(string? directory = null, params string[] extra)
    {
        var result = await Cli.Run(directory ?? Repo.Path, ["create", "--task", "Fix the flaky auth test", "--json", .. extra]);
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var creates = Fake.RequestsTo("POST", "/v3/organizations/*/sessions");
        Assert.That(creates, Has.Count.EqualTo(1), "exactly one create request");
        var body = JsonDocument.Parse(creates[0].Body!).RootElement.Clone();
        return (result, body.GetProperty("prompt").GetString()!, body);
    }

    protected void AssertNothingLocalOrSecretIn(string text)
    {
        Assert.That(text, Does.Not.Contain(Repo.Root), "no local absolute path");
        Assert.That(text, Does.Not.Contain(Key), "never the API key");
    }
}
