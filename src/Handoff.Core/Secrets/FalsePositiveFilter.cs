using System.Text.RegularExpressions;

namespace Handoff.Core.Secrets;

/// <summary>
/// Decides whether a captured value is obviously not a secret: placeholders, templates, references to
/// environment variables or secret stores, documented example keys, hashes, identifiers.
/// Placeholder checks apply to every rule; the identifier/hash/entropy heuristics only to generic rules.
/// </summary>
public static partial class FalsePositiveFilter
{
    // Source-generated (fast in every build, Native AOT included); the timeout bounds a pathological input.
    private const int TimeoutMs = 2000;

    /// <summary>Inline markers that allow a line.</summary>
    public static readonly string[] AllowMarkers = ["devin-handoff:allow", "gitleaks:allow", "pragma: allowlist secret", "trufflehog:ignore", "secretlint-disable-line"];

    private static readonly string[] PlaceholderWords =
    [
        "example", "xxxx", "****", "redacted", "placeholder", "your_", "your-", "yourkey", "yourtoken", "yourpassword",
        "<your", "dummy", "changeme", "change_me", "change-me", "replace_me", "replaceme", "insert_", "fake_", "fake-",
        "notreal", "not_real", "not-a-real", "lorem", "foobar", "secret_here", "key_here", "token_here", "here>",
        "••", "…", "${", "{{", "#{", "$(", "%(", "{%", "<%", "[redacted",
    ];

    private static readonly System.Buffers.SearchValues<string> PlaceholderSearch =
        System.Buffers.SearchValues.Create(PlaceholderWords, StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(
        @"^(?:
            \$[A-Za-z_][\w.]*                    # $VAR
          | \$\{[^}]*\}?                          # ${VAR}
          | %[\w.()-]+%                           # %VAR%
          | @[\w.]+@                              # @VAR@
          | <[^<>]*>                              # <token>
          | \[[\w\s.-]*\]                         # [token]
          | \{[\w\s.-]*\}                         # {token}
          | (?:true|false|null|none|nil|undefined|empty|string|str|bool|int|object|any)
          | (?-i:(.)\1+)                          # aaaaaa, 000000 (case-sensitive: the generator can't emit an ignore-case backreference)
          | [*•xX.#_-]+
          | (?:0123456789|123456789|abcdef|qwerty|abc123|password|passw0rd|p@ssw0rd|pass|secret|token|test|testing)\w{0,6}
          | .*(?:EXAMPLE|Example)(?:KEY)?
          | sha(?:1|256|384|512)[-:][A-Za-z0-9+/=_-]+   # SRI / docker digest
          | data:[a-z]+/[\w.+-]+;base64,.*
          | (?:secrets|env|vars|inputs|steps|needs|github)\.[\w.-]+
          | (?:arn:aws:secretsmanager|arn:aws:ssm|vault:|ref\+vault|akv:|@Microsoft\.KeyVault|projects/[\w-]+/secrets/|secret/data/|kv/data/|op://|doppler://|sm://|ssm:/).*
          | /(?:usr|etc|var|opt|home|tmp|run|dev)/.*
        )$",
        RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant,
        TimeoutMs)]
    private static partial Regex PlaceholderShape { get; }

    // Documented example values (AWS docs, jwt.io).
    private static readonly string[] KnownExamples =
    [
        "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
    ];

