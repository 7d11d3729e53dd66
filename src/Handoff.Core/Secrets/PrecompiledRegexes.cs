using System.Text.RegularExpressions;
using static Handoff.Core.Secrets.BuiltInRules;

namespace Handoff.Core.Secrets;

/// <summary>
/// Source-generated twins of the built-in patterns a scan runs most: the generic and other common-keyword rules
/// (plain and <c>\G</c>-anchored) and the path rules. Native AOT has no runtime regex compiler (RegexOptions.Compiled
/// falls back to the interpreter there), and interpreted, these were most of a long scan's time. Each twin has the
/// pattern, options and timeout of the regex it replaces, so matches are identical; any other pattern (a repository's
/// own rules) is built at run time as before.
/// </summary>
internal static partial class PrecompiledRegexes
{
    private const RegexOptions Rule = RegexOptions.CultureInvariant;
    private const RegexOptions PathRule = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;
    private const int TimeoutMs = 2000; // CompiledRule.MatchTimeout

    [GeneratedRegex(HotPatterns.GenericPassword, Rule, TimeoutMs)] private static partial Regex GenericPassword { get; }
    [GeneratedRegex(HotPatterns.Anchor + HotPatterns.GenericPassword, Rule, TimeoutMs)] private static partial Regex GenericPasswordAnchored { get; }
    [GeneratedRegex(HotPatterns.GenericSecret, Rule, TimeoutMs)] private static partial Regex GenericSecret { get; }
    [GeneratedRegex(HotPatterns.Anchor + HotPatterns.GenericSecret, Rule, TimeoutMs)] private static partial Regex GenericSecretAnchored { get; }
    [GeneratedRegex(HotPatterns.GenericToken, Rule, TimeoutMs)] private static partial Regex GenericToken { get; }
    [GeneratedRegex(HotPatterns.Anchor + HotPatterns.GenericToken, Rule, TimeoutMs)] private static partial Regex GenericTokenAnchored { get; }
    [GeneratedRegex(HotPatterns.GenericApiKey, Rule, TimeoutMs)] private static partial Regex GenericApiKey { get; }
    [GeneratedRegex(HotPatterns.Anchor + HotPatterns.GenericApiKey, Rule, TimeoutMs)] private static partial Regex GenericApiKeyAnchored { get; }
    [GeneratedRegex(HotPatterns.BearerToken, Rule, TimeoutMs)] private static partial Regex BearerToken { get; }
    [GeneratedRegex(HotPatterns.Anchor + HotPatterns.BearerToken, Rule, TimeoutMs)] private static partial Regex BearerTokenAnchored { get; }
    [GeneratedRegex(HotPatterns.GitHubLegacyToken, Rule, TimeoutMs)] private static partial Regex GitHubLegacyToken { get; }
    [GeneratedRegex(HotPatterns.Anchor + HotPatterns.GitHubLegacyToken, Rule, TimeoutMs)] private static partial Regex GitHubLegacyTokenAnchored { get; }
    [GeneratedRegex(HotPatterns.VaultLegacyToken, Rule, TimeoutMs)] private static partial Regex VaultLegacyToken { get; }
    [GeneratedRegex(HotPatterns.DockerfileEnvSecret, Rule, TimeoutMs)] private static partial Regex DockerfileEnvSecret { get; }
    [GeneratedRegex(HotPatterns.XmlAttributeSecret, Rule, TimeoutMs)] private static partial Regex XmlAttributeSecret { get; }
    [GeneratedRegex(HotPatterns.NetrcPassword, Rule, TimeoutMs)] private static partial Regex NetrcPassword { get; }
    [GeneratedRegex(HotPatterns.NpmrcAuth, Rule, TimeoutMs)] private static partial Regex NpmrcAuth { get; }
    [GeneratedRegex(HotPatterns.NetrcPath, PathRule, TimeoutMs)] private static partial Regex NetrcRulePath { get; }

    [GeneratedRegex(PathPatterns.Dotenv, PathRule, TimeoutMs)] private static partial Regex Dotenv { get; }
    [GeneratedRegex(PathPatterns.SshPrivateKey, PathRule, TimeoutMs)] private static partial Regex SshPrivateKey { get; }
    [GeneratedRegex(PathPatterns.PrivateKeyFile, PathRule, TimeoutMs)] private static partial Regex PrivateKeyFile { get; }
    [GeneratedRegex(PathPatterns.PemPrivateKey, PathRule, TimeoutMs)] private static partial Regex PemPrivateKey { get; }
    [GeneratedRegex(PathPatterns.Keystore, PathRule, TimeoutMs)] private static partial Regex Keystore { get; }
    [GeneratedRegex(PathPatterns.Npmrc, PathRule, TimeoutMs)] private static partial Regex Npmrc { get; }
    [GeneratedRegex(PathPatterns.Pypirc, PathRule, TimeoutMs)] private static partial Regex Pypirc { get; }
    [GeneratedRegex(PathPatterns.Netrc, PathRule, TimeoutMs)] private static partial Regex Netrc { get; }
    [GeneratedRegex(PathPatterns.GitCredentials, PathRule, TimeoutMs)] private static partial Regex GitCredentials { get; }
    [GeneratedRegex(PathPatterns.DockerConfig, PathRule, TimeoutMs)] private static partial Regex DockerConfig { get; }
    [GeneratedRegex(PathPatterns.Json, PathRule, TimeoutMs)] private static partial Regex Json { get; }
    [GeneratedRegex(PathPatterns.Kubeconfig, PathRule, TimeoutMs)] private static partial Regex Kubeconfig { get; }
    [GeneratedRegex(PathPatterns.TerraformState, PathRule, TimeoutMs)] private static partial Regex TerraformState { get; }
    [GeneratedRegex(PathPatterns.CredentialsFile, PathRule, TimeoutMs)] private static partial Regex CredentialsFile { get; }
    [GeneratedRegex(PathPatterns.Htpasswd, PathRule, TimeoutMs)] private static partial Regex Htpasswd { get; }

    /// <summary>Every twin, by the pattern and options it stands for.</summary>
    internal static IReadOnlyDictionary<(string Pattern, RegexOptions Options), Regex> All { get; } = new[]
    {
        GenericPassword, GenericPasswordAnchored, GenericSecret, GenericSecretAnchored, GenericToken, GenericTokenAnchored,
        GenericApiKey, GenericApiKeyAnchored, BearerToken, BearerTokenAnchored, GitHubLegacyToken, GitHubLegacyTokenAnchored,
        VaultLegacyToken,
        DockerfileEnvSecret, XmlAttributeSecret, NetrcPassword, NpmrcAuth, NetrcRulePath,
        Dotenv, SshPrivateKey, PrivateKeyFile, PemPrivateKey, Keystore, Npmrc, Pypirc, Netrc, GitCredentials, DockerConfig,
        Json, Kubeconfig, TerraformState, CredentialsFile, Htpasswd,
    }.ToDictionary(r => (r.ToString(), r.Options));

    /// <summary>The source-generated regex for this pattern and these options and timeout, or null when there is none.</summary>
    public static Regex? Find(string pattern, RegexOptions options, TimeSpan timeout) =>
        All.TryGetValue((pattern, options), out var regex) && regex.MatchTimeout == timeout ? regex : null;

    /// <summary>The source-generated twin when there is one, else a regex built now.</summary>
    public static Regex Get(string pattern, RegexOptions options, TimeSpan timeout) =>
        Find(pattern, options, timeout) ?? new Regex(pattern, options, timeout);
}
