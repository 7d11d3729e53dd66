using Handoff.Core.Inspection;
using Handoff.Tests.TestSupport;

namespace Handoff.Tests.Inspection;

public class RepoInspectorHistoryTests
{
    private TempGitRepo _repo = null!;

    [SetUp]
    public void CreateRepo() => _repo = TempGitRepo.Init();

    [TearDown]
    public void DeleteRepo() => _repo.Dispose();

    private RepoSnapshot Inspect(Func<InspectOptions, InspectOptions>? configure = null)
    {
        var options = new InspectOptions { StartDirectory = _repo.Path };
        return new RepoInspector().Inspect(configure?.Invoke(options) ?? options);
    }

    /// <summary>main with two commits, pushed with -u to a bare origin; returns the pushed sha.</summary>
    private string PushedMain()
    {
        _repo.CommitFile("readme.md", "# project\n");
        _repo.CommitFile("src/app.txt", "one\ntwo\nthree\n");
        _repo.CreateBareRemote();
        _repo.Run("push", "-q", "-u", "origin", "main");
        return _repo.Run("rev-parse", "HEAD");
    }

    [Test]
    public void Branch_three_commits_ahead_lists_them_oldest_first_with_their_files()
    {
        var pushed = PushedMain();
        _repo.CommitFile("src/app.txt", "one\n2\nthree\n", "first local");
        _repo.WriteFile("src/new.txt", "brand new\n");
        _repo.Commit("second local\n\nWith a body line.");
        _repo.Run("rm", "-q", "readme.md");
        _repo.Commit("third local");

        var snapshot = Inspect();

        Assert.That(snapshot.Upstream, Is.EqualTo(new UpstreamState("origin/main", true, 3, 0)));
        Assert.That(snapshot.BaseCommit, Is.EqualTo(pushed));
        Assert.That(snapshot.UnpushedCommits.Select(c => c.Subject), Is.EqualTo(new[] { "first local", "second local", "third local" }));
        Assert.That(snapshot.UnpushedCommits[1].Message.TrimEnd(), Is.EqualTo("second local\n\nWith a body line."));
        Assert.That(snapshot.UnpushedCommits[0].AuthorName, Is.EqualTo("Test Author"));
        Assert.That(snapshot.UnpushedCommits[0].AuthorEmail, Is.EqualTo("author@example.com"));
        Assert.That(snapshot.UnpushedCommits[0].Files.Single().Hunks.Single().Lines, Is.EqualTo(new[] { " one", "-two", "+2", " three" }));
        Assert.That(snapshot.UnpushedCommits[1].Files.Single().Kind, Is.EqualTo(ChangeKind.Added));
        Assert.That(snapshot.UnpushedCommits[2].Files.Single().Kind, Is.EqualTo(ChangeKind.Deleted));
        Assert.That(snapshot.Warnings, Has.Member("3 commits are not on the remote (origin/main lacks them); they are included as patches"));
    }

    [Test]
    public void Git_am_of_the_unpushed_commits_on_the_base_rebuilds_the_same_tree()
    {
        PushedMain();
        _repo.CommitFile("src/app.txt", "one\n2\nthree\n", "first local");
        _repo.WriteFile("docs/with space é.md", "```\nfenced\n```\n");
        _repo.WriteFile("crlf.txt", "a\r\nb\r\n");
        _repo.Commit("second local");
        _repo.Run("mv", "src/app.txt", "src/renamed.txt");
        _repo.Commit("third local");
        var snapshot = Inspect();
        var clone = _repo.NewFolder("clone");
        _repo.RunIn(clone, "clone", "-q", Path.Combine(_repo.Root, "remotes", "origin.git"), ".");
        _repo.RunIn(clone, "checkout", "-q", snapshot.BaseCommit!);
        var patchFiles = new List<string>();
        for (var i = 0; i < snapshot.UnpushedCommits.Count; i++)
        {
            var file = Path.Combine(_repo.Root, $"{i + 1:0000}.patch");
            File.WriteAllBytes(file, PatchText.FormatPatch(snapshot.UnpushedCommits[i]));
            patchFiles.Add(file);
        }

        _repo.RunIn(clone, ["am", "-q", "--keep-cr", .. patchFiles]);

        Assert.That(_repo.RunIn(clone, "rev-parse", "HEAD^{tree}"), Is.EqualTo(_repo.Run("rev-parse", "HEAD^{tree}")));
        Assert.That(_repo.RunIn(clone, "log", "--format=%s", "-3"), Is.EqualTo("third local\nsecond local\nfirst local"));
    }

    [Test]
    public void Branch_never_pushed_starts_from_the_remote_default_branch()
    {
        var pushed = PushedMain();
        _repo.Run("checkout", "-q", "-b", "feature");
        _repo.CommitFile("f.txt", "f1\n");
        _repo.CommitFile("f.txt", "f2\n");

        var snapshot = Inspect();

        Assert.That(snapshot.Head.Branch, Is.EqualTo("feature"));
        Assert.That(snapshot.Upstream, Is.EqualTo(new UpstreamState(null, false, null, null)));
        Assert.That(snapshot.BaseCommit, Is.EqualTo(pushed));
        Assert.That(snapshot.UnpushedCommits, Has.Count.EqualTo(2));
        Assert.That(snapshot.Warnings, Has.Some.StartsWith("branch 'feature' was never pushed to 'origin'; its 2 commits since"));
    }

