using System.Text;
using System.Text.RegularExpressions;

namespace Handoff.Core.Secrets;

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
