using Handoff.IntegrationTests.Following;
using Handoff.IntegrationTests.Support;

namespace Handoff.IntegrationTests.Mcp;

/// <summary>
/// session_pickup, the destructive tool: a dirty tree is a tool error that changes nothing; with stash it checks out
/// the pull request branch of a repository named by a relative repository_path (the server runs outside it).
/// </summary>
[TestFixture]
public sealed class McpPickupTests : PickupTestBase
{
    [Test]
    public async Task A_dirty_tree_is_a_tool_error_that_changes_nothing_and_stash_checks_out_the_branch()
    {
        File.WriteAllText(Path.Combine(Repo, "app.txt"), "my local edit\n");
        await using var mcp = await McpHarness.Start(Cli, WorkDir);
        var arguments = new Dictionary<string, object?> { ["session"] = Session.SessionId, ["repository_path"] = "mine" };

        var refused = McpHarness.ErrorOf(await mcp.Call("session_pickup", arguments));
        Assert.That(refused.GetProperty("exit_code").GetInt32(), Is.EqualTo(1));
        Assert.That(refused.GetProperty("message").GetString(), Does.Contain("uncommitted changes")
            .And.Contain("\"stash\": true").And.Not.Contain("--stash"), "an agent is told the tool's argument, not the CLI's flag");
        Assert.That((await Git(Repo, "rev-parse", "--abbrev-ref", "HEAD")).Trim(), Is.EqualTo("main"), "the refusal changed the branch");
        Assert.That(File.ReadAllText(Path.Combine(Repo, "app.txt")), Is.EqualTo("my local edit\n"));

        arguments["stash"] = true;
        var picked = McpHarness.Structured(await mcp.Call("session_pickup", arguments));
        Assert.That(picked.GetProperty("branch").GetString(), Is.EqualTo("devin/fix"));
        Assert.That(picked.GetProperty("commit").GetString(), Is.EqualTo(FeatureSha));
        Assert.That(picked.GetProperty("stashed").GetBoolean(), Is.True);
        Assert.That((await Git(Repo, "rev-parse", "--abbrev-ref", "HEAD")).Trim(), Is.EqualTo("devin/fix"));
        Assert.That(File.ReadAllText(Path.Combine(Repo, "app.txt")), Is.EqualTo("v2 fixed\n"));
        Assert.That(await Git(Repo, "stash", "list"), Does.Contain($"devin-handoff pickup {Session.SessionId}"));
    }
}
