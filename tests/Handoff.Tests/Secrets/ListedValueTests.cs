using Handoff.Core.Secrets;

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
}
