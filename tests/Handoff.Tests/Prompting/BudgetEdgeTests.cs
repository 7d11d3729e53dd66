using System.Text;
using System.Text.RegularExpressions;
using Handoff.Core;
using Handoff.Core.Inspection;
using Handoff.Core.Prompting;
using Handoff.Core.Secrets;
using static Handoff.Tests.Prompting.Samples;

namespace Handoff.Tests.Prompting;

/// <summary>The budget at its edges: a budget of exactly the right size, the size a refusal asks for, a cut context, the plan.</summary>
public class BudgetEdgeTests
{
    private readonly PromptComposer _composer = new();

    private static FileChange Tracked(string path, int lines) =>
        Modified(path, Hunk(1, 1, Enumerable.Range(0, lines).Select(i => $"+{path} line {i}").ToArray()));

    [Test]
    public void A_missing_input_or_a_budget_below_one_byte_is_refused_before_anything_is_composed()
    {
        Assert.Throws<ArgumentNullException>(() => _composer.Compose(null!));
        foreach (var budget in new long[] { 0, -5 })
        {
            var e = Assert.Throws<HandoffException>(() => _composer.Compose(Input(maxBytes: budget)));
            Assert.That(e!.ExitCode, Is.EqualTo(ExitCodes.Usage));
            Assert.That(e.Message, Is.EqualTo($"the prompt budget must be a positive number of bytes (got {budget})"));
        }
    }

    [Test]
    public void A_budget_of_exactly_the_full_size_takes_the_last_commit_even_with_a_file_still_listed()
    {
        PromptInput Make(long b) => Input(
            [Omitted("logo.png", ContentOmission.Binary, 2048)],
            [Commit(Sha(1), "First", Tracked("a.txt", 3), Tracked("b.txt", 4)), Commit(Sha(2), "Second", Tracked("c.txt", 2), Tracked("d.txt", 5))],
            maxBytes: b);
        var full = _composer.Compose(Make(1_000_000));
        var exact = _composer.Compose(Make(full.Bytes));

        Assert.That(exact.Prompt, Is.EqualTo(full.Prompt));
        Assert.That(exact.IncludedFiles, Is.EqualTo(new[] { "a.txt", "b.txt", "c.txt", "d.txt" }));
        Assert.That(_composer.Compose(Make(full.Bytes - 1)).IncludedFiles, Is.EqualTo(new[] { "a.txt", "b.txt" }));
    }

    [Test]
    public void Small_changes_that_fit_only_all_together_are_all_inlined()
    {
        // Listing a file costs the Omitted section's heading and a line: here more than either small diff.
        PromptInput Make(long b) => Input([Tracked("a.txt", 3), Tracked("b.txt", 4)], [Commit(Sha(1), "c", Tracked("c.txt", 1))], maxBytes: b);
        var full = _composer.Compose(Make(1_000_000));
        var exact = _composer.Compose(Make(full.Bytes));

        Assert.That(exact.Prompt, Is.EqualTo(full.Prompt));
        Assert.That(exact.IncludedFiles, Is.EqualTo(new[] { "c.txt", "a.txt", "b.txt" }));
        var tight = _composer.Compose(Make(full.Bytes - 1));
        Assert.That(tight.IncludedFiles, Has.Count.LessThan(3));
        Assert.That(tight.Bytes, Is.LessThanOrEqualTo(full.Bytes - 1));
    }

    [Test]
    public void Files_of_the_same_class_and_size_are_offered_a_place_in_path_order()
    {
        var plan = _composer.Compose(Input([Tracked("b.txt", 2), Tracked("c.txt", 2), Tracked("a.txt", 2)])).Plan;
        Assert.That(plan.Select(f => f.Path), Is.EqualTo(new[] { "a.txt", "b.txt", "c.txt" }));
    }

