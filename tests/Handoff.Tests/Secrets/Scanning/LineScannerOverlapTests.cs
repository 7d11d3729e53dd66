using Handoff.Core.Secrets;
using static Handoff.Tests.Secrets.Scanning.LineRules;

namespace Handoff.Tests.Secrets.Scanning;

/// <summary>
/// Where hits of several rules overlap on a line, one is kept: the longest, then the earliest rule of the catalog,
/// specific rules before generic ones. Hits that only touch are all kept, and they come out in line order.
/// </summary>
public class LineScannerOverlapTests
{
    private const string Left = "Ab3dEf6hIj9kLm2n";
    private const string Right = "Pq5rSt8vWx1yZa4c";

    [Test]
    public void Hits_that_touch_without_overlapping_are_all_kept_in_line_order()
    {
        // The longest, in the middle, is kept first; the hit ending where it starts and the one starting where it ends stay.
        var scanner = Scanner(
            Rule("left", @"(?<secret>Ab3d[A-Za-z0-9]{12})", "ab3d"),
            Rule("middle", @"(?<secret>Xq7p[A-Za-z0-9]{12}!!)", "xq7p"),
            Rule("right", @"(?<secret>Pq5r[A-Za-z0-9]{12})", "pq5r"));
        var line = "x=" + Left + Strong + "!!" + Right;
        Assert.That(scanner.Scan(line).Shown(), Is.EqualTo(new[] { $"left@2:{Left}", $"middle@18:{Strong}!!", $"right@36:{Right}" }));
    }

    [Test]
    public void Of_two_overlapping_hits_the_longer_is_kept_and_the_result_is_in_line_order()
    {
        var scanner = Scanner(
            Rule("short", @"(?<secret>Xq7p[A-Za-z0-9]{12})", "xq7p"),
            Rule("long", @"(?<secret>[A-Za-z0-9]{16}Xq7p[A-Za-z0-9]{12})", "xq7p"),
            Rule("late", @"(?<secret>Pq5r[A-Za-z0-9]{12})", "pq5r"));
        Assert.That(scanner.Scan("a " + Right + " " + Left + Strong).Shown(), Is.EqualTo(new[] { $"late@2:{Right}", $"long@19:{Left}{Strong}" }));
    }

    [Test]
    public void Of_many_rules_matching_the_same_span_the_first_of_the_catalog_wins()
    {
        // More rules than a small sort handles by insertion: the order must come from the comparison, not from chance.
        var rules = Enumerable.Range(0, 40).Select(i => Rule($"r{i:00}", @"(?<secret>Xq7p[A-Za-z0-9]{12})", "xq7p")).ToArray();
        var scanner = Scanner(rules);
        Assert.That(scanner.Scan("k=" + Strong).Shown(), Is.EqualTo(new[] { $"r00@2:{Strong}" }));
        Assert.That(Scanner(rules.Reverse().ToArray()).Scan("k=" + Strong).Shown(), Is.EqualTo(new[] { $"r39@2:{Strong}" }));
    }

    [Test]
    public void A_line_without_hits_leaves_the_hits_of_earlier_lines_alone()
    {
        var scanner = Scanner(Rule("tok", @"tok_(?<secret>[A-Za-z0-9]{16})", "tok_"));
        var hits = new List<RawHit>();
        scanner.Scan("tok_" + Strong, "a.txt", hits);
        scanner.Scan("tok_ nothing", "a.txt", hits);
        scanner.Scan("plain", "a.txt", hits);
        scanner.Scan("", "a.txt", hits);
        Assert.That(hits.Shown(), Is.EqualTo(new[] { $"tok@4:{Strong}" }));
    }
}