    [GeneratedRegex(@"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex Uuid { get; }

    [GeneratedRegex(
        @"^(?:[A-Za-z][a-z]+(?:[A-Z][a-z]+|[A-Z]{1,3}(?=[A-Z][a-z]|$)|[0-9]{1,2})*   # camelCase / PascalCase words
          | [a-z]+(?:[_.:/-][a-z0-9]+)*                                               # snake, kebab, dotted, paths of words
          | [A-Z]+(?:[_.-][A-Z0-9]+)*                                                 # CONSTANT_CASE
          | [A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)+(?:\(\))?                                # member access a.b.c
          | [A-Za-z_][\w.:]*\s*\(.*                                                   # a call
          | [A-Za-z_][\w.:]*\[.*                                                      # an index
          | [A-Za-z_]\w*\?\.\w.*                                                      # optional chaining
          | https?://[^@]*                                                            # a URL without userinfo
          | [.~]?/[\w./-]*                                                            # a path
          | \d+(?:\.\d+)*[smhdkKMG]?                                                  # a number, version, duration
        )$",
        RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex Identifier { get; }

    [GeneratedRegex(@"(?i)(?:fake|dummy|mock|fixture|sample|example|placeholder|stub|testdata)", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex FixtureName { get; }

    [GeneratedRegex(
        @"(?i)(?:_id|Id|_name|Name|_url|Url|_uri|Uri|_path|Path|_file|File|_type|Type|_length|Length|_size|Size|_count|Count|_ttl|_timeout|Timeout|_expires?|_expiry|Expiry|_header|Header|_prefix|Prefix|_endpoint|Endpoint|_field|Field|_env|_var|_policy|Policy|_format|Format|_hash|Hash|_sha|Sha|_digest|Digest|_commit|Commit|_rev|_revision|Revision|_checksum|Checksum|_fingerprint|Fingerprint|_version|Version|_enabled|Enabled|_mode|Mode|_label|Label|_ref|_provider|Provider|_store|Store|_location|_regex|_pattern|_validator|_hint|Hint|_question|_reset|_min|_max|_limit|Limit|_kind)$",
        RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex IdLikeName { get; }

    [GeneratedRegex(
        @"(?i)^(?:.*(?:keyboard|publishable|monkey|donkey|turkey|hockey|jockey|keystroke|keyword|keyframe|keypress|keydown|keyup|keyof|keyspace|keyset|hotkey|primary_?key|foreign_?key|sort_?key|partition_?key|cache_?key|idempotency_?key|keychain|author|tokeniz|max_?tokens?|num_?tokens|token_?count|token_?type|token_?usage|tokens_?used|csrf|xsrf|secretary|passwordless|public_?key|pubkey|key_?id|keyid|key_?name|key_?vault|key_?alias|key_?usage|key_?size|key_?length|key_?type|keys?_?path|api_?version|user_?secrets_?id|usersecretsid|secret_?name|secret_?ref|secret_?key_?ref|secretkeyref|secret_?arn|password_?field|password_?confirm|password_?policy|password_?strength|password_?reset|forgot_?password|token_?endpoint|token_?url).*)$",
        RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex HarmlessName { get; }

    /// <summary>True when the value is a placeholder, template, reference or documented example.</summary>
    public static bool IsPlaceholder(string value)
    {
        if (value.Length == 0) return true;
        foreach (var example in KnownExamples)
            if (value.Contains(example, StringComparison.Ordinal)) return true;
        if (value.AsSpan().IndexOfAny(PlaceholderSearch) >= 0) return true;
        return PlaceholderShape.IsMatch(value);
    }

    /// <summary>The extra filters of generic rules. <paramref name="name"/> is the assigned identifier when known.</summary>
    public static bool IsUnlikelyGenericSecret(string value, string? name)
    {
        if (value.Length < 8) return true;
        if (name is not null && (FixtureName.IsMatch(name) || IdLikeName.IsMatch(name) || HarmlessName.IsMatch(name))) return true;
        if (Uuid.IsMatch(value) || (Identifier.IsMatch(value) && (!value.All(char.IsAsciiLetterOrDigit) || WordSegmentsHaveVowels(value)))) return true;
        if (value.StartsWith("pk.eyJ", StringComparison.Ordinal) || value.StartsWith("pk_live_", StringComparison.Ordinal) || value.StartsWith("pk_test_", StringComparison.Ordinal))
            return true; // Mapbox / Stripe publishable keys are public by design
        if (!value.Any(char.IsAsciiLetter)) return !HasHexEntropy(value);
        return Entropy.Shannon(value) < GenericEntropyFloor(value);
    }

    // camelCase words have vowels; random strings that happen to fit the identifier shape ("bfh55Ux5NKdGviN") mostly don't.
    private static bool WordSegmentsHaveVowels(string value)
    {
        var start = 0;
        for (var i = 1; i <= value.Length; i++)
        {
            if (i < value.Length && !(char.IsAsciiLetterUpper(value[i]) || !char.IsAsciiLetter(value[i]))) continue;
            var segment = value.AsSpan(start, i - start).TrimStart("0123456789_-./:");
            if (segment.Length >= 3 && segment.IndexOfAny("aeiouyAEIOUY") < 0 && segment.ContainsAnyInRange('a', 'z')) return false;
            start = i;
        }
        return true;
    }

    private static bool HasHexEntropy(string value) => value.Length >= 20 && Entropy.Shannon(value) >= 3.0;

    /// <summary>Charset-aware floor: about 3 bits for hex, 3.5 for mixed values of 16+ chars; shorter values can't reach that.</summary>
    public static double GenericEntropyFloor(string value)
    {
        var isHex = value.All(char.IsAsciiHexDigit);
        var floor = isHex ? 3.0 : 3.3;
        return Math.Min(floor, Math.Log2(value.Length) - 0.8);
    }
}