    [TestCase("one\ntwo\nthree", TestName = "The size a refusal asks for is enough and one byte less is not, with a context shorter than the cut marker")]
    [TestCase("a context line long enough to be cut rather than kept whole\nand a second one, just as long as the first line", TestName = "The size a refusal asks for is enough and one byte less is not, with a context that gets cut")]
    public void The_size_a_refusal_asks_for_is_enough_and_one_byte_less_is_not(string context)
    {
        PromptInput Make(long b) => Input(
            [Omitted("a.png", ContentOmission.Binary, 10), Omitted("b.png", ContentOmission.Binary, 20), Tracked("c.txt", 30)],
            task: "Finish the login form " + new string('x', 400), context: context, maxBytes: b);

        var e = Assert.Throws<HandoffException>(() => _composer.Compose(Make(300)));
        Assert.That(e!.ExitCode, Is.EqualTo(ExitCodes.Usage));
        var match = Regex.Match(e.Message, @"^the task and the repository metadata need (\d+) bytes, more than the prompt budget of 300 bytes; shorten the task or raise the budget$");
        Assert.That(match.Success, Is.True, e.Message);
        var need = long.Parse(match.Groups[1].Value);

        var result = _composer.Compose(Make(need));
        Assert.That(result.Bytes, Is.EqualTo(need));
        Assert.That(result.Prompt, Does.Contain("- … and 3 more items (")); // the manifest shrinks to its summary line
        var refused = Assert.Throws<HandoffException>(() => _composer.Compose(Make(need - 1)));
        Assert.That(refused!.Message, Does.StartWith($"the task and the repository metadata need {need} bytes, more than the prompt budget of {need - 1} bytes"));
    }

    [Test]
    public void A_cut_context_keeps_every_whole_line_that_fits()
    {
        var lines = Enumerable.Range(0, 60).Select(i => $"line {i}: {new string('z', i % 5)} üü €").ToArray();
        PromptInput Make(long b) => Input(context: string.Join("\n", lines), maxBytes: b);
        var full = _composer.Compose(Make(1_000_000)).Bytes;

        var cuts = 0;
        for (var budget = full - 1; budget > full - 500; budget--)
        {
            var result = _composer.Compose(Make(budget));
            Assert.That(result.ContextTruncated, Is.True, $"budget {budget}");
            Assert.That(result.Bytes, Is.LessThanOrEqualTo(budget));
            var section = result.Prompt.Split("## Context\n\n")[1];
            var kept = section[..section.IndexOf("[devin-handoff: the rest of the context was cut here", StringComparison.Ordinal)]
                .Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.That(kept, Is.EqualTo(lines.Take(kept.Length)));
            var next = Encoding.UTF8.GetByteCount(lines[kept.Length]) + 1;
            Assert.That(result.Bytes + next, Is.GreaterThan(budget), $"budget {budget}: {lines[kept.Length]} would have fit");
            cuts++;
        }
        Assert.That(cuts, Is.EqualTo(499));
    }

    private static PromptInput ManyFiles(long budget, string context) =>
        Input(Enumerable.Range(0, 200).Select(i => Tracked($"src/file-{i:D3}.txt", 1)).ToArray(), context: context, maxBytes: budget);

