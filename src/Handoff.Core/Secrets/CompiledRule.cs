using System.Text.RegularExpressions;

namespace Handoff.Core.Secrets;

/// <summary>
/// A rule with its regexes built on first use. Most rules never see their keyword in a handoff, so
/// parsing ~400 patterns up front would cost a CLI run more than the scan itself.
/// </summary>
internal sealed class CompiledRule
{
    // Generous: it bounds a pathological (ReDoS) input, not normal matching.
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);
    private const RegexOptions Options = RegexOptions.CultureInvariant;

    private readonly Lazy<Regexes> _regexes;

    public CompiledRule(SecretRule rule, int order)
    {
        Rule = rule;
        Order = order;
        _regexes = new Lazy<Regexes>(() => new Regexes(rule), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    // Share regexes between rule sets built from different repo configs, and allow patterns between rules (many share one).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, HotRegex> Cache = new();
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Regex> AllowCache = new();

    public SecretRule Rule { get; }
    public int Order { get; }
    public Regex Regex => _regexes.Value.Main.Value;

    /// <summary>For keyword-anchored rules: the regex prefixed with \G, tried at each keyword occurrence.</summary>
    public Regex? Anchored => _regexes.Value.Anchored?.Value;
    public bool IsAnchored => Rule.KeywordAnchored;
    public int SecretGroup => _regexes.Value.SecretGroup;
    public int NameGroup => _regexes.Value.NameGroup;
    public int UserGroup => _regexes.Value.UserGroup;

    /// <summary>The group of the quote around a generic rule's value ("q"); -1 when the rule captures no assignment.</summary>
    public int QuoteGroup => _regexes.Value.QuoteGroup;
    public Regex? Path => _regexes.Value.Path;
    public Regex[] Allow => _regexes.Value.Allow;
    public Regex[] Lower => _regexes.Value.Lower;
    public Regex? DecodedMustMatch => _regexes.Value.DecodedMustMatch;

    private sealed class Regexes
    {
        public Regexes(SecretRule rule)
        {
            Main = Cache.GetOrAdd(rule.Regex, static pattern => new HotRegex(pattern, Options, MatchTimeout));
            var main = Main.Value;
            var secretGroup = main.GroupNumberFromName("secret");
            SecretGroup = secretGroup >= 0 ? secretGroup : main.GetGroupNumbers().Length > 1 ? 1 : 0;
            NameGroup = main.GroupNumberFromName("name");
            UserGroup = main.GroupNumberFromName("user");
            QuoteGroup = main.GroupNumberFromName("q");
            Anchored = rule.KeywordAnchored ? Cache.GetOrAdd(@"\G" + rule.Regex, static pattern => new HotRegex(pattern, Options, MatchTimeout)) : null;
            Path = rule.PathPattern is null ? null : PrecompiledRegexes.Get(rule.PathPattern, Options | RegexOptions.IgnoreCase, MatchTimeout);
            Allow = rule.AllowRegexes.Select(r => AllowCache.GetOrAdd(r, static pattern => new Regex(pattern, Options, MatchTimeout))).ToArray();
            Lower = rule.LowerRegexes.Select(r => AllowCache.GetOrAdd(r, static pattern => new Regex(pattern, Options, MatchTimeout))).ToArray();
            DecodedMustMatch = rule.DecodedMustMatch is null ? null : new Regex(rule.DecodedMustMatch, Options, MatchTimeout);
        }

        public HotRegex Main { get; }
        public HotRegex? Anchored { get; }
        public int SecretGroup { get; }
        public int NameGroup { get; }
        public int UserGroup { get; }
        public int QuoteGroup { get; }
        public Regex? Path { get; }
        public Regex[] Allow { get; }
        public Regex[] Lower { get; }
        public Regex? DecodedMustMatch { get; }
    }
}

/// <summary>A secret found on one line: where it is (to redact it) and how sure we are. Internal: holds the secret.</summary>
internal readonly record struct RawHit(CompiledRule Rule, int Start, int Length, string Secret, FindingConfidence Confidence);

/// <summary>
/// A keyword's value that was no secret but may open a list (<c>KEYS = ["changeme", "…"]</c>): the items after
/// <see cref="End"/> are still judged (<see cref="ValueLists"/>), at <see cref="Cap"/> at most, and only when generated
/// if <see cref="NeedsStrong"/>.
/// </summary>
internal readonly record struct ListStart(CompiledRule Rule, int End, FindingConfidence Cap, bool NeedsStrong);
