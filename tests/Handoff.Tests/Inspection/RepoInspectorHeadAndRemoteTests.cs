using Handoff.Core;
using Handoff.Core.Inspection;
using Handoff.Tests.TestSupport;

namespace Handoff.Tests.Inspection;

public class RepoInspectorHeadAndRemoteTests
{
    private TempGitRepo _repo = null!;

    [SetUp]
    public void CreateRepo() => _repo = TempGitRepo.Init();

    [TearDown]
    public void DeleteRepo() => _repo.Dispose();

    private RepoSnapshot Inspect(string? start = null, string? remote = null) =>
        new RepoInspector().Inspect(new InspectOptions { StartDirectory = start ?? _repo.Path, RemoteName = remote });

    [Test]
    public void Outside_a_repository_fails_with_exit_1_and_the_folder()
    {
        var outside = _repo.NewFolder("not-a-repo");

        var error = Assert.Throws<HandoffException>(() => Inspect(outside));

        Assert.That(error!.ExitCode, Is.EqualTo(ExitCodes.Error));
        Assert.That(error.Message, Is.EqualTo($"not inside a git repository: {outside}"));
    }

    [Test]
    public void A_bare_repository_is_not_a_working_tree()
    {
        var bare = _repo.CreateBareRemote();

        var error = Assert.Throws<HandoffException>(() => Inspect(bare));

        Assert.That(error!.ExitCode, Is.EqualTo(ExitCodes.Error));
        Assert.That(error.Message, Does.StartWith("not inside a git working tree"));
    }

    [Test]
    public void Discovers_the_repository_from_a_subfolder()
    {
        _repo.CommitFile("src/deep/file.txt", "hello\n");

        var snapshot = Inspect(Path.Combine(_repo.Path, "src", "deep"));

        Assert.That(snapshot.WorkingDirectory, Is.EqualTo(_repo.Path));
        Assert.That(snapshot.GitDirectory, Is.EqualTo(Path.Combine(_repo.Path, ".git")));
        Assert.That(snapshot.Head, Is.EqualTo(new HeadState("main", _repo.Run("rev-parse", "HEAD"), false, false)));
        Assert.That(snapshot.WorkingChanges, Is.Empty);
    }

    [Test]
    public void Unborn_branch_has_its_name_and_no_sha_and_changes_against_the_empty_tree()
    {
        using var repo = TempGitRepo.Init("trunk");
        repo.WriteFile("first.txt", "one\ntwo\n");
        repo.WriteFile("staged.txt", "staged\n");
        repo.Run("add", "staged.txt");

        var snapshot = new RepoInspector().Inspect(new InspectOptions { StartDirectory = repo.Path });

        Assert.That(snapshot.Head, Is.EqualTo(new HeadState("trunk", null, false, true)));
        Assert.That(snapshot.Head.Describe(), Is.EqualTo("trunk"));
        Assert.That(snapshot.BaseCommit, Is.Null);
        Assert.That(snapshot.UnpushedCommits, Is.Empty);
        var first = snapshot.WorkingChanges.Single(c => c.Path == "first.txt");
        Assert.That(first.Kind, Is.EqualTo(ChangeKind.Untracked));
        Assert.That(first.Hunks.Single().Lines, Is.EqualTo(new[] { "+one", "+two" }));
        Assert.That(snapshot.WorkingChanges.Single(c => c.Path == "staged.txt").Kind, Is.EqualTo(ChangeKind.Added));
    }

    [Test]
    public void Detached_head_has_no_branch_and_the_commit_sha()
    {
        var first = _repo.CommitFile("a.txt", "1\n");
        _repo.CommitFile("a.txt", "2\n");
        _repo.Run("checkout", "-q", "--detach", first);

        var snapshot = Inspect();

        Assert.That(snapshot.Head, Is.EqualTo(new HeadState(null, first, true, false)));
        Assert.That(snapshot.Head.Describe(), Does.StartWith("(detached at ").And.Not.Contain("HEAD"));
        Assert.That(snapshot.Upstream, Is.Null);
    }

    [Test]
    public void Without_a_remote_nothing_is_shared_and_a_warning_says_so()
    {
        _repo.CommitFile("a.txt", "1\n");

        var snapshot = Inspect();

        Assert.That(snapshot.RemoteName, Is.Null);
        Assert.That(snapshot.Remote, Is.Null);
        Assert.That(snapshot.Warnings, Has.Some.Contains("no remote"));
    }

