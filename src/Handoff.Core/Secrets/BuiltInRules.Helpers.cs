namespace Handoff.Core.Secrets;

public static partial class BuiltInRules
{
    /// <summary>
    /// Assignment operators: = : := =>, make's ::= :::= ?= +=, PHP's .= and ??=. ":" comes last so the longer ones win.
    /// </summary>
    internal const string AssignOp = @"(?::{1,3}=|[?.+]=|\?\?=|=>|=|:)";

    /// <summary>
    /// A type between a name and its "=": "name: Type =" (TypeScript, Kotlin, Python) or Go's "var name string =" (only
    /// string types: in C# or Java "JTokenReader reader =" puts the type first, and the keyword would be in it).
    /// </summary>
    internal const string TypeBeforeEquals = @"(?:\s{0,3}:\s{0,3}[A-Za-z_][\w.<>\[\]?|]{0,30}|\s{1,3}(?:string|\*string|\[\]byte))(?=\s{0,3}=[^=])";

    /// <summary>An assignment in any common syntax (see <see cref="AssignOp"/>) or a comma (define/setenv), with optional quotes and type.</summary>
    internal const string Assign = @"[""'`\]]?(?:" + TypeBeforeEquals + @")?\s{0,5}(?:" + AssignOp + @"\s{0,5}[""'`]?|,\s{0,5}[""'`])";

    // The closing quote is matched case-sensitively (quotes have no case): the regex source generator cannot emit
    // a case-insensitive backreference and would fall back to the interpreter for every generic rule.
    internal const string Uuid = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    internal const string Quoted = @"(?<q>[""'`])(?<secret>[^""'`\r\n]{0,2000}?)(?-i:\k<q>)";

    private static SecretRule R(string id, RuleFamily family, string description, string regex, string keywords) => new()
    {
        Id = id,
        Family = family,
        Description = description,
        Regex = regex,
        Keywords = keywords.Split(keywords.Contains('|') ? '|' : ' ', StringSplitOptions.RemoveEmptyEntries),
    };

    /// <summary>A value whose format is not unique, found next to an identifier naming the service.</summary>
    private static SecretRule Named(string id, RuleFamily family, string description, string names, string value, string keywords) =>
        R(id, family, description,
            $@"(?i)(?:(?<![A-Za-z])|(?-i:(?=[A-Z])))(?:{names})[\w.-]{{0,30}}{Assign}(?<secret>(?-i:{value}))(?![\w-])",
            keywords) with { KeywordAnchored = true, AllowRegexes = [SequentialRun] };

    /// <summary>A token with a unique prefix: prefix + body, bounded by non-word characters.</summary>
    private static SecretRule Prefixed(string id, RuleFamily family, string description, string regex, string keywords) =>
        R(id, family, description, $@"(?<![\w-])(?<secret>{regex})(?![\w-])", keywords) with { LowerRegexes = [SequentialRun] };

    /// <summary>
    /// Eight letters (one case) or digits in a row ("abcdefgh", "12345678"): a random token holds that practically never,
    /// examples often. A keyword value or a named value with one is dropped; a token with a unique prefix is kept at
    /// low confidence; rules with a checksum opt out (a failed checksum lowers confidence).
    /// </summary>
    internal const string SequentialRun =
        "abcdefgh|bcdefghi|cdefghij|defghijk|efghijkl|fghijklm|ghijklmn|hijklmno|ijklmnop|jklmnopq|klmnopqr|lmnopqrs|mnopqrst|nopqrstu|opqrstuv|pqrstuvw|qrstuvwx|rstuvwxy|stuvwxyz"
        + "|ABCDEFGH|BCDEFGHI|CDEFGHIJ|DEFGHIJK|EFGHIJKL|FGHIJKLM|GHIJKLMN|HIJKLMNO|IJKLMNOP|JKLMNOPQ|KLMNOPQR|LMNOPQRS|MNOPQRST|NOPQRSTU|OPQRSTUV|PQRSTUVW|QRSTUVWX|RSTUVWXY|STUVWXYZ"
        + "|01234567|12345678|23456789|34567890"; // the last: the digit row of a keyboard, 1 to 0

    /// <summary>
    /// A generic keyword = high-entropy value rule: <paramref name="regex"/> is <c>(?i)(?&lt;name&gt;(?:KEYWORD)</c> followed by
    /// <see cref="GenericTail"/> (see <see cref="HotPatterns"/>). The regex starts at the keyword (fast to find); the group
    /// "name" is extended backwards over identifier characters by the scanner ("DB_" + "PASSWORD").
    /// </summary>
    private static SecretRule Generic(string id, string description, string regex, string keywords) =>
        R(id, RuleFamily.Generic, description, regex, keywords)
            with { IsGeneric = true, Confidence = FindingConfidence.Low, KeywordAnchored = true, AllowRegexes = [SequentialRun] };

    /// <summary>What follows the keyword in a generic rule: the rest of the identifier, an optional type annotation, then an assignment of a quoted or bare value.</summary>
    internal const string GenericTail =
        @"[\w.-]{0,30})[""'`\]]?(?:" + TypeBeforeEquals + @")?\s{0,5}(?:" + AssignOp + @"\s{0,5}" + ValuePrefix + "(?:" + Quoted
        + @"|(?<secret>[^\s""'`;,)\]}<>]{1,2000}))|,\s{0,5}" + Quoted + ")";

    /// <summary>
    /// What may stand between an assignment and its value: the bracket opening a list of quoted values (<c>KEYS = ['…', '…']</c>;
    /// the items after the first are found by <see cref="ValueLists"/>) and a YAML tag or anchor (<c>!!binary</c>, <c>!secret</c>,
    /// <c>&amp;anchor</c>), so the value after a tag is the secret (captured and masked), not the tag.
    /// </summary>
    internal const string ValuePrefix = @"(?:[\[(]\s{0,3}(?=[""'`]))?(?:(?:!!?[\w/:.%-]*|!<[^>\s]*>|&[\w-]+)\s{1,5})?";
}
