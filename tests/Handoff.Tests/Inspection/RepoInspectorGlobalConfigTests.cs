using Handoff.Core.Inspection;
using Handoff.Tests.TestSupport;

namespace Handoff.Tests.Inspection;

/// <summary>
/// Settings that usually live in the global config (GIT_CONFIG_GLOBAL here, as the test assembly sets it) must
/// shape what is read: libgit2's own config for ignore rules, our config reads for core.autocrlf and upstreams.
/// </summary>
[NonParallelizable]
public class RepoInspectorGlobalConfigTests
{
    private TempGitRepo _repo = null!;
    private string _originalGlobal = "";

    [SetUp]
    public void CreateRepo()
    {
        _repo = TempGitRepo.Init();
        _originalGlobal = File.ReadAllText(LibGit2IsolationSetUp.GlobalConfigFile);
    }

    [TearDown]
    public void Restore()
    {
        File.WriteAllText(LibGit2IsolationSetUp.GlobalConfigFile, _originalGlobal);
        _repo.Dispose();
    }

    private void Global(string text) => File.WriteAllText(LibGit2IsolationSetUp.GlobalConfigFile, text);

    private RepoSnapshot Inspect() => new RepoInspector().Inspect(new InspectOptions { StartDirectory = _repo.Path });

    [Test]
    public void A_global_excludes_file_hides_untracked_files_like_git_status()
    {
        var excludes = Path.Combine(_repo.Root, "home", "global-ignore");
        File.WriteAllText(excludes, "*.log\n");
        Global($"[core]\n\texcludesFile = {excludes.Replace('\\', '/')}\n");
        _repo.CommitFile("README.md", "# demo\n");
        _repo.WriteFile("notes.txt", "keep\n");
        _repo.WriteFile("debug.log", "hide\n");

        var paths = Inspect().WorkingChanges.Select(c => c.Path).ToList();

        Assert.That(paths, Is.EqualTo(new[] { "notes.txt" }));
        Assert.That(_repo.Run("-c", $"core.excludesFile={excludes}", "status", "--porcelain", "--untracked-files=all"), Is.EqualTo("?? notes.txt"), "git agrees");
    }

    [Test]
    public void A_global_autocrlf_compares_working_files_by_their_committed_form()
    {
        _repo.WriteFile("win.txt", "one\ntwo\nthree\n");
        _repo.Commit("lf in the repository");
        Global("[core]\n\tautocrlf = true\n");
        _repo.WriteFile("win.txt", "one\r\nTWO\r\nthree\r\n");

        var change = Inspect().WorkingChanges.Single();

        Assert.That(change.Hunks.Single().Lines, Is.EqualTo(new[] { " one", "-two", "+TWO", " three" }));
    }
}
