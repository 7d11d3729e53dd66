using Handoff.Core;
using Handoff.Core.Secrets;
using Handoff.Core.Secrets.Archives;

namespace Handoff.Tests.Secrets;

/// <summary>
/// `.devin-handoff/secrets.json` and `.devin-handoff-ignore` as a repository writes them: what each key becomes, and
/// that every mistake is a one-line error with exit 4 naming the file, never a scan with half the config.
/// </summary>
public class SecretConfigParsingTests
{
    private static HandoffException Invalid(string json)
    {
        var e = Assert.Throws<HandoffException>(() => FileSecretConfigLoader.Parse(json, "conf.json"))!;
        Assert.That(e.ExitCode, Is.EqualTo(ExitCodes.AuthOrConfig));
        Assert.That(e.Message, Does.StartWith("invalid conf.json: "));
        return e;
    }

    [Test]
    public void A_rule_takes_every_field_and_defaults_its_description_to_its_id()
    {
        var config = FileSecretConfigLoader.Parse("""
            {
              // comments and trailing commas are fine in a hand-written file
              "RULES": [
                { "id": "acme", "regex": "acme_[a-z]{8}", "keywords": ["acme_"], "entropy": 2.5, "path": "\\.cfg$",
                  "allowRegexes": ["^acme_test"], "stopwords": ["sample"], },
                { "id": "bare", "description": "Bare rule", "regex": "bare_[0-9]{4}" },
              ],
              "disabledRules": ["generic-api-key", "Generic-Secret"],
            }
            """);

        var acme = config.ExtraRules[0];
        Assert.That((acme.Id, acme.Description, acme.Family, acme.Regex, acme.MinEntropy, acme.PathPattern),
            Is.EqualTo(("acme", "acme", RuleFamily.Custom, "acme_[a-z]{8}", (double?)2.5, @"\.cfg$")));
        Assert.That((acme.Keywords, acme.AllowRegexes, acme.Stopwords), Is.EqualTo((new[] { "acme_" }, new[] { "^acme_test" }, new[] { "sample" })));
        var bare = config.ExtraRules[1];
        Assert.That((bare.Description, bare.Keywords, bare.MinEntropy, bare.PathPattern, bare.AllowRegexes, bare.Stopwords),
            Is.EqualTo(("Bare rule", Array.Empty<string>(), (double?)null, (string?)null, Array.Empty<string>(), Array.Empty<string>())));
        Assert.That(config.DisabledRules, Is.EquivalentTo(new[] { "generic-api-key", "Generic-Secret" }));
        Assert.That(config.DisabledRules.Contains("generic-secret"), Is.False, "rule ids are exact");
    }

    [Test]
    public void The_allowlist_and_an_empty_or_null_file_give_what_they_say()
    {
        var config = FileSecretConfigLoader.Parse("""{ "allowlist": { "regexes": ["^test-"], "stopwords": ["local-dev"], "paths": ["^docs/"] } }""");
        Assert.That((config.AllowRegexes, config.AllowStopwords, config.AllowPaths), Is.EqualTo((new[] { "^test-" }, new[] { "local-dev" }, new[] { "^docs/" })));

        foreach (var empty in new[] { "{}", "null" })
        {
            var defaults = FileSecretConfigLoader.Parse(empty);
            Assert.That((defaults.ExtraRules.Count, defaults.DisabledRules.Count, defaults.AllowRegexes.Count, defaults.AllowStopwords.Count, defaults.AllowPaths.Count),
                Is.EqualTo((0, 0, 0, 0, 0)), empty);
            Assert.That(defaults.Archives, Is.EqualTo(ArchivePolicy.Default), empty);
        }
    }

    [Test]
    public void Archive_settings_take_every_bound_and_any_case_of_over_limit()
    {
        var config = FileSecretConfigLoader.Parse("""{ "archives": { "scan": false, "maxBytes": 1048576, "maxMembers": 7, "maxDepth": 2, "maxRatio": 9, "overLimit": "WARN" } }""");
        Assert.That(config.Archives, Is.EqualTo(ArchivePolicy.Default with { Scan = false, MaxBytes = 1048576, MaxMembers = 7, MaxDepth = 2, MaxRatio = 9, OverLimit = ArchiveOverLimit.Warn }));
        Assert.That(FileSecretConfigLoader.Parse("""{ "archives": { "overLimit": "Block" } }""").Archives.OverLimit, Is.EqualTo(ArchiveOverLimit.Block));
        Assert.That(FileSecretConfigLoader.Parse("""{ "archives": { } }""").Archives, Is.EqualTo(ArchivePolicy.Default));
    }

    [TestCase("maxBytes", 0)]
    [TestCase("maxMembers", 0)]
    [TestCase("maxDepth", 0)]
    [TestCase("maxRatio", 0)]
    [TestCase("maxMembers", -1)]
    public void A_bound_that_is_not_positive_is_refused(string key, int value) =>
        Assert.That(Invalid($$"""{ "archives": { "{{key}}": {{value}} } }""").Message, Does.Contain("archives bounds must be positive numbers"));

