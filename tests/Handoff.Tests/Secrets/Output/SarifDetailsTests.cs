using System.Text.Json;
using Handoff.Core.Secrets;
using Handoff.Core.Secrets.Output;

namespace Handoff.Tests.Secrets.Output;

/// <summary>What a code-scanning service reads from our SARIF: rule metadata, each result's message, location and properties.</summary>
public class SarifDetailsTests
{
    private static readonly SecretRule Acme = new() { Id = "acme-api_key", Description = "ACME API key", Regex = "acme_[a-z]{8}", Keywords = ["acme_"] };

    private static JsonElement Run(IReadOnlyList<Finding> findings, IReadOnlyList<SarifLog.RuleInfo> rules, string version = "2.3.4") =>
        JsonDocument.Parse(SarifLog.Serialize(findings, rules, version)).RootElement.GetProperty("runs")[0].Clone();

    [Test]
    public void The_catalogue_has_the_content_rules_every_path_rule_and_the_scan_problems_once_each_with_a_description()
    {
        var catalogue = SarifLog.Catalogue([Acme, Acme with { Description = "again" }]);

        var ids = catalogue.Select(r => r.Id).ToList();
        Assert.That(ids[0], Is.EqualTo("acme-api_key"));
        Assert.That(ids, Is.Unique);
        Assert.That(ids, Does.Contain("path-dotenv").And.Contain("scan-error").And.Contain("malformed-diff"));
        Assert.That(ids, Is.SupersetOf(BuiltInRules.Paths.Select(r => r.Id)));
        Assert.That(catalogue.Single(r => r.Id == "acme-api_key").Description, Is.EqualTo("ACME API key"));
        Assert.That(catalogue.Select(r => r.Description), Has.All.Not.Empty, "a viewer shows the description as the rule's title");
    }

    [Test]
    public void A_rule_has_a_pascal_name_its_description_level_error_and_security_tags()
    {
        var run = Run([], [new SarifLog.RuleInfo("acme-api__key", "ACME API key")]);

        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.That(driver.GetProperty("semanticVersion").GetString(), Is.EqualTo("2.3.4"));
        Assert.That(driver.GetProperty("informationUri").GetString(), Does.StartWith("https://github.com/"));
        Assert.That(run.GetProperty("columnKind").GetString(), Is.EqualTo("utf16CodeUnits"));
        var rule = driver.GetProperty("rules").EnumerateArray().Single();
        Assert.That(rule.GetProperty("name").GetString(), Is.EqualTo("AcmeApiKey"));
        Assert.That(rule.GetProperty("shortDescription").GetProperty("text").GetString(), Is.EqualTo("ACME API key"));
        Assert.That(rule.GetProperty("defaultConfiguration").GetProperty("level").GetString(), Is.EqualTo("error"));
        Assert.That(rule.GetProperty("properties").GetProperty("tags").EnumerateArray().Select(t => t.GetString()), Is.EqualTo(new[] { "security", "secret" }));
        Assert.That(run.GetProperty("results").GetArrayLength(), Is.Zero);
    }

    [Test]
    public void A_result_on_a_line_has_a_snippet_and_a_message_naming_line_and_commit()
    {
        var finding = new Finding("acme-api_key", @"conf\my app#1.cfg", 7, "fp1", "key = acme_…", "0123456789abcdef0123", FindingConfidence.High);

        var result = Run([finding], [new SarifLog.RuleInfo("other", "Other"), new SarifLog.RuleInfo("acme-api_key", "ACME")]).GetProperty("results")[0];

        Assert.That(result.GetProperty("ruleId").GetString(), Is.EqualTo("acme-api_key"));
        Assert.That(result.GetProperty("ruleIndex").GetInt32(), Is.EqualTo(1));
        Assert.That(result.GetProperty("level").GetString(), Is.EqualTo("error"));
        Assert.That(result.GetProperty("message").GetProperty("text").GetString(), Is.EqualTo("acme-api_key at line 7 in commit 0123456789ab: key = acme_…"));
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.That(location.GetProperty("artifactLocation").GetProperty("uri").GetString(), Is.EqualTo("conf/my%20app%231.cfg"));
        Assert.That(location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString(), Is.EqualTo("%SRCROOT%"));
        Assert.That(location.GetProperty("region").GetProperty("startLine").GetInt32(), Is.EqualTo(7));
        Assert.That(location.GetProperty("region").GetProperty("snippet").GetProperty("text").GetString(), Is.EqualTo("key = acme_…"));
        Assert.That(result.GetProperty("partialFingerprints").GetProperty("secretFingerprint/v1").GetString(), Is.EqualTo("fp1"));
        var properties = result.GetProperty("properties");
        Assert.That(properties.GetProperty("confidence").GetString(), Is.EqualTo("high"));
        Assert.That(properties.GetProperty("wholeFile").GetBoolean(), Is.False);
        Assert.That(properties.GetProperty("commit").GetString(), Is.EqualTo("0123456789abcdef0123"));
    }

    [Test]
    public void A_whole_file_result_without_a_commit_points_at_line_one_without_a_snippet()
    {
        var finding = new Finding("path-dotenv", ".env", 0, "fp2", "(whole file: .env file)", null, FindingConfidence.Low);

        var result = Run([finding], SarifLog.Catalogue([])).GetProperty("results")[0];

        Assert.That(result.GetProperty("message").GetProperty("text").GetString(), Is.EqualTo("path-dotenv at the whole file: (whole file: .env file)"));
        var region = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.That(region.GetProperty("startLine").GetInt32(), Is.EqualTo(1));
        Assert.That(region.TryGetProperty("snippet", out _), Is.False);
        var properties = result.GetProperty("properties");
        Assert.That(properties.GetProperty("confidence").GetString(), Is.EqualTo("low"));
        Assert.That(properties.GetProperty("wholeFile").GetBoolean(), Is.True);
        Assert.That(properties.TryGetProperty("commit", out _), Is.False);
    }

    [Test]
    public void A_short_commit_is_named_whole_and_an_unknown_rule_is_listed_once_for_all_its_results()
    {
        var findings = new[] { new Finding("x-token", "a", 1, "f1", "p", "abc"), new Finding("x-token", "b", 2, "f2", "p") };

        var run = Run(findings, [new SarifLog.RuleInfo("known", "Known")]);

        Assert.That(run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()),
            Is.EqualTo(new[] { "known", "x-token" }));
        Assert.That(run.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("ruleIndex").GetInt32()), Is.EqualTo(new[] { 1, 1 }));
        Assert.That(run.GetProperty("results")[0].GetProperty("message").GetProperty("text").GetString(), Is.EqualTo("x-token at line 1 in commit abc: p"));
    }

    [Test]
    public void The_log_is_indented_and_keeps_the_previews_characters_as_they_are()
    {
        var text = SarifLog.Serialize([new Finding("acme", "a+b.cfg", 1, "fp", "key = acme_…", null)], [], "1.0.0");

        Assert.That(text, Does.StartWith("{\n  \"$schema\"").Or.StartWith("{\r\n  \"$schema\""));
        Assert.That(text, Does.Contain("key = acme_…"));
    }
}
