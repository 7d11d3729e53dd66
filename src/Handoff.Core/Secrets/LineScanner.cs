using System.Text.RegularExpressions;
using Handoff.Core.Secrets.Generic;

namespace Handoff.Core.Secrets;

/// <summary>Scans single lines. Not thread-safe (reuses scratch buffers); create one per scan.</summary>
internal sealed class LineScanner(CompiledRuleSet set)
{
    // Hot methods carry AggressiveOptimization: tiered JIT would otherwise run the per-character loops
    // in unoptimized/OSR code for a long part of a one-shot scan (measured: 33 vs 150 MB/s).
    private readonly int[] _marks = new int[set.Rules.Length];
    private readonly List<int> _candidates = [];
    private readonly List<RawHit> _raw = [];
    private readonly List<(int Rule, int Position)> _anchors = [];
    private readonly List<ListStart> _listStarts = [];
    private int _stamp;
    private string _path = "";
    private string? _factsPath;
    private LineFacts _facts;

    public CompiledRuleSet Set => set;

    /// <summary>Whether the last scanned line holds "pragma: allowlist nextline secret".</summary>
    public bool SawNextlinePragma { get; private set; }

    /// <summary>The keyword values of the last scanned line that were no secret but may open a list of values.</summary>
    public IReadOnlyList<ListStart> ListStarts => _listStarts;

