using System.Text;
using Handoff.Core;
using Handoff.Core.Inspection;
using Handoff.Core.Prompting;
using static Handoff.Tests.Prompting.Samples;

namespace Handoff.Tests.Prompting;

public class PromptBudgetTests
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);
    private readonly PromptComposer _composer = new();

    private static string Lines(string prefix, int count, string text) =>
        string.Join("|", Enumerable.Range(0, count).Select(i => $"{prefix}{i}{text}"));

    private static FileChange Tracked(string path, int lines, string text = "plain") =>
        Modified(path, Hunk(1, 1, Enumerable.Range(0, lines).Select(i => $"+{path}:{i}:{text}").ToArray()));

    private static FileChange New(string path, int lines, string text = "plain") =>
        Untracked(path, Enumerable.Range(0, lines).Select(i => $"{path}:{i}:{text}").ToArray());

    /// <summary>A mix of commits and working files, with multi-byte UTF-8 everywhere.</summary>
    private static PromptInput Rich(long maxBytes, string? context = "Kontext: Größe €\nzweite Zeile 𝄞\ndritte") => Input(
        working:
        [
            Tracked("src/é.cs", 6, "ünïcödé €"),
            Deleted("old.txt", "alt", "älter"),
            Renamed("a/b.txt", "a/c.txt"),
            Tracked("big.txt", 40, "🙂🙂🙂 emoji line"),
            New("new/🙂.md", 3, "nëu"),
            New("new/large.log", 25, "log ✓"),
            Omitted("pic.png", ContentOmission.Binary, 4096),
        ],
        commits:
        [
            Commit(Sha(1), "Erste Änderung", Tracked("x.txt", 4, "ß")),
            Commit(Sha(2), "Zweite 🙂", Tracked("y.txt", 12, "€€"), Omitted("z.bin", ContentOmission.LfsPointer, 130)),
            Commit(Sha(3), "Dritte", Tracked("w.txt", 2, "ok")),
        ],
        context: context,
        maxBytes: maxBytes);

    /// <summary>The invariants that hold for every budget.</summary>
    private static void AssertWellFormed(PromptInput input, ComposedPrompt result)
    {
        Assert.That(result.Bytes, Is.EqualTo(StrictUtf8.GetByteCount(result.Prompt)), "valid UTF-8, Bytes exact");
        Assert.That(result.Bytes, Is.LessThanOrEqualTo(input.MaxBytes), $"budget {input.MaxBytes}");
        Assert.That(result.Prompt, Does.EndWith("\n"));
        Assert.That(result.Prompt, Does.Not.Contain(LocalDir));

        var included = result.IncludedFiles.ToHashSet();
        var budgetOmitted = result.Omitted.Where(o => o.Reason == "budget").ToHashSet();
        var blocks = FencedBlocks(result.Prompt);

        // Commits: a prefix of them, each patch whole.
        var patchCount = input.Changes.UnpushedCommits.TakeWhile(c => result.Prompt.Contains($"From {c.Sha} ")).Count();
        foreach (var later in input.Changes.UnpushedCommits.Skip(patchCount))
            Assert.That(result.Prompt, Does.Not.Contain($"From {later.Sha} "), "commits after an omitted one are omitted");
        var commitBlocks = blocks.Where(b => b.Content.StartsWith("From ", StringComparison.Ordinal)).ToList();
        if (patchCount > 0)
        {
            var n = input.Changes.UnpushedCommits.Count;
            var expected = string.Concat(input.Changes.UnpushedCommits.Take(patchCount).Select((c, i) =>
                GitPatchFormat.Commit(c, i + 1, n, c.Files.Where(f => f.Omission == ContentOmission.None))));
            Assert.That(commitBlocks.Single().Content, Is.EqualTo(expected));
        }
        else Assert.That(commitBlocks, Is.Empty);
        foreach (var c in input.Changes.UnpushedCommits.Skip(patchCount))
            foreach (var f in c.Files.Where(f => f.Omission == ContentOmission.None))
                Assert.That(budgetOmitted.Contains(new OmittedItem(f.Path, f.DiffBytes, "budget", c.Sha)), Is.True, $"{f.Path} listed as omitted");

        // Working files: included whole, in git order, or listed as omitted.
        var includedWorking = input.Changes.WorkingChanges
            .Where(f => f.Omission == ContentOmission.None && included.Contains(f.Path)).ToList();
        var diffBlocks = blocks.Where(b => b.Content.StartsWith("diff --git", StringComparison.Ordinal)).ToList();
        if (includedWorking.Count > 0)
            Assert.That(diffBlocks.Single().Content, Is.EqualTo(string.Concat(includedWorking.Select(GitPatchFormat.FileDiff))));
        else Assert.That(diffBlocks, Is.Empty);
        foreach (var f in input.Changes.WorkingChanges.Where(f => f.Omission == ContentOmission.None && !included.Contains(f.Path)))
            Assert.That(budgetOmitted.Contains(new OmittedItem(f.Path, f.DiffBytes, "budget")), Is.True, $"{f.Path} listed as omitted");

        // Fences can't be closed early: every block is either a patch series or a diff.
        Assert.That(blocks, Has.Count.EqualTo(commitBlocks.Count + diffBlocks.Count));
    }

    [Test]
    public void Every_budget_from_tiny_to_ample_is_respected_and_cuts_only_whole_units()
    {
        var full = _composer.Compose(Rich(1_000_000));
        Assert.That(full.Omitted.Where(o => o.Reason == "budget"), Is.Empty);
        var composed = 0;
        for (long budget = 1; budget <= full.Bytes + 3; budget += 3)
        {
            var input = Rich(budget);
            ComposedPrompt result;
            try { result = _composer.Compose(input); }
            catch (HandoffException e)
            {
                Assert.That(e.ExitCode, Is.EqualTo(ExitCodes.Usage));
                if (composed != 0) Assert.Fail($"budget {budget} failed after a smaller one succeeded: {e.Message}; previous: {_composer.Compose(Rich(budget - 3)).Prompt}");
                continue;
            }
            composed++;
            AssertWellFormed(input, result);
        }
        Assert.That(composed, Is.GreaterThan(full.Bytes / 6));
    }

    [Test]
    public void Budget_of_exactly_the_full_size_includes_everything_and_one_byte_less_does_not()
    {
        var full = _composer.Compose(Rich(1_000_000));
        var exact = _composer.Compose(Rich(full.Bytes));
        Assert.That(exact.Prompt, Is.EqualTo(full.Prompt));

        var tight = _composer.Compose(Rich(full.Bytes - 1));
        Assert.That(tight.Omitted.Count(o => o.Reason == "budget"), Is.GreaterThan(0));
        AssertWellFormed(Rich(full.Bytes - 1), tight);
    }

    /// <summary>The smallest budget at which the context is whole and every omitted item is listed.</summary>
    private int MetadataOnlyBudget(Func<long, PromptInput> make)
    {
        int lo = 1, hi = 1_000_000;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            var ok = false;
            try
            {
                var r = _composer.Compose(make(mid));
                ok = !r.ContextTruncated && !r.Prompt.Contains("more item");
            }
            catch (HandoffException) { }
            if (ok) hi = mid; else lo = mid + 1;
        }
        return lo;
    }

    [Test]
    public void Budget_so_small_only_the_metadata_fits_lists_every_change_as_omitted()
    {
        var budget = MetadataOnlyBudget(b => Rich(b));
        var result = _composer.Compose(Rich(budget));

        Assert.That(result.IncludedFiles, Is.Empty);
        Assert.That(result.Omitted.Count(o => o.Reason == "budget"), Is.EqualTo(9));
        Assert.That(result.Prompt, Does.Contain("Kontext: Größe €\nzweite Zeile 𝄞\ndritte\n"));
        Assert.That(result.Prompt, Does.Contain("- Branch: feature/x\n").And.Contain($"- HEAD: {HeadSha}\n"));
        Assert.That(result.Prompt, Does.Contain("The 3 patches did not fit in the prompt budget"));
        foreach (var item in result.Omitted)
            Assert.That(result.Prompt, Does.Contain(PromptSections.ManifestLine(item)));
        AssertWellFormed(Rich(budget), result);

        var smaller = _composer.Compose(Rich(budget - 1));
        Assert.That(smaller.ContextTruncated || smaller.Prompt.Contains("more item"), Is.True);
    }

    [Test]
    public void Commits_fill_oldest_first_and_stop_at_the_first_that_does_not_fit()
    {
        PromptInput Make(long b) => Input(commits:
        [
            Commit(Sha(1), "small one", Tracked("one.txt", 2)),
            Commit(Sha(2), "huge", Tracked("huge.txt", 200)),
            Commit(Sha(3), "small three", Tracked("three.txt", 12)),
        ], maxBytes: b);
        var full = _composer.Compose(Make(1_000_000)).Bytes;

        var sawFirstOnly = false;
        for (var budget = MetadataOnlyBudget(Make); budget < full; budget += 7)
        {
            var result = _composer.Compose(Make(budget));
            AssertWellFormed(Make(budget), result);
            Assert.That(result.IncludedFiles, Is.AnyOf(Array.Empty<string>(), new[] { "one.txt" }, new[] { "one.txt", "huge.txt" }));
            sawFirstOnly |= result.IncludedFiles.SequenceEqual(["one.txt"]);
        }
        Assert.That(sawFirstOnly, Is.True, "a budget where the third commit would fit but is left out after the second");
        Assert.That(_composer.Compose(Make(full - 1)).IncludedFiles, Is.EqualTo(new[] { "one.txt", "huge.txt" }));
    }

    [Test]
    public void Tracked_changes_come_before_untracked_files_even_when_larger()
    {
        // The untracked file is larger than the Omitted section it would cost, so one budget has room for the tracked file alone.
        PromptInput Make(long b) => Input([New("scratch.txt", 20), Tracked("src/app.cs", 40)], maxBytes: b);
        var start = MetadataOnlyBudget(Make);
        var results = Enumerable.Range(start, 5000).Select(b => _composer.Compose(Make(b))).ToList();
        var firstWithTracked = results.First(r => r.IncludedFiles.Contains("src/app.cs"));

        Assert.That(results.Any(r => r.IncludedFiles.SequenceEqual(["scratch.txt"]) && r.Bytes < firstWithTracked.Bytes),
            "the untracked file alone fits in smaller budgets");
        Assert.That(firstWithTracked.IncludedFiles, Is.EqualTo(new[] { "src/app.cs" }), "but the tracked change wins when only one fits");
        Assert.That(firstWithTracked.Omitted.Select(o => o.Path), Is.EqualTo(new[] { "scratch.txt" }));
    }

    [Test]
    public void Within_a_class_smaller_files_come_first_and_a_file_that_does_not_fit_is_skipped_whole()
    {
        PromptInput Make(long b) => Input([Tracked("a-big.cs", 40), Tracked("b-small.cs", 3), Tracked("c-mid.cs", 10), New("d.txt", 1)], maxBytes: b);
        var full = _composer.Compose(Make(1_000_000)).Bytes;
        var seen = new HashSet<string>();
        for (var budget = MetadataOnlyBudget(Make); budget <= full; budget += 3)
        {
            var result = _composer.Compose(Make(budget));
            AssertWellFormed(Make(budget), result);
            var tracked = result.IncludedFiles.Where(p => p.EndsWith(".cs")).ToList();
            // Included tracked files are always the smallest ones, whatever the budget.
            Assert.That(tracked, Is.EqualTo(new[] { "b-small.cs", "c-mid.cs", "a-big.cs" }.Take(tracked.Count).OrderBy(p => p, StringComparer.Ordinal)));
            seen.Add(string.Join(",", result.IncludedFiles));
        }
        // The small untracked file still gets in while the big tracked one does not fit (skip, not stop).
        Assert.That(seen, Does.Contain("b-small.cs,c-mid.cs,d.txt"));
    }

    [Test]
    public void Context_is_cut_at_a_line_boundary_with_a_marker_when_the_metadata_alone_does_not_fit()
    {
        var contextLines = Enumerable.Range(0, 80).Select(i => $"Zeile {i}: äöü € 🙂 {new string('x', i % 7)}").ToArray();
        var context = string.Join("\n", contextLines);
        PromptInput Make(long b) => Rich(b, context);
        var start = MetadataOnlyBudget(Make);

        var sawCut = 0;
        for (var budget = start - 1; budget > 0; budget -= 5)
        {
            ComposedPrompt result;
            try { result = _composer.Compose(Make(budget)); }
            catch (HandoffException) { break; }
            AssertWellFormed(Make(budget), result);
            Assert.That(result.ContextTruncated, Is.True);
            var afterHeading = result.Prompt.Split("## Context\n\n")[1];
            var section = afterHeading[..afterHeading.IndexOf(PromptSections.ContextCutMarker + "\n", StringComparison.Ordinal)];
            var kept = section.Length == 0 ? [] : section.TrimEnd('\n').Split('\n');
            Assert.That(kept, Is.EqualTo(contextLines.Take(kept.Length)), "a prefix of whole lines");
            Assert.That(result.Prompt, Does.Contain(PromptSections.ContextCutMarker + "\n"));
            Assert.That(result.Prompt, Does.StartWith("Finish the login form\n"), "the task is always whole");
            sawCut++;
        }
        Assert.That(sawCut, Is.GreaterThan(100));
    }

    [Test]
    public void Task_and_metadata_that_cannot_fit_are_a_usage_error()
    {
        var input = Input(task: new string('t', 5000), maxBytes: 3000);
        var e = Assert.Throws<HandoffException>(() => _composer.Compose(input));
        Assert.That(e!.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(e.Message, Does.Contain("3000"));
    }

    [Test]
    public void A_huge_manifest_is_shortened_with_a_summary_line_but_Omitted_keeps_everything()
    {
        // Changes to tracked files are always named (new files would be counted per folder in one line).
        var files = Enumerable.Range(0, 3000).Select(i => Tracked($"generated/file-{i:D4}.txt", 1)).ToArray();
        var input = Input(files, context: "keep me", maxBytes: 20_000);
        var result = _composer.Compose(input);

        AssertWellFormed(input, result);
        Assert.That(result.Omitted, Has.Count.EqualTo(3000));
        Assert.That(result.ContextTruncated, Is.False);
        var listed = result.Prompt.Split('\n').Count(l => l.StartsWith("- generated/", StringComparison.Ordinal));
        var summary = result.Prompt.Split('\n').Single(l => l.StartsWith("- … and ", StringComparison.Ordinal));
        Assert.That(summary, Does.StartWith($"- … and {3000 - listed} more items"));
        Assert.That(listed, Is.GreaterThan(100));
    }

    [Test]
    public void Multibyte_content_at_every_edge_never_breaks_a_character_or_the_budget()
    {
        var emoji = string.Concat(Enumerable.Repeat("🙂€ß", 30));
        PromptInput Make(long b) => Input(
            [Tracked("e1.txt", 3, emoji), New("e2.txt", 2, emoji), Tracked("e3.txt", 1, "é")],
            context: emoji + "\n" + emoji + "\n" + emoji, maxBytes: b);
        var full = _composer.Compose(Make(1_000_000)).Bytes;
        int? smallestComposed = null;
        for (var budget = 200; budget <= full; budget++)
        {
            try
            {
                AssertWellFormed(Make(budget), _composer.Compose(Make(budget)));
                smallestComposed ??= budget;
            }
            catch (HandoffException e)
            {
                Assert.That(e.ExitCode, Is.EqualTo(ExitCodes.Usage));
                // Too small for the fixed part is a usage error; once a budget fits, every larger one must too.
                Assert.That(smallestComposed, Is.Null, $"{budget} bytes refused after {smallestComposed} composed");
            }
        }
        Assert.That(smallestComposed, Is.Not.Null.And.LessThan(full / 2), "most budgets in the range compose");
    }
}
