using System.Text;
using System.Text.RegularExpressions;

namespace Handoff.Core.Secrets;

/// <summary>
/// A rule with its regexes built on first use. Most rules never see their keyword in a handoff, so
/// parsing ~400 patterns up front would cost a CLI run more than the scan itself.
/// </summary>
internal sealed class CompiledRule
{
    // Generous: it bounds a pathological (ReDoS) input, not normal matching.
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);
    private const RegexOptions Options = RegexOptions.CultureInvariant;

    private readonly Lazy<Regexes> _regexes;

    public CompiledRule(SecretRule rule, int order)
    {
        Rule = rule;
        Order = order;
        _regexes = new Lazy<Regexes>(() => new Regexes(rule), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    // Share regexes between rule sets built from different repo configs, and allow patterns between rules (many share one).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, HotRegex> Cache = new();
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Regex> AllowCache = new();

    public SecretRule Rule { get; }
    public int Order { get; }
    public Regex Regex => _regexes.Value.Main.Value;

    /// <summary>For keyword-anchored rules: the regex prefixed with \G, tried at each keyword occurrence.</summary>
    public Regex? Anchored => _regexes.Value.Anchored?.Value;
    public bool IsAnchored => Rule.KeywordAnchored;
    public int SecretGroup => _regexes.Value.SecretGroup;
    public int NameGroup => _regexes.Value.NameGroup;
    public int UserGroup => _regexes.Value.UserGroup;
    public Regex? Path => _regexes.Value.Path;
    public Regex[] Allow => _regexes.Value.Allow;
    public Regex? DecodedMustMatch => _regexes.Value.DecodedMustMatch;

    private sealed class Regexes
    {
        public Regexes(SecretRule rule)
        {
            Main = Cache.GetOrAdd(rule.Regex, static pattern => new HotRegex(pattern, Options, MatchTimeout));
            var main = Main.Value;
            var secretGroup = main.GroupNumberFromName("secret");
            SecretGroup = secretGroup >= 0 ? secretGroup : main.GetGroupNumbers().Length > 1 ? 1 : 0;
            NameGroup = main.GroupNumberFromName("name");
            UserGroup = main.GroupNumberFromName("user");
            Anchored = rule.KeywordAnchored ? Cache.GetOrAdd(@"\G" + rule.Regex, static pattern => new HotRegex(pattern, Options, MatchTimeout)) : null;
            Path = rule.PathPattern is null ? null : PrecompiledRegexes.Get(rule.PathPattern, Options | RegexOptions.IgnoreCase, MatchTimeout);
            Allow = rule.AllowRegexes.Select(r => AllowCache.GetOrAdd(r, static pattern => new Regex(pattern, Options, MatchTimeout))).ToArray();
            DecodedMustMatch = rule.DecodedMustMatch is null ? null : new Regex(rule.DecodedMustMatch, Options, MatchTimeout);
        }

        public HotRegex Main { get; }
        public HotRegex? Anchored { get; }
        public int SecretGroup { get; }
        public int NameGroup { get; }
        public int UserGroup { get; }
        public Regex? Path { get; }
        public Regex[] Allow { get; }
        public Regex? DecodedMustMatch { get; }
    }
}

/// <summary>A secret found on one line: where it is (to redact it) and how sure we are. Internal: holds the secret.</summary>
internal readonly record struct RawHit(CompiledRule Rule, int Start, int Length, string Secret, FindingConfidence Confidence);

/// <summary>Global allowlist from the repo config: secret regexes, stopwords, paths.</summary>
internal sealed class CompiledAllowlist
{
    public static readonly CompiledAllowlist Empty = new([], [], []);

    public CompiledAllowlist(IEnumerable<string> secretRegexes, IEnumerable<string> stopwords, IEnumerable<string> paths)
    {
        Secrets = secretRegexes.Select(r => new Regex(r, RegexOptions.CultureInvariant, CompiledRule.MatchTimeout)).ToArray();
        Stopwords = stopwords.ToArray();
        Paths = paths.Select(r => new Regex(r, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, CompiledRule.MatchTimeout)).ToArray();
    }

    public Regex[] Secrets { get; }
    public string[] Stopwords { get; }
    public Regex[] Paths { get; }

    /// <remarks>The ignore file is always allowed: it holds salted fingerprints, which look random but are not secrets.</remarks>
    public bool AllowsPath(string path) =>
        path == FileSecretConfigLoader.IgnorePath || path.EndsWith("/" + FileSecretConfigLoader.IgnorePath, StringComparison.Ordinal)
        || Paths.Any(p => p.IsMatch(path));

    public bool AllowsSecret(string secret) =>
        Secrets.Any(r => r.IsMatch(secret)) || Stopwords.Any(w => secret.Contains(w, StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// The compiled rules plus the keyword prefilter: one vectorized IndexOfAny pass over the line finds
/// every keyword occurrence (case-insensitive); only rules whose keyword occurs run their regex.
/// Immutable and thread-safe; scanning state lives in <see cref="LineScanner"/>.
/// </summary>
internal sealed class CompiledRuleSet
{
    public CompiledRuleSet(IEnumerable<SecretRule> rules, CompiledAllowlist allowlist)
    {
        Rules = rules.Select((r, i) => new CompiledRule(r, i)).ToArray();
        Allowlist = allowlist;
        var byKeyword = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var always = new List<int>();
        byKeyword[NextlinePragma] = [NextlineSentinel];
        foreach (var rule in Rules)
        {
            if (rule.Rule.Keywords.Count == 0) always.Add(rule.Order);
            foreach (var keyword in rule.Rule.Keywords.Select(k => k.ToLowerInvariant()).Distinct())
            {
                if (!byKeyword.TryGetValue(keyword, out var list)) byKeyword[keyword] = list = [];
                list.Add(rule.Order);
            }
        }
        AlwaysRun = always.ToArray();
        // Sparse: only a few hundred grams are used, so a dictionary beats a 2M-entry table (32 MB to build on every run).
        var buckets = new Dictionary<int, List<(string, int[])>>();
        foreach (var (keyword, ruleIds) in byKeyword)
        {
            if (keyword.Length < 2 || keyword.Any(c => c >= 128))
                throw new ArgumentException($"keyword '{keyword}' must be at least 2 ASCII characters");
            // Keywords of 2 chars are indexed under every possible third character (there are only a few).
            var grams = keyword.Length >= 3 ? [Gram(keyword[0], keyword[1], keyword[2])] : Enumerable.Range(0, 128).Select(c => Gram(keyword[0], keyword[1], (char)c)).Distinct();
            foreach (var gram in grams)
            {
                if (!buckets.TryGetValue(gram, out var bucket)) buckets[gram] = bucket = [];
                bucket.Add((keyword, ruleIds.ToArray()));
                GramBits[gram >> 6] |= 1UL << (gram & 63);
                var pair = gram >> 7;
                PairBits[pair >> 6] |= 1UL << (pair & 63);
            }
        }
        _keywordsByGram = buckets.ToDictionary(b => b.Key, b => b.Value.ToArray());
        for (var raw = 0; raw < RawPairStarts.Length; raw++)
        {
            var pair = (Fold[raw >> 7] << 7) | Fold[raw & 127];
            if ((PairBits[pair >> 6] & (1UL << (pair & 63))) != 0) RawPairStarts[raw] = 1;
        }
    }

    /// <summary>1 where two raw (unfolded) ASCII chars, index (first &lt;&lt; 7) | second, may start a keyword (16 KB, L1-resident).</summary>
    public byte[] RawPairStarts { get; } = new byte[128 * 128];

    private const int GramCount = 1 << 21;

    /// <summary>"pragma: allowlist nextline secret" is found by the same prefilter pass (a pseudo rule id).</summary>
    public const string NextlinePragma = "allowlist nextline secret";
    public const int NextlineSentinel = -1;

    /// <summary>ASCII case folding (A-Z to a-z).</summary>
    public static readonly byte[] Fold = Enumerable.Range(0, 128).Select(c => (byte)(c is >= 'A' and <= 'Z' ? c | 0x20 : c)).ToArray();

    public static int Gram(char a, char b, char c) => (Fold[a] << 14) | (Fold[b] << 7) | Fold[c];

    /// <summary>One bit per (lower-cased) first three characters of a keyword: a cheap per-position test (256 KB).</summary>
    public ulong[] GramBits { get; } = new ulong[GramCount / 64];

    /// <summary>One bit per (lower-cased) first two characters of a keyword: a first test that fits in L1 cache (2 KB).</summary>
    public ulong[] PairBits { get; } = new ulong[128 * 128 / 64];

    private readonly Dictionary<int, (string Keyword, int[] Rules)[]> _keywordsByGram;

    /// <summary>The keywords starting with this gram; call only where <see cref="GramBits"/> has its bit set.</summary>
    public (string Keyword, int[] Rules)[] KeywordsFor(int gram) => _keywordsByGram[gram];

    public CompiledRule[] Rules { get; }
    public CompiledAllowlist Allowlist { get; }
    public int[] AlwaysRun { get; }

    private static readonly Lazy<CompiledRuleSet> BuiltInSet = new(() => new CompiledRuleSet(BuiltInRules.Content, CompiledAllowlist.Empty));

    public static CompiledRuleSet BuiltIn => BuiltInSet.Value;
}

/// <summary>Scans single lines. Not thread-safe (reuses scratch buffers); create one per scan.</summary>
internal sealed class LineScanner(CompiledRuleSet set)
{
    // Hot methods carry AggressiveOptimization: tiered JIT would otherwise run the per-character loops
    // in unoptimized/OSR code for a long part of a one-shot scan (measured: 33 vs 150 MB/s).
    private readonly int[] _marks = new int[set.Rules.Length];
    private readonly List<int> _candidates = [];
    private readonly List<RawHit> _raw = [];
    private readonly List<(int Rule, int Position)> _anchors = [];
    private int _stamp;

    public CompiledRuleSet Set => set;

    /// <summary>Whether the last scanned line holds "pragma: allowlist nextline secret".</summary>
    public bool SawNextlinePragma { get; private set; }

    /// <summary>Appends the hits of <paramref name="line"/> to <paramref name="hits"/>; overlapping hits keep the most specific rule.</summary>
    /// <exception cref="RegexMatchTimeoutException">a rule took too long; the caller withholds (fail closed).</exception>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void Scan(ReadOnlySpan<char> line, string path, List<RawHit> hits)
    {
        SawNextlinePragma = false;
        if (line.IsEmpty) return;
        if (!FindCandidates(line, path)) return;
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
        if (!match.Success || !group.Success || group.Length == 0) return;
        // postgres://postgres:postgres@..., amqp://guest:guest@...: local defaults, not secrets.
        if (rule.UserGroup >= 0 && match.Groups[rule.UserGroup].Value == group.Value) return;
        var name = rule.NameGroup >= 0 && match.Groups[rule.NameGroup].Success ? FullName(text, match.Groups[rule.NameGroup]) : null;
        var confidence = HitEvaluator.Evaluate(rule, group.Value, name, set.Allowlist);
        if (confidence is { } c) _raw.Add(new RawHit(rule, group.Index, group.Length, group.Value, c));
    }

    // The identifier around a keyword match: "DB_" + "PASSWORD" (regexes start at the keyword to stay fast).
    private static string FullName(string text, Group name)
    {
        var start = name.Index;
        while (start > 0 && name.Index - start < 40 && (char.IsAsciiLetterOrDigit(text[start - 1]) || text[start - 1] is '_' or '.' or '-')) start--;
        return text.Substring(start, name.Index + name.Length - start);
    }

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

/// <summary>Applies a rule's filters to a captured secret: placeholders, allowlists, entropy, decoding, checksums.</summary>
internal static partial class HitEvaluator
{
    [GeneratedRegex(@"^[A-Za-z]+(?:[_-][a-z]+){2,}$", RegexOptions.CultureInvariant, 2000)]
    private static partial Regex WordsOnly { get; }

    /// <returns>The confidence when it is a secret; null when it is not.</returns>
    public static FindingConfidence? Evaluate(CompiledRule compiled, string secret, string? name, CompiledAllowlist allowlist)
    {
        var rule = compiled.Rule;
        // Cheap checks first: most generic candidates in ordinary code fail on length or entropy.
        if (rule.MinEntropy is { } floor && Entropy.Shannon(secret) < floor) return null;
        if (rule.IsGeneric && (secret.Length < 8 || Entropy.Shannon(secret) < FalsePositiveFilter.GenericEntropyFloor(secret))) return null;
        if (FalsePositiveFilter.IsPlaceholder(secret) || WordsOnly.IsMatch(secret)) return null;
        if (allowlist.AllowsSecret(secret)) return null;
        foreach (var allow in compiled.Allow)
            if (allow.IsMatch(secret)) return null;
        foreach (var stopword in rule.Stopwords)
            if (secret.Contains(stopword, StringComparison.OrdinalIgnoreCase)) return null;
        if (rule.Decode != DecodeKind.None)
        {
            var decoded = Decode(rule.Decode, secret);
            if (decoded is null || FalsePositiveFilter.IsPlaceholder(decoded)) return null;
            if (compiled.DecodedMustMatch is { } must && !must.IsMatch(decoded)) return null;
        }
        if (rule.IsGeneric && FalsePositiveFilter.IsUnlikelyGenericSecret(Unquote(secret), name)) return null;
        return Checksums.Verify(rule.Checksum, secret) switch
        {
            true => FindingConfidence.High,
            false => FindingConfidence.Low,
            null => rule.Confidence,
        };
    }

    private static string Unquote(string s) => s.Length >= 2 && s[0] == '\'' && s[^1] == '\'' ? s[1..^1] : s;

    /// <summary>One level of base64 or percent decoding; null when the result is not printable text.</summary>
    public static string? Decode(DecodeKind kind, string value)
    {
        string decoded;
        try
        {
            if (kind == DecodeKind.Percent)
            {
                decoded = Uri.UnescapeDataString(value);
            }
            else
            {
                var padded = value.Replace('-', '+').Replace('_', '/');
                padded = padded.PadRight(padded.Length + (4 - padded.Length % 4) % 4, '=');
                decoded = new UTF8Encoding(false, true).GetString(Convert.FromBase64String(padded));
            }
        }
        catch (Exception e) when (e is FormatException or DecoderFallbackException or ArgumentException)
        {
            return null;
        }
        foreach (var c in decoded)
            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t')) return null;
        return decoded;
    }
}

