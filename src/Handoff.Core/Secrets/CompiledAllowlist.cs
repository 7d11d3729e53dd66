using System.Text.RegularExpressions;

namespace Handoff.Core.Secrets;

/// <summary>Global allowlist from the repo config: secret regexes, stopwords, paths.</summary>
internal sealed class CompiledAllowlist
{
    public static readonly CompiledAllowlist Empty = new([], [], []);

    public CompiledAllowlist(IEnumerable<string> secretRegexes, IEnumerable<string> stopwords, IEnumerable<string> paths)
    {
        Secrets = secretRegexes.Select(r => new Regex(r, RegexOptions.CultureInvariant, CompiledRule.MatchTimeout)).ToArray();
        Stopwords = stopwords.ToArray();
        Paths = paths.Select(r => new Regex(r, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, CompiledRule.MatchTimeout)).ToArray();
    }

    public Regex[] Secrets { get; }
    public string[] Stopwords { get; }
    public Regex[] Paths { get; }

    /// <remarks>The ignore file is always allowed: it holds salted fingerprints, which look random but are not secrets.</remarks>
    public bool AllowsPath(string path) =>
        path == FileSecretConfigLoader.IgnorePath || path.EndsWith("/" + FileSecretConfigLoader.IgnorePath, StringComparison.Ordinal)
        || Paths.Any(p => p.IsMatch(path));

    public bool AllowsSecret(string secret) =>
        Secrets.Any(r => r.IsMatch(secret)) || Stopwords.Any(w => secret.Contains(w, StringComparison.OrdinalIgnoreCase));
}
