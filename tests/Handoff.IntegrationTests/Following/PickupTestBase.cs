using Handoff.FakeDevin.State;
using Handoff.IntegrationTests.Support;

namespace Handoff.IntegrationTests.Following;

/// <summary>
/// The scene every pickup test starts from, through the CLI or the MCP server: "Devin's" clone pushed devin/fix to a
/// bare remote; the user's clone ("mine") does not have that branch yet; a fake GitHub knows pull request 42 on it,
/// and a finished session points at that pull request.
/// </summary>
public abstract class PickupTestBase : FollowTestBase
{
    protected FakeGitHub GitHub { get; private set; } = null!;
    protected string Bare { get; private set; } = null!;
    protected string Repo { get; private set; } = null!;
    protected string FeatureSha { get; private set; } = null!;
    protected FakeSession Session { get; private set; } = null!;

    [SetUp]
    public async Task MakeRepositories()
    {
        GitHub = new FakeGitHub();
        Cli.Environment["DEVIN_HANDOFF_GITHUB_API_URL"] = GitHub.BaseUrl;
        Cli.Environment["GH_TOKEN"] = "ghp_faketoken";
        Cli.Environment["GIT_AUTHOR_NAME"] = Cli.Environment["GIT_COMMITTER_NAME"] = "T";
        Cli.Environment["GIT_AUTHOR_EMAIL"] = Cli.Environment["GIT_COMMITTER_EMAIL"] = "t@example.com";

        Bare = Path.Combine(WorkDir, "remote.git");
        var devin = Path.Combine(WorkDir, "devin");
        Repo = Path.Combine(WorkDir, "mine");
        await Git(WorkDir, "init", "-q", "--bare", "-b", "main", Bare);
        await Git(WorkDir, "clone", "-q", Bare, devin);
        File.WriteAllText(Path.Combine(devin, "app.txt"), "v1\n");
        await Git(devin, "add", ".");
        await Git(devin, "commit", "-qm", "init");
        await Git(devin, "push", "-q", "origin", "HEAD:main");
        await Git(WorkDir, "clone", "-q", Bare, Repo);
        await Git(devin, "checkout", "-q", "-b", "devin/fix");
        File.WriteAllText(Path.Combine(devin, "app.txt"), "v2 fixed\n");
        await Git(devin, "commit", "-qam", "fix");
        await Git(devin, "push", "-q", "origin", "devin/fix");
        FeatureSha = (await Git(devin, "rev-parse", "HEAD")).Trim();

        Session = Seed("running", "finished");
        Server.State.AddPullRequest(Session.SessionId, "https://github.com/acme/app/pull/42", "open");
        GitHub.AddPullRequest("acme", "app", 42, "devin/fix", Bare, "acme/app", FeatureSha);
    }

    [TearDown]
    public void StopGitHub() => GitHub.Dispose();

    protected async Task<string> Git(string dir, params string[] args)
    {
        var r = await Cli.Git(dir, args);
        Assert.That(r.ExitCode, Is.Zero, $"git {string.Join(' ', args)}: {r}");
        return r.StandardOutput;
    }
}