    /// <summary>Appends the hits of <paramref name="line"/> to <paramref name="hits"/>; overlapping hits keep the most specific rule.</summary>
    /// <exception cref="RegexMatchTimeoutException">a rule took too long; the caller withholds (fail closed).</exception>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void Scan(ReadOnlySpan<char> line, string path, List<RawHit> hits)
    {
        SawNextlinePragma = false;
        _listStarts.Clear();
        if (line.IsEmpty) return;
        if (!FindCandidates(line, path)) return;
        _path = path;
        _candidates.Sort();
        string? text = null;
        _raw.Clear();
        foreach (var index in _candidates)
        {
            ScanRule(index, line, path, ref text);
        }
        AddWithoutOverlaps(hits);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void ScanRule(int index, ReadOnlySpan<char> line, string path, ref string? text)
    {
        var rule = set.Rules[index];
        {
            if (rule.Path is not null && !rule.Path.IsMatch(path)) return;
            if (rule.Anchored is { } anchored)
            {
                foreach (var (anchoredRule, position) in _anchors)
                {
                    if (anchoredRule != index || !anchored.IsMatch(line, position)) continue;
                    text ??= line.ToString();
                    AddMatch(rule, anchored.Match(text, position), text);
                }
                return;
            }
            if (!rule.Regex.IsMatch(line)) return;
            text ??= line.ToString();
            foreach (Match match in rule.Regex.Matches(text)) AddMatch(rule, match, text);
        }
    }

    private void AddMatch(CompiledRule rule, Match match, string text)
    {
        var group = match.Groups[rule.SecretGroup];
        if (!match.Success || !group.Success) return;
        if (group.Length == 0)
        {
            NoteListStart(rule, match, text); // KEYS = ["", "…"]
            return;
        }
        // postgres://postgres:postgres@..., amqp://guest:guest@...: local defaults, not secrets.
        if (rule.UserGroup >= 0 && match.Groups[rule.UserGroup].Value == group.Value) return;
        int start = group.Index, end = group.Index + group.Length;
        if (rule.Rule.BlockEnd is not null && IsQuotedHeaderOnly(text, start, end)) return;
        FindingConfidence? generic = null;
        if (rule.Rule.IsGeneric && rule.Rule.Keywords.Count == 0)
        {
            // Keyword-free (.env values whatever their names): only the value is judged, and it stays at the rule's own
            // confidence, as nothing names it a secret; a name that says what the value is (an id, a commit) rules it out.
            if (rule.NameGroup >= 0 && match.Groups[rule.NameGroup] is { Success: true } named && SecretName.DescribesValue(named.ValueSpan)) return;
            generic = KeywordJudge.Judge(new KeywordMatch(text, 0, 0, start, end, '\0', false), Facts, ref start, ref end) is null ? null : rule.Rule.Confidence;
            if (generic is null) return;
        }
        else if (rule.Rule.IsGeneric)
        {
            generic = KeywordJudge.Judge(KeywordMatchOf(rule, match, text, start, end), Facts, ref start, ref end);
            if (generic is null) { NoteListStart(rule, match, text); return; }
        }
        var secret = start == group.Index && end - start == group.Length ? group.Value : text[start..end];
        var confidence = HitEvaluator.Evaluate(rule, secret, set.Allowlist, generic);
        if (confidence is not { } c)
        {
            NoteListStart(rule, match, text);
            return;
        }
        // user:password@ in tests and fixtures is made up as often as a keyword's value (lowered, never hidden)
        if (c == FindingConfidence.Medium && rule.Rule.Family == RuleFamily.ConnectionString && Facts.Lowered) c = FindingConfidence.Low;
        _raw.Add(new RawHit(rule, start, end - start, secret, c));
    }

    // A keyword's value that was no secret, followed by a comma: the list it may open is judged item by item.
    private void NoteListStart(CompiledRule rule, Match match, string text)
    {
        if (!rule.Rule.IsGeneric || rule.Rule.Keywords.Count == 0) return;
        var group = match.Groups[rule.SecretGroup];
        var end = group.Index + group.Length;
        if (end < text.Length && text[end] is '"' or '\'' or '`') end++;
        if (text.AsSpan(end).TrimStart(" \t") is not [',', ..]) return;
        if (KeywordJudge.ListCap(KeywordMatchOf(rule, match, text, group.Index, group.Index + group.Length), Facts) is { } list)
            _listStarts.Add(new ListStart(rule, end, list.Cap, list.NeedsStrong));
    }

    // "-----BEGIN RSA PRIVATE KEY-----" alone between quotes is a constant or a mention in a docstring; an embedded key
    // has its body after the header in the same string, or on the next lines when the string goes on.
    private static bool IsQuotedHeaderOnly(string text, int start, int end) =>
        start > 0 && end < text.Length && text[start - 1] is '"' or '\'' or '`' && text[end] == text[start - 1]
        && text.AsSpan(start, end - start).EndsWith("-----", StringComparison.Ordinal) && !text.AsSpan(start, end - start).Contains("-----END", StringComparison.Ordinal);

    private static KeywordMatch KeywordMatchOf(CompiledRule rule, Match match, string text, int start, int end)
    {
        var name = rule.NameGroup >= 0 ? match.Groups[rule.NameGroup] : null;
        if (name is not { Success: true }) return new KeywordMatch(text, 0, 0, start, end, '\0', false);
        var quote = rule.QuoteGroup >= 0 && match.Groups[rule.QuoteGroup].Success ? text[match.Groups[rule.QuoteGroup].Index] : '\0';
        return new KeywordMatch(text, NameStart(text, name), name.Index + name.Length, start, end, quote, rule.QuoteGroup >= 0);
    }

    // Where the identifier around a keyword match starts: "DB_" of DB_PASSWORD (regexes start at the keyword to stay fast).
    private static int NameStart(string text, Group name)
    {
        var start = name.Index;
        while (start > 0 && name.Index - start < 60)
        {
            var c = text[start - 1];
            if (char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-') start--;
            else if (c == ':' && start >= 2 && text[start - 2] == ':') start -= 2; // AWS::IAM::AccessKey, Token::ApiKey
            else break;
        }
        return start;
    }

    /// <summary>What the generic rules need to know of the current line's file; computed once per path.</summary>
    private LineFacts Facts
    {
        get
        {
            if (!ReferenceEquals(_factsPath, _path))
            {
                _factsPath = _path;
                _facts = new LineFacts(FileKinds.Of(_path), FileKinds.IsTestOrExample(_path), false, FileKinds.IsFreeText(_path));
            }
            return _facts with { InCodeBlock = InCodeBlock };
        }
    }

    /// <summary>Set by the caller while the lines come from a fenced code block of a Markdown file.</summary>
    public bool InCodeBlock { get; set; }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private bool FindCandidates(ReadOnlySpan<char> line, string path)
    {
        _candidates.Clear();
        _anchors.Clear();
        SawNextlinePragma = false;
        if (++_stamp == int.MaxValue) { Array.Clear(_marks); _stamp = 1; }
        if (!ReferenceEquals(path, _alwaysPath)) RefreshAlwaysRun(path);
        foreach (var always in _alwaysForPath) Mark(always);
        var bits = set.GramBits;
        var pairs = set.PairBits;
        var fold = CompiledRuleSet.Fold;
        // Fast pass: raw ASCII char pairs that can start a keyword (no folding, no bounds checks); only there the
        // folded 3-char window is tested. -1 marks a non-ASCII char (no keyword contains one). Past the end of
        // the line the window sees a space, so 2-char keywords still match there.
        var n = line.Length;
        ref var chars = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(line);
        ref var starts = ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(set.RawPairStarts);
        for (var at = 0; at < n - 1; at++)
        {
            uint first = System.Runtime.CompilerServices.Unsafe.Add(ref chars, at);
            uint second = System.Runtime.CompilerServices.Unsafe.Add(ref chars, at + 1);
            if ((first | second) >= 128 || System.Runtime.CompilerServices.Unsafe.Add(ref starts, (int)((first << 7) | second)) == 0) continue;
            int c = at + 2 < n ? (line[at + 2] < 128 ? fold[line[at + 2]] : -1) : 32;
            if (c < 0) continue;
            var gram = (fold[first] << 14) | (fold[second] << 7) | c;
            if ((bits[gram >> 6] & (1UL << (gram & 63))) == 0) continue;
            MarkKeywordsAt(line, at, gram);
        }
        return _candidates.Count > 0;
    }

    private string? _alwaysPath;
    private int[] _alwaysForPath = [];

    // Rules without keywords run on every line; those limited to some paths (.env files) only on the lines of those.
    private void RefreshAlwaysRun(string path)
    {
        _alwaysPath = path;
        _alwaysForPath = set.AlwaysRun.Length == 0 ? set.AlwaysRun : set.AlwaysRun.Where(r => set.Rules[r].Path?.IsMatch(path) ?? true).ToArray();
    }

    private void MarkKeywordsAt(ReadOnlySpan<char> line, int at, int gram)
    {
        var rest = line[at..];
        foreach (var (keyword, rules) in set.KeywordsFor(gram))
        {
            if (!EqualsFolded(rest, keyword)) continue;
            foreach (var r in rules)
            {
                if (r == CompiledRuleSet.NextlineSentinel) { SawNextlinePragma = true; continue; }
                Mark(r);
                if (set.Rules[r].IsAnchored) _anchors.Add((r, at));
            }
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static bool EqualsFolded(ReadOnlySpan<char> text, string lowerKeyword)
    {
        if (text.Length < lowerKeyword.Length) return false;
        var fold = CompiledRuleSet.Fold;
        for (var i = 0; i < lowerKeyword.Length; i++)
        {
            var c = text[i];
            if (c >= 128 || fold[c] != lowerKeyword[i]) return false;
        }
        return true;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void Mark(int rule)
    {
        if (_marks[rule] == _stamp) return;
        _marks[rule] = _stamp;
        _candidates.Add(rule);
    }

    // Specific rules first (catalog order), then generic ones; a hit overlapping a kept hit is dropped.
    private void AddWithoutOverlaps(List<RawHit> hits)
    {
        if (_raw.Count == 0) return;
        var firstNew = hits.Count;
        // Longest first, then catalog order: a whole webhook URL beats the signature inside it.
        _raw.Sort((a, b) => a.Length != b.Length ? b.Length.CompareTo(a.Length) : a.Rule.Order.CompareTo(b.Rule.Order));
        foreach (var generic in new[] { false, true })
        {
            foreach (var hit in _raw)
            {
                if (hit.Rule.Rule.IsGeneric != generic) continue;
                var overlaps = false;
                for (var i = firstNew; i < hits.Count && !overlaps; i++)
                    overlaps = hit.Start < hits[i].Start + hits[i].Length && hits[i].Start < hit.Start + hit.Length;
                if (!overlaps) hits.Add(hit);
            }
        }
        hits.Sort(firstNew, hits.Count - firstNew, Comparer<RawHit>.Create((a, b) => a.Start.CompareTo(b.Start)));
    }
}
