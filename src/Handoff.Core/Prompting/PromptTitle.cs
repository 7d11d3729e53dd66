namespace Handoff.Core.Prompting;

/// <summary>The session title when the caller gives none: the task's first non-blank line, at most 100 characters.</summary>
public static class PromptTitle
{
    public const int MaxLength = 100;
    private const string Ellipsis = "…";

    public static string FromTask(string task)
    {
        var firstLine = task.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
        if (firstLine.Length == 0) return "Handoff";
        if (firstLine.Length <= MaxLength) return firstLine;

        var room = MaxLength - Ellipsis.Length;
        var wordEnd = LastWordBoundary(firstLine, room);
        // A boundary very early would throw most of the line away; cut inside the long word instead.
        var cut = wordEnd >= room / 2 ? wordEnd : SafeCut(firstLine, room);
        return firstLine[..cut].TrimEnd() + Ellipsis;
    }

    /// <summary>Index of the last whitespace at or before <paramref name="limit"/>, or -1.</summary>
    private static int LastWordBoundary(string text, int limit)
    {
        for (var i = Math.Min(limit, text.Length - 1); i > 0; i--)
            if (char.IsWhiteSpace(text[i])) return i;
        return -1;
    }

    /// <summary>Cuts at <paramref name="length"/> characters without splitting a surrogate pair.</summary>
    private static int SafeCut(string text, int length) =>
        length > 0 && char.IsHighSurrogate(text[length - 1]) ? length - 1 : length;
}
