using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;

namespace Handoff.Core.Secrets;

/// <summary>A rule with its regexes compiled once.</summary>
internal sealed class CompiledRule
{
    // Generous: the first match also JIT-compiles the regex. Still bounds a pathological (ReDoS) input.
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);
    private const RegexOptions Options = RegexOptions.Compiled | RegexOptions.CultureInvariant;

    public CompiledRule(SecretRule rule, int order)
    {
        Rule = rule;
        Order = order;
        Regex = Cache.GetOrAdd(rule.Regex, static pattern => new Regex(pattern, Options, MatchTimeout));
        var secretGroup = Regex.GroupNumberFromName("secret");
        SecretGroup = secretGroup >= 0 ? secretGroup : Regex.GetGroupNumbers().Length > 1 ? 1 : 0;
        NameGroup = Regex.GroupNumberFromName("name");
        UserGroup = Regex.GroupNumberFromName("user");
        Path = rule.PathPattern is null ? null : new Regex(rule.PathPattern, Options | RegexOptions.IgnoreCase, MatchTimeout);
        Allow = rule.AllowRegexes.Select(r => new Regex(r, Options, MatchTimeout)).ToArray();
        DecodedMustMatch = rule.DecodedMustMatch is null ? null : new Regex(rule.DecodedMustMatch, Options, MatchTimeout);
    }

    // Compiling ~150 regexes costs time; share them between rule sets built from different repo configs.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Regex> Cache = new();

    public SecretRule Rule { get; }
    public int Order { get; }
    public Regex Regex { get; }
    public int SecretGroup { get; }
    public int NameGroup { get; }
    public int UserGroup { get; }
    public Regex? Path { get; }
    public Regex[] Allow { get; }
    public Regex? DecodedMustMatch { get; }
}

/// <summary>A secret found on one line: where it is (to redact it) and how sure we are. Internal: holds the secret.</summary>
internal readonly record struct RawHit(CompiledRule Rule, int Start, int Length, string Secret, FindingConfidence Confidence);

/// <summary>Global allowlist from the repo config: secret regexes, stopwords, paths.</summary>
internal sealed class CompiledAllowlist
{
    public static readonly CompiledAllowlist Empty = new([], [], []);

    public CompiledAllowlist(IEnumerable<string> secretRegexes, IEnumerable<string> stopwords, IEnumerable<string> paths)
    {
        Secrets = secretRegexes.Select(r => new Regex(r, RegexOptions.Compiled | RegexOptions.CultureInvariant, CompiledRule.MatchTimeout)).ToArray();
        Stopwords = stopwords.ToArray();
        Paths = paths.Select(r => new Regex(r, RegexOptions.Compiled | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, CompiledRule.MatchTimeout)).ToArray();
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
        KeywordSearch = SearchValues.Create(byKeyword.Keys.ToArray(), StringComparison.OrdinalIgnoreCase);
        var buckets = new List<(string, int[])>[128];
        var other = new List<(string, int[])>();
        foreach (var (keyword, ruleIds) in byKeyword)
        {
            var first = keyword[0];
            if (first < 128) (buckets[first] ??= []).Add((keyword, ruleIds.ToArray()));
            else other.Add((keyword, ruleIds.ToArray()));
        }
        KeywordsByFirstChar = buckets.Select(b => b?.ToArray() ?? []).ToArray();
        NonAsciiKeywords = other.ToArray();
    }

    public CompiledRule[] Rules { get; }
    public CompiledAllowlist Allowlist { get; }
    public SearchValues<string> KeywordSearch { get; }
    public (string Keyword, int[] Rules)[][] KeywordsByFirstChar { get; }
    public (string Keyword, int[] Rules)[] NonAsciiKeywords { get; }
    public int[] AlwaysRun { get; }

    private static readonly Lazy<CompiledRuleSet> BuiltInSet = new(() => new CompiledRuleSet(BuiltInRules.Content, CompiledAllowlist.Empty));

