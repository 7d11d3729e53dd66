using System.Text.Json;
using Handoff.FakeDevin.State;
using Handoff.IntegrationTests.Support;

namespace Handoff.IntegrationTests.Following;

[Parallelizable(ParallelScope.All)]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public class PickupTests : FollowTestBase
{
    private FakeGitHub _github = null!;
    private string _bare = null!;
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

        // "Devin's" clone pushes devin/fix to the bare remote; the user's clone does not have that branch yet.
        _bare = Path.Combine(WorkDir, "remote.git");
        var devin = Path.Combine(WorkDir, "devin");
        _repo = Path.Combine(WorkDir, "mine");
        await Git(WorkDir, "init", "-q", "--bare", "-b", "main", _bare);
        await Git(WorkDir, "clone", "-q", _bare, devin);
        File.WriteAllText(Path.Combine(devin, "app.txt"), "v1\n");
        await Git(devin, "add", ".");
        await Git(devin, "commit", "-qm", "init");
        await Git(devin, "push", "-q", "origin", "HEAD:main");
        await Git(WorkDir, "clone", "-q", _bare, _repo);
        await Git(devin, "checkout", "-q", "-b", "devin/fix");
        File.WriteAllText(Path.Combine(devin, "app.txt"), "v2 fixed\n");
        await Git(devin, "commit", "-qam", "fix");
        await Git(devin, "push", "-q", "origin", "devin/fix");
        _featureSha = (await Git(devin, "rev-parse", "HEAD")).Trim();

        _session = Seed("running", "finished");
        Server.State.AddPullRequest(_session.SessionId, "https://github.com/acme/app/pull/42", "open");
        _github.AddPullRequest("acme", "app", 42, "devin/fix", _bare, "acme/app", _featureSha);
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
    public async Task Checks_out_the_pr_branch_from_the_matching_remote()
    {
        var result = await Cli.Run(_repo, "pickup", _session.SessionId, "--json");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        var o = JsonDocument.Parse(result.StandardOutput).RootElement;
        Assert.That(o.GetProperty("branch").GetString(), Is.EqualTo("devin/fix"));
        Assert.That(o.GetProperty("commit").GetString(), Is.EqualTo(_featureSha));
        Assert.That(o.GetProperty("source").GetString(), Is.EqualTo("origin"));
        Assert.That(o.GetProperty("pr_url").GetString(), Is.EqualTo("https://github.com/acme/app/pull/42"));
        Assert.That(o.GetProperty("stashed").GetBoolean(), Is.False);
        Assert.That((await Git(_repo, "rev-parse", "--abbrev-ref", "HEAD")).Trim(), Is.EqualTo("devin/fix"));
        Assert.That(File.ReadAllText(Path.Combine(_repo, "app.txt")), Is.EqualTo("v2 fixed\n"));
        Assert.That((await Git(_repo, "rev-parse", "--abbrev-ref", "devin/fix@{upstream}")).Trim(), Is.EqualTo("origin/devin/fix"));

        var request = _github.Requests.Single();
        Assert.That(request.Path, Does.EndWith("/repos/acme/app/pulls/42"));
        Assert.That(request.Authorization, Does.Contain("ghp_faketoken"));
    }

    [Test]
    public async Task A_fork_without_a_remote_is_fetched_by_url()
    {
        await Git(_repo, "remote", "set-url", "origin", "https://example.invalid/acme/app.git");
        var result = await Cli.Run(_repo, "pickup", "--json", _session.SessionId.Replace("devin-", ""));
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        var o = JsonDocument.Parse(result.StandardOutput).RootElement;
        Assert.That(o.GetProperty("source").GetString(), Is.EqualTo(_bare));
        Assert.That(o.GetProperty("from_remote").GetBoolean(), Is.False);
        Assert.That((await Git(_repo, "rev-parse", "HEAD")).Trim(), Is.EqualTo(_featureSha));
    }

    [Test]
    public async Task A_dirty_tree_is_refused_and_stash_sets_it_aside()
    {
        File.WriteAllText(Path.Combine(_repo, "app.txt"), "my local edit\n");

        var refused = await Cli.Run(_repo, "pickup", _session.SessionId);
        Assert.That(refused.ExitCode, Is.EqualTo(1), refused.ToString());
        Assert.That(refused.StandardError, Does.Contain("uncommitted changes").And.Contain("--stash"));
        Assert.That((await Git(_repo, "rev-parse", "--abbrev-ref", "HEAD")).Trim(), Is.EqualTo("main"), "nothing changed");
        Assert.That(File.ReadAllText(Path.Combine(_repo, "app.txt")), Is.EqualTo("my local edit\n"));

        var stashed = await Cli.Run(_repo, "pickup", _session.SessionId, "--stash");
        Assert.That(stashed.ExitCode, Is.EqualTo(0), stashed.ToString());
        Assert.That(stashed.StandardOutput.Trim(), Is.EqualTo("devin/fix"));
        Assert.That((await Git(_repo, "rev-parse", "--abbrev-ref", "HEAD")).Trim(), Is.EqualTo("devin/fix"));
        Assert.That(await Git(_repo, "stash", "list"), Does.Contain($"devin-handoff pickup {_session.SessionId}"));
    }

    [Test]
    public async Task A_pull_request_github_does_not_know_is_not_found_with_a_hint_about_private_repositories()
    {
        var missing = Seed("running", "finished");
        Server.State.AddPullRequest(missing.SessionId, "https://github.com/acme/private-app/pull/7", "open");
        Cli.Environment["GH_TOKEN"] = null;
        Cli.Environment["GITHUB_TOKEN"] = null;

        var result = await Cli.Run(_repo, "pickup", missing.SessionId);

        Assert.That(result.ExitCode, Is.EqualTo(5), result.ToString());
        Assert.That(result.StandardError.Trim(), Is.EqualTo(
            "devin-handoff: pull request acme/private-app#7 not found on github.com (a private repository needs GH_TOKEN or GITHUB_TOKEN)"));
        Assert.That(_github.Requests.Single().Path, Does.EndWith("/repos/acme/private-app/pulls/7"));
    }

    [Test]
    public async Task A_session_without_a_pr_is_not_found_and_a_non_github_pr_explains_what_to_run()
    {
        var bare = Seed("running", "working");
        var gitlab = Seed("running", "finished");
        Server.State.AddPullRequest(gitlab.SessionId, "https://gitlab.example.com/acme/app/-/merge_requests/5", "opened");

        var none = await Cli.Run(_repo, "pickup", bare.SessionId);
        var other = await Cli.Run(_repo, "pickup", gitlab.SessionId, "--json");

        Assert.That(none.ExitCode, Is.EqualTo(5), none.ToString());
        Assert.That(none.StandardError, Does.Contain("no pull request"));
        Assert.That(other.ExitCode, Is.EqualTo(1), other.ToString());
        var error = JsonDocument.Parse(other.StandardOutput).RootElement.GetProperty("error");
        Assert.That(error.GetProperty("message").GetString(), Does.Contain("git fetch"));
        Assert.That(_github.Requests, Is.Empty);
    }
}
