using System.Text.RegularExpressions;

namespace Handoff.Core.Secrets;

/// <summary>
/// Decides whether a captured value is obviously not a secret: placeholders, templates, references to
/// environment variables or secret stores, documented example keys. Applies to every rule except a token whose
/// checksum verifies; generic (keyword) rules are judged further by <see cref="Generic.KeywordJudge"/>.
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
        "••", "…", "${", "{{", "#{", "$(", "%(", "{%", "<%", "[redacted", "####",
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
          | (?:0123456789|123456789|abcdef|qwerty|asdf|abc123|password|passw0rd|p@ssw0rd|pass|secret|token|test|testing|foo|bar|baz|qux)\w{0,6}
          | (?:asdf|qwer|zxcv|uiop|hjkl|1234|5678|abcd|wxyz){2,}\w{0,4}   # keyboard runs: asdfqwer1234
          | (?:0x)?(?:dead|beef|cafe|babe|face|feed|f00d|c0de|d00d|1234|abcd|0000|ffff)+   # hex-speak: deadbeef, cafebabe
          | .*(?:EXAMPLE|Example)(?:KEY)?
          | sha(?:1|256|384|512)[-:][A-Za-z0-9+/=_-]+   # SRI / docker digest
          | data:[a-z]+/[\w.+-]+;base64,.*
          | (?:secrets|env|vars|inputs|steps|needs|github)\.[\w.-]+
          | (?:arn:aws:secretsmanager|arn:aws:ssm|vault:|ref\+vault|akv:|@Microsoft\.KeyVault|projects/[\w-]+/secrets/|secret/data/|kv/data/|op://|doppler://|sm://|ssm:/).*
          | /(?:usr|etc|var|opt|home|tmp|run|dev)/.*
          | (?-i:ENC\[[A-Z0-9_]+)(?:,.*)?              # a SOPS-encrypted value: ENC[AES256_GCM,data:…] (or its first item)
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

    /// <summary>True when the value is a placeholder, template, reference or documented example.</summary>
    public static bool IsPlaceholder(string value)
    {
        if (value.Length == 0) return true;
        foreach (var example in KnownExamples)
            if (value.Contains(example, StringComparison.Ordinal)) return true;
        if (value.AsSpan().IndexOfAny(PlaceholderSearch) >= 0) return true;
        return PlaceholderShape.IsMatch(value);
    }
}
