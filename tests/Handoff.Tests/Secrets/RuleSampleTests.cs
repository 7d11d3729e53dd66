using Handoff.Core.Secrets;

namespace Handoff.Tests.Secrets;

/// <summary>Every built-in rule has true- and false-positive samples (<see cref="RuleSamples"/>); expanded with random data, they must behave.</summary>
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

    [Test]
    public void Samples_exist_for_exactly_the_built_in_rules()
    {
        Assert.That(RuleSamples.ById.Keys, Is.EquivalentTo(BuiltInRules.Content.Select(r => r.Id)));
    }

    [TestCaseSource(nameof(Rules))]
    public void Rule_samples_behave(SecretRule rule)
    {
        var samples = RuleSamples.For(rule);
        Assert.That(samples.TruePositives, Has.Count.GreaterThanOrEqualTo(2), "true-positive samples");
        Assert.That(samples.FalsePositives, Has.Count.GreaterThanOrEqualTo(2), "false-positive samples");
        Assert.That(rule.Keywords.Count > 0 || rule.PathPattern is not null, Is.True, "keywords for the prefilter, or a path that limits the rule");
        for (var seed = 1; seed <= 5; seed++)
        {
            var random = new Random(seed * 7919 + rule.Id.Length);
            foreach (var template in samples.TruePositives)
            {
                // The template marks its secret (⟨…⟩), so the preview check does not rely on the rule's own regex.
                var (sample, secrets) = SampleTemplate.ExpandMarked(template, random);
                Assert.That(secrets, Is.Not.Empty, $"a true-positive template marks its secret with ⟨…⟩: {template}");
                var findings = Scanner.ScanText(samples.Path, sample);
                Assert.That(findings.Select(f => f.RuleId), Does.Contain(rule.Id), $"should find: {sample}");
                foreach (var finding in findings)
                foreach (var secret in secrets)
                    Assert.That(finding.Preview, Does.Not.Contain(secret), "preview must not hold the secret");
            }
            foreach (var template in samples.FalsePositives)
            {
                var sample = SampleTemplate.Expand(template, random);
                var findings = Scanner.ScanText(samples.Path, sample);
                Assert.That(findings.Select(f => f.RuleId), Does.Not.Contain(rule.Id), $"should not find: {sample}");
            }
        }
    }
}
