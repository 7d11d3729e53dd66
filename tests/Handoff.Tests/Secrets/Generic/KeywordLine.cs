using Handoff.Core.Secrets;
using Handoff.Core.Secrets.Generic;

namespace Handoff.Tests.Secrets.Generic;

/// <summary>
/// Runs <see cref="KeywordJudge.Judge"/> on one line as a generic rule would match it: the name and the value are
/// found in the line by their text (the value after the name), the quote is the character around the value when it
/// is the same on both sides. The judge's own decision is tested here, apart from the rule regexes that find matches.
/// </summary>
internal static class KeywordLine
{
    /// <summary>A generated-looking value: 16 characters of three classes, no word, no repeat.</summary>
    public const string Strong = "Xq7pL2mRv9TzK4wB";

    public static FindingConfidence? Judge(string line, string name, string value, FileKind kind, bool lowered = false,
        bool inCodeBlock = false, bool freeText = false, char? quote = null, bool hasAssignment = true) =>
        Judged(line, name, value, kind, lowered, inCodeBlock, freeText, quote, hasAssignment).Confidence;

    /// <returns>The confidence and the value as judged (the span may narrow: a URL query value, a YAML tag skipped).</returns>
    public static (FindingConfidence? Confidence, string Value) Judged(string line, string name, string value, FileKind kind,
        bool lowered = false, bool inCodeBlock = false, bool freeText = false, char? quote = null, bool hasAssignment = true)
    {
        var nameStart = name.Length == 0 ? 0 : line.IndexOf(name, StringComparison.Ordinal);
        Assert.That(nameStart, Is.GreaterThanOrEqualTo(0), $"name {name} in {line}");
        var nameEnd = nameStart + name.Length;
        var valueStart = line.IndexOf(value, nameEnd, StringComparison.Ordinal);
        Assert.That(valueStart, Is.GreaterThanOrEqualTo(0), $"value {value} in {line}");
        var valueEnd = valueStart + value.Length;
        var around = valueStart > 0 && valueEnd < line.Length && line[valueStart - 1] is '"' or '\'' or '`'
                                     && line[valueEnd] == line[valueStart - 1] ? line[valueStart - 1] : '\0';
        var match = new KeywordMatch(line, nameStart, nameEnd, valueStart, valueEnd, quote ?? around, hasAssignment);
        var confidence = KeywordJudge.Judge(match, new LineFacts(kind, lowered, inCodeBlock, freeText), ref valueStart, ref valueEnd);
        return (confidence, valueEnd >= valueStart ? line[valueStart..valueEnd] : "");
    }
}
