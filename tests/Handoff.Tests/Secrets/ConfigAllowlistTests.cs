using Handoff.Core.Inspection;
using Handoff.Core.Secrets;
using static Handoff.Tests.Secrets.SnapshotBuilder;

namespace Handoff.Tests.Secrets;

/// <summary>
/// allowlist.regexes in .devin-handoff/secrets.json (issue 15: the old test's allowlist never matched the token it
/// allowed, so ignoring the regexes went unnoticed). Each case shows the token is found without the allowlist first.
/// </summary>
public class ConfigAllowlistTests
{
    private const string StripeFixture = "sk_test_FixtureQ7vR2mX9kL4pT8wZ3n";
    private const string StripeOther = "sk_test_Zb8Kq3Lm7Np2Rt6Vx1Yc5Wd9";
    private const string AcmeFixture = "acme_fixture0q7vr2mx9kl4pt";
    private const string AcmeOther = "acme_k3m8q2r7t1v6x9z4b5n0p2";
    private string _root = null!;

    [SetUp]
    public void SetUp() => _root = Directory.CreateTempSubdirectory("handoff-allowlist-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_root, recursive: true);

    private FileChange[] Files() =>
    [
        File("tests/fixtures.py", (1, [$"STRIPE = '{StripeFixture}'"]), (20, [$"ACME = '{AcmeFixture}'"])),
        File("src/app.py", (1, [$"STRIPE = '{StripeOther}'"]), (20, [$"ACME = '{AcmeOther}'"])),
    ];

    private void WriteConfig(string allowlist) =>
        WriteFile(".devin-handoff/secrets.json", $$"""
            {
              "rules": [ { "id": "acme-token", "description": "ACME token", "regex": "acme_[a-z0-9]{21}", "keywords": ["acme_"] } ],
              "allowlist": {{allowlist}}
            }
            """);

    private void WriteFile(string relative, string text)
    {
        var full = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        System.IO.File.WriteAllText(full, text);
    }

    private FilteredChanges Filter() => new SecretScanner(new FileSecretConfigLoader(), _root).Filter(With(_root, Files()), SecretMode.Withhold);

    [Test]
    public void Without_the_allowlist_all_four_tokens_are_found()
    {
        WriteConfig("{}");

        var found = Filter().Findings.Select(f => (f.RuleId, f.File, f.Line)).ToList();

        Assert.That(found, Is.EquivalentTo(new[]
        {
            ("stripe-secret-key", "tests/fixtures.py", 2), ("acme-token", "tests/fixtures.py", 21),
            ("stripe-secret-key", "src/app.py", 2), ("acme-token", "src/app.py", 21),
        }));
    }

    [Test]
    public void Allowlist_regexes_let_through_exactly_the_tokens_they_match()
    {
        WriteConfig("""{ "regexes": [ "^sk_test_Fixture", "^acme_fixture" ] }""");

        var result = Filter();

        Assert.That(result.Findings.Select(f => (f.RuleId, f.File)), Is.EquivalentTo(new[] { ("stripe-secret-key", "src/app.py"), ("acme-token", "src/app.py") }));
        var fixtures = result.WorkingChanges.Single(f => f.Path == "tests/fixtures.py");
        Assert.That(fixtures.Hunks.Select(h => h.NewStart), Is.EqualTo(new[] { 1, 20 }), "both allowed hunks go, unchanged");
        Assert.That(result.Withheld.Select(w => w.File).Distinct(), Is.EqualTo(new[] { "src/app.py" }));
    }

    [Test]
    public void An_allowlist_regex_is_matched_against_the_secret_not_the_line()
    {
        // "STRIPE" is on every line; an allowlist that only matches the line around the token allows nothing.
        WriteConfig("""{ "regexes": [ "STRIPE", "^ACME" ] }""");

        var found = Filter().Findings.Select(f => (f.RuleId, f.File)).ToList();

        Assert.That(found, Has.Count.EqualTo(4));
    }

    [Test]
    public void Allowlist_stopwords_let_through_tokens_that_contain_them()
    {
        WriteConfig("""{ "stopwords": [ "fixture" ] }""");

        var found = Filter().Findings.Select(f => (f.RuleId, f.File)).ToList();

        Assert.That(found, Is.EquivalentTo(new[] { ("stripe-secret-key", "src/app.py"), ("acme-token", "src/app.py") }));
    }
}
