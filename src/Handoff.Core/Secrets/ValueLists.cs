using Handoff.Core.Secrets.Generic;

namespace Handoff.Core.Secrets;

/// <summary>
/// A keyword rule captures the value assigned to its keyword, but one keyword can be given several values:
/// <c>KEYS = 'a', 'b'</c>, <c>API_KEYS = ["a", "b", "c"]</c>, <c>keys: [a, b]</c>, <c>API_KEYS=a,b</c>. Each further
/// literal of that list is judged as a value of the same rule and, when it passes, becomes a hit of its own (its own
/// finding and fingerprint, masked like the first).
/// </summary>
internal static class ValueLists
{
    private const string Quotes = "\"'`";
    private const string BareStops = "\"'`;,)]}<>";

    private static readonly System.Buffers.SearchValues<char> TokenChars =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=_.~-");

    /// <summary>
    /// Adds a hit for every further list item after each keyword-rule hit of the line in <paramref name="hits"/>, and
    /// after each keyword value that was no secret but opens a list (<paramref name="listStarts"/>).
    /// </summary>
    public static void AddListedValues(ReadOnlySpan<char> line, List<RawHit> hits, CompiledAllowlist allowlist, IReadOnlyList<ListStart>? listStarts = null)
    {
        var count = hits.Count;
        string? text = null;
        for (var h = 0; h < count; h++)
        {
            var hit = hits[h];
            if (!hit.Rule.IsAnchored) continue;
            var quote = hit.Start > 0 && Quotes.Contains(line[hit.Start - 1]) ? line[hit.Start - 1] : '\0';
            var pos = hit.Start + hit.Length;
            if (quote != '\0' && pos < line.Length && line[pos] == quote) pos++;
            AddItems(line, new ListStart(hit.Rule, pos, hit.Confidence, NeedsStrong: false), hits, allowlist, ref text);
        }
        foreach (var start in listStarts ?? [])
            AddItems(line, start, hits, allowlist, ref text);
        if (hits.Count > count) hits.Sort(Comparer<RawHit>.Create((a, b) => a.Start.CompareTo(b.Start)));
    }

    private static void AddItems(ReadOnlySpan<char> line, ListStart list, List<RawHit> hits, CompiledAllowlist allowlist, ref string? text)
    {
        var pos = list.End;
        var generic = list.Rule.Rule.IsGeneric;
        while (NextItem(line, ref pos, out var start, out var length))
        {
            text ??= line.ToString();
            var value = text.Substring(start, length);
            if (Overlaps(hits, start, length)) continue;
            var listed = generic ? KeywordJudge.JudgeListed(value, line[start - 1] is '"' or '\'' or '`' ? line[start - 1] : '\0', list.Cap, list.NeedsStrong) : null;
            if (generic && listed is null) continue;
            if (HitEvaluator.Evaluate(list.Rule, value, allowlist, listed) is { } confidence)
                hits.Add(new RawHit(list.Rule, start, length, value, confidence));
        }
    }

    /// <summary>After <paramref name="pos"/>: a comma, then a quoted or bare literal that ends the list or is followed by another comma.</summary>
    private static bool NextItem(ReadOnlySpan<char> line, ref int pos, out int start, out int length)
    {
        start = length = 0;
        var at = SkipSpaces(line, pos);
        if (at >= line.Length || line[at] != ',') return false;
        at = SkipSpaces(line, at + 1);
        if (at >= line.Length) return false;
        int end;
        if (Quotes.Contains(line[at]))
        {
            var close = line[(at + 1)..].IndexOf(line[at]);
            if (close < 0) return false;
            start = at + 1;
            length = close;
            end = start + close + 1;
        }
        else
        {
            start = at;
            while (at < line.Length && !char.IsWhiteSpace(line[at]) && !BareStops.Contains(line[at])) at++;
            length = at - start;
            end = at;
            // Only a token made of what secrets are made of: not the next key of a mapping ("b: …"), not code ("\A::class", "f(x)").
            if (length == 0 || line[start..end].ContainsAnyExcept(TokenChars)) return false;
        }
        var after = SkipSpaces(line, end);
        if (after < line.Length && line[after] is not (',' or ']' or ')' or '}' or ';' or '#')) return false;
        pos = end;
        return length > 0;
    }

    private static int SkipSpaces(ReadOnlySpan<char> line, int at)
    {
        while (at < line.Length && line[at] is ' ' or '\t') at++;
        return at;
    }

    private static bool Overlaps(List<RawHit> hits, int start, int length)
    {
        for (var i = 0; i < hits.Count; i++)
            if (start < hits[i].Start + hits[i].Length && hits[i].Start < start + length) return true;
        return false;
    }
}
