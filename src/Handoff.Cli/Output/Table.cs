namespace Handoff.Cli.Output;

/// <summary>
/// Lists for people and for pipes: on a terminal an aligned table with a header; otherwise plain
/// tab-separated lines without a header (tabs and newlines inside values become spaces), like gh.
/// </summary>
public static class Table
{
    public static void Write(IConsole console, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows) =>
        Write(console.Out, console.IsOutputTerminal, headers, rows);

    public static void Write(TextWriter output, bool terminal, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var cells = rows.Select(r => r.Select(Clean).ToArray()).ToList();
        if (!terminal)
        {
            foreach (var row in cells)
                output.WriteLine(string.Join('\t', row));
            return;
        }
        var widths = headers.Select((h, i) => Math.Max(h.Length, cells.Count == 0 ? 0 : cells.Max(r => i < r.Length ? r[i].Length : 0))).ToArray();
        output.WriteLine(Line(headers.Select(h => h.ToUpperInvariant()).ToArray(), widths));
        foreach (var row in cells)
            output.WriteLine(Line(row, widths));
    }

    private static string Line(IReadOnlyList<string> row, int[] widths) =>
        string.Join("  ", row.Select((c, i) => i == row.Count - 1 ? c : c.PadRight(widths[i]))).TrimEnd();

    private static string Clean(string? value) =>
        (value ?? "").Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ');
}
