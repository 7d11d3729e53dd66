using Handoff.Core.Secrets;
using Handoff.Core.Secrets.Generic;

namespace Handoff.Tests.Secrets;

/// <summary>
/// One keyword given several values (<c>KEYS = 'a', 'b'</c>, <c>keys: [a, b]</c>): each further literal is its own
/// finding, in the order written, and a list ends where what follows is no longer a literal.
/// </summary>
public class ListedValueTests
{
    private static readonly Random Random = new(2026);

    /// <summary>24 characters of an alphabet without look-alikes (0/O, 1/l/I): a generated value, never a word.</summary>
    private static string Value()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        return new string(Enumerable.Range(0, 24).Select(_ => alphabet[Random.Next(alphabet.Length)]).ToArray());
    }

    /// <summary>The values found on the line, in the order of the findings (each recognised by its fingerprint).</summary>
    private static IReadOnlyList<string> Found(string line, params string[] candidates) => FoundIn("settings.py", line, candidates);

    private static IReadOnlyList<string> FoundIn(string path, string line, params string[] candidates)
    {
        var findings = new SecretScanner(SecretScanConfig.Default).ScanText(path, line);
        return findings.Select(f => candidates.SingleOrDefault(c => Fingerprint.Of(path, f.RuleId, c) == f.Fingerprint) ?? "?").ToList();
    }

    [Test]
    public void Quoted_items_without_spaces_or_with_tabs_are_each_found_in_order()
    {
        var (a, b, c) = (Value(), Value(), Value());

        Assert.That(Found($"API_KEYS = \"{a}\",\"{b}\",\t\"{c}\"", a, b, c), Is.EqualTo(new[] { a, b, c }));
    }

    [Test]
    public void Bare_items_of_a_flow_list_are_each_found()
    {
        var (a, b) = (Value(), Value());

        Assert.That(FoundIn("config.yaml", $"api_keys: [{a}, {b}]", a, b), Is.EqualTo(new[] { a, b }));
    }

    [Test]
    public void A_list_ends_at_an_unclosed_quote()
    {
        var (a, b) = (Value(), Value());

        Assert.That(Found($"API_KEYS = '{a}', '{b}", a, b), Is.EqualTo(new[] { a }));
    }

    [Test]
    public void A_list_ends_at_the_next_key_of_a_mapping_or_at_code()
    {
        var (a, b) = (Value(), Value());

        Assert.That(FoundIn("config.yaml", $"api_key: {a}, user: {b}", a, b), Is.EqualTo(new[] { a }));
        Assert.That(Found($"API_KEY = '{a}', f({b})", a, b), Is.EqualTo(new[] { a }));
        Assert.That(Found($"API_KEY = '{a}', {b}::class", a, b), Is.EqualTo(new[] { a }));
    }

    [Test]
    public void An_item_followed_by_a_comment_or_a_closing_bracket_counts()
    {
        var (a, b, c) = (Value(), Value(), Value());

        Assert.That(Found($"API_KEYS = ['{a}', '{b}']  # rotated", a, b), Is.EqualTo(new[] { a, b }));
        Assert.That(Found($"API_KEYS = ['{a}', '{b}'];", a, b), Is.EqualTo(new[] { a, b }));
        Assert.That(Found($"API_KEYS = '{a}', '{b}' # x", a, b), Is.EqualTo(new[] { a, b }));
        Assert.That(Found($"API_KEYS = '{a}', '{b}' and '{c}'", a, b, c), Is.EqualTo(new[] { a }));
    }

    // The first value is no secret (empty, short, a placeholder, a word): the list goes on, and so does the search.
    [TestCase("API_KEYS = [\"\", \"{0}\"]")]
    [TestCase("API_KEYS = ['dev', '{0}']")]
    [TestCase("API_KEYS = ('changeme', '{0}')")]
    [TestCase("API_KEYS = \"keep-this-one-out\", \"{0}\"")]
    public void An_item_after_a_first_value_that_is_no_secret_is_found(string template)
    {
        var b = Value();

        var findings = new SecretScanner(SecretScanConfig.Default).ScanText("settings.py", string.Format(template, b));

        Assert.That(findings.Select(f => f.Fingerprint), Is.EqualTo(new[] { Fingerprint.Of("settings.py", "generic-api-key", b) }));
    }

    [Test]
    public void A_bare_list_after_a_short_first_item_is_searched_too()
    {
        var b = Value();

        Assert.That(FoundIn("config.yaml", $"api_keys: [dev, {b}]", b), Is.EqualTo(new[] { b }));
    }

    [Test]
    public void Items_after_a_first_value_that_is_no_secret_take_the_confidence_the_name_and_the_path_allow()
    {
        var b = Value();
        var line = $"SECRET = \"\", \"{b}\"";

        Assert.That(Confidences("settings.py", line), Is.EqualTo(new[] { FindingConfidence.Medium }), "a secret name, a generated value, ordinary code");
        Assert.That(Confidences("tests/settings.py", line), Is.EqualTo(new[] { FindingConfidence.Low }), "a test path lowers it");
        Assert.That(Confidences("settings.py", "SECRET = \"\", \"k3j9x2m7q8w4\""), Is.EqualTo(new[] { FindingConfidence.Low }),
            "12 characters of two classes: could be a secret, not a generated one");
    }

    [Test]
    public void After_a_weak_name_only_a_generated_item_counts()
    {
        var b = Value();

        Assert.That(Confidences("settings.py", $"admin_secret_that_nobody_knows = \"\", \"{b}\""), Is.EqualTo(new[] { FindingConfidence.Low }));
        Assert.That(Confidences("settings.py", "admin_secret_that_nobody_knows = \"\", \"k3j9x2m7q8w4\""), Is.Empty);
    }

    [TestCase("token_url = \"\", \"{0}\"", TestName = "a name about a secret, not one")]
    [TestCase("check(api_token, \"\", \"{0}\")", TestName = "the arguments after a call's message argument")]
    [TestCase("API_KEYS = \"\" + \"{0}\"", TestName = "a concatenation, not a list")]
    public void Items_after_a_value_whose_name_or_form_is_no_secret_are_not_searched(string template)
    {
        var b = Value();

        Assert.That(new SecretScanner(SecretScanConfig.Default).ScanText("settings.py", string.Format(template, b)), Is.Empty);
    }

    private static IReadOnlyList<FindingConfidence> Confidences(string path, string line) =>
        new SecretScanner(SecretScanConfig.Default).ScanText(path, line).Select(f => f.Confidence).ToList();

    [Test]
    public void A_keyword_match_without_an_assignment_opens_no_list()
    {
        // a rule that captures a value with no assignment (an XML element, a Dockerfile ENV): no list syntax to follow
        const string line = "API_KEYS = \"\", \"Xq7pL2mRv9TzK4wB\"";
        var facts = new LineFacts(FileKind.Code, Lowered: false, InCodeBlock: false);
        var withAssignment = new KeywordMatch(line, 0, 8, 12, 12, '"', HasAssignment: true);

        Assert.That(KeywordJudge.ListCap(withAssignment, facts), Is.EqualTo((FindingConfidence.Medium, false)), "the control: with its assignment it does");
        Assert.That(KeywordJudge.ListCap(withAssignment with { HasAssignment = false }, facts), Is.Null);
    }
}