    public static CompiledRuleSet BuiltIn => BuiltInSet.Value;
}

/// <summary>Scans single lines. Not thread-safe (reuses scratch buffers); create one per scan.</summary>
internal sealed class LineScanner(CompiledRuleSet set)
{
    private readonly int[] _marks = new int[set.Rules.Length];
    private readonly List<int> _candidates = [];
    private readonly List<RawHit> _raw = [];
    private int _stamp;

    public CompiledRuleSet Set => set;

    /// <summary>Appends the hits of <paramref name="line"/> to <paramref name="hits"/>; overlapping hits keep the most specific rule.</summary>
    /// <exception cref="RegexMatchTimeoutException">a rule took too long; the caller withholds (fail closed).</exception>
    public void Scan(ReadOnlySpan<char> line, string path, List<RawHit> hits)
    {
        if (line.IsEmpty) return;
        if (!FindCandidates(line)) return;
        _candidates.Sort();
        string? text = null;
        _raw.Clear();
        foreach (var index in _candidates)
        {
            var rule = set.Rules[index];
            if (rule.Path is not null && !rule.Path.IsMatch(path)) continue;
            if (!rule.Regex.IsMatch(line)) continue;
            text ??= line.ToString();
            foreach (Match match in rule.Regex.Matches(text))
            {
                var group = match.Groups[rule.SecretGroup];
                if (!group.Success || group.Length == 0) continue;
                // postgres://postgres:postgres@..., amqp://guest:guest@...: local defaults, not secrets.
                if (rule.UserGroup >= 0 && match.Groups[rule.UserGroup].Value == group.Value) continue;
                var name = rule.NameGroup >= 0 && match.Groups[rule.NameGroup].Success ? match.Groups[rule.NameGroup].Value : null;
                var confidence = HitEvaluator.Evaluate(rule, group.Value, name, set.Allowlist);
                if (confidence is { } c) _raw.Add(new RawHit(rule, group.Index, group.Length, group.Value, c));
            }
        }
        AddWithoutOverlaps(hits);
    }

    private bool FindCandidates(ReadOnlySpan<char> line)
    {
        _candidates.Clear();
        if (++_stamp == int.MaxValue) { Array.Clear(_marks); _stamp = 1; }
        foreach (var always in set.AlwaysRun) Mark(always);
        var pos = 0;
        while (pos < line.Length)
        {
            var found = line[pos..].IndexOfAny(set.KeywordSearch);
            if (found < 0) break;
            var at = pos + found;
            var c = char.ToLowerInvariant(line[at]);
            var bucket = c < 128 ? set.KeywordsByFirstChar[c] : set.NonAsciiKeywords;
            var rest = line[at..];
            foreach (var (keyword, rules) in bucket)
            {
                if (!rest.StartsWith(keyword, StringComparison.OrdinalIgnoreCase)) continue;
                foreach (var r in rules) Mark(r);
            }
            pos = at + 1;
        }
        return _candidates.Count > 0;
    }

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
internal static class HitEvaluator
{
    private static readonly Regex WordsOnly = new(@"^[A-Za-z]+(?:[_-][a-z]+){2,}$", RegexOptions.Compiled, CompiledRule.MatchTimeout);

    /// <returns>The confidence when it is a secret; null when it is not.</returns>
    public static FindingConfidence? Evaluate(CompiledRule compiled, string secret, string? name, CompiledAllowlist allowlist)
    {
        var rule = compiled.Rule;
        if (FalsePositiveFilter.IsPlaceholder(secret) || WordsOnly.IsMatch(secret)) return null;
        if (allowlist.AllowsSecret(secret)) return null;
        foreach (var allow in compiled.Allow)
            if (allow.IsMatch(secret)) return null;
        foreach (var stopword in rule.Stopwords)
            if (secret.Contains(stopword, StringComparison.OrdinalIgnoreCase)) return null;
        if (rule.MinEntropy is { } floor && Entropy.Shannon(secret) < floor) return null;
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