    [Test]
    public void A_shortened_manifest_lists_every_line_that_fits()
    {
        var composed = 0;
        for (var budget = 1500; budget < 4500; budget++)
        {
            ComposedPrompt result;
            try { result = _composer.Compose(ManyFiles(budget, "keep me")); }
            catch (HandoffException) { Assert.That(composed, Is.Zero, $"budget {budget} refused after a smaller one composed"); continue; }
            composed++;
            Assert.That(result.Bytes, Is.LessThanOrEqualTo(budget));
            Assert.That(result.ContextTruncated, Is.False);
            Assert.That(result.IncludedFiles, Is.Empty);

            var listed = result.Prompt.Split('\n').Count(l => l.StartsWith("- src/file-", StringComparison.Ordinal));
            var rest = result.Omitted.Skip(listed).ToList();
            var summary = $"- … and {rest.Count} more items ({rest.Sum(o => o.Size)} bytes), not listed to fit the prompt budget\n";
            Assert.That(result.Prompt, Does.Contain(summary));
            var next = rest[0];
            var nextLine = $"- {next.Path} ({next.Size} bytes of diff, budget)\n";
            Assert.That(result.Prompt, Does.Not.Contain(nextLine));
            var nextSummary = $"- … and {rest.Count - 1} more items ({rest.Sum(o => o.Size) - next.Size} bytes), not listed to fit the prompt budget\n";
            var oneMore = result.Bytes - Encoding.UTF8.GetByteCount(summary) + Encoding.UTF8.GetByteCount(nextLine + nextSummary);
            Assert.That(oneMore, Is.GreaterThan(budget), $"budget {budget}: {next.Path} would have fit");
        }
        Assert.That(composed, Is.GreaterThan(2000));
    }

    [Test]
    public void The_manifest_gives_way_to_a_long_context_only_past_a_quarter_of_the_budget()
    {
        var context = string.Join("\n", Enumerable.Range(0, 80).Select(i => $"context line {i:D2} says something"));
        var result = _composer.Compose(ManyFiles(8000, context));

        Assert.That(result.ContextTruncated, Is.False);
        Assert.That(result.Prompt, Does.Contain("\n## Context\n\n" + context + "\n\n## Local repository state"));
        Assert.That(result.Prompt, Does.Contain("more items ("));
        Assert.That(result.Bytes, Is.LessThanOrEqualTo(8000));
    }

    [Test]
    public void Every_budget_is_respected_while_new_files_are_counted_per_folder()
    {
        // 40 new files: past 30 omitted items they are counted per folder, and the count crosses 30 as files get in.
        PromptInput Make(long b) => Input(
            [.. Enumerable.Range(0, 40).Select(i => Untracked($"gen/out-{i:D2}.txt", $"generated line {i}")), Tracked("src/a.cs", 2), Tracked("src/b.cs", 5)],
            [Commit(Sha(1), "Start", Tracked("x.txt", 3), Tracked("y.txt", 1))], maxBytes: b);
        var full = _composer.Compose(Make(1_000_000)).Bytes;

        var composed = 0;
        for (var budget = 1000; budget <= full; budget++)
        {
            ComposedPrompt result;
            try { result = _composer.Compose(Make(budget)); }
            catch (HandoffException) { Assert.That(composed, Is.Zero, $"budget {budget} refused after a smaller one composed"); continue; }
            composed++;
            Assert.That(result.Bytes, Is.LessThanOrEqualTo(budget));
        }
        Assert.That(composed, Is.GreaterThan(full - 2000));
        Assert.That(_composer.Compose(Make(full)).IncludedFiles, Has.Count.EqualTo(44));
    }

    [Test]
    public void The_plan_lists_a_commits_unreadable_files_with_it_and_secrets_nowhere()
    {
        var a = Tracked("src/a.cs", 1);
        var b = Tracked("b.txt", 1);
        var commits = new[] { Commit(Sha(1), "Add", a, Omitted("img/a.png", ContentOmission.Binary, 300)) };
        var working = new[] { Omitted("logo.png", ContentOmission.Binary, 2048), b };
        var input = Input(working, commits) with
        {
            Changes = new FilteredChanges(working, commits, [], [new WithheldItem("src/a.cs", 1, 1, ["some-rule"], Sha(1))]),
        };

        Assert.That(_composer.Compose(input).Plan, Is.EqualTo(new[]
        {
            new PlannedFile("src/a.cs", Sha(1), "commit", a.DiffBytes, true, null),
            new PlannedFile("img/a.png", Sha(1), "commit", 300, false, "binary"),
            new PlannedFile("b.txt", null, "tracked", b.DiffBytes, true, null),
            new PlannedFile("logo.png", null, "tracked", 2048, false, "binary"),
        }));
    }
}
