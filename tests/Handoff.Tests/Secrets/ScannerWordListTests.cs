using Handoff.Core.Secrets;

namespace Handoff.Tests.Secrets;

/// <summary>
/// Every entry of the scanner's word lists does its job: each placeholder word and documented example makes a value
/// "not a secret", each inline marker allows its line, each secret word ties a value below its name, each keyword
/// matches in any case. One case per entry, each against a control that differs only by that entry.
/// </summary>
public class ScannerWordListTests
{
    private static readonly Random Random = new(1515);

    /// <summary>Random mixed-case letters and digits that no placeholder shape matches.</summary>
    private const string Body = "Zq8Kp3vR7mWt";

    // Words that mark a value as a placeholder: doc phrases, masks, "your_…", template and interpolation openers.
    [TestCase("example")] [TestCase("EXAMPLE")] [TestCase("xxxx")] [TestCase("****")] [TestCase("redacted")] [TestCase("placeholder")]
    [TestCase("your_")] [TestCase("your-")] [TestCase("yourkey")] [TestCase("yourtoken")] [TestCase("yourpassword")] [TestCase("<your")]
    [TestCase("dummy")] [TestCase("changeme")] [TestCase("change_me")] [TestCase("change-me")] [TestCase("replace_me")] [TestCase("replaceme")]
    [TestCase("insert_")] [TestCase("fake_")] [TestCase("fake-")] [TestCase("notreal")] [TestCase("not_real")] [TestCase("not-a-real")]
    [TestCase("lorem")] [TestCase("foobar")] [TestCase("secret_here")] [TestCase("key_here")] [TestCase("token_here")] [TestCase("here>")]
    [TestCase("••")] [TestCase("…")] [TestCase("${")] [TestCase("{{")] [TestCase("#{")] [TestCase("$(")] [TestCase("%(")] [TestCase("{%")]
    [TestCase("<%")] [TestCase("[redacted")] [TestCase("####")]
    public void A_value_holding_a_placeholder_word_is_not_a_secret(string word)
    {
        Assert.That(FalsePositiveFilter.IsPlaceholder(Body), Is.False, "the control");
        Assert.That(FalsePositiveFilter.IsPlaceholder(Body[..6] + word + Body[6..]), Is.True);
    }

    // The AWS documentation's access key pair and jwt.io's sample token, anywhere in a value.
    [TestCase("AKIAIOSFODNN7EXAMPLE")]
    [TestCase("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")]
    [TestCase("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c")]
    public void A_value_holding_a_documented_example_is_not_a_secret(string example) =>
        Assert.That(FalsePositiveFilter.IsPlaceholder(example + ":" + Body), Is.True);

    // The inline markers of this tool and of the scanners people migrate from.
    [TestCase("devin-handoff:allow")]
    [TestCase("gitleaks:allow")]
    [TestCase("pragma: allowlist secret")]
    [TestCase("trufflehog:ignore")]
    [TestCase("secretlint-disable-line")]
    public void An_inline_marker_allows_the_secret_on_its_line(string marker)
    {
        var token = SampleTemplate.Expand("ghp_«GH»", Random);
        var scanner = new SecretScanner(SecretScanConfig.Default);

        Assert.That(scanner.ScanText("app.py", $"TOKEN = '{token}'  # reviewed").Select(f => f.RuleId), Does.Contain("github-pat"), "the control");
        Assert.That(scanner.ScanText("app.py", $"TOKEN = '{token}'  # {marker}"), Is.Empty);
        Assert.That(scanner.ScanText("app.py", $"TOKEN = '{token}'  # {marker.ToUpperInvariant()}"), Is.Empty, "in any case");
    }

    // A value on the line below an XML element whose name holds one of these words.
    [TestCase("dbPass")]
    [TestCase("adminPwd")]
    [TestCase("clientSecret")]
    [TestCase("apiToken")]
    [TestCase("signingKey")]
    [TestCase("serviceCreds")]
    public void A_value_below_an_xml_element_named_for_a_secret_is_found(string element)
    {
        var value = SampleTemplate.Expand("«A8»9«A24»", Random);
        var scanner = new SecretScanner(SecretScanConfig.Default);

        Assert.That(scanner.ScanText("app.config", $"<dbHost>\n    {value}\n</dbHost>"), Is.Empty, "the control");
        var finding = scanner.ScanText("app.config", $"<{element}>\n    {value}\n</{element}>").Single();
        Assert.That((finding.Line, finding.Preview), Is.EqualTo((2, value[..4] + "…")));
    }

    [TestCase("AZ-KEY")]
    [TestCase("Az-Key")]
    [TestCase("az-key")]
    public void A_keyword_from_a_to_z_matches_in_any_case(string written)
    {
        var rule = new SecretRule { Id = "az-key", Description = "AZ key", Regex = @"(?i)az-key=([a-z0-9]{20})\b", Keywords = ["az-key"] };
        var scanner = new SecretScanner(SecretScanConfig.Default with { ExtraRules = [rule] });
        var value = SampleTemplate.Expand("«a20»", Random);

        Assert.That(scanner.ScanText("a.cfg", $"{written}={value}").Select(f => f.RuleId), Does.Contain("az-key"));
    }
}
