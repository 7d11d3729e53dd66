using System.Text;
using Handoff.Core.Inspection;
using Handoff.Tests.TestSupport;

namespace Handoff.Tests.Inspection;

public class RepoInspectorWorkingChangesTests
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

    private static string Numbered(int count, string prefix = "line") =>
        string.Concat(Enumerable.Range(1, count).Select(i => $"{prefix} {i}\n"));

    private static readonly byte[] Latin1Before = [.. "caf"u8, 0xE9, (byte)'\n', .. "na"u8, 0xEF, .. "ve\n"u8];
    private static readonly byte[] Latin1After = [.. "caf"u8, 0xE9, (byte)'\n', .. "na"u8, 0xEF, .. "ve\n"u8, .. "cr"u8, 0xE8, .. "me br"u8, 0xFB, .. "l"u8, 0xE9, (byte)'e', (byte)'\n'];

    /// <summary>Every kind of change at once; returns the paths that must match after `git apply`.</summary>
    private string[] MakeEveryKindOfChange()
    {
        _repo.WriteFile("staged.txt", Numbered(10));
        _repo.WriteFile("unstaged.txt", Numbered(10));
        _repo.WriteFile("both.txt", Numbered(20));
        _repo.WriteFile("deleted.txt", Numbered(5));
        _repo.WriteFile("rename-me.txt", Numbered(30, "stable content"));
        _repo.WriteFile("crlf.txt", "one\r\ntwo\r\nthree\r\n");
        _repo.WriteFile("latin1.txt", Latin1Before);
        _repo.WriteFile("no-newline.txt", "a\nb");
        _repo.WriteFile("image.bin", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0x02]);
        _repo.WriteFile("script.sh", "echo hi\n");
        _repo.Commit("base");

        _repo.WriteFile("staged.txt", Numbered(10).Replace("line 5\n", "line five\n"));
        _repo.Run("add", "staged.txt");
        _repo.WriteFile("unstaged.txt", Numbered(10) + "appended\n");
        _repo.WriteFile("both.txt", Numbered(20).Replace("line 2\n", "line two\n"));
        _repo.Run("add", "both.txt");
        _repo.WriteFile("both.txt", Numbered(20).Replace("line 2\n", "line two\n").Replace("line 19\n", "line nineteen\n"));
        _repo.DeleteFile("deleted.txt");
        _repo.Run("mv", "rename-me.txt", "renamed.txt");
        _repo.WriteFile("renamed.txt", Numbered(30, "stable content") + "one more\n");
        _repo.WriteFile("crlf.txt", "one\r\nTWO\r\nthree\r\n");
        _repo.WriteFile("latin1.txt", Latin1After);
        _repo.WriteFile("no-newline.txt", "a\nb\nc");
        _repo.WriteFile("image.bin", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x09]);
        _repo.Run("update-index", "--chmod=+x", "script.sh");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(_repo.FullPath("script.sh"), File.GetUnixFileMode(_repo.FullPath("script.sh")) | UnixFileMode.UserExecute);
        _repo.WriteFile("new dir/my file ü 日本.txt", "spaces and unicode\n");
        _repo.WriteFile("untracked/nested/deep.md", "# Title\n\n```bash\necho fenced\n```\n");
        _repo.WriteFile(".gitignore", "*.log\n");
        _repo.WriteFile("ignored.log", "must not appear\n");

        return ["staged.txt", "unstaged.txt", "both.txt", "renamed.txt", "crlf.txt", "no-newline.txt",
            "new dir/my file ü 日本.txt", "untracked/nested/deep.md", ".gitignore", "script.sh"];
    }

    [Test]
    public void Every_kind_of_change_is_listed_with_the_right_kind()
    {
        MakeEveryKindOfChange();

        var changes = Inspect().WorkingChanges.ToDictionary(c => c.Path);

        Assert.That(changes["staged.txt"].Kind, Is.EqualTo(ChangeKind.Modified));
        Assert.That(changes["unstaged.txt"].Kind, Is.EqualTo(ChangeKind.Modified));
        Assert.That(changes["both.txt"].Hunks, Has.Count.EqualTo(2), "staged and unstaged edits of one file are one diff against HEAD");
        Assert.That(changes["deleted.txt"].Kind, Is.EqualTo(ChangeKind.Deleted));
        Assert.That(changes["deleted.txt"].HeaderLines, Has.Member("deleted file mode 100644").And.Member("+++ /dev/null"));
        Assert.That(changes["renamed.txt"].Kind, Is.EqualTo(ChangeKind.Renamed));
        Assert.That(changes["renamed.txt"].OldPath, Is.EqualTo("rename-me.txt"));
        Assert.That(changes["renamed.txt"].HeaderLines, Has.Member("rename from rename-me.txt").And.Member("rename to renamed.txt"));
        Assert.That(changes["renamed.txt"].Hunks.Single().Lines.Last(), Is.EqualTo("+one more"));
        Assert.That(changes["new dir/my file ü 日本.txt"].Kind, Is.EqualTo(ChangeKind.Untracked));
        Assert.That(changes["new dir/my file ü 日本.txt"].HeaderLines[0], Is.EqualTo("diff --git a/new dir/my file ü 日本.txt b/new dir/my file ü 日本.txt"));
        Assert.That(changes["untracked/nested/deep.md"].Kind, Is.EqualTo(ChangeKind.Untracked), "untracked folders are recursed into");
        Assert.That(changes["untracked/nested/deep.md"].Hunks.Single().Lines, Has.Member("+```bash").And.Member("+```"));
        Assert.That(changes.Keys, Has.No.Member("ignored.log"));
        Assert.That(changes["script.sh"].HeaderLines, Has.Member("old mode 100644").And.Member("new mode 100755"));
        Assert.That(changes["script.sh"].Hunks, Is.Empty);
    }

    [Test]
    public void Crlf_lines_keep_their_carriage_return()
    {
        MakeEveryKindOfChange();

        var crlf = Inspect().WorkingChanges.Single(c => c.Path == "crlf.txt");

        Assert.That(crlf.Hunks.Single().Lines, Is.EqualTo(new[] { " one\r", "-two\r", "+TWO\r", " three\r" }));
    }

    [Test]
    public void Non_utf8_text_is_listed_not_inlined_because_a_prompt_cannot_carry_its_bytes()
    {
        MakeEveryKindOfChange();

        var latin1 = Inspect().WorkingChanges.Single(c => c.Path == "latin1.txt");

        Assert.That(latin1.Omission, Is.EqualTo(ContentOmission.NotUtf8));
        Assert.That(latin1.Hunks, Is.Empty);
        Assert.That(latin1.Size, Is.EqualTo(Latin1After.Length));
    }

    [Test]
    public void Binary_files_are_listed_with_size_and_no_hunks()
    {
        MakeEveryKindOfChange();

        var binary = Inspect().WorkingChanges.Single(c => c.Path == "image.bin");

        Assert.That(binary.Omission, Is.EqualTo(ContentOmission.Binary));
        Assert.That(binary.Size, Is.EqualTo(6));
        Assert.That(binary.Hunks, Is.Empty);
        Assert.That(binary.HeaderLines, Has.Member("Binary files a/image.bin and b/image.bin differ"));
    }

    [Test]
    public void Git_apply_on_a_clean_checkout_reproduces_the_working_tree_exactly()
    {
        var mustMatch = MakeEveryKindOfChange();
        var snapshot = Inspect();
        var patch = PatchText.Render(snapshot.WorkingChanges.Where(c => c.Omission == ContentOmission.None));
        var clone = _repo.NewFolder("clone");
        _repo.RunIn(clone, "clone", "-q", _repo.Path, ".");
        File.WriteAllBytes(Path.Combine(_repo.Root, "work.patch"), patch);

        _repo.RunIn(clone, "apply", "--whitespace=nowarn", Path.Combine(_repo.Root, "work.patch"));

        foreach (var path in mustMatch)
            Assert.That(File.ReadAllBytes(Path.Combine(clone, path)), Is.EqualTo(_repo.ReadFile(path)), path);
        Assert.That(File.Exists(Path.Combine(clone, "deleted.txt")), Is.False);
        Assert.That(File.Exists(Path.Combine(clone, "rename-me.txt")), Is.False);
        if (!OperatingSystem.IsWindows())
            Assert.That(File.GetUnixFileMode(Path.Combine(clone, "script.sh")).HasFlag(UnixFileMode.UserExecute), Is.True);
    }

    [Test]
    public void Missing_final_newline_is_marked()
    {
        MakeEveryKindOfChange();

        var change = Inspect().WorkingChanges.Single(c => c.Path == "no-newline.txt");

        Assert.That(change.Hunks.Single().Lines, Is.EqualTo(new[] { " a", "-b", "\\ No newline at end of file", "+b", "+c", "\\ No newline at end of file" }));
    }

    [Test]
    public void Lfs_pointer_files_are_listed_not_inlined()
    {
        const string pointer = "version https://git-lfs.github.com/spec/v1\noid sha256:{0}\nsize 123456\n";
        _repo.WriteFile("model.bin", string.Format(pointer, new string('a', 64)));
        _repo.Commit("lfs");
        _repo.WriteFile("model.bin", string.Format(pointer, new string('b', 64)));

        var change = Inspect().WorkingChanges.Single();

        Assert.That(change.Omission, Is.EqualTo(ContentOmission.LfsPointer));
        Assert.That(change.Hunks, Is.Empty);
        Assert.That(change.Size, Is.GreaterThan(0));
    }

    [Test]
    public void Oversized_files_are_listed_with_their_size()
    {
        _repo.WriteFile("small.txt", "small\n");
        _repo.Commit("base");
        _repo.WriteFile("big.txt", new string('x', 499) + "\n");
        _repo.WriteFile("small.txt", "still small\n");

        var changes = Inspect(o => o with { MaxFileBytes = 100 }).WorkingChanges.ToDictionary(c => c.Path);

        Assert.That(changes["big.txt"].Omission, Is.EqualTo(ContentOmission.TooLarge));
        Assert.That(changes["big.txt"].Size, Is.EqualTo(500));
        Assert.That(changes["big.txt"].Hunks, Is.Empty);
        Assert.That(changes["small.txt"].Omission, Is.EqualTo(ContentOmission.None));
        Assert.That(changes["small.txt"].Hunks, Has.Count.EqualTo(1));
    }

    [Test]
    public void Read_budget_stops_reading_but_keeps_listing()
    {
        _repo.CommitFile("keep.txt", "x\n");
        for (var i = 0; i < 6; i++) _repo.WriteFile($"file{i}.txt", Numbered(40, $"file {i} line"));

        var snapshot = Inspect(o => o with { ReadBudgetBytes = 1500 });
        var changes = snapshot.WorkingChanges;

        Assert.That(changes, Has.Count.EqualTo(6));
        var read = changes.Where(c => c.Omission == ContentOmission.None).ToList();
        var skipped = changes.Where(c => c.Omission == ContentOmission.ReadBudgetExceeded).ToList();
        Assert.That(read, Is.Not.Empty);
        Assert.That(skipped, Is.Not.Empty);
        Assert.That(read.Count + skipped.Count, Is.EqualTo(6));
        Assert.That(read.Take(read.Count - 1).Sum(c => c.DiffBytes), Is.LessThan(1500), "reading stops once the budget is spent");
        Assert.That(skipped, Has.All.Matches<FileChange>(c => c.Hunks.Count == 0 && c.Size > 0 && c.Kind == ChangeKind.Untracked));
        Assert.That(snapshot.Warnings, Has.Some.Contains($"{skipped.Count} more file change(s) are listed without content"));
    }

    [Test]
    public void Include_changes_false_reads_no_content()
    {
        _repo.CommitFile("a.txt", "1\n");
        _repo.WriteFile("a.txt", "2\n");

        var snapshot = Inspect(o => o with { IncludeChanges = false });

        Assert.That(snapshot.WorkingChanges, Is.Empty);
        Assert.That(snapshot.Head.Branch, Is.EqualTo("main"));
    }

    [Test]
    public void Submodule_change_is_a_commit_range()
    {
        using var library = TempGitRepo.Init();
        var first = library.CommitFile("lib.txt", "v1\n");
        _repo.CommitFile("app.txt", "app\n");
        _repo.Run("-c", "protocol.file.allow=always", "submodule", "add", "-q", library.Path, "lib");
        _repo.Commit("add submodule");
        var submodule = Path.Combine(_repo.Path, "lib");
        File.WriteAllText(Path.Combine(submodule, "lib.txt"), "v2\n");
        _repo.RunIn(submodule, "commit", "-q", "-am", "v2");
        var second = _repo.RunIn(submodule, "rev-parse", "HEAD");

        var change = Inspect().WorkingChanges.Single();

        Assert.That(change.Kind, Is.EqualTo(ChangeKind.Submodule));
        Assert.That(change.Path, Is.EqualTo("lib"));
        Assert.That(change.SubmoduleRange, Is.EqualTo($"{first}..{second}"));
        Assert.That(change.Hunks.Single().Lines, Is.EqualTo(new[] { $"-Subproject commit {first}", $"+Subproject commit {second}" }));
    }

    [Test]
    public void Symlink_content_is_its_target()
    {
        _repo.CommitFile("target.txt", "t\n");
        File.CreateSymbolicLink(_repo.FullPath("link"), "target.txt");

        var change = Inspect().WorkingChanges.Single();

        Assert.That(change.NewMode, Is.EqualTo("120000"));
        Assert.That(change.Hunks.Single().Lines, Is.EqualTo(new[] { "+target.txt", "\\ No newline at end of file" }));
    }

    [Test]
    public void Index_line_carries_git_blob_ids()
    {
        _repo.CommitFile("a.txt", "1\n");
        _repo.WriteFile("a.txt", "2\n");
        var oldId = _repo.Run("rev-parse", "HEAD:a.txt");
        var newId = _repo.Run("hash-object", "a.txt");

        var change = Inspect().WorkingChanges.Single();

        Assert.That(change.HeaderLines, Has.Member($"index {oldId[..7]}..{newId[..7]} 100644"));
    }

    [Test]
    public void Autocrlf_working_files_compare_by_their_committed_form()
    {
        _repo.Run("config", "core.autocrlf", "true");
        _repo.WriteFile("win.txt", "one\ntwo\nthree\n");
        _repo.Commit("lf in the repository");
        _repo.WriteFile("win.txt", "one\r\nTWO\r\nthree\r\n");

        var change = Inspect().WorkingChanges.Single();

        Assert.That(change.Hunks.Single().Lines, Is.EqualTo(new[] { " one", "-two", "+TWO", " three" }));
    }

    [Test]
    public void Root_commit_files_are_diffed_against_the_empty_tree()
    {
        _repo.CommitFile("first.txt", "hello\n", "root");

        var commit = Inspect().UnpushedCommits.Single();

        Assert.That(commit.Files.Single().Kind, Is.EqualTo(ChangeKind.Added));
        Assert.That(commit.Files.Single().Hunks.Single().Header, Is.EqualTo("@@ -0,0 +1 @@"));
    }

    [Test]
    public void File_replaced_by_a_symlink_applies_cleanly()
    {
        _repo.CommitFile("target.txt", "t\n");
        _repo.CommitFile("thing", "was a file\n");
        _repo.DeleteFile("thing");
        File.CreateSymbolicLink(_repo.FullPath("thing"), "target.txt");
        var snapshot = Inspect();
        var clone = _repo.NewFolder("clone");
        _repo.RunIn(clone, "clone", "-q", _repo.Path, ".");
        File.WriteAllBytes(Path.Combine(_repo.Root, "work.patch"), PatchText.Render(snapshot.WorkingChanges));

        _repo.RunIn(clone, "apply", Path.Combine(_repo.Root, "work.patch"));

        Assert.That(new FileInfo(Path.Combine(clone, "thing")).LinkTarget, Is.EqualTo("target.txt"));
    }

    [TestCase(null, TestName = "A touched but unchanged file is no change")]
    [TestCase(1L, TestName = "A touched but unchanged file is no change, also when the read budget runs out")]
    public void A_touched_but_unchanged_file_is_no_change(long? readBudget)
    {
        _repo.WriteFile("touched.txt", "same\n");
        _repo.WriteFile("a.txt", "a\n");
        _repo.WriteFile("b.txt", "b\n");
        _repo.Commit("base");
        _repo.CreateBareRemote();
        _repo.Run("push", "-q", "-u", "origin", "main"); // no unpushed commit spends the budget first
        _repo.WriteFile("touched.txt", "same\n");
        File.SetLastWriteTimeUtc(_repo.FullPath("touched.txt"), DateTime.UtcNow.AddHours(1)); // stale stat data in the index
        _repo.WriteFile("a.txt", "a\nchanged\n");
        _repo.WriteFile("b.txt", "b\nchanged\n");

        var changes = Inspect(o => o with { ReadBudgetBytes = readBudget }).WorkingChanges;

        Assert.That(changes.Select(c => c.Path), Is.EquivalentTo(new[] { "a.txt", "b.txt" }));
        if (readBudget is not null)
            Assert.That(changes.Select(c => c.Omission), Is.EquivalentTo(new[] { ContentOmission.None, ContentOmission.ReadBudgetExceeded }));
    }

    [Test]
    public void When_the_commits_spend_the_read_budget_the_working_changes_are_listed_without_content()
    {
        _repo.CommitFile("base.txt", "base\n");
        _repo.CreateBareRemote();
        _repo.Run("push", "-q", "-u", "origin", "main");
        _repo.CommitFile("big.txt", Numbered(200, "unpushed"));
        _repo.WriteFile("work.txt", "work\n");
        _repo.WriteFile("base.txt", "base\nedited\n");

        var snapshot = Inspect(o => o with { ReadBudgetBytes = 100 });

        Assert.That(snapshot.UnpushedCommits.Single().Files.Single().Omission, Is.EqualTo(ContentOmission.None), "the first file is read whole");
        Assert.That(snapshot.WorkingChanges.Select(c => (c.Path, c.Omission)), Is.EquivalentTo(new[]
        {
            ("base.txt", ContentOmission.ReadBudgetExceeded), ("work.txt", ContentOmission.ReadBudgetExceeded),
        }));
        Assert.That(snapshot.WorkingChanges.Single(c => c.Path == "work.txt").Kind, Is.EqualTo(ChangeKind.Untracked));
    }
}