    [Test]
    public void Each_mistake_is_named()
    {
        Assert.That(Invalid("""{ "archives": { "overLimit": "ignore" } }""").Message, Does.Contain("archives.overLimit must be \"block\" or \"warn\", not \"ignore\""));
        Assert.That(Invalid("""{ "rules": [ { "regex": "x" } ] }""").Message, Does.Contain("every rule needs \"id\" and \"regex\""));
        Assert.That(Invalid("""{ "rules": [ { "id": " ", "regex": "x" } ] }""").Message, Does.Contain("every rule needs"));
        Assert.That(Invalid("""{ "rules": [ { "id": "a" } ] }""").Message, Does.Contain("every rule needs"));
        Assert.That(Invalid("""{ "rules": [ { "id": "a", "regex": "  " } ] }""").Message, Does.Contain("every rule needs"));
        Assert.That(Invalid("""{ "rules": [ { "id": "a", "regex": "(" } ] }""").Message, Does.Contain("rule a is not a valid regex ("));
        Assert.That(Invalid("""{ "rules": [ { "id": "a", "regex": "x", "path": "[" } ] }""").Message, Does.Contain("rule a path is not a valid regex"));
        Assert.That(Invalid("""{ "rules": [ { "id": "a", "regex": "x", "allowRegexes": ["ok", ")"] } ] }""").Message, Does.Contain("rule a allowRegexes is not a valid regex"));
        Assert.That(Invalid("""{ "rules": [ { "id": "a", "regex": "x", "keywords": ["ok", "k"] } ] }""").Message, Does.Contain("rule a keyword \"k\" must be at least 2 ASCII characters"));
        Assert.That(Invalid("""{ "rules": [ { "id": "a", "regex": "x", "keywords": ["clé"] } ] }""").Message, Does.Contain("rule a keyword \"clé\" must be"));
        Assert.That(Invalid("""{ "rules": [ { "id": "a", "regex": "x", "keywords": ["k\u0080"] } ] }""").Message, Does.Contain("rule a keyword \"k\u0080\" must be"));
        Assert.That(FileSecretConfigLoader.Parse("""{ "rules": [ { "id": "a", "regex": "x", "keywords": ["k\u007f"] } ] }""", "conf.json").ExtraRules[0].Keywords, Is.EqualTo(new[] { "k\u007f" }));
        Assert.That(Invalid("""{ "rules": [ { "id": "a", "regex": "x", "keywords": [null] } ] }""").Message, Does.Contain("rule a keyword \"\" must be"));
        Assert.That(Invalid("""{ "allowlist": { "regexes": ["*"] } }""").Message, Does.Contain("allowlist.regexes is not a valid regex"));
        Assert.That(Invalid("""{ "allowlist": { "paths": ["a(b"] } }""").Message, Does.Contain("allowlist.paths is not a valid regex"));
        Assert.That(Invalid("""{ "rules": [ """).InnerException, Is.Not.Null, "broken JSON");
    }

    [Test]
    public void The_ignore_file_holds_one_fingerprint_a_line_without_blanks_or_comments()
    {
        var ignored = FileSecretConfigLoader.ParseIgnore(["# accepted on 2026-12-01", "  a.py:aws:0123456789abcdef  ", "", "   ", "B.py:aws:fedcba9876543210", " # indented comment"]);

        Assert.That(ignored, Is.EquivalentTo(new[] { "a.py:aws:0123456789abcdef", "B.py:aws:fedcba9876543210" }));
        Assert.That(ignored.Contains("b.py:aws:fedcba9876543210"), Is.False, "paths are exact");
    }

    [Test]
    public void A_repository_without_config_files_has_the_defaults_and_one_with_them_has_both()
    {
        var root = Directory.CreateTempSubdirectory("handoff-config-").FullName;
        try
        {
            Assert.That(new FileSecretConfigLoader().Load(root), Is.SameAs(SecretScanConfig.Default));

            Directory.CreateDirectory(Path.Combine(root, ".devin-handoff"));
            File.WriteAllText(Path.Combine(root, ".devin-handoff", "secrets.json"), """{ "disabledRules": ["generic-api-key"] }""");
            File.WriteAllText(Path.Combine(root, ".devin-handoff-ignore"), "a.py:aws:0123456789abcdef\n");
            var config = new FileSecretConfigLoader().Load(root);

            Assert.That(config.DisabledRules, Is.EquivalentTo(new[] { "generic-api-key" }));
            Assert.That(config.IgnoredFingerprints, Is.EquivalentTo(new[] { "a.py:aws:0123456789abcdef" }));

            File.WriteAllText(Path.Combine(root, ".devin-handoff", "secrets.json"), """{ "rules": 3 }""");
            var e = Assert.Throws<HandoffException>(() => new FileSecretConfigLoader().Load(root))!;
            Assert.That(e.Message, Does.StartWith("invalid .devin-handoff/secrets.json: "));
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }

    [Test]
    public void A_fingerprint_is_path_rule_and_the_first_16_hex_of_the_salted_sha256()
    {
        // sha256("devin-handoff/secret-fingerprint/v1:hunter2-Zq8Kp3"), computed with sha256sum.
        Assert.That(Fingerprint.Of("src/a.py", "generic-password", "hunter2-Zq8Kp3"), Is.EqualTo("src/a.py:generic-password:437459365049bda9"));
    }
}
