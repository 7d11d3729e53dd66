using System.Text;
using System.Text.RegularExpressions;

namespace Handoff.Core.Secrets;

/// <summary>Applies a rule's filters to a captured secret: placeholders, allowlists, entropy, decoding, checksums.</summary>
internal static partial class HitEvaluator
{
    [GeneratedRegex(@"^[A-Za-z]+(?:[_-][a-z]+){2,}$", RegexOptions.CultureInvariant, 2000)]
    private static partial Regex WordsOnly { get; }

    /// <summary>
    /// The confidence when it is a secret; null when it is not. A token whose checksum verifies is always a secret (the
    /// user's own allowlist aside). <paramref name="generic"/> is the verdict of <see cref="Generic.KeywordJudge"/> for a generic rule.
    /// </summary>
    public static FindingConfidence? Evaluate(CompiledRule compiled, string secret, CompiledAllowlist allowlist, FindingConfidence? generic = null)
    {
        var rule = compiled.Rule;
        var checksum = Checksums.Verify(rule.Checksum, secret);
        if (checksum != true)
        {
            if (rule.MinEntropy is { } floor && Entropy.Shannon(secret) < floor) return null;
            if (FalsePositiveFilter.IsPlaceholder(secret) || WordsOnly.IsMatch(secret)) return null;
        }
        if (allowlist.AllowsSecret(secret)) return null;
        foreach (var allow in compiled.Allow)
            if (allow.IsMatch(secret)) return null;
        foreach (var stopword in rule.Stopwords)
            if (secret.Contains(stopword, StringComparison.OrdinalIgnoreCase)) return null;
        if (checksum != true && rule.Decode != DecodeKind.None)
        {
            var decoded = Decode(rule.Decode, secret);
            if (decoded is null || FalsePositiveFilter.IsPlaceholder(decoded)) return null;
            if (compiled.DecodedMustMatch is { } must && !must.IsMatch(decoded)) return null;
            if (IsMadeUpCredential(decoded)) return null;
        }
        if (checksum == false) return FindingConfidence.Low;
        if (checksum == null)
            foreach (var lower in compiled.Lower)
                if (lower.IsMatch(secret)) return FindingConfidence.Low;
        return checksum == true ? FindingConfidence.High : generic ?? rule.Confidence;
    }

    /// <summary>
    /// user:password where the password is the user name, a placeholder, one short word of letters (in any script:
    /// test, пароль) or shorter than 6 characters: the made-up credentials of tests and docs, not a leak.
    /// </summary>
    private static bool IsMadeUpCredential(string decoded)
    {
        var colon = decoded.IndexOf(':');
        if (colon < 0) return false;
        var user = decoded.AsSpan(0, colon);
        var password = decoded.AsSpan(colon + 1).Trim();
        if (password.Length < 6 || password.SequenceEqual(user) || FalsePositiveFilter.IsPlaceholder(password.ToString())) return true;
        if (password.Length > 12) return false;
        foreach (var c in password)
            if (!char.IsLetter(c)) return false;
        return true;
    }

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
