namespace Handoff.Core.Secrets;

/// <summary>
/// The compiled rules plus the tables of the keyword prefilter: a bit per ASCII character pair, and per first three
/// (case-folded) characters, that can start a keyword. <see cref="LineScanner"/> walks a line once through these tables
/// to find every keyword occurrence (case-insensitive); only rules whose keyword occurs run their regex.
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
