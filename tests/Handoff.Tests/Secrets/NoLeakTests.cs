using System.Text.Json;
using Handoff.Core.Output;
using Handoff.Core.Secrets;
using Handoff.Core.Secrets.Output;
using static Handoff.Tests.Secrets.SnapshotBuilder;

namespace Handoff.Tests.Secrets;

/// <summary>
/// Every secret on a line is masked in every output: the preview (text, JSON, SARIF) and the redacted text and hunks,
/// whatever list, YAML tag or quoting surrounds it.
/// </summary>
public class NoLeakTests
{
    private static readonly Random Random = new(11);
    private string _root = null!;

    [SetUp]
    public void SetUp() => _root = Directory.CreateTempSubdirectory("handoff-noleak-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_root, recursive: true);

    /// <summary>A random mixed-case alphanumeric value (no prefix a rule knows), made here rather than by the scanner's own sample code.</summary>
    private static string Value(int length = 24)
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        return new string(Enumerable.Range(0, length).Select(_ => alphabet[Random.Next(alphabet.Length)]).ToArray());
    }

    private static string GitHubToken() => SampleTemplate.Expand("ghp_«GH»", Random);

    private static string Base64() => Convert.ToBase64String(Enumerable.Range(0, 33).Select(_ => (byte)Random.Next(256)).ToArray());

    /// <summary>(file, line, secrets on it): two and three secrets on one line in the forms that leaked, and their neighbours.</summary>
    private static IEnumerable<TestCaseData> Lines()
    {
        string a = Value(), b = Value(), c = Value();
        yield return Case("two generic values in a tuple", "settings.py", $"KEYS = '{a}', '{b}'", a, b);
        (a, b, c) = (Value(), Value(), Value());
        yield return Case("three generic values in a tuple", "settings.py", $"API_KEYS = \"{a}\", \"{b}\", \"{c}\"", a, b, c);
        (a, b, c) = (Value(), Value(), Value());
        yield return Case("three values in a list", "settings.py", $"API_KEYS = ['{a}', '{b}', '{c}']", a, b, c);
        (a, b, c) = (Value(), Value(), Value());
        yield return Case("a YAML flow sequence", "config.yml", $"api_keys: [{a}, {b}, {c}]", a, b, c);
        (a, b) = (Value(), Value());
        yield return Case("a comma-separated env value", ".env.example", $"API_KEYS={a},{b}", a, b);
        (a, b) = (GitHubToken(), GitHubToken());
        yield return Case("two provider tokens", "ci.sh", $"export A=\"{a}\" B=\"{b}\"", a, b);
        (a, b, c) = (GitHubToken(), GitHubToken(), GitHubToken());
        yield return Case("three provider tokens", "ci.sh", $"tokens=({a} {b} {c})", a, b, c);
        (a, b) = (GitHubToken(), Value());
        yield return Case("a provider token and a generic value", "app.py", $"GH = '{a}'; client_secret = '{b}'", a, b);
        a = Value();
        yield return Case("the same value twice", "app.py", $"api_key = \"{a}\"  # was {a}", a);
        a = Base64();
        yield return Case("a YAML !!binary value", "secrets.yml", $"api_secret: !!binary {a}", a);
        a = Base64();
        yield return Case("a YAML !!binary quoted value", "secrets.yml", $"api_secret: !!binary \"{a}\"", a);
        a = Value();
        yield return Case("a YAML !!str value", "secrets.yml", $"db_password: !!str {a}", a);
        a = Value();
        yield return Case("a YAML custom tag", "secrets.yml", $"api_token: !secret '{a}'", a);
        a = Value(12) + ";" + Value(6);
        yield return Case("an unquoted value with punctuation in it", "app.env.example", $"DB_PASSWORD={a}", a);
        (a, b) = (Value(), Value());
        yield return Case("two YAML tagged values in a flow mapping", "secrets.yml", $"creds: {{api_secret: !!str {a}, api_token: !!str {b}}}", a, b);
    }

    private static TestCaseData Case(string name, string file, string line, params string[] secrets) =>
        new TestCaseData(file, line, secrets).SetName($"{{m}}: {name}");

    [TestCaseSource(nameof(Lines))]
    public void Previews_mask_every_secret_and_each_secret_is_its_own_finding(string file, string line, string[] secrets)
    {
        var findings = new SecretScanner(SecretScanConfig.Default).ScanText(file, "x = 1\n" + line + "\n");

        Assert.That(findings, Is.Not.Empty, "the line is flagged");
        foreach (var finding in findings) AssertNoLeak(finding.Preview, secrets, "preview");
        Assert.That(findings.Select(f => f.Fingerprint).Distinct().Count(), Is.GreaterThanOrEqualTo(secrets.Length),
            "each secret has its own finding, so accepting one does not let the others through");
        Assert.That(findings.Select(f => f.Line).Distinct(), Is.EqualTo(new[] { 2 }));
    }

