using Handoff.Core.Inspection;
using Handoff.Core.Prompting;
using static Handoff.Tests.Prompting.Samples;

namespace Handoff.Tests.Prompting;

/// <summary>The budget is filled by value: task-named files, then commits and tracked changes, then new files, smallest first; generated files are listed only.</summary>
public class FillByValueTests
{
    private readonly PromptComposer _composer = new();

    private static FileChange Tracked(string path, int lines) =>
        Modified(path, Hunk(1, 1, Enumerable.Range(0, lines).Select(i => $"+{path} line {i}").ToArray()));

    private static FileChange New(string path, int lines) =>
        Untracked(path, Enumerable.Range(0, lines).Select(i => $"{path} line {i}").ToArray());

    /// <summary>The smallest budget (in 8-byte steps) at which <paramref name="path"/> is included.</summary>
    private long SmallestBudgetIncluding(Func<long, PromptInput> make, string path)
    {
        for (long budget = 1000; budget < 1_000_000; budget += 8)
        {
            try
            {
                if (_composer.Compose(make(budget)).IncludedFiles.Contains(path)) return budget;
            }
            catch (Handoff.Core.HandoffException) { }   // the metadata alone does not fit yet
        }
        throw new AssertionException($"{path} was never included");
    }

    [Test]
    public void A_file_the_task_names_comes_first_even_when_it_is_the_largest()
    {
        IReadOnlyList<FileChange> files = [Tracked("src/small.cs", 40), New("notes.md", 40), Tracked("pkg/cmd/root/root.go", 60)];
        foreach (var (task, context) in new[] { ("Fix pkg/cmd/root/root.go please", (string?)null), ("The bug is in `root.go`.", null), ("Fix it", "see ./pkg/cmd/root/root.go:42") })
        {
            var budget = SmallestBudgetIncluding(b => Input(files, task: task, context: context, maxBytes: b), "pkg/cmd/root/root.go");

            Assert.That(_composer.Compose(Input(files, task: task, context: context, maxBytes: budget)).IncludedFiles,
                Is.EqualTo(new[] { "pkg/cmd/root/root.go" }), task);
            var unnamed = _composer.Compose(Input(files, task: "Fix the root command", maxBytes: budget)).IncludedFiles;
            Assert.That(unnamed, Does.Contain("src/small.cs").And.Not.Contain("pkg/cmd/root/root.go"), "unnamed, the smaller files take that room");
        }
    }

    [Test]
    public void A_file_the_task_names_comes_before_the_unpushed_commits()
    {
        IReadOnlyList<FileChange> working = [Tracked("named.txt", 60)];
        IReadOnlyList<CommitPatch> commits = [Commit(Sha(1), "local work", Tracked("committed.txt", 2))];
        var budget = SmallestBudgetIncluding(b => Input(working, commits, task: "update named.txt", maxBytes: b), "named.txt");

        Assert.That(_composer.Compose(Input(working, commits, task: "update named.txt", maxBytes: budget)).IncludedFiles, Is.EqualTo(new[] { "named.txt" }));
        Assert.That(_composer.Compose(Input(working, commits, task: "something else", maxBytes: budget)).IncludedFiles, Is.EqualTo(new[] { "committed.txt" }),
            "unnamed, the commit comes first");
        var plan = _composer.Compose(Input(working, commits, task: "update named.txt", maxBytes: 1_000_000)).Plan;
        Assert.That(plan.Select(p => (p.Path, p.Class)), Is.EqualTo(new[] { ("named.txt", "named"), ("committed.txt", "commit") }));
    }

    [Test]
    public void Changes_to_tracked_files_come_before_new_files_and_smaller_ones_first()
    {
        // The new file is larger than the Omitted section it would cost, so a budget has room for the tracked files alone.
        IReadOnlyList<FileChange> files = [New("a-new.txt", 30), Tracked("z-big.cs", 40), Tracked("m-small.cs", 5)];

        var plan = _composer.Compose(Input(files, task: "Fix it", maxBytes: 1_000_000)).Plan;

        Assert.That(plan.Select(p => (p.Path, p.Class)), Is.EqualTo(new[] { ("m-small.cs", "tracked"), ("z-big.cs", "tracked"), ("a-new.txt", "new") }));
        Assert.That(plan, Has.All.Matches<PlannedFile>(p => p.Included && p.Reason is null));
        var tight = _composer.Compose(Input(files, task: "Fix it", maxBytes: SmallestBudgetIncluding(b => Input(files, task: "Fix it", maxBytes: b), "z-big.cs")));
        Assert.That(tight.IncludedFiles, Is.EqualTo(new[] { "z-big.cs", "m-small.cs" }), "the tracked files before the new one");
        Assert.That(tight.Plan.Single(p => p.Path == "a-new.txt"), Is.EqualTo(new PlannedFile("a-new.txt", null, "new", tight.Plan.Single(p => p.Path == "a-new.txt").Bytes, false, "budget")));
    }

    [TestCase(FileCategory.Generated, "generated")]
    [TestCase(FileCategory.Vendored, "vendored")]
    [TestCase(FileCategory.LockFile, "lock-file")]
    public void Generated_vendored_and_lock_files_are_only_listed_unless_the_task_names_them(FileCategory category, string reason)
    {
        var output = Tracked("api/schema.json", 3) with { Category = category };
        IReadOnlyList<FileChange> files = [output, New("notes.md", 2)];

        var result = _composer.Compose(Input(files, task: "Fix it", maxBytes: 1_000_000));

        Assert.That(result.IncludedFiles, Is.EqualTo(new[] { "notes.md" }), "listed only, even with room to spare");
        Assert.That(result.Omitted, Is.EqualTo(new[] { new OmittedItem("api/schema.json", output.Size, reason) }));
        Assert.That(result.Prompt, Does.Contain($"- api/schema.json ({output.Size} bytes, {reason})"));
        Assert.That(result.Plan[^1], Is.EqualTo(new PlannedFile("api/schema.json", null, reason, output.Size, false, reason)), "listed last");

        var named = _composer.Compose(Input(files, task: "Regenerate api/schema.json", maxBytes: 1_000_000));
        Assert.That(named.IncludedFiles, Is.EquivalentTo(new[] { "api/schema.json", "notes.md" }));
    }

    [Test]
    public void Listed_only_files_that_inspection_did_not_read_keep_their_category_as_reason()
    {
        var lockFile = new FileChange { Path = "package-lock.json", Kind = ChangeKind.Modified, Size = 90_000, Omission = ContentOmission.ListedOnly, Category = FileCategory.LockFile };

        var result = _composer.Compose(Input([lockFile], maxBytes: 1_000_000));

        Assert.That(result.Omitted.Single(), Is.EqualTo(new OmittedItem("package-lock.json", 90_000, "lock-file")));
    }

    [Test]
    public void The_prompt_says_in_one_line_how_it_chose_when_something_is_left_out()
    {
        var result = _composer.Compose(Input([Tracked("a.cs", 2), Tracked("b.cs", 400)], maxBytes: 6_000));

        Assert.That(result.Omitted.Select(o => o.Path), Is.EqualTo(new[] { "b.cs" }));
        Assert.That(result.Prompt.Split('\n'), Has.One.StartsWith(FillOrder.Rule));
    }
}
