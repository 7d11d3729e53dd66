namespace Handoff.Core.Secrets;

public static partial class BuiltInRules
{
    /// <summary>An assignment in any common syntax: =, :, :=, =>, a comma (define/setenv), with optional quotes.</summary>
    internal const string Assign = @"[""'`\]]?\s{0,5}(?::=|=>|=|:|,)\s{0,5}[""'`]?";

    // The closing quote is matched case-sensitively (quotes have no case): the regex source generator cannot emit
    // a case-insensitive backreference and would fall back to the interpreter for every generic rule.
    internal const string Quoted = @"(?<q>[""'`])(?<secret>[^""'`\r\n]{8,2000}?)(?-i:\k<q>)";

    private static SecretRule R(string id, RuleFamily family, string description, string regex, string keywords, string[] tp, string[] fp) => new()
    {
        Id = id,
        Family = family,
        Description = description,
        Regex = regex,
        Keywords = keywords.Split(keywords.Contains('|') ? '|' : ' ', StringSplitOptions.RemoveEmptyEntries),
        TruePositives = tp,
        FalsePositives = fp,
    };

    /// <summary>A value whose format is not unique, found next to an identifier naming the service.</summary>
    private static SecretRule Named(string id, RuleFamily family, string description, string names, string value, string keywords, string[] tp, string[] fp) =>
        R(id, family, description,
            $@"(?i)(?:{names})[\w.-]{{0,30}}{Assign}(?<secret>(?-i:{value}))(?![\w-])",
            keywords, tp, fp) with { KeywordAnchored = true };

    /// <summary>A token with a unique prefix: prefix + body, bounded by non-word characters.</summary>
    private static SecretRule Prefixed(string id, RuleFamily family, string description, string regex, string keywords, string[] tp, string[] fp) =>
        R(id, family, description, $@"(?<![\w-])(?<secret>{regex})(?![\w-])", keywords, tp, fp);

    /// <summary>
    /// A generic keyword = high-entropy value rule: <paramref name="regex"/> is <c>(?i)(?&lt;name&gt;(?:KEYWORD)</c> followed by
    /// <see cref="GenericTail"/> (see <see cref="HotPatterns"/>). The regex starts at the keyword (fast to find); the group
    /// "name" is extended backwards over identifier characters by the scanner ("DB_" + "PASSWORD").
    /// </summary>
    private static SecretRule Generic(string id, string description, string regex, string keywords, string[] tp, string[] fp) =>
        R(id, RuleFamily.Generic, description, regex, keywords, tp, fp)
            with { IsGeneric = true, Confidence = FindingConfidence.Low, KeywordAnchored = true };

    /// <summary>What follows the keyword in a generic rule: the rest of the identifier, an optional type annotation, then an assignment of a quoted or bare value.</summary>
    internal const string GenericTail =
        @"[\w.-]{0,30})[""'`\]]?(?:\s{0,3}:\s{0,3}[A-Za-z_][\w.<>\[\]?|]{0,30}(?=\s{0,3}=[^=]))?\s{0,5}(?:(?::=|=>|=|:)\s{0,5}" + ValuePrefix + "(?:" + Quoted
        + @"|(?<secret>[^\s""'`;,)\]}<>]{8,2000}))|,\s{0,5}" + Quoted + ")";

    /// <summary>
    /// What may stand between an assignment and its value: the bracket opening a list of quoted values (<c>KEYS = ['…', '…']</c>;
    /// the items after the first are found by <see cref="ValueLists"/>) and a YAML tag or anchor (<c>!!binary</c>, <c>!secret</c>,
    /// <c>&amp;anchor</c>), so the value after a tag is the secret (captured and masked), not the tag.
    /// </summary>
    internal const string ValuePrefix = @"(?:[\[(]\s{0,3}(?=[""'`]))?(?:(?:!!?[\w/:.%-]*|!<[^>\s]*>|&[\w-]+)\s{1,5})?";
}
