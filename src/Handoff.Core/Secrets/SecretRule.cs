namespace Handoff.Core.Secrets;

/// <summary>Groups rules for reporting (the corpus test prints recall per family).</summary>
public enum RuleFamily
{
    Cloud, SourceHost, Chat, Payments, AiProvider, PackageRegistry, Saas, PrivateKey, Jwt, ConnectionString, Generic, Custom,
}

/// <summary>How sure a finding is. A failed checksum lowers confidence but never drops the finding.</summary>
public enum FindingConfidence { Low, Medium, High }

/// <summary>An offline self-check some token formats carry.</summary>
public enum ChecksumKind { None, GitHub, Npm, Grafana, Cloudflare }

/// <summary>One level of decoding applied to the captured secret before the <see cref="SecretRule.DecodedMustMatch"/> check.</summary>
public enum DecodeKind { None, Base64, Percent }

/// <summary>
/// A content rule, as data. The regex runs only on lines holding one of <see cref="Keywords"/>
/// (case-insensitive). The secret is the named group "secret" when present, else group 1, else the whole match.
/// Each built-in rule's true- and false-positive samples live with the tests (RuleSamples), not here: nothing needs them at run time.
/// </summary>
public sealed record SecretRule
{
    public required string Id { get; init; }
    public required string Description { get; init; }
    public RuleFamily Family { get; init; } = RuleFamily.Custom;
    public required string Regex { get; init; }
    public required IReadOnlyList<string> Keywords { get; init; }

    /// <summary>Minimum Shannon entropy (bits per char) of the secret; null = no floor.</summary>
    public double? MinEntropy { get; init; }

    /// <summary>Regex on the repo-relative path; the rule only applies to matching paths.</summary>
    public string? PathPattern { get; init; }

    /// <summary>Regexes on the secret; a match means "not a secret".</summary>
    public IReadOnlyList<string> AllowRegexes { get; init; } = [];

    /// <summary>
    /// Regexes on the secret; a match means "may well be an example": the finding's confidence drops to Low (reported,
    /// masked in place, not blocking) instead of the finding being dropped. For tokens with a unique prefix, which no
    /// filter may hide (issue 11).
    /// </summary>
    public IReadOnlyList<string> LowerRegexes { get; init; } = [];

    /// <summary>Substrings (case-insensitive) of the secret that mean "not a secret".</summary>
    public IReadOnlyList<string> Stopwords { get; init; } = [];

    /// <summary>
    /// The regex matches starting at one of the keywords: the scanner then tries it only at the keyword
    /// occurrences (anchored), instead of searching the whole line. A large speed-up for keyword=value rules.
    /// </summary>
    public bool KeywordAnchored { get; init; }

    /// <summary>Generic keyword=value rules get the identifier/word/UUID/hash filters on top of placeholders.</summary>
    public bool IsGeneric { get; init; }

    public ChecksumKind Checksum { get; init; } = ChecksumKind.None;

    public DecodeKind Decode { get; init; } = DecodeKind.None;

    /// <summary>With <see cref="Decode"/>: the decoded value must match this regex to count.</summary>
    public string? DecodedMustMatch { get; init; }

    /// <summary>For multi-line secrets (PEM, PuTTY): in redact mode the following lines up to one holding this text are redacted too.</summary>
    public string? BlockEnd { get; init; }

    /// <summary>Baseline confidence when the format has no checksum.</summary>
    public FindingConfidence Confidence { get; init; } = FindingConfidence.Medium;
}

/// <summary>A file that is a secret by nature and is withheld whole.</summary>
public sealed record PathRule
{
    public required string Id { get; init; }
    public required string Description { get; init; }

    /// <summary>Regex on the repo-relative path (forward slashes), case-insensitive.</summary>
    public required string PathRegex { get; init; }

    /// <summary>Paths matching this regex are exempt (e.g. .env.example, id_rsa.pub).</summary>
    public string? ExceptPathRegex { get; init; }

    /// <summary>When set, the file is withheld only if its content matches (e.g. .npmrc holding _authToken).</summary>
    public string? ContentRegex { get; init; }

    /// <summary>When set, the file is withheld only if this accepts its content (bytes as Latin-1 text; an empty text means unknown).</summary>
    public Func<string, bool>? ContentCheck { get; init; }
}
