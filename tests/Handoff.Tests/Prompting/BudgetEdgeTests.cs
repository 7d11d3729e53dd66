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