    [Test]
    public void A_local_path_remote_is_never_sent()
    {
        _repo.CommitFile("a.txt", "1\n");
        _repo.CreateBareRemote();

        var snapshot = Inspect();

        Assert.That(snapshot.RemoteName, Is.EqualTo("origin"));
        Assert.That(snapshot.Remote, Is.Null);
        Assert.That(snapshot.Warnings, Has.Member("remote 'origin' points to a local path and is not shared; the session gets no repository"));
    }

    [Test]
    public void A_file_url_remote_is_never_sent()
    {
        _repo.CommitFile("a.txt", "1\n");
        _repo.Run("remote", "add", "origin", "file:///srv/git/project.git");

        var snapshot = Inspect();

        Assert.That(snapshot.Remote, Is.Null);
        Assert.That(snapshot.Warnings, Has.Some.Contains("local path"));
    }

    [Test]
    public void Remote_url_credentials_are_stripped()
    {
        _repo.CommitFile("a.txt", "1\n");
        _repo.Run("remote", "add", "origin", "https://me:ghp_S3cr3tT0ken@github.com/acme/widgets.git");

        var snapshot = Inspect();

        Assert.That(snapshot.Remote, Is.EqualTo(new RemoteUrl("github.com", "acme/widgets")));
        Assert.That(string.Join("\n", snapshot.Warnings) + snapshot.Remote, Does.Not.Contain("S3cr3t"));
    }

    [Test]
    public void The_upstream_remote_wins_over_origin_and_remote_overrides_it()
    {
        _repo.CommitFile("a.txt", "1\n");
        _repo.Run("remote", "add", "origin", "git@github.com:me/fork.git");
        _repo.Run("remote", "add", "upstream", "https://gitlab.example.com/team/sub/project.git");
        _repo.Run("config", "branch.main.remote", "upstream");
        _repo.Run("config", "branch.main.merge", "refs/heads/main");

        var byUpstream = Inspect();
        var byOption = Inspect(remote: "origin");

        Assert.That(byUpstream.RemoteName, Is.EqualTo("upstream"));
        Assert.That(byUpstream.Remote, Is.EqualTo(new RemoteUrl("gitlab.example.com", "team/sub/project")));
        Assert.That(byUpstream.Upstream!.TrackingBranch, Is.EqualTo("upstream/main"));
        Assert.That(byOption.RemoteName, Is.EqualTo("origin"));
        Assert.That(byOption.Remote, Is.EqualTo(new RemoteUrl("github.com", "me/fork")));
    }

    [Test]
    public void Origin_is_chosen_without_an_upstream_and_the_only_remote_otherwise()
    {
        _repo.CommitFile("a.txt", "1\n");
        _repo.Run("remote", "add", "zeta", "https://example.com/z/z.git");
        Assert.That(Inspect().RemoteName, Is.EqualTo("zeta"));

        _repo.Run("remote", "add", "origin", "https://example.com/o/o.git");
        Assert.That(Inspect().RemoteName, Is.EqualTo("origin"));
    }

    [Test]
    public void Several_remotes_without_origin_choose_none_and_warn()
    {
        _repo.CommitFile("a.txt", "1\n");
        _repo.Run("remote", "add", "one", "https://example.com/a/one.git");
        _repo.Run("remote", "add", "two", "https://example.com/a/two.git");

        var snapshot = Inspect();

        Assert.That(snapshot.RemoteName, Is.Null);
        Assert.That(snapshot.Warnings, Has.Some.Contains("--remote"));
    }

