using Handoff.Core.Inspection;
using Handoff.Tests.TestSupport;

namespace Handoff.Tests.Inspection;

/// <summary>Inspect plans before it reads: the read budget goes to the changes of most value, never to path order.</summary>
public class RepoInspectorReadPlanTests
{
    private TempGitRepo _repo = null!;

    [SetUp]
    public void CreateRepo()
    {
        _repo = TempGitRepo.Init();
        _repo.WriteFile("zzz/fix.go", Numbered(50, "package code"));
        _repo.WriteFile("package-lock.json", "{\n  \"lockfileVersion\": 3\n}\n");
        _repo.Commit("base");
        _repo.CreateBareRemote();
        _repo.Run("push", "-q", "-u", "origin", "main");
    }

    [TearDown]
    public void DeleteRepo() => _repo.Dispose();

    private RepoSnapshot Inspect(long? readBudget, params string[] mentions) => new RepoInspector().Inspect(new InspectOptions
    {
        StartDirectory = _repo.Path,
        ReadBudgetBytes = readBudget,
        Mentions = new PathMentions(mentions),
    });

    private static string Numbered(int count, string prefix) => string.Concat(Enumerable.Range(1, count).Select(i => $"{prefix} {i}\n"));

    /// <summary>Six large new files that sort before the one-line fix, as `git add -N` leaves them.</summary>
    private void AddNewFilesAndAFix()
    {
        for (var i = 0; i < 6; i++) _repo.WriteFile($"aaa/data{i}.json", Numbered(100, $"{{\"row{i}\": true}}"));
        _repo.Run("add", "-N", "aaa");
        File.AppendAllText(_repo.FullPath("zzz/fix.go"), "// the fix\n");
    }

    [Test]
    public void A_small_tracked_change_is_read_before_new_files_that_come_first_in_path_order()
    {
        AddNewFilesAndAFix();

        var changes = Inspect(readBudget: 3000).WorkingChanges.ToDictionary(c => c.Path);

        Assert.That(changes["zzz/fix.go"].Omission, Is.EqualTo(ContentOmission.None));
        Assert.That(changes["zzz/fix.go"].Hunks.SelectMany(h => h.Lines), Has.Member("+// the fix"));
        Assert.That(changes.Values.Count(c => c.Omission == ContentOmission.ReadBudgetExceeded), Is.InRange(4, 6), "the budget stops the rest");
        Assert.That(changes.Values.Where(c => c.Path.StartsWith("aaa/")), Has.All.Matches<FileChange>(c => c.Kind == ChangeKind.Untracked),
            "files only marked intent-to-add are new files, not staged ones");
    }

    [Test]
    public void A_file_the_task_names_is_read_first()
    {
        AddNewFilesAndAFix();

        var changes = Inspect(readBudget: 1000, "look at aaa/data4.json").WorkingChanges.ToDictionary(c => c.Path);

        Assert.That(changes["aaa/data4.json"].Omission, Is.EqualTo(ContentOmission.None));
        Assert.That(changes["zzz/fix.go"].Omission, Is.EqualTo(ContentOmission.ReadBudgetExceeded), "the named file spent the budget");
    }

    [Test]
    public void Generated_and_lock_files_are_listed_without_reading_them_and_cost_no_budget()
    {
        _repo.WriteFile(".gitattributes", "api/*.json linguist-generated\nthird_party/** linguist-vendored\n");
        _repo.WriteFile("api/schema.json", Numbered(400, "\"generated\": 1"));
        _repo.WriteFile("third_party/lib.c", Numbered(400, "int x;"));
        _repo.WriteFile("dist/bundle.js", Numbered(400, "var a;"));
        _repo.WriteFile("package-lock.json", Numbered(400, "\"dep\": 1"));
        File.AppendAllText(_repo.FullPath("zzz/fix.go"), "// the fix\n");

        var changes = Inspect(readBudget: 2000).WorkingChanges.ToDictionary(c => c.Path);

        Assert.That(changes["api/schema.json"].Category, Is.EqualTo(FileCategory.Generated));
        Assert.That(changes["third_party/lib.c"].Category, Is.EqualTo(FileCategory.Vendored));
        Assert.That(changes["dist/bundle.js"].Category, Is.EqualTo(FileCategory.Generated));
        Assert.That(changes["package-lock.json"].Category, Is.EqualTo(FileCategory.LockFile));
        foreach (var path in new[] { "api/schema.json", "third_party/lib.c", "dist/bundle.js", "package-lock.json" })
        {
            Assert.That(changes[path].Omission, Is.EqualTo(ContentOmission.ListedOnly), path);
            Assert.That(changes[path].Hunks, Is.Empty, path);
            Assert.That(changes[path].Size, Is.GreaterThan(2000), path);
        }
        Assert.That(changes["zzz/fix.go"].Omission, Is.EqualTo(ContentOmission.None));
        Assert.That(changes[".gitattributes"].Omission, Is.EqualTo(ContentOmission.None));

        var named = Inspect(readBudget: null, "package-lock.json").WorkingChanges.Single(c => c.Path == "package-lock.json");
        Assert.That(named.Omission, Is.EqualTo(ContentOmission.None), "read when the task names it");
        Assert.That(named.Category, Is.EqualTo(FileCategory.LockFile));
    }

    [Test]
    public void A_lock_file_in_an_unpushed_commit_is_listed_only()
    {
        _repo.WriteFile("package-lock.json", Numbered(300, "\"dep\": 2"));
        _repo.WriteFile("zzz/fix.go", "package code\n");
        _repo.Commit("bump");

        var files = Inspect(readBudget: 1000).UnpushedCommits.Single().Files.ToDictionary(f => f.Path);

        Assert.That(files["package-lock.json"].Omission, Is.EqualTo(ContentOmission.ListedOnly));
        Assert.That(files["package-lock.json"].Category, Is.EqualTo(FileCategory.LockFile));
        Assert.That(files["zzz/fix.go"].Omission, Is.EqualTo(ContentOmission.None), "the lock file spent no budget");
    }
}
