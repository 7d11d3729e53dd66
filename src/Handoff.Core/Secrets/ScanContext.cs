using System.Text.RegularExpressions;

namespace Handoff.Core.Secrets;

/// <summary>A <see cref="SecretScanConfig"/> compiled: content rules, path rules, allowlist, ignored fingerprints.</summary>
internal sealed class ScanContext
{
    private ScanContext(SecretScanConfig config)
    {
        Config = config;
        Allowlist = config.AllowRegexes.Count + config.AllowStopwords.Count + config.AllowPaths.Count == 0
            ? CompiledAllowlist.Empty
            : new CompiledAllowlist(config.AllowRegexes, config.AllowStopwords, config.AllowPaths);
        var useBuiltIn = config.ExtraRules.Count == 0 && config.DisabledRules.Count == 0 && ReferenceEquals(Allowlist, CompiledAllowlist.Empty);
        Rules = useBuiltIn
            ? CompiledRuleSet.BuiltIn
            : new CompiledRuleSet(BuiltInRules.Content.Concat(config.ExtraRules).Where(r => !config.DisabledRules.Contains(r.Id)), Allowlist);
        PathRules = BuiltInRules.Paths.Where(r => !config.DisabledRules.Contains(r.Id)).Select(r => new CompiledPathRule(r)).ToArray();
    }

    public SecretScanConfig Config { get; }
    public CompiledRuleSet Rules { get; }
    public CompiledAllowlist Allowlist { get; }
    public CompiledPathRule[] PathRules { get; }

    public bool IsIgnored(string fingerprint) => Config.IgnoredFingerprints.Contains(fingerprint);

    public static ScanContext For(SecretScanConfig config) => new(config);

    /// <summary>The path rule that withholds this file whole, if any. <paramref name="content"/> is read only when a rule needs it.</summary>
    public CompiledPathRule? MatchPath(string path, Func<string>? content)
    {
        foreach (var rule in PathRules)
            if (rule.Matches(path, content)) return rule;
        return null;
    }
}

internal sealed class CompiledPathRule(PathRule rule)
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;
    private readonly Regex _path = PrecompiledRegexes.Get(rule.PathRegex, Options, CompiledRule.MatchTimeout);
    private readonly Regex? _except = rule.ExceptPathRegex is null ? null : new(rule.ExceptPathRegex, Options, CompiledRule.MatchTimeout);
    private readonly Regex? _content = rule.ContentRegex is null ? null : new(rule.ContentRegex, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));

    public PathRule Rule => rule;
    public bool NeedsContent => _content is not null;

    /// <summary>With no content available (a streamed diff), content-conditional rules don't match; content rules catch those secrets.</summary>
    public bool Matches(string path, Func<string>? content)
    {
        if (!_path.IsMatch(path) || (_except?.IsMatch(path) ?? false)) return false;
        if (rule.ContentCheck is { } check && content is not null && !check(content())) return false;
        if (_content is null) return true;
        if (content is null) return false;
        try
        {
            return _content.IsMatch(content());
        }
        catch (RegexMatchTimeoutException)
        {
            return true; // fail closed
        }
    }
}
