using System.Text.Json;
using Handoff.IntegrationTests.Support;

namespace Handoff.IntegrationTests.Following;

[Parallelizable(ParallelScope.All)]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public class PickupTests : PickupTestBase
{
    [Test]
    public async Task Checks_out_the_pr_branch_from_the_matching_remote()
    {
        var result = await Cli.Run(Repo, "pickup", Session.SessionId, "--json");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        var o = JsonDocument.Parse(result.StandardOutput).RootElement;
        Assert.That(o.GetProperty("branch").GetString(), Is.EqualTo("devin/fix"));
        Assert.That(o.GetProperty("commit").GetString(), Is.EqualTo(FeatureSha));
        Assert.That(o.GetProperty("source").GetString(), Is.EqualTo("origin"));
        Assert.That(o.GetProperty("pr_url").GetString(), Is.EqualTo("https://github.com/acme/app/pull/42"));
        Assert.That(o.GetProperty("stashed").GetBoolean(), Is.False);
        Assert.That((await Git(Repo, "rev-parse", "--abbrev-ref", "HEAD")).Trim(), Is.EqualTo("devin/fix"));
        Assert.That(File.ReadAllText(Path.Combine(Repo, "app.txt")), Is.EqualTo("v2 fixed\n"));
        Assert.That((await Git(Repo, "rev-parse", "--abbrev-ref", "devin/fix@{upstream}")).Trim(), Is.EqualTo("origin/devin/fix"));

        var request = GitHub.Requests.Single();
        Assert.That(request.Path, Does.EndWith("/repos/acme/app/pulls/42"));
        Assert.That(request.Authorization, Does.Contain("ghp_faketoken"));
    }

    [Test]
    public async Task A_fork_without_a_remote_is_fetched_by_url()
    {
        await Git(Repo, "remote", "set-url", "origin", "https://example.invalid/acme/app.git");
        var result = await Cli.Run(Repo, "pickup", "--json", Session.SessionId.Replace("devin-", ""));
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        var o = JsonDocument.Parse(result.StandardOutput).RootElement;
        Assert.That(o.GetProperty("source").GetString(), Is.EqualTo(Bare));
        Assert.That(o.GetProperty("from_remote").GetBoolean(), Is.False);
        Assert.That((await Git(Repo, "rev-parse", "HEAD")).Trim(), Is.EqualTo(FeatureSha));
    }

    [Test]
    public async Task A_dirty_tree_is_refused_and_stash_sets_it_aside()
    {
        File.WriteAllText(Path.Combine(Repo, "app.txt"), "my local edit\n");

        var refused = await Cli.Run(Repo, "pickup", Session.SessionId);
        Assert.That(refused.ExitCode, Is.EqualTo(1), refused.ToString());
        Assert.That(refused.StandardError, Does.Contain("uncommitted changes").And.Contain("--stash"));
        Assert.That((await Git(Repo, "rev-parse", "--abbrev-ref", "HEAD")).Trim(), Is.EqualTo("main"), "nothing changed");
        Assert.That(File.ReadAllText(Path.Combine(Repo, "app.txt")), Is.EqualTo("my local edit\n"));

        var stashed = await Cli.Run(Repo, "pickup", Session.SessionId, "--stash");
        Assert.That(stashed.ExitCode, Is.EqualTo(0), stashed.ToString());
        Assert.That(stashed.StandardOutput.Trim(), Is.EqualTo("devin/fix"));
        Assert.That((await Git(Repo, "rev-parse", "--abbrev-ref", "HEAD")).Trim(), Is.EqualTo("devin/fix"));
        Assert.That(await Git(Repo, "stash", "list"), Does.Contain($"devin-handoff pickup {Session.SessionId}"));
    }

    [Test]
    public async Task A_pull_request_github_does_not_know_is_not_found_with_a_hint_about_private_repositories()
    {
        var missing = Seed("running", "finished");
        Server.State.AddPullRequest(missing.SessionId, "https://github.com/acme/private-app/pull/7", "open");
        Cli.Environment["GH_TOKEN"] = null;
        Cli.Environment["GITHUB_TOKEN"] = null;

        var result = await Cli.Run(Repo, "pickup", missing.SessionId);

        Assert.That(result.ExitCode, Is.EqualTo(5), result.ToString());
        Assert.That(result.StandardError.Trim(), Is.EqualTo(
            "devin-handoff: pull request acme/private-app#7 not found on github.com (a private repository needs GH_TOKEN or GITHUB_TOKEN)"));
        Assert.That(GitHub.Requests.Single().Path, Does.EndWith("/repos/acme/private-app/pulls/7"));
    }

    [Test]
    public async Task A_session_without_a_pr_is_not_found_and_a_non_github_pr_explains_what_to_run()
    {
        var bare = Seed("running", "working");
        var gitlab = Seed("running", "finished");
        Server.State.AddPullRequest(gitlab.SessionId, "https://gitlab.example.com/acme/app/-/merge_requests/5", "opened");

        var none = await Cli.Run(Repo, "pickup", bare.SessionId);
        var other = await Cli.Run(Repo, "pickup", gitlab.SessionId, "--json");

        Assert.That(none.ExitCode, Is.EqualTo(5), none.ToString());
        Assert.That(none.StandardError, Does.Contain("no pull request"));
        Assert.That(other.ExitCode, Is.EqualTo(1), other.ToString());
        var error = JsonDocument.Parse(other.StandardOutput).RootElement.GetProperty("error");
        Assert.That(error.GetProperty("message").GetString(), Does.Contain("git fetch"));
        Assert.That(GitHub.Requests, Is.Empty);
    }
}