    [Test]
    public void Remote_head_symbolic_ref_names_the_default_branch()
    {
        _repo.CommitFile("a.txt", "1\n");
        _repo.Run("branch", "-m", "trunk");
        _repo.CreateBareRemote();
        _repo.Run("push", "-q", "origin", "trunk");
        var pushed = _repo.Run("rev-parse", "HEAD");
        _repo.Run("symbolic-ref", "refs/remotes/origin/HEAD", "refs/remotes/origin/trunk");
        _repo.Run("checkout", "-q", "-b", "topic");
        _repo.CommitFile("a.txt", "2\n");

        var snapshot = Inspect();

        Assert.That(snapshot.BaseCommit, Is.EqualTo(pushed));
        Assert.That(snapshot.UnpushedCommits, Has.Count.EqualTo(1));
    }

    [Test]
    public void Pushed_branch_without_upstream_config_is_still_found_on_the_remote()
    {
        PushedMain();
        _repo.Run("checkout", "-q", "-b", "side");
        _repo.CommitFile("s.txt", "1\n");
        _repo.Run("push", "-q", "origin", "side");
        _repo.CommitFile("s.txt", "2\n");

        var snapshot = Inspect();

        Assert.That(snapshot.Upstream, Is.EqualTo(new UpstreamState(null, true, 1, 0)));
        Assert.That(snapshot.UnpushedCommits.Single().Subject, Is.EqualTo("change s.txt"));
    }

    [Test]
    public void Behind_the_upstream_is_counted_and_the_base_is_the_merge_base()
    {
        var pushed = PushedMain();
        var other = _repo.NewFolder("other");
        _repo.RunIn(other, "clone", "-q", Path.Combine(_repo.Root, "remotes", "origin.git"), ".");
        File.WriteAllText(Path.Combine(other, "remote-only.txt"), "x\n");
        _repo.RunIn(other, "add", "-A");
        _repo.RunIn(other, "commit", "-q", "-m", "remote only");
        _repo.RunIn(other, "push", "-q", "origin", "main");
        _repo.Run("fetch", "-q", "origin");
        _repo.CommitFile("local.txt", "y\n");

        var snapshot = Inspect();

        Assert.That(snapshot.Upstream, Is.EqualTo(new UpstreamState("origin/main", true, 1, 1)));
        Assert.That(snapshot.BaseCommit, Is.EqualTo(pushed));
        Assert.That(snapshot.Warnings, Has.Some.StartsWith("origin/main has 1 commit that HEAD does not"));
    }

    [Test]
    public void Up_to_date_branch_has_no_unpushed_commits_and_no_warning()
    {
        var pushed = PushedMain();

        var snapshot = Inspect();

        Assert.That(snapshot.Upstream, Is.EqualTo(new UpstreamState("origin/main", true, 0, 0)));
        Assert.That(snapshot.BaseCommit, Is.EqualTo(pushed));
        Assert.That(snapshot.UnpushedCommits, Is.Empty);
        Assert.That(snapshot.Warnings, Has.None.Contains("commit"));
    }

    [Test]
    public void Detached_head_uses_the_remote_default_branch_as_base()
    {
        var pushed = PushedMain();
        _repo.Run("checkout", "-q", "--detach");
        _repo.CommitFile("d.txt", "d\n");

        var snapshot = Inspect();

        Assert.That(snapshot.Upstream, Is.Null);
        Assert.That(snapshot.BaseCommit, Is.EqualTo(pushed));
        Assert.That(snapshot.UnpushedCommits, Has.Count.EqualTo(1));
    }

    [Test]
    public void Without_any_base_the_newest_fifty_commits_are_sent_with_a_warning()
    {
        for (var i = 1; i <= RepoInspector.MaxCommitsWithoutBase + 3; i++)
            _repo.Run("commit", "-q", "--allow-empty", "-m", $"commit {i}");

        var snapshot = Inspect();

        Assert.That(snapshot.BaseCommit, Is.Null);
        Assert.That(snapshot.UnpushedCommits, Has.Count.EqualTo(RepoInspector.MaxCommitsWithoutBase));
        Assert.That(snapshot.UnpushedCommits[0].Subject, Is.EqualTo("commit 4"));
        Assert.That(snapshot.UnpushedCommits[^1].Subject, Is.EqualTo($"commit {RepoInspector.MaxCommitsWithoutBase + 3}"));
        Assert.That(snapshot.Warnings, Has.Some.Contains("only the newest 50 commits"));
    }

    [Test]
    public void Include_changes_false_keeps_commit_metadata_without_files()
    {
        PushedMain();
        _repo.CommitFile("x.txt", "x\n", "local");

        var snapshot = Inspect(o => o with { IncludeChanges = false });

        Assert.That(snapshot.UnpushedCommits.Single().Subject, Is.EqualTo("local"));
        Assert.That(snapshot.UnpushedCommits.Single().Files, Is.Empty);
    }

    [Test]
    public void Read_budget_is_shared_by_commits_and_working_changes()
    {
        PushedMain();
        _repo.CommitFile("big.txt", string.Concat(Enumerable.Range(0, 200).Select(i => $"line {i}\n")), "big");
        _repo.WriteFile("later.txt", "later\n");

        var snapshot = Inspect(o => o with { ReadBudgetBytes = 100 });

        Assert.That(snapshot.UnpushedCommits.Single().Files.Single().Omission, Is.EqualTo(ContentOmission.None));
        var later = snapshot.WorkingChanges.Single();
        Assert.That(later.Omission, Is.EqualTo(ContentOmission.ReadBudgetExceeded));
        Assert.That(later.Size, Is.EqualTo(6));
    }
}
