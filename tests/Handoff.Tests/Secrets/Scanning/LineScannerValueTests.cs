using Handoff.Core.Secrets;
using static Handoff.Tests.Secrets.Scanning.LineRules;

namespace Handoff.Tests.Secrets.Scanning;

/// <summary>
/// What <see cref="LineScanner"/> does with a rule's match before it becomes a hit: a key header alone between quotes,
/// an empty value, a value narrowed by the keyword judge, a connection string in a test file, a keyword-free value.
/// </summary>
public class LineScannerValueTests
{
    private static readonly SecretRule PemHeader = Rule("pem", @"(?<secret>-----BEGIN RSA PRIVATE KEY-----[A-Za-z0-9+/=]*)", "-----begin") with
    {
        BlockEnd = "-----END",
    };

    [TestCase("KEY = \"-----BEGIN RSA PRIVATE KEY-----\"", false)]
    [TestCase("KEY = '-----BEGIN RSA PRIVATE KEY-----'", false)]
    [TestCase("KEY = `-----BEGIN RSA PRIVATE KEY-----`", false)]
    [TestCase("KEY = \"-----BEGIN RSA PRIVATE KEY-----'", true)]  // the quotes differ: the string goes on
    [TestCase("KEY = \"-----BEGIN RSA PRIVATE KEY-----", true)]   // the string goes on to the next lines
    [TestCase("-----BEGIN RSA PRIVATE KEY-----", true)]           // a key file's first line
    [TestCase("-----BEGIN RSA PRIVATE KEY-----\"", true)]
    [TestCase(" -----BEGIN RSA PRIVATE KEY----- ", true)]
    [TestCase("x -----BEGIN RSA PRIVATE KEY-----x", true)]
    [TestCase("KEY = \"-----BEGIN RSA PRIVATE KEY-----MIIEowIBAAKCAQEA\"", true)]  // the body follows in the same string
    public void A_key_header_alone_between_quotes_is_a_mention_not_a_key(string line, bool found)
    {
        Assert.That(Scanner(PemHeader).Scan(line), found ? Has.Count.EqualTo(1) : Is.Empty);
    }

    [Test]
    public void A_whole_quoted_key_with_its_end_marker_is_a_key()
    {
        var pem = Rule("pem", @"(?<secret>-----BEGIN RSA PRIVATE KEY-----[A-Za-z0-9+/=\\n]*-----END RSA PRIVATE KEY-----)", "-----begin") with
        {
            BlockEnd = "-----END",
        };
        Assert.That(Scanner(pem).Scan("KEY = \"-----BEGIN RSA PRIVATE KEY-----\\nMIIEowIBAAKCAQEA\\n-----END RSA PRIVATE KEY-----\""), Has.Count.EqualTo(1));
    }

    [Test]
    public void Only_rules_of_multi_line_secrets_skip_a_quoted_value_ending_in_dashes()
    {
        var dashes = Rule("dashes", @"""(?<secret>tok_[A-Za-z0-9]{16}-----)""", "tok_");
        Assert.That(Scanner(dashes).Scan($"x = \"tok_{Strong}-----\"").Shown(), Is.EqualTo(new[] { $"dashes@5:tok_{Strong}-----" }));
    }

    [Test]
    public void An_empty_value_is_no_hit()
    {
        var scanner = Scanner(Rule("tok", @"tok_(?<secret>[A-Za-z0-9]*)", "tok_"));
        Assert.That(scanner.Scan("tok_ and tok_").Shown(), Is.Empty);
        Assert.That(scanner.Scan("tok_" + Strong).Shown(), Is.EqualTo(new[] { $"tok@4:{Strong}" }));
    }

    [Test]
    public void A_value_that_repeats_the_user_name_is_a_local_default()
    {
        var scanner = Scanner(Rule("conn", @"amqp://(?<user>[A-Za-z0-9]+):(?<secret>[A-Za-z0-9]+)@", "amqp://"));
        Assert.That(scanner.Scan($"amqp://{Strong}:{Strong}@host").Shown(), Is.Empty);
        Assert.That(scanner.Scan($"amqp://guest:{Strong}@host").Shown(), Is.EqualTo(new[] { $"conn@13:{Strong}" }));
    }

    [TestCase(RuleFamily.ConnectionString, "tests/fixtures/db.txt", FindingConfidence.Low)]
    [TestCase(RuleFamily.ConnectionString, "src/db.txt", FindingConfidence.Medium)]
    [TestCase(RuleFamily.Custom, "tests/fixtures/db.txt", FindingConfidence.Medium)]
    public void A_connection_string_s_password_in_a_test_file_is_lowered(RuleFamily family, string path, FindingConfidence confidence)
    {
        var rule = Rule("conn", @"amqp://[a-z]+:(?<secret>[A-Za-z0-9]+)@", "amqp://") with { Family = family };
        Assert.That(Scanner(rule).Scan($"amqp://app:{Strong}@host", path).Select(h => h.Confidence), Is.EqualTo(new[] { confidence }));
    }

    [Test]
    public void A_high_confidence_connection_string_in_a_test_file_stays_high()
    {
        var rule = Rule("conn", @"amqp://[a-z]+:(?<secret>[A-Za-z0-9]+)@", "amqp://") with
        {
            Family = RuleFamily.ConnectionString, Confidence = FindingConfidence.High,
        };
        Assert.That(Scanner(rule).Scan($"amqp://app:{Strong}@host", "tests/fixtures/db.txt").Select(h => h.Confidence), Is.EqualTo(new[] { FindingConfidence.High }));
    }

    private static readonly SecretRule EnvValue = Rule("env", @"^(?<name>[A-Z_]+)=(?<secret>\S+)$") with
    {
        IsGeneric = true, PathPattern = @"\.env$", Confidence = FindingConfidence.Low,
    };

    [TestCase("SESSION_KEY=" + Strong, true)]
    [TestCase("SESSION_KEY=123e4567-e89b-12d3-a456-426614174000", false)]  // a UUID: an id, whatever the name
    [TestCase("SESSION_KEY=https://example.com/callback", false)]
    [TestCase("COMMIT_SHA=" + Strong, false)]                             // the name says what the value is
    public void A_keyword_free_value_is_judged_by_its_shape(string line, bool found)
    {
        var hits = Scanner(EnvValue).Scan(line, "deploy/.env");
        Assert.That(hits.Select(h => (h.Secret, h.Confidence)), found ? Is.EqualTo(new[] { (Strong, FindingConfidence.Low) }) : Is.Empty);
    }

    private static readonly SecretRule QueryToken = Rule("query", @"[?&](?<name>token)=(?<q>[""'])?(?<secret>[^\s""']+)", "token") with { IsGeneric = true };

    [TestCase("curl https://api.example.com/v1?token=" + Strong + "&page=2", 38)]
    [TestCase("curl https://api.example.com/v1?token=" + Strong + "#top", 38)]
    [TestCase("curl https://api.example.com/v1?token=" + Strong, 38)]
    public void A_url_query_value_ends_at_the_next_parameter(string line, int start)
    {
        var hits = Scanner(QueryToken).Scan(line, "scripts/fetch.sh");
        Assert.That(hits.Select(h => (h.Start, h.Length, h.Secret)), Is.EqualTo(new[] { (start, Strong.Length, Strong) }));
    }
}
