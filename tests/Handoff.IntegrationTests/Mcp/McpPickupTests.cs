using Handoff.FakeDevin.State;
using Handoff.IntegrationTests.Following;
using Handoff.IntegrationTests.Support;

namespace Handoff.IntegrationTests.Mcp;

/// <summary>
/// session_pickup, the destructive tool: a dirty tree is a tool error that changes nothing; with stash it checks out
/// the pull request branch of a repository named by a relative repository_path (the server runs outside it).
/// </summary>
[TestFixture]
public sealed class McpPickupTests : FollowTestBase
{
    private FakeGitHub _github = null!;
    private string _repo = null!;
    private string _featureSha = null!;
    private FakeSession _session = null!;

    [SetUp]
    public async Task MakeRepositories()
    {
        _github = new FakeGitHub();
        Cli.Environment["DEVIN_HANDOFF_GITHUB_API_URL"] = _github.BaseUrl;
        Cli.Environment["GH_TOKEN"] = "ghp_faketoken";
        Cli.Environment["GIT_AUTHOR_NAME"] = Cli.Environment["GIT_COMMITTER_NAME"] = "T";
        Cli.Environment["GIT_AUTHOR_EMAIL"] = Cli.Environment["GIT_COMMITTER_EMAIL"] = "t@example.com";

        // "Devin's" clone pushes devin/fix to the bare remote; the user's clone ("mine") does not have it yet.
        var bare = Path.Combine(WorkDir, "remote.git");
        var devin = Path.Combine(WorkDir, "devin");
        _repo = Path.Combine(WorkDir, "mine");
        await Git(WorkDir, "init", "-q", "--bare", "-b", "main", bare);
        await Git(WorkDir, "clone", "-q", bare, devin);
        File.WriteAllText(Path.Combine(devin, "app.txt"), "v1\n");
        await Git(devin, "add", ".");
        await Git(devin, "commit", "-qm", "init");
        await Git(devin, "push", "-q", "origin", "HEAD:main");
        await Git(WorkDir, "clone", "-q", bare, _repo);
        await Git(devin, "checkout", "-q", "-b", "devin/fix");
        File.WriteAllText(Path.Combine(devin, "app.txt"), "v2 fixed\n");
        await Git(devin, "commit", "-qam", "fix");
        await Git(devin, "push", "-q", "origin", "devin/fix");
        _featureSha = (await Git(devin, "rev-parse", "HEAD")).Trim();

        _session = Seed("running", "finished");
        Server.State.AddPullRequest(_session.SessionId, "https://github.com/acme/app/pull/42", "open");
        _github.AddPullRequest("acme", "app", 42, "devin/fix", bare, "acme/app", _featureSha);
    }

    [TearDown]
    public void StopGitHub() => _github.Dispose();

    private async Task<string> Git(string dir, params string[] args)
    {
        var r = await Cli.Git(dir, args);
        Assert.That(r.ExitCode, Is.Zero, $"git {string.Join(' ', args)}: {r}");
        return r.StandardOutput;
    }

    [Test]
    public async Task A_dirty_tree_is_a_tool_error_that_changes_nothing_and_stash_checks_out_the_branch()
    {
        File.WriteAllText(Path.Combine(_repo, "app.txt"), "my local edit\n");
        await using var mcp = await McpHarness.Start(Cli, WorkDir);
        var arguments = new Dictionary<string, object?> { ["session"] = _session.SessionId, ["repository_path"] = "mine" };

        var refused = McpHarness.ErrorOf(await mcp.Call("session_pickup", arguments));
        Assert.That(refused.GetProperty("exit_code").GetInt32(), Is.EqualTo(1));
        Assert.That(refused.GetProperty("message").GetString(), Does.Contain("uncommitted changes"));
        Assert.That((await Git(_repo, "rev-parse", "--abbrev-ref", "HEAD")).Trim(), Is.EqualTo("main"), "the refusal changed the branch");
        Assert.That(File.ReadAllText(Path.Combine(_repo, "app.txt")), Is.EqualTo("my local edit\n"));

        arguments["stash"] = true;
        var picked = McpHarness.Structured(await mcp.Call("session_pickup", arguments));
        Assert.That(picked.GetProperty("branch").GetString(), Is.EqualTo("devin/fix"));
        Assert.That(picked.GetProperty("commit").GetString(), Is.EqualTo(_featureSha));
        Assert.That(picked.GetProperty("stashed").GetBoolean(), Is.True);
        Assert.That((await Git(_repo, "rev-parse", "--abbrev-ref", "HEAD")).Trim(), Is.EqualTo("devin/fix"));
        Assert.That(File.ReadAllText(Path.Combine(_repo, "app.txt")), Is.EqualTo("v2 fixed\n"));
        Assert.That(await Git(_repo, "stash", "list"), Does.Contain($"devin-handoff pickup {_session.SessionId}"));
    }
}
