using System.Text;

namespace Handoff.Core.Secrets;

/// <summary>
/// Masks the secrets of one line, for its preview and for redacted text. The masked spans do not depend on how
/// precisely a rule captured its value: each hit's span, widened over the rest of an unquoted keyword value
/// (<c>DB_PASSWORD=abc;def</c> is one value), plus every other place the same secret appears on the line; spans
/// that touch are masked as one.
/// </summary>
internal static class LineMasker
{
    /// <summary>Characters that may close an unquoted value: left in place after it.</summary>
    private const string Closers = ";,)]}>\"'`";

    public static string Mask(ReadOnlySpan<char> line, List<RawHit> hits, Func<RawHit, string> replacement)
    {
        var spans = new List<(int Start, int End, RawHit Hit)>(hits.Count + 2);
        foreach (var hit in hits)
        {
            spans.Add((hit.Start, WidenedEnd(line, hit), hit));
            AddRepeats(line, hit, spans);
        }
        spans.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));

        var sb = new StringBuilder(line.Length + 32);
        var pos = 0;
        for (var i = 0; i < spans.Count; i++)
        {
            var (start, end, hit) = spans[i];
            if (end <= pos) continue;
            start = Math.Max(start, pos);
            while (i + 1 < spans.Count && spans[i + 1].Start <= end) end = Math.Max(end, spans[++i].End);
            sb.Append(line[pos..start]).Append(replacement(hit));
            pos = end;
        }
        return sb.Append(line[pos..]).ToString();
    }

    /// <summary>
    /// A keyword rule's unquoted value ends at white space; a capture that stopped earlier (at a ';' or ',' inside the
    /// value) is widened to there, leaving closing punctuation at the end in place.
    /// </summary>
    private static int WidenedEnd(ReadOnlySpan<char> line, RawHit hit)
    {
        var end = hit.Start + hit.Length;
        if (!hit.Rule.IsAnchored || (hit.Start > 0 && line[hit.Start - 1] is '"' or '\'' or '`')) return end;
        var run = end;
        var query = IsUrlQueryValue(line, hit.Start);
        while (run < line.Length && !char.IsWhiteSpace(line[run]) && !(query && line[run] is '&' or '#')) run++;
        while (run > end && Closers.Contains(line[run - 1])) run--;
        return run;
    }

    // ?access_token=…&page=2: a URL query value ends at the next parameter.
    private static bool IsUrlQueryValue(ReadOnlySpan<char> line, int start)
    {
        if (start < 3 || line[start - 1] != '=') return false;
        var name = start - 1;
        while (name > 0 && (char.IsAsciiLetterOrDigit(line[name - 1]) || line[name - 1] is '_' or '-' or '.')) name--;
        return name > 0 && name < start - 1 && line[name - 1] is '?' or '&';
    }

    private static void AddRepeats(ReadOnlySpan<char> line, RawHit hit, List<(int, int, RawHit)> spans)
    {
        if (hit.Secret.Length < 6) return;
        var from = 0;
        while (from < line.Length)
        {
            var at = line[from..].IndexOf(hit.Secret, StringComparison.Ordinal);
            if (at < 0) return;
            at += from;
            if (at != hit.Start) spans.Add((at, at + hit.Secret.Length, hit));
            from = at + hit.Secret.Length;
        }
    }
}
