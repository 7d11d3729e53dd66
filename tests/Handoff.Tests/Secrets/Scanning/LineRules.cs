using Handoff.Core.Secrets;

namespace Handoff.Tests.Secrets.Scanning;

/// <summary>Small hand-written rule sets to scan one line with <see cref="LineScanner"/>, apart from the built-in catalog.</summary>
internal static class LineRules
{
    /// <summary>A generated-looking value: 16 characters of three classes, no word, no repeat.</summary>
    public const string Strong = "Xq7pL2mRv9TzK4wB";

    public static SecretRule Rule(string id, string regex, params string[] keywords) =>
        new() { Id = id, Description = id, Regex = regex, Keywords = keywords };

    public static LineScanner Scanner(params SecretRule[] rules) => new(new CompiledRuleSet(rules, CompiledAllowlist.Empty));

    public static LineScanner Scanner(CompiledAllowlist allowlist, params SecretRule[] rules) => new(new CompiledRuleSet(rules, allowlist));

    public static List<RawHit> Scan(this LineScanner scanner, string line, string path = "src/app.txt")
    {
        var hits = new List<RawHit>();
        scanner.Scan(line, path, hits);
        return hits;
    }

    /// <summary>Each hit as "rule-id@start:secret".</summary>
    public static string[] Shown(this IEnumerable<RawHit> hits) => hits.Select(h => $"{h.Rule.Rule.Id}@{h.Start}:{h.Secret}").ToArray();
}