    [TestCaseSource(nameof(Lines))]
    public void Every_output_of_a_scan_masks_every_secret(string file, string line, string[] secrets)
    {
        var findings = new SecretScanner(SecretScanConfig.Default).ScanText(file, line);
        var text = new StringWriter();
        FindingsText.Write(text, findings);
        var json = Json.Serialize(FindingsReport.From("paths", findings), Json.Context.FindingsReport);
        var sarif = SarifLog.Serialize(findings, SarifLog.Catalogue(BuiltInRules.Content), "1.0.0");

        AssertNoLeak(text.ToString(), secrets, "text output");
        AssertNoLeak(JsonUnescaped(json), secrets, "JSON output");
        AssertNoLeak(JsonUnescaped(sarif), secrets, "SARIF output");
    }

    [TestCaseSource(nameof(Lines))]
    public void Redacted_text_masks_every_secret(string file, string line, string[] secrets)
    {
        var result = new SecretScanner(SecretScanConfig.Default).Redact("context", $"Before.\n{line}\nAfter.");

        AssertNoLeak(result.Text, secrets, "redacted text");
        Assert.That(result.Text, Does.StartWith("Before.\n").And.EndWith("\nAfter."));
        Assert.That(result.Text, Does.Contain("[REDACTED:"));
    }

    [TestCaseSource(nameof(Lines))]
    public void Redacted_hunks_mask_every_secret(string file, string line, string[] secrets)
    {
        var change = File(file, (3, [line, "y = 2"]));
        var result = new SecretScanner(_root).Filter(With(_root, [change]), SecretMode.Redact);

        if (result.Withheld.Any(w => w.WholeFile)) Assert.Inconclusive($"{file} is withheld whole by a path rule");
        var lines = result.WorkingChanges.Single().Hunks.Single().Lines;
        AssertNoLeak(string.Join('\n', lines), secrets, "redacted hunk");
        Assert.That(lines[^1], Is.EqualTo("+y = 2"));
    }

    [Test]
    public void A_masked_line_keeps_the_code_around_the_secrets()
    {
        string a = Value(), b = Value();
        var result = new SecretScanner(SecretScanConfig.Default).Redact("context", $"KEYS = '{a}', '{b}'  # rotate monthly");

        Assert.That(result.Text, Is.EqualTo("KEYS = '[REDACTED:generic-api-key]', '[REDACTED:generic-api-key]'  # rotate monthly"));
    }

    [Test]
    public void A_YAML_tag_stays_and_the_value_after_it_is_the_secret()
    {
        var value = Base64();
        var scanner = new SecretScanner(SecretScanConfig.Default);

        var result = scanner.Redact("context", $"api_secret: !!binary {value}");
        var finding = scanner.ScanText("secrets.yml", $"api_secret: !!binary {value}").Single();

        Assert.That(result.Text, Is.EqualTo("api_secret: !!binary [REDACTED:generic-secret]"));
        Assert.That(finding.Preview, Is.EqualTo($"api_secret: !!binary {value[..4]}…"));
        Assert.That(finding.Fingerprint, Is.EqualTo(Fingerprint.Of("secrets.yml", "generic-secret", value)), "the fingerprint is the value's, not the tag's");
    }

    [Test]
    public void An_ignored_secret_does_not_let_another_secret_on_its_line_through()
    {
        string a = Value(), b = Value();
        var line = $"KEYS = '{a}', '{b}'";
        var first = new SecretScanner(SecretScanConfig.Default).ScanText("settings.py", line);
        var accepted = first.Select(f => f.Fingerprint).First();

        var config = SecretScanConfig.Default with { IgnoredFingerprints = new HashSet<string> { accepted } };
        var findings = new SecretScanner(config).ScanText("settings.py", line);
        var redacted = new SecretScanner(config).Redact("settings.py", line).Text;

        Assert.That(findings, Has.Count.EqualTo(first.Count - 1));
        Assert.That(redacted, Does.Not.Contain(b));
    }

    /// <summary>Every string in a JSON document, unescaped, one per line.</summary>
    private static string JsonUnescaped(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var strings = new List<string>();
        Collect(doc.RootElement, strings);
        return string.Join('\n', strings);

        static void Collect(JsonElement e, List<string> into)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.String: into.Add(e.GetString()!); break;
                case JsonValueKind.Array: foreach (var item in e.EnumerateArray()) Collect(item, into); break;
                case JsonValueKind.Object: foreach (var p in e.EnumerateObject()) Collect(p.Value, into); break;
            }
        }
    }

    /// <summary>Fails when any 6-character run of a secret shows (a preview may show a long secret's first 4 characters).</summary>
    private static void AssertNoLeak(string output, string[] secrets, string what)
    {
        foreach (var secret in secrets)
        {
            for (var i = 0; i + 6 <= secret.Length; i++)
                Assert.That(output, Does.Not.Contain(secret.Substring(i, 6)), $"{what} shows part of a secret: {output}");
        }
    }
}
