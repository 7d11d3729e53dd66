using System.Text.RegularExpressions;

namespace Handoff.IntegrationTests.RoundTrip;

/// <summary>
/// One command the prompt tells the session to run, with the block it runs on (saved as &lt;file&gt;), and the command
/// the prompt says to go on with when that one stops (null when it names none).
/// </summary>
public sealed record RecipeStep(string Command, string BlockContent, string? GoOnWith);

/// <summary>
/// What a prompt tells the cloud session to do, read from the prompt text alone: the repository and base commit
/// from the metadata list, each fenced block with the `git …&lt;file&gt;` command of the paragraph before it, and the
/// files it says it left out (Omitted and Withheld lists).
/// </summary>
public sealed partial class PromptRecipe
{
    public required string Repository { get; init; }
    public required string BaseCommit { get; init; }
    public required IReadOnlyList<RecipeStep> Steps { get; init; }
    public required IReadOnlySet<string> LeftOut { get; init; }

    public static PromptRecipe Parse(string prompt)
    {
        var lines = prompt.Split('\n');
        var steps = new List<RecipeStep>();
        var leftOut = new HashSet<string>(StringComparer.Ordinal);
        string? section = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith("### ", StringComparison.Ordinal)) section = line;
            var fence = line.TakeWhile(c => c == '`').Count();
            if (fence >= 3)
            {
                var end = Array.FindIndex(lines, i + 1, l => l == new string('`', fence));
                Assert.That(end, Is.GreaterThan(i), $"the block opened on line {i + 1} is closed");
                var commands = CommandsBefore(lines, i);
                var run = commands.FirstOrDefault(c => c.Contains("<file>", StringComparison.Ordinal))
                          ?? throw new AssertionException($"no `git … <file>` command above the block on line {i + 1}");
                var goOn = commands.FirstOrDefault(c => c.StartsWith("git am --", StringComparison.Ordinal) && !c.Contains("<file>", StringComparison.Ordinal));
                steps.Add(new RecipeStep(run, string.Concat(lines[(i + 1)..end].Select(l => l + "\n")), goOn));
                i = end;
                continue;
            }
            if (section?.StartsWith("### Omitted", StringComparison.Ordinal) == true && OmittedLine().Match(line) is { Success: true } omitted)
                leftOut.Add(omitted.Groups["path"].Value);
            if (section?.StartsWith("### Withheld", StringComparison.Ordinal) == true && WithheldLine().Match(line) is { Success: true } withheld)
                leftOut.Add(withheld.Groups["path"].Value);
        }
        return new PromptRecipe
        {
            Repository = Metadata(lines, "Repository"),
            BaseCommit = Metadata(lines, "Base commit"),
            Steps = steps,
            LeftOut = leftOut,
        };
    }

    private static string Metadata(string[] lines, string label) =>
        lines.FirstOrDefault(l => l.StartsWith($"- {label}: ", StringComparison.Ordinal))?[(label.Length + 4)..]
        ?? throw new AssertionException($"the prompt has no '- {label}:' line");

    /// <summary>The `git …` code spans in the text between the previous heading and a block.</summary>
    private static List<string> CommandsBefore(string[] lines, int blockLine)
    {
        var start = blockLine - 1;
        while (start > 0 && !lines[start - 1].StartsWith('#')) start--;
        return lines[start..blockLine].SelectMany(l => CodeSpan().Matches(l).Select(m => m.Groups[1].Value)).ToList();
    }

    [GeneratedRegex("`(git [^`]+)`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"^- (?<path>.+) \((?:\d+ bytes(?: of diff)?, )?[a-z0-9-]+\)(?: in commit [0-9a-f]+)?$")]
    private static partial Regex OmittedLine();

    [GeneratedRegex(@"^- (?<path>.+), (?:whole file|lines? \d+(?:-\d+)?) \(rules: ")]
    private static partial Regex WithheldLine();
}
