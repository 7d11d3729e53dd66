using Handoff.Core.Git;
using Handoff.Tests.TestSupport;

namespace Handoff.Tests.Git;

/// <summary>
/// Every repository form, made by git itself; the finder must agree with git (rev-parse --absolute-git-dir) and,
/// in this JIT test run, with LibGit2Sharp's Repository.Discover it replaces.
/// </summary>
public class GitDirectoryFinderTests
{
    private TempGitRepo _repo = null!;

    [SetUp]
    public void CreateRepo()
    {
        _repo = TempGitRepo.Init();
        _repo.CommitFile("src/deep/file.txt", "hello\n");
    }

    [TearDown]
    public void DeleteRepo() => _repo.Dispose();

    private static string Dir(string path) => path + Path.DirectorySeparatorChar;

    private void AssertAgreesWithGitAndLibGit2(string start, string expectedGitDir)
    {
        var found = GitDirectoryFinder.Find(start);
        Assert.That(found, Is.EqualTo(Dir(expectedGitDir)));
        Assert.That(found, Is.EqualTo(Dir(_repo.RunIn(start, "rev-parse", "--absolute-git-dir"))), "git's own answer");
        Assert.That(found, Is.EqualTo(LibGit2Sharp.Repository.Discover(start)), "the call it replaces, same form");
    }

    [Test]
    public void Working_tree_root_and_any_subfolder_find_the_dot_git_folder()
    {
        var gitDir = Path.Combine(_repo.Path, ".git");
        AssertAgreesWithGitAndLibGit2(_repo.Path, gitDir);
        AssertAgreesWithGitAndLibGit2(Path.Combine(_repo.Path, "src", "deep"), gitDir);
        Assert.That(GitDirectoryFinder.Find(Path.Combine(_repo.Path, "src") + Path.DirectorySeparatorChar), Is.EqualTo(Dir(gitDir)), "a trailing separator on the start folder");
    }

    [Test]
    public void Linked_worktree_finds_its_own_git_directory_and_the_common_directory_is_the_main_one()
    {
        var worktree = Path.Combine(_repo.Root, "wt");
        _repo.Run("worktree", "add", "-q", "-b", "side", worktree);
        var gitDir = Path.Combine(_repo.Path, ".git", "worktrees", "wt");

        AssertAgreesWithGitAndLibGit2(worktree, gitDir);
        AssertAgreesWithGitAndLibGit2(Path.Combine(worktree, "src", "deep"), gitDir);
        Assert.That(GitDirectoryFinder.CommonDirectory(GitDirectoryFinder.Find(worktree)!), Is.EqualTo(Path.Combine(_repo.Path, ".git")));
        Assert.That(GitDirectoryFinder.CommonDirectory(Path.Combine(_repo.Path, ".git")), Is.EqualTo(Path.Combine(_repo.Path, ".git")));
    }

    [Test]
    public void Submodule_follows_its_relative_gitdir_file()
    {
        using var library = TempGitRepo.Init();
        library.CommitFile("lib.txt", "lib\n");
        _repo.Run("-c", "protocol.file.allow=always", "submodule", "add", "-q", library.Path, "vendor/lib");
        var submodule = Path.Combine(_repo.Path, "vendor", "lib");
        Assert.That(File.ReadAllText(Path.Combine(submodule, ".git")), Does.StartWith("gitdir: ../../"), "git wrote a relative link");

        AssertAgreesWithGitAndLibGit2(submodule, Path.Combine(_repo.Path, ".git", "modules", "vendor", "lib"));
    }

    [Test]
    public void Bare_repository_is_found_from_itself_and_from_inside()
    {
        var bare = _repo.CreateBareRemote();

        AssertAgreesWithGitAndLibGit2(bare, bare);
        Assert.That(GitDirectoryFinder.Find(Path.Combine(bare, "refs", "heads")), Is.EqualTo(Dir(bare)));
    }

    [Test]
    public void Outside_any_repository_or_a_missing_folder_is_null()
    {
        var outside = Path.Combine(_repo.Root, "home");

        Assert.That(GitDirectoryFinder.Find(outside), Is.Null);
        Assert.That(LibGit2Sharp.Repository.Discover(outside), Is.Null, "LibGit2Sharp agreed");
        Assert.That(GitDirectoryFinder.Find(Path.Combine(_repo.Path, "no-such-folder")), Is.Null);
        Assert.That(GitDirectoryFinder.Find(""), Is.Null);
    }

    [Test]
    public void A_dot_git_file_pointing_nowhere_stops_the_search_instead_of_finding_the_enclosing_repository()
    {
        var nested = Path.Combine(_repo.Path, "nested");
        Directory.CreateDirectory(nested);
        File.WriteAllText(Path.Combine(nested, ".git"), "gitdir: ../gone/.git/worktrees/x\n");

        Assert.That(GitDirectoryFinder.Find(nested), Is.Null);
        Assert.That(_repo.TryRunIn(nested, "rev-parse", "--git-dir").ExitCode, Is.Not.Zero, "git refuses it too");
    }

    [Test]
    public void An_absolute_gitdir_file_is_followed()
    {
        var elsewhere = _repo.NewFolder("separate-work");
        var separateGitDir = Path.Combine(_repo.Root, "separate.git");
        _repo.RunIn(elsewhere, "init", "-q", "--separate-git-dir", separateGitDir);
        Assert.That(File.ReadAllText(Path.Combine(elsewhere, ".git")).Trim(), Is.EqualTo("gitdir: " + separateGitDir));

        AssertAgreesWithGitAndLibGit2(elsewhere, separateGitDir);
    }
}
