using System.Text.Json;
using Handoff.FakeDevin;
using Handoff.IntegrationTests.Support;

namespace Handoff.IntegrationTests.Agents;

/// <summary>A fake API, a sealed CLI environment pointed at it, and a small repository with local work.</summary>
public abstract class AgentsFixture
{
    protected const string Key = "cog_agents_test_key";

    protected FakeDevinServer Server { get; private set; } = null!;
    protected CliRunner Cli { get; private set; } = null!;
    protected string Repo { get; private set; } = null!;

    [SetUp]
    public async Task StartFakeAndRepo()
    {
        Server = await FakeDevinServer.StartAsync(Options());
        Cli = new CliRunner();
        foreach (var (k, v) in Server.ClientEnvironment(Key)) Cli.Environment[k] = v;
        Repo = await CreateRepo(Cli);
    }

    [TearDown]
    public async Task StopFake()
    {
        Cli.Dispose();
        await Server.DisposeAsync();
    }

    /// <summary>Sessions keep their status unless a test scripts it.</summary>
    protected virtual FakeDevinOptions Options() => new();

    public static async Task<string> CreateRepo(CliRunner cli)
    {
        var repo = Path.Combine(cli.Home, "repo");
        Directory.CreateDirectory(Path.Combine(repo, "src"));
        await MustGit(cli, cli.Home, "init", "-q", "-b", "main", repo);
        File.WriteAllText(Path.Combine(repo, "src", "app.py"), "print('hi')\n");
        await MustGit(cli, repo, "add", "-A");
        await MustGit(cli, repo, "-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-qm", "init");
        await MustGit(cli, repo, "remote", "add", "origin", "https://github.com/example/agents.git");
        File.WriteAllText(Path.Combine(repo, "src", "app.py"), "print('changed')\n");
        return repo;
    }

    protected static async Task MustGit(CliRunner cli, string dir, params string[] args)
    {
        var result = await cli.Git(dir, args);
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
    }

    protected static JsonElement ParseSingleJson(CliResult result)
    {
        var text = result.StandardOutput.Trim();
        Assert.That(text, Does.Not.Contain('\n'), "exactly one JSON line on stdout:\n" + result);
        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.Clone();
    }

    protected static IReadOnlyList<JsonElement> ParseJsonLines(string stdout) =>
        stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l =>
        {
            using var doc = JsonDocument.Parse(l);
            return doc.RootElement.Clone();
        }).ToList();

    /// <summary>Asserts the object has exactly these properties (the documented, stable field set).</summary>
    protected static void AssertFields(JsonElement obj, params string[] names) =>
        Assert.That(obj.EnumerateObject().Select(p => p.Name).Order(), Is.EqualTo(names.Order()), obj.ToString());
}
