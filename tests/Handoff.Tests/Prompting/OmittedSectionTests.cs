using Handoff.Core.Inspection;
using Handoff.Core.Prompting;
using static Handoff.Tests.Prompting.Samples;

namespace Handoff.Tests.Prompting;

/// <summary>The Omitted section stays short: past 30 items, new files are counted per folder, tracked and unpushed changes are always named.</summary>
public class OmittedSectionTests
{
    private readonly PromptComposer _composer = new();

    private static FileChange Big(string path) =>
        Untracked(path, Enumerable.Range(0, 200).Select(i => $"{{\"row\": {i}, \"value\": \"{new string('x', 60)}\"}},").ToArray());

    private static FileChange TrackedBig(string path) =>
        Modified(path, Hunk(1, 1, Enumerable.Range(0, 8000).Select(i => $"+{path} edited line {i}").ToArray()));

    /// <summary>The lines of the Omitted section after its heading, up to the end marker.</summary>
    private static List<string> OmittedLines(string prompt)
    {
        var lines = prompt.Split('\n');
        var start = Array.FindIndex(lines, l => l.StartsWith(FillOrder.Rule, StringComparison.Ordinal));
        Assert.That(start, Is.GreaterThan(0), "an Omitted section with the rule line");
        return lines.Skip(start + 1).TakeWhile(l => !l.StartsWith("## End", StringComparison.Ordinal)).Where(l => l.Length > 0).ToList();
    }

    [Test]
    public void Six_hundred_new_files_are_one_folder_line_and_every_tracked_change_left_out_is_named()
    {
        var working = new List<FileChange> { Modified("pkg/cmd/root/root.go", Hunk(10, 10, " ctx", "+fixed := true")) };
        working.AddRange(Enumerable.Range(0, 600).Select(i => Big($"gen/data_{i:D3}.json")));
        working.AddRange(Enumerable.Range(0, 35).Select(i => TrackedBig($"src/big{i:D2}.cs")));
        working.Add(Untracked("notes.txt", "a note"));
        working.Add(Omitted("gen/pic.png", ContentOmission.Binary, 5000) with { Kind = ChangeKind.Untracked });
        var commits = new[] { Commit(Sha(1), "huge", TrackedBig("vendor.txt")) };

        var result = _composer.Compose(Input(working, commits, task: "Fix the root command"));

        Assert.That(result.IncludedFiles, Does.Contain("pkg/cmd/root/root.go"));
        Assert.That(result.IncludedFiles, Does.Contain("notes.txt"));
        var lines = OmittedLines(result.Prompt);
        var omittedNew = result.Omitted.Count(o => o.Path.StartsWith("gen/"));
        Assert.That(lines, Has.Member($"- gen/: {omittedNew} new files, {OmittedSection.HumanSize(result.Omitted.Where(o => o.Path.StartsWith("gen/")).Sum(o => o.Size))} (binary, budget)"));
        Assert.That(omittedNew, Is.GreaterThan(550));
        foreach (var i in Enumerable.Range(0, 35))
            Assert.That(lines, Has.One.StartsWith($"- src/big{i:D2}.cs ("), "every tracked change left out is named");
        Assert.That(lines, Has.One.StartsWith("- vendor.txt (").And.One.EndsWith($"in commit {Sha(1)[..12]}"), "and every unpushed one");
        Assert.That(lines, Has.Count.EqualTo(35 + 1 + 1));
        Assert.That(result.Omitted, Has.Count.EqualTo(omittedNew + 36), "the JSON list keeps every file");
    }

    [Test]
    public void Thirty_omitted_items_are_named_one_by_one_and_thirty_one_are_grouped()
    {
        PromptInput Make(int count) => Input(Enumerable.Range(0, count).Select(i => Big($"out/f{i:D2}.json")).ToList(), maxBytes: 8_000);

        var thirty = OmittedLines(_composer.Compose(Make(30)).Prompt);
        var thirtyOne = OmittedLines(_composer.Compose(Make(31)).Prompt);

        Assert.That(thirty, Has.Count.EqualTo(30));
        Assert.That(thirty, Has.All.Matches<string>(l => l.StartsWith("- out/f") && l.EndsWith("bytes of diff, budget)")));
        Assert.That(thirtyOne, Has.Count.EqualTo(1));
        Assert.That(thirtyOne[0], Does.StartWith("- out/: 31 new files, "));
    }

    [Test]
    public void Folders_are_top_level_and_sorted_and_top_level_files_count_as_dot_slash()
    {
        var entries = new[] { "b/x/1.txt", "a/2.txt", "top.txt", "b/3.txt", "other.txt" }
            .Select((p, i) => new ManifestEntry((0, i), new OmittedItem(p, 100 * (i + 1), i == 1 ? "generated" : "budget"), Groupable: true))
            .Concat(Enumerable.Range(0, 30).Select(i => new ManifestEntry((1, i), new OmittedItem($"tracked{i}.cs", 10, "budget"))))
            .ToList();

        var lines = OmittedSection.Lines(entries).Select(l => l.Text).ToList();

        Assert.That(lines.Take(30), Has.All.StartWith("- tracked"), "named lines first, in manifest order");
        Assert.That(lines.Skip(30), Is.EqualTo(new[]
        {
            "- ./: 2 new files, 800 bytes (budget)\n",
            "- a/: 1 new file, 200 bytes (generated)\n",
            "- b/: 2 new files, 500 bytes (budget)\n",
        }));
        Assert.That(OmittedSection.Lines(entries).Sum(l => l.Items), Is.EqualTo(35));
    }

    [Test]
    public void A_folder_line_never_outgrows_its_bound_as_files_are_taken_out()
    {
        var all = Enumerable.Range(0, 40).Select(i => new ManifestEntry((0, i),
            new OmittedItem($"gen/f{i}.bin", i % 3 == 0 ? 1_048_575 : 1023, i % 2 == 0 ? "budget" : "generated"), Groupable: true)).ToList();
        var bound = OmittedSection.GroupBound(all);

        for (var keep = 1; keep <= all.Count; keep++)
            foreach (var subset in new[] { all.Take(keep), all.Skip(all.Count - keep), all.Where((_, i) => i % keep == 0) })
            {
                var items = subset.Select(e => e.Item).ToList();
                Assert.That(OmittedSection.FolderLine("gen/", items).Bytes, Is.LessThanOrEqualTo(bound), $"{items.Count} files");
            }
    }
}
