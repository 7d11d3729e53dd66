using Handoff.Core.Secrets;

namespace Handoff.Tests.Secrets.Scanning;

/// <summary>
/// The further items of a keyword's list (<c>KEYS = 'a', 'b'</c>), scanned end to end: which items become findings,
/// in which order, under which rule and confidence, and where the list stops.
/// </summary>
public class ValueListItemTests
{
    private const string Path = "settings.py";
    private const string A = "Xq7pL2mRv9TzK4wBn8Jc5sHd";
    private const string B = "Kp3nW8vR2xQ7mZ5tHq4JcY6a";
    private const string C = "Tz9qM4bV7nR2wX5kPj3LsE8f";

    /// <summary>An AWS access key id: a token a specific (not keyword-anchored) rule finds by its own shape.</summary>
    private const string AwsKeyId = "AKIAQX7P2MRVZTK4WBNJ";

    private static List<Finding> Scan(string line, string path = Path) => new SecretScanner(SecretScanConfig.Default).ScanText(path, line).ToList();

    private static string Fp(string rule, string value, string path = Path) => Fingerprint.Of(path, rule, value);

    [Test]
    public void Items_are_reported_in_the_order_written_even_after_a_second_keyword_on_the_line()
    {
        // The second keyword's value is a hit before the first keyword's list items are added: they must be put back in line order.
        var findings = Scan($"API_KEYS = \"{A}\", \"{B}\"; AUTH_TOKEN = \"{C}\"");

        Assert.That(findings.Select(f => f.Fingerprint), Is.EqualTo(new[] { Fp("generic-api-key", A), Fp("generic-api-key", B), Fp(findings[2].RuleId, C) }));
    }

    [Test]
    public void A_second_keyword_on_the_line_is_redacted_in_place_after_a_list()
    {
        var output = new Fragment().Output(Path, $"API_KEYS = \"{A}\", \"{B}\"; AUTH_TOKEN = \"{C}\"");

        Assert.That(output[0], Does.Not.Contain(A).And.Not.Contain(B).And.Not.Contain(C));
        Assert.That(output[0], Does.StartWith("API_KEYS = \"[REDACTED:generic-api-key]\", \"[REDACTED:generic-api-key]\"; AUTH_TOKEN = \"[REDACTED:"));
    }

    [Test]
    public void After_a_found_value_a_hand_typed_item_still_counts_at_low_confidence()
    {
        // Only after a value that was no secret under a weak name must an item be generated; after a found value it need not.
        var findings = Scan($"SECRET = \"{A}\", \"k3j9x2m7q8w4\"");

        Assert.That(findings.Select(f => (f.Fingerprint, f.Confidence)), Is.EqualTo(new[]
        {
            (Fp("generic-secret", A), FindingConfidence.Medium), (Fp("generic-secret", "k3j9x2m7q8w4"), FindingConfidence.Low),
        }));
    }

    [Test]
    public void A_double_quoted_item_with_an_interpolation_is_no_secret_but_a_single_quoted_one_is()
    {
        const string dollar = "Xq7pL2m$Rv9TzK4wBn8J";

        Assert.That(Scan($"API_KEYS = \"{A}\", \"{dollar}\"").Select(f => f.Fingerprint), Is.EqualTo(new[] { Fp("generic-api-key", A) }), "\"…$Rv…\" is filled in at run time");
        Assert.That(Scan($"API_KEYS = \"{A}\", '{dollar}'").Select(f => f.Fingerprint), Is.EqualTo(new[] { Fp("generic-api-key", A), Fp("generic-api-key", dollar) }),
            "the control: in single quotes it is the literal");
    }

    [Test]
    public void An_empty_item_ends_the_list()
    {
        // Current behaviour (the lists were measured so): an empty quoted item stops the search like an unclosed quote does.
        Assert.That(Scan($"API_KEYS = \"{A}\", \"\", \"{B}\"").Select(f => f.Fingerprint), Is.EqualTo(new[] { Fp("generic-api-key", A) }));
    }

    [Test]
    public void A_token_found_by_its_own_shape_opens_no_list()
    {
        // Only a keyword rule's value opens a list: the item after an AWS key id is no key id.
        var findings = Scan($"ids = [\"{AwsKeyId}\", \"{B}\"]");

        Assert.That(findings.Select(f => f.Fingerprint), Is.EqualTo(new[] { Fp("aws-access-key-id", AwsKeyId) }));
    }

    [Test]
    public void An_item_a_specific_rule_already_found_is_reported_once_under_that_rule()
    {
        var findings = Scan($"API_KEYS = [\"{A}\", \"{AwsKeyId}\"]");

        Assert.That(findings.Select(f => f.Fingerprint), Is.EqualTo(new[] { Fp("generic-api-key", A), Fp("aws-access-key-id", AwsKeyId) }));
    }
}
