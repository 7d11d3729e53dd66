using Handoff.Core.Secrets;

namespace Handoff.Tests.Secrets;

/// <summary>Every built-in rule carries true- and false-positive samples; they are expanded with random data and must behave.</summary>
public class RuleSampleTests
{
    private static readonly SecretScanner Scanner = new(SecretScanConfig.Default);

    public static IEnumerable<TestCaseData> Rules() =>
        BuiltInRules.Content.Select(r => new TestCaseData(r).SetName($"Rule_{r.Id}"));

    [Test]
    public void Catalog_has_at_least_120_rules_with_unique_ids()
    {
        Assert.That(BuiltInRules.Content, Has.Count.GreaterThanOrEqualTo(120));
        Assert.That(BuiltInRules.Content.Select(r => r.Id), Is.Unique);
    }

    [TestCaseSource(nameof(Rules))]
    public void Rule_samples_behave(SecretRule rule)
    {
        Assert.That(rule.TruePositives, Has.Count.GreaterThanOrEqualTo(2), "true-positive samples");
        Assert.That(rule.FalsePositives, Has.Count.GreaterThanOrEqualTo(2), "false-positive samples");
        Assert.That(rule.Keywords, Is.Not.Empty, "keywords for the prefilter");
        for (var seed = 1; seed <= 5; seed++)
        {
            var random = new Random(seed * 7919 + rule.Id.Length);
            foreach (var template in rule.TruePositives)
            {
                var sample = SampleTemplate.Expand(template, random);
                var findings = Scanner.ScanText(rule.SamplePath, sample);
                Assert.That(findings.Select(f => f.RuleId), Does.Contain(rule.Id), $"should find: {sample}");
                foreach (var finding in findings)
                    Assert.That(finding.Preview, Does.Not.Contain(SecretOf(rule, sample)), "preview must not hold the secret");
            }
            foreach (var template in rule.FalsePositives)
            {
                var sample = SampleTemplate.Expand(template, random);
                var findings = Scanner.ScanText(rule.SamplePath, sample);
                Assert.That(findings.Select(f => f.RuleId), Does.Not.Contain(rule.Id), $"should not find: {sample}");
            }
        }
    }

    // The secret group of the rule's own regex on the sample (to check the preview hides it).
    private static string SecretOf(SecretRule rule, string sample)
    {
        var regex = new System.Text.RegularExpressions.Regex(rule.Regex);
        var match = regex.Match(sample);
        var group = match.Groups["secret"].Success ? match.Groups["secret"] : match.Groups.Count > 1 ? match.Groups[1] : match.Groups[0];
        return group.Value;
    }
}
