using Handoff.Core.Secrets;

namespace Handoff.Tests.Secrets.Setup;

/// <summary>
/// The keyword prefilter as a config rule sees it: which keywords are refused, and that a rule runs when (and only
/// when) its keyword occurs, in any case, whatever its length; a rule with no keyword runs on every line.
/// </summary>
public class RuleSetKeywordTests
{
    private static SecretScanner With(SecretRule rule) => new(new SecretScanConfig { ExtraRules = [rule] });

    private static SecretRule Rule(string regex, params string[] keywords) =>
        new() { Id = "custom", Description = "custom rule", Regex = regex, Keywords = keywords };

    [TestCase("a")]
    [TestCase("é1")]
    [TestCase("ké")]
    [TestCase("kéy")]
    [TestCase("\u0080x", TestName = "{m}(U+0080 then x)")]
    public void A_keyword_shorter_than_two_or_not_ascii_is_refused_with_its_name(string keyword)
    {
        var e = Assert.Throws<ArgumentException>(() => With(Rule("zz[0-9]{6}", keyword)))!;

        Assert.That(e.Message, Is.EqualTo($"keyword '{keyword}' must be at least 2 ASCII characters"));
    }

    [TestCase("\u007fx", TestName = "{m}(DEL then x)")]
    [TestCase("ab")]
    public void Two_ascii_characters_are_enough(string keyword) => Assert.DoesNotThrow(() => With(Rule("zz[0-9]{6}", keyword)));

    [TestCase("qv", "line QV qv7Kp3Xz9Lm", true)]
    [TestCase("qv", "line qv", false)]
    [TestCase("qvr", "x = QVr7Kp3Xz9Lm", true)]
    [TestCase("qvrt", "x = qVRT7Kp3Xz9Lm", true)]
    [TestCase("qvrt", "x = qvr7Kp3Xz9Lm", false)]
    public void A_rule_runs_where_its_keyword_occurs_in_any_case(string keyword, string line, bool found)
    {
        var findings = With(Rule("(?i)(qv[a-z0-9]{8,})", keyword)).ScanText("a.txt", line);

        Assert.That(findings.Any(f => f.RuleId == "custom"), Is.EqualTo(found));
    }

    [Test]
    public void A_two_character_keyword_is_found_before_any_third_character()
    {
        foreach (var next in new[] { "!", "~", "0", "Z", " ", "\t" })
        {
            var findings = With(Rule(@"zq(?<secret>[0-9]{8})", "zq")).ScanText("a.txt", $"v=zq48213975{next}");
            Assert.That(findings.Select(f => f.RuleId), Is.EqualTo(new[] { "custom" }), next);
        }
    }

    [Test]
    public void A_rule_without_keywords_runs_on_every_line()
    {
        var findings = With(Rule(@"\bqq(?<secret>[0-9]{10})\b")).ScanText("a.txt", "first\nid qq4821397562 here");

        Assert.That(findings.Select(f => (f.RuleId, f.Line)), Is.EqualTo(new[] { ("custom", 2) }));
    }
}
