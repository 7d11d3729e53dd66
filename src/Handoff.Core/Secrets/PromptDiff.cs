namespace Handoff.Core.Secrets;

/// <summary>Where the lines of free text (a prompt) belong to a diff, and to which file: for the prompt-wide redaction pass.</summary>
internal static class PromptDiff
{
    /// <summary>
    /// The file the next lines belong to: set by "diff --git a/X b/X" (X), kept through its hunks, cleared by the end of
    /// a code block or the next patch ("From &lt;sha&gt;"). <paramref name="current"/> is the file before this line.
    /// </summary>
    public static string? PathAfter(ReadOnlySpan<char> line, string? current)
    {
        if (line.StartsWith("diff --git ", StringComparison.Ordinal))
        {
            var b = line.LastIndexOf(" b/", StringComparison.Ordinal);
            if (b < 0) b = line.LastIndexOf(" \"b/", StringComparison.Ordinal);
            if (b < 0) return null;
            var path = line[(b + 1)..].Trim('"')[2..];
            return current is not null && path.SequenceEqual(current) ? current : path.ToString();
        }
        if (current is null) return null;
        if (line.StartsWith("```", StringComparison.Ordinal) || line.StartsWith("From ", StringComparison.Ordinal)) return null;
        return current;
    }

    /// <summary>An added, removed or context line of a hunk, whose first character is the diff's, not the file's.</summary>
    public static bool IsHunkLine(ReadOnlySpan<char> line) =>
        line.Length > 0 && line[0] is '+' or '-' or ' ' && !line.StartsWith("+++ ", StringComparison.Ordinal) && !line.StartsWith("--- ", StringComparison.Ordinal);
}
