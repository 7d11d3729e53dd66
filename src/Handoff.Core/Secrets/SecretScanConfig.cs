using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Handoff.Core.Secrets.Archives;

namespace Handoff.Core.Secrets;

/// <summary>
/// Per-repository scan settings: extra rules, disabled rules, allowlists (from .devin-handoff/secrets.json)
/// and accepted findings (fingerprints from .devin-handoff-ignore).
/// </summary>
public sealed record SecretScanConfig
{
    public static readonly SecretScanConfig Default = new();

    public IReadOnlyList<SecretRule> ExtraRules { get; init; } = [];
    public IReadOnlySet<string> DisabledRules { get; init; } = new HashSet<string>();
    /// <summary>Regexes on the secret: a match means "not a secret".</summary>
    public IReadOnlyList<string> AllowRegexes { get; init; } = [];
    /// <summary>Substrings of the secret (case-insensitive) that mean "not a secret".</summary>
    public IReadOnlyList<string> AllowStopwords { get; init; } = [];
    /// <summary>Regexes on repo-relative paths that are not scanned at all (path rules included).</summary>
    public IReadOnlyList<string> AllowPaths { get; init; } = [];
    /// <summary>Fingerprints of accepted findings.</summary>
    public IReadOnlySet<string> IgnoredFingerprints { get; init; } = new HashSet<string>();
    /// <summary>Whether and how far the members of archives are scanned.</summary>
    public ArchivePolicy Archives { get; init; } = ArchivePolicy.Default;
}

/// <summary>Loads a repository's <see cref="SecretScanConfig"/>.</summary>
public interface ISecretConfigLoader
{
    /// <exception cref="HandoffException">the config file is invalid (exit 4).</exception>
    SecretScanConfig Load(string repoRoot);
}

/// <summary>
/// Reads <c>.devin-handoff/secrets.json</c> and <c>.devin-handoff-ignore</c> from the repository root.
/// Missing files mean defaults.
/// <code>
/// {
///   "rules": [ { "id": "acme-token", "description": "ACME token", "regex": "acme_[a-z0-9]{32}",
///                "keywords": ["acme_"], "entropy": 3.0, "path": "\\.cfg$", "allowRegexes": [], "stopwords": [] } ],
///   "disabledRules": [ "generic-api-key" ],
///   "allowlist": { "regexes": [ "^test-" ], "stopwords": [ "local-dev" ], "paths": [ "^docs/examples/" ] },
///   "archives": { "scan": true, "maxBytes": 134217728, "maxMembers": 10000, "maxDepth": 5, "maxRatio": 100, "overLimit": "block" }
/// }
/// </code>
/// The ignore file holds one fingerprint per line (<c>path:rule-id:hash</c>, as printed in findings); lines starting with # are comments.
/// </summary>
public sealed partial class FileSecretConfigLoader : ISecretConfigLoader
{
    public const string ConfigPath = ".devin-handoff/secrets.json";
    public const string IgnorePath = ".devin-handoff-ignore";

    public SecretScanConfig Load(string repoRoot)
    {
        var config = SecretScanConfig.Default;
        var configFile = Path.Combine(repoRoot, ConfigPath);
        if (File.Exists(configFile)) config = Parse(File.ReadAllText(configFile), ConfigPath);
        var ignoreFile = Path.Combine(repoRoot, IgnorePath);
        if (File.Exists(ignoreFile)) config = config with { IgnoredFingerprints = ParseIgnore(File.ReadAllLines(ignoreFile)) };
        return config;
    }

    public static IReadOnlySet<string> ParseIgnore(IEnumerable<string> lines) =>
        lines.Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet(StringComparer.Ordinal);

