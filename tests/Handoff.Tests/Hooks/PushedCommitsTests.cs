using Handoff.Core;
using Handoff.Core.Hooks;

namespace Handoff.Tests.Hooks;

public class PushedCommitsTests
{
    private static readonly string Local = new('1', 40), Remote = new('2', 40), Zero = new('0', 40);

    [Test]
    public async Task An_update_scans_remote_sha_to_local_sha()
    {
        var git = new FakeGit()
            .On(a => a[0] == "cat-file", 0)
            .On(a => a[0] == "rev-list", 0, "c1\nc2\n");
        var commits = await new PushedCommits(git, "/repo").Select("origin", [new PushedRef("refs/heads/main", Local, "refs/heads/main", Remote)]);

        Assert.That(commits, Is.EqualTo(new[] { "c1", "c2" }));
        Assert.That(git.Calls.Last().Arguments, Is.EqualTo(new[] { "rev-list", $"{Remote}..{Local}" }));
    }

    [Test]
    public async Task A_new_branch_scans_what_no_remote_tracking_ref_of_that_remote_has()
    {
        var git = new FakeGit().On(a => a[0] == "rev-list", 0, "c1\n");
        await new PushedCommits(git, "/repo").Select("upstream", [new PushedRef("refs/heads/x", Local, "refs/heads/x", Zero)]);

        Assert.That(git.Calls.Single().Arguments, Is.EqualTo(new[] { "rev-list", Local, "--not", "--remotes=upstream" }));
    }

    [Test]
    public async Task A_force_push_over_a_commit_we_never_fetched_falls_back_to_the_new_branch_rule()
    {
        var git = new FakeGit()
            .On(a => a[0] == "cat-file", 128, stderr: "fatal: Not a valid object name")
            .On(a => a[0] == "rev-list", 0, "c1\n");
        await new PushedCommits(git, "/repo").Select("origin", [new PushedRef("refs/heads/main", Local, "refs/heads/main", Remote)]);

        Assert.That(git.Calls.Last().Arguments, Is.EqualTo(new[] { "rev-list", Local, "--not", "--remotes=origin" }));
    }

    [Test]
    public async Task Deletions_are_skipped_and_commits_shared_by_several_refs_are_listed_once()
    {
        var other = new string('3', 40);
        var git = new FakeGit()
            .On(a => a[0] == "rev-list" && a[1] == Local, 0, "c1\nc2\n")
            .On(a => a[0] == "rev-list" && a[1] == other, 0, "c3\nc2\n");
        var commits = await new PushedCommits(git, "/repo").Select("origin",
        [
            new PushedRef("refs/heads/a", Local, "refs/heads/a", Zero),
            new PushedRef("(delete)", Zero, "refs/heads/gone", Remote),
            new PushedRef("refs/heads/b", other, "refs/heads/b", Zero),
        ]);

        Assert.That(commits, Is.EqualTo(new[] { "c1", "c2", "c3" }));
        Assert.That(git.Calls, Has.Count.EqualTo(2), "nothing is run for the deletion");
    }

    [Test]
    public void A_git_failure_is_an_error_with_gits_message()
    {
        var git = new FakeGit().On(a => a[0] == "rev-list", 128, stderr: "fatal: bad object 1111\n");
        var e = Assert.ThrowsAsync<HandoffException>(() =>
            new PushedCommits(git, "/repo").Select("origin", [new PushedRef("refs/heads/a", Local, "refs/heads/a", Zero)]));
        Assert.That(e!.Message, Does.Contain("fatal: bad object 1111"));
        Assert.That(e.ExitCode, Is.EqualTo(ExitCodes.Error));
    }

    [Test]
    public async Task Whether_the_remote_commit_is_here_is_asked_of_git_as_a_commit()
    {
        var git = new FakeGit()
            .On(a => a[0] == "cat-file", 0)
            .On(a => a[0] == "rev-list", 0, "c1\n\nc2\n");
        var commits = await new PushedCommits(git, "/repo").Select("origin", [new PushedRef("refs/heads/main", Local, "refs/heads/main", Remote)]);

        Assert.That(git.Calls[0].Arguments, Is.EqualTo(new[] { "cat-file", "-e", Remote + "^{commit}" }));
        Assert.That(commits, Is.EqualTo(new[] { "c1", "c2" }), "blank lines are not commits");
    }

    [TestCase("", "no message")]
    [TestCase("\n   \n  fatal: bad object 1111  \nhint: more\n", "fatal: bad object 1111")]
    public void A_git_failure_names_the_first_line_git_wrote(string stderr, string firstLine)
    {
        var git = new FakeGit().On(a => a[0] == "rev-list", 128, stderr: stderr);
        var e = Assert.ThrowsAsync<HandoffException>(() =>
            new PushedCommits(git, "/repo").Select("origin", [new PushedRef("refs/heads/a", Local, "refs/heads/a", Zero)]));
        Assert.That(e!.Message, Is.EqualTo($"git rev-list {Local} --not --remotes=origin failed: {firstLine}"));
    }
}
