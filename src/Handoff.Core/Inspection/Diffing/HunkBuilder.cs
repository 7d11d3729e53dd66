namespace Handoff.Core.Inspection.Diffing;

/// <summary>Builds unified-diff hunks ("@@ -a,b +c,d @@") between two texts, merging hunks whose context touches, as git does.</summary>
internal static class HunkBuilder
{
    public const string NoNewlineMarker = "\\ No newline at end of file";

    public static List<DiffHunk> Build(TextContent oldText, TextContent newText, int contextLines = 3)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var a = ToIds(oldText, ids);
        var b = ToIds(newText, ids);
        var edits = MyersDiff.Diff(a, b);

        var hunks = new List<DiffHunk>();
        foreach (var (first, last) in ChangeGroups(edits, contextLines))
            hunks.Add(MakeHunk(edits, first, last, oldText, newText));
        return hunks;
    }

    /// <summary>A line that lacks its final newline must not equal the same text with one.</summary>
    private static int[] ToIds(TextContent text, Dictionary<string, int> ids)
    {
        var result = new int[text.Lines.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var key = i == result.Length - 1 && !text.EndsWithNewline ? text.Lines[i] + "\n\0no-eol" : text.Lines[i];
            if (!ids.TryGetValue(key, out var id)) ids[key] = id = ids.Count;
            result[i] = id;
        }
        return result;
    }

    /// <summary>Edit ranges [first, last] of each hunk, context included.</summary>
    private static IEnumerable<(int First, int Last)> ChangeGroups(List<EditKind> edits, int context)
    {
        int? groupStart = null, lastChange = null;
        for (var i = 0; i < edits.Count; i++)
        {
            if (edits[i] == EditKind.Equal) continue;
            if (lastChange is not null && i - lastChange.Value - 1 > 2 * context)
            {
                yield return (Math.Max(0, groupStart!.Value - context), Math.Min(edits.Count - 1, lastChange.Value + context));
                groupStart = null;
            }
            groupStart ??= i;
            lastChange = i;
        }
        if (groupStart is not null)
            yield return (Math.Max(0, groupStart.Value - context), Math.Min(edits.Count - 1, lastChange!.Value + context));
    }

    private static DiffHunk MakeHunk(List<EditKind> edits, int first, int last, TextContent oldText, TextContent newText)
    {
        int oldPos = 0, newPos = 0;
        for (var i = 0; i < first; i++)
        {
            if (edits[i] != EditKind.Insert) oldPos++;
            if (edits[i] != EditKind.Delete) newPos++;
        }
        int oldBefore = oldPos, newBefore = newPos, oldCount = 0, newCount = 0;
        var lines = new List<string>(last - first + 2);
        for (var i = first; i <= last; i++)
        {
            switch (edits[i])
            {
                case EditKind.Equal:
                    lines.Add(" " + oldText.Lines[oldPos]);
                    AddMarkerIfLast(lines, oldText, oldPos);
                    oldPos++; newPos++; oldCount++; newCount++;
                    break;
                case EditKind.Delete:
                    lines.Add("-" + oldText.Lines[oldPos]);
                    AddMarkerIfLast(lines, oldText, oldPos);
                    oldPos++; oldCount++;
                    break;
                case EditKind.Insert:
                    lines.Add("+" + newText.Lines[newPos]);
                    AddMarkerIfLast(lines, newText, newPos);
                    newPos++; newCount++;
                    break;
            }
        }
        var oldStart = oldCount == 0 ? oldBefore : oldBefore + 1;
        var newStart = newCount == 0 ? newBefore : newBefore + 1;
        var header = $"@@ -{Range(oldStart, oldCount)} +{Range(newStart, newCount)} @@";
        return new DiffHunk(header, lines, newStart, oldStart);
    }

    private static void AddMarkerIfLast(List<string> lines, TextContent text, int index)
    {
        if (index == text.Lines.Count - 1 && !text.EndsWithNewline) lines.Add(NoNewlineMarker);
    }

    private static string Range(int start, int count) => count == 1 ? $"{start}" : $"{start},{count}";
}