    [Test]
    public void Unknown_remote_option_fails_with_exit_2_listing_the_remotes()
    {
        _repo.CommitFile("a.txt", "1\n");
        _repo.Run("remote", "add", "origin", "https://example.com/o/o.git");
        _repo.Run("remote", "add", "upstream", "https://example.com/u/u.git");

        var error = Assert.Throws<HandoffException>(() => Inspect(remote: "nope"));

        Assert.That(error!.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(error.Message, Is.EqualTo("unknown remote 'nope'; remotes: origin, upstream"));
    }

    [Test]
    public void Linked_worktree_is_inspected_on_its_own_branch_and_changes()
    {
        _repo.CommitFile("shared.txt", "base\n");
        var worktree = Path.Combine(_repo.Root, "linked");
        _repo.Run("worktree", "add", "-q", "-b", "side", worktree);
        File.WriteAllText(Path.Combine(worktree, "shared.txt"), "base\nfrom the worktree\n");
        Directory.CreateDirectory(Path.Combine(worktree, "sub"));

        var snapshot = Inspect(Path.Combine(worktree, "sub"));

        Assert.That(snapshot.WorkingDirectory, Is.EqualTo(worktree));
        Assert.That(snapshot.GitDirectory, Does.Contain(Path.Combine(".git", "worktrees")));
        Assert.That(snapshot.Head.Branch, Is.EqualTo("side"));
        var change = snapshot.WorkingChanges.Single();
        Assert.That(change.Path, Is.EqualTo("shared.txt"));
        Assert.That(change.Hunks.Single().Lines, Is.EqualTo(new[] { " base", "+from the worktree" }));
    }

    [Test]
    public void Merge_conflict_reports_the_operation_paths_and_the_marked_file()
    {
        _repo.CommitFile("c.txt", "line\n");
        _repo.Run("checkout", "-q", "-b", "other");
        _repo.CommitFile("c.txt", "theirs\n");
        _repo.Run("checkout", "-q", "main");
        _repo.CommitFile("c.txt", "ours\n");
        var merge = _repo.TryRunIn(_repo.Path, "merge", "other");
        Assert.That(merge.ExitCode, Is.Not.Zero, "the merge should conflict");

        var snapshot = Inspect();

        Assert.That(snapshot.OperationInProgress, Is.EqualTo("merge"));
        Assert.That(snapshot.ConflictedPaths, Is.EqualTo(new[] { "c.txt" }));
        var change = snapshot.WorkingChanges.Single(c => c.Path == "c.txt");
        Assert.That(change.Hunks.SelectMany(h => h.Lines), Is.EqualTo(new[] { "+<<<<<<< HEAD", " ours", "+=======", "+theirs", "+>>>>>>> other" }));
    }

    [Test]
    public void Cherry_pick_and_revert_in_progress_are_named()
    {
        _repo.CommitFile("c.txt", "line\n");
        _repo.Run("checkout", "-q", "-b", "other");
        var theirs = _repo.CommitFile("c.txt", "theirs\n");
        _repo.Run("checkout", "-q", "main");
        _repo.CommitFile("c.txt", "ours\n");
        _repo.TryRunIn(_repo.Path, "cherry-pick", theirs);

        Assert.That(Inspect().OperationInProgress, Is.EqualTo("cherry-pick"));
    }

    [Test]
    public void Rebase_stopped_on_a_conflict_is_named()
    {
        _repo.CommitFile("c.txt", "line\n");
        _repo.Run("checkout", "-q", "-b", "other");
        _repo.CommitFile("c.txt", "theirs\n");
        _repo.Run("checkout", "-q", "main");
        _repo.CommitFile("c.txt", "ours\n");
        var rebase = _repo.TryRunIn(_repo.Path, "rebase", "other");
        Assert.That(rebase.ExitCode, Is.Not.Zero, "the rebase should stop on the conflict");

        var snapshot = Inspect();

        Assert.That(snapshot.OperationInProgress, Is.EqualTo("rebase"));
        Assert.That(snapshot.ConflictedPaths, Is.EqualTo(new[] { "c.txt" }));
    }

    [Test]
    public void Inside_a_submodule_the_submodule_is_the_repository()
    {
        using var library = TempGitRepo.Init();
        library.CommitFile("lib.txt", "v1\n");
        _repo.CommitFile("app.txt", "app\n");
        _repo.Run("-c", "protocol.file.allow=always", "submodule", "add", "-q", library.Path, "lib");
        _repo.Commit("add submodule");
        var submodule = Path.Combine(_repo.Path, "lib");
        File.WriteAllText(Path.Combine(submodule, "lib.txt"), "v2\n");

        var snapshot = Inspect(submodule);

        Assert.That(snapshot.WorkingDirectory, Is.EqualTo(submodule));
        Assert.That(snapshot.GitDirectory, Does.Contain(Path.Combine(".git", "modules", "lib")));
        Assert.That(snapshot.WorkingChanges.Single().Hunks.Single().Lines, Is.EqualTo(new[] { "-v1", "+v2" }));
    }
}
