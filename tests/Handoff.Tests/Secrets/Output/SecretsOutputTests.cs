using System.Text.Json;
using Handoff.Core.Output;
using Handoff.Core.Secrets;
using Handoff.Core.Secrets.Output;

namespace Handoff.Tests.Secrets.Output;

public class SecretsOutputTests
{
    private static readonly string Commit = new('c', 40);

    private static readonly Finding[] Findings =
    [
        new("aws-access-key-id", "src/app config.py", 12, "src/app config.py:aws-access-key-id:0123456789abcdef", "key = AKIA…", Commit, FindingConfidence.High),
        new("path-dotenv", ".env", 0, ".env:path-dotenv:fedcba9876543210", "(whole file: .env file)"),
    ];

    [Test]
    public void Json_report_has_the_documented_fields_and_omits_an_unknown_commit()
    {
        using var doc = JsonDocument.Parse(Json.Serialize(FindingsReport.From("range", Findings), Json.Context.FindingsReport));
        var root = doc.RootElement;
        Assert.That(root.GetProperty("mode").GetString(), Is.EqualTo("range"));
        var first = root.GetProperty("findings")[0];
        Assert.That(first.GetProperty("rule").GetString(), Is.EqualTo("aws-access-key-id"));
        Assert.That(first.GetProperty("file").GetString(), Is.EqualTo("src/app config.py"));
        Assert.That(first.GetProperty("line").GetInt32(), Is.EqualTo(12));
        Assert.That(first.GetProperty("fingerprint").GetString(), Does.EndWith(":0123456789abcdef"));
        Assert.That(first.GetProperty("preview").GetString(), Is.EqualTo("key = AKIA…"));
        Assert.That(first.GetProperty("commit").GetString(), Is.EqualTo(Commit));
        Assert.That(first.GetProperty("confidence").GetString(), Is.EqualTo("high"));
        Assert.That(root.GetProperty("findings")[1].TryGetProperty("commit", out _), Is.False);

        var summary = root.GetProperty("summary");
        Assert.That(summary.GetProperty("count").GetInt32(), Is.EqualTo(2));
        Assert.That(summary.GetProperty("files").GetInt32(), Is.EqualTo(2));
        Assert.That(summary.GetProperty("commits").GetInt32(), Is.EqualTo(1));
        Assert.That(summary.GetProperty("by_rule").EnumerateArray().Select(r => r.GetProperty("rule").GetString()),
            Is.EqualTo(new[] { "aws-access-key-id", "path-dotenv" }));
    }

    [Test]
    public void Sarif_is_one_run_with_rules_listed_and_results_pointing_at_them()
    {
        var rules = SarifLog.Catalogue(BuiltInRules.Content);
        using var doc = JsonDocument.Parse(SarifLog.Serialize(Findings, rules, "1.2.3"));
        var root = doc.RootElement;
        Assert.That(root.GetProperty("version").GetString(), Is.EqualTo("2.1.0"));
        Assert.That(root.GetProperty("$schema").GetString(), Does.Contain("sarif-2.1.0"));
        var run = root.GetProperty("runs").EnumerateArray().Single();
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.That(driver.GetProperty("name").GetString(), Is.EqualTo("devin-handoff"));
        var ruleIds = driver.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.That(ruleIds, Does.Contain("aws-access-key-id").And.Contain("path-dotenv").And.Contain("scan-error"));
        Assert.That(ruleIds, Is.Unique);

        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.That(results, Has.Count.EqualTo(2));
        foreach (var result in results)
        {
            var index = result.GetProperty("ruleIndex").GetInt32();
            Assert.That(ruleIds[index], Is.EqualTo(result.GetProperty("ruleId").GetString()));
            Assert.That(result.GetProperty("partialFingerprints").GetProperty(SarifLog.FingerprintKey).GetString(), Is.Not.Empty);
        }
        var location = results[0].GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.That(location.GetProperty("artifactLocation").GetProperty("uri").GetString(), Is.EqualTo("src/app%20config.py"));
        Assert.That(location.GetProperty("region").GetProperty("startLine").GetInt32(), Is.EqualTo(12));
        Assert.That(results[0].GetProperty("properties").GetProperty("commit").GetString(), Is.EqualTo(Commit));
        Assert.That(results[1].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32(),
            Is.EqualTo(1), "a whole-file finding points at line 1 (SARIF lines start at 1)");
    }

    [Test]
    public void Sarif_lists_a_rule_it_does_not_know_rather_than_pointing_nowhere()
    {
        var finding = new Finding("acme-token", "a.cfg", 3, "a.cfg:acme-token:00", "acme_…");
        using var doc = JsonDocument.Parse(SarifLog.Serialize([finding], [], "1.0.0"));
        var run = doc.RootElement.GetProperty("runs")[0];
        Assert.That(run.GetProperty("tool").GetProperty("driver").GetProperty("rules")[0].GetProperty("id").GetString(), Is.EqualTo("acme-token"));
        Assert.That(run.GetProperty("results")[0].GetProperty("ruleIndex").GetInt32(), Is.Zero);
    }

    [Test]
    public void Text_shows_location_rule_commit_preview_and_fingerprint()
    {
        var writer = new StringWriter();
        FindingsText.Write(writer, Findings);
        var text = writer.ToString();
        Assert.That(text, Does.Contain("src/app config.py:12  aws-access-key-id  (commit cccccccccccc)"));
        Assert.That(text, Does.Contain("    key = AKIA…"));
        Assert.That(text, Does.Contain("fingerprint: .env:path-dotenv:fedcba9876543210"));
        Assert.That(text, Does.Contain(".env (whole file)  path-dotenv"));
        Assert.That(FindingsText.Summary(Findings), Is.EqualTo("2 secrets in 2 files, 1 commit"));
        var malformed = new Finding("malformed-diff", "a.py", 3, "a.py:malformed-diff:00", "(malformed diff: …)", Commit);
        var unscanned = new Finding("archive-unscanned", "b.zip!c", 0, "b.zip!c:archive-unscanned:00", "(archive not fully scanned: …)");
        Assert.That(FindingsText.Summary([Findings[0], malformed, unscanned]), Is.EqualTo("1 secret in 1 file, 1 commit, 2 scan problems"));
        Assert.That(FindingsText.Summary([unscanned]), Is.EqualTo("1 scan problem"));
    }

    [TestCase("diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n+y\n", true)]
    [TestCase("commit 0123\nAuthor: a\n\n    msg\n\ndiff --git a/x b/x\n", true)]
    [TestCase("--- a\n+++ b\n@@ -1,2 +1,3 @@\n a\n+b\n", true)]
    [TestCase("commit 0123\nMerge: a b\n\n    merge\n\ndiff --cc x\nindex 1,2..3\n", true)]
    [TestCase("@@@ -1,2 -1,2 +1,3 @@@\n  a\n++b\n", true)]
    [TestCase("just some text\nwith @@ inside\n", false)]
    [TestCase("", false)]
    public void Stdin_is_detected_as_a_diff_or_text_and_the_reader_still_yields_everything(string input, bool isDiff)
    {
        var (detected, reader) = StdinDiffDetector.Detect(new StringReader(input));
        Assert.That(detected, Is.EqualTo(isDiff));
        Assert.That(reader.ReadToEnd(), Is.EqualTo(input.EndsWith('\n') || input.Length == 0 ? input : input + "\n"));
    }
}
