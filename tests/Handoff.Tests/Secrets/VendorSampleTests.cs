using Handoff.Core.Secrets;

namespace Handoff.Tests.Secrets;

/// <summary>
/// Recall evidence that does not come from our own patterns: every vendor rule finds a credential written from the
/// vendor's published format (<see cref="VendorSamples"/>), whose checksums are computed without our code.
/// </summary>
public class VendorSampleTests
{
    private static readonly SecretScanner Scanner = new(SecretScanConfig.Default);

    public static IEnumerable<TestCaseData> Samples() =>
        VendorSamples.All.Select(s => new TestCaseData(s).SetName($"Vendor_{s.RuleId}"));

    [Test]
    public void Every_vendor_rule_has_a_sample_written_from_the_vendors_format()
    {
        var vendorRules = BuiltInRules.Content.Where(r => r.Family != RuleFamily.Generic).Select(r => r.Id);
        Assert.That(VendorSamples.All.Select(s => s.RuleId), Is.SupersetOf(vendorRules));
        Assert.That(VendorSamples.All.Select(s => s.RuleId), Is.SubsetOf(BuiltInRules.Content.Select(r => r.Id)));
        Assert.That(VendorSamples.All.Select(s => s.Source), Has.All.StartsWith("https://"), "each sample names the page its format comes from");
    }

    [TestCaseSource(nameof(Samples))]
    public void The_rule_finds_its_vendor_sample(VendorSamples.Sample sample)
    {
        var rule = BuiltInRules.Content.Single(r => r.Id == sample.RuleId);
        for (var seed = 1; seed <= 5; seed++)
        {
            var text = sample.Make(new Random(seed * 31 + sample.RuleId.Length));
            var finding = Scanner.ScanText(sample.Path, text).FirstOrDefault(f => f.RuleId == sample.RuleId);
            Assert.That(finding, Is.Not.Null, $"{sample.RuleId} should find ({sample.Source}): {text}");
            if (rule.Checksum != ChecksumKind.None)
                Assert.That(finding!.Confidence, Is.EqualTo(FindingConfidence.High), "a checksum computed independently verifies");
        }
    }

    // The evidence is independent only while the samples are made without the rules: a generator that read a rule's
    // pattern (as gitleaks' sample helpers do) would confirm any pattern, right or wrong.
    [Test]
    public void The_vendor_samples_never_read_the_scanner_its_rules_or_its_sample_templates()
    {
        var source = File.ReadAllText(SourceFile("VendorSamples.cs"));
        foreach (var name in new[] { "Handoff.Core", "BuiltInRules", "SecretRule", "RuleSamples", "SampleTemplate", "Checksums", "Regex", "Scanner" })
            Assert.That(source, Does.Not.Contain(name), $"VendorSamples.cs must not use {name}");
    }

    private static string SourceFile(string name, [System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, name);
}