    /// <summary>Parses the JSON config; <paramref name="source"/> names it in error messages.</summary>
    public static SecretScanConfig Parse(string json, string source = ConfigPath)
    {
        ConfigDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize(json, ConfigJson.Default.ConfigDto);
        }
        catch (JsonException e)
        {
            throw new HandoffException($"invalid {source}: {e.Message}", ExitCodes.AuthOrConfig, e);
        }
        dto ??= new ConfigDto();
        var rules = new List<SecretRule>();
        foreach (var r in dto.Rules ?? [])
        {
            if (string.IsNullOrWhiteSpace(r.Id) || string.IsNullOrWhiteSpace(r.Regex))
                throw new HandoffException($"invalid {source}: every rule needs \"id\" and \"regex\"", ExitCodes.AuthOrConfig);
            CheckRegex(r.Regex, $"rule {r.Id}", source);
            if (r.Path is not null) CheckRegex(r.Path, $"rule {r.Id} path", source);
            foreach (var a in r.AllowRegexes ?? []) CheckRegex(a, $"rule {r.Id} allowRegexes", source);
            foreach (var k in r.Keywords ?? [])
                if (k is null || k.Length < 2 || k.Any(c => c >= 128)) // what the rule set's keyword prefilter can index
                    throw new HandoffException($"invalid {source}: rule {r.Id} keyword \"{k}\" must be at least 2 ASCII characters", ExitCodes.AuthOrConfig);
            rules.Add(new SecretRule
            {
                Id = r.Id,
                Description = r.Description ?? r.Id,
                Family = RuleFamily.Custom,
                Regex = r.Regex,
                Keywords = r.Keywords ?? [],
                MinEntropy = r.Entropy,
                PathPattern = r.Path,
                AllowRegexes = r.AllowRegexes ?? [],
                Stopwords = r.Stopwords ?? [],
            });
        }
        foreach (var a in dto.Allowlist?.Regexes ?? []) CheckRegex(a, "allowlist.regexes", source);
        foreach (var a in dto.Allowlist?.Paths ?? []) CheckRegex(a, "allowlist.paths", source);
        return new SecretScanConfig
        {
            ExtraRules = rules,
            DisabledRules = (dto.DisabledRules ?? []).ToHashSet(StringComparer.Ordinal),
            AllowRegexes = dto.Allowlist?.Regexes ?? [],
            AllowStopwords = dto.Allowlist?.Stopwords ?? [],
            AllowPaths = dto.Allowlist?.Paths ?? [],
            Archives = Archives(dto.Archives, source),
        };
    }

    private static ArchivePolicy Archives(ArchivesDto? dto, string source)
    {
        if (dto is null) return ArchivePolicy.Default;
        var defaults = ArchivePolicy.Default;
        if (dto.MaxBytes <= 0 || dto.MaxMembers <= 0 || dto.MaxDepth <= 0 || dto.MaxRatio <= 0)
            throw new HandoffException($"invalid {source}: archives bounds must be positive numbers", ExitCodes.AuthOrConfig);
        var overLimit = dto.OverLimit?.ToLowerInvariant() switch
        {
            null or "block" => ArchiveOverLimit.Block,
            "warn" => ArchiveOverLimit.Warn,
            _ => throw new HandoffException($"invalid {source}: archives.overLimit must be \"block\" or \"warn\", not \"{dto.OverLimit}\"", ExitCodes.AuthOrConfig),
        };
        return new ArchivePolicy
        {
            Scan = dto.Scan ?? defaults.Scan,
            MaxBytes = dto.MaxBytes ?? defaults.MaxBytes,
            MaxMembers = dto.MaxMembers ?? defaults.MaxMembers,
            MaxDepth = dto.MaxDepth ?? defaults.MaxDepth,
            MaxRatio = dto.MaxRatio ?? defaults.MaxRatio,
            OverLimit = overLimit,
        };
    }

    private static void CheckRegex(string pattern, string what, string source)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException e)
        {
            throw new HandoffException($"invalid {source}: {what} is not a valid regex ({e.Message})", ExitCodes.AuthOrConfig, e);
        }
    }

    /// <summary>Lenient reading of the hand-written file: any case, comments and trailing commas allowed.</summary>
    [JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true,
        GenerationMode = JsonSourceGenerationMode.Metadata)]
    [JsonSerializable(typeof(ConfigDto))]
    private sealed partial class ConfigJson : JsonSerializerContext;

    private sealed class ConfigDto
    {
        public List<RuleDto>? Rules { get; set; }
        public List<string>? DisabledRules { get; set; }
        public AllowlistDto? Allowlist { get; set; }
        public ArchivesDto? Archives { get; set; }
    }

    private sealed class ArchivesDto
    {
        public bool? Scan { get; set; }
        public long? MaxBytes { get; set; }
        public int? MaxMembers { get; set; }
        public int? MaxDepth { get; set; }
        public int? MaxRatio { get; set; }
        public string? OverLimit { get; set; }
    }

    private sealed class RuleDto
    {
        public string? Id { get; set; }
        public string? Description { get; set; }
        public string? Regex { get; set; }
        public List<string>? Keywords { get; set; }
        public double? Entropy { get; set; }
        public string? Path { get; set; }
        public List<string>? AllowRegexes { get; set; }
        public List<string>? Stopwords { get; set; }
    }

    private sealed class AllowlistDto
    {
        public List<string>? Regexes { get; set; }
        public List<string>? Stopwords { get; set; }
        public List<string>? Paths { get; set; }
    }
}

/// <summary>
/// Finding fingerprints: <c>path:rule-id:h</c> where h is the first 16 hex chars of
/// SHA-256(<see cref="Salt"/> + secret). Stable across line moves; never reveals the secret.
/// </summary>
public static class Fingerprint
{
    /// <summary>Fixed, documented salt (so a fingerprint can't be matched against unsalted hash tables).</summary>
    public const string Salt = "devin-handoff/secret-fingerprint/v1:";

    public static string Of(string path, string ruleId, string secret)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(Salt + secret));
        return $"{path}:{ruleId}:{Convert.ToHexStringLower(hash)[..16]}";
    }
}
