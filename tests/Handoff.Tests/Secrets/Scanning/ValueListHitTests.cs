using Handoff.Core.Secrets;

namespace Handoff.Tests.Secrets.Scanning;

/// <summary>
/// <see cref="ValueLists.AddListedValues"/> given hand-made hits of a hand-made keyword rule: the edges the built-in
/// rules rarely reach (a hit at the start of the line, a value that runs to the line's end, a hit of another rule right
/// before an item) and the verdict of a rule that is not generic.
/// </summary>
public class ValueListHitTests
{
    private const string First = "Xq7pL2mRv9TzK4wB";
    private const string Second = "Kp3nW8vR2xQ7mZ5t";

    private static readonly CompiledRule[] Rules = new CompiledRuleSet(
        [
            new SecretRule { Id = "keyed", Description = "keyed", Regex = @"key = '(?<secret>\w+)'", Keywords = ["key"], KeywordAnchored = true, Confidence = FindingConfidence.High },
            new SecretRule { Id = "other", Description = "other", Regex = "other", Keywords = ["other"] },
        ], CompiledAllowlist.Empty).Rules;

    private static CompiledRule Keyed => Rules[0];
    private static CompiledRule Other => Rules[1];

    private static RawHit HitOf(CompiledRule rule, string line, string secret) =>
        new(rule, line.IndexOf(secret, StringComparison.Ordinal), secret.Length, secret, FindingConfidence.High);

    private static string[] Added(string line, params RawHit[] hits)
    {
        var list = hits.ToList();
        ValueLists.AddListedValues(line, list, CompiledAllowlist.Empty);
        return list.Select(h => $"{h.Rule.Rule.Id}@{h.Start}:{h.Secret}:{h.Confidence}").ToArray();
    }

    [Test]
    public void A_value_at_the_start_of_the_line_has_no_opening_quote_and_its_list_is_read()
    {
        var line = $"{First}, '{Second}'";

        Assert.That(Added(line, HitOf(Keyed, line, First)), Is.EqualTo(new[] { $"keyed@0:{First}:High", $"keyed@{First.Length + 3}:{Second}:High" }));
    }

    [TestCase("key = '" + First, TestName = "An unclosed single-quoted value")]
    [TestCase("key = \"" + First, TestName = "An unclosed double-quoted value")]
    public void A_quoted_value_that_runs_to_the_end_of_the_line_opens_no_list(string line)
    {
        Assert.That(Added(line, HitOf(Keyed, line, First)), Is.EqualTo(new[] { $"keyed@7:{First}:High" }));
    }

    [Test]
    public void An_item_right_after_another_rule_s_hit_is_still_an_item()
    {
        // The other hit covers "', " and ends exactly where the bare item starts: touching is no overlap.
        var line = $"key = '{First}', {Second}";
        var between = new RawHit(Other, 7 + First.Length, 3, "', ", FindingConfidence.Low);

        Assert.That(Added(line, HitOf(Keyed, line, First), between),
            Is.EqualTo(new[] { $"keyed@7:{First}:High", $"other@{7 + First.Length}:', :Low", $"keyed@{10 + First.Length}:{Second}:High" }));
    }

    [Test]
    public void An_item_right_before_another_rule_s_hit_is_still_an_item()
    {
        // The other hit starts on the comma right after the bare item: touching is no overlap.
        var line = $"key = '{First}', {Second}, x";
        var comma = new RawHit(Other, line.LastIndexOf(','), 1, ",", FindingConfidence.Low);

        Assert.That(Added(line, HitOf(Keyed, line, First), comma),
            Is.EqualTo(new[] { $"keyed@7:{First}:High", $"keyed@{10 + First.Length}:{Second}:High", $"other@{line.LastIndexOf(',')}:,:Low" }));
    }

    [Test]
    public void An_item_another_rule_already_covers_is_left_to_that_rule()
    {
        var line = $"key = '{First}', '{Second}'";

        Assert.That(Added(line, HitOf(Keyed, line, First), HitOf(Other, line, Second)),
            Is.EqualTo(new[] { $"keyed@7:{First}:High", $"other@{11 + First.Length}:{Second}:High" }));
    }

    [Test]
    public void An_item_of_a_rule_that_is_not_generic_takes_the_rule_s_confidence_not_the_keyword_judge_s()
    {
        // The keyword judge would call a 12-character hand-typed value Low; a specific keyword rule keeps its own High.
        var line = $"key = '{First}', 'k3j9x2m7q8w4'";

        Assert.That(Added(line, HitOf(Keyed, line, First)), Is.EqualTo(new[] { $"keyed@7:{First}:High", $"keyed@{11 + First.Length}:k3j9x2m7q8w4:High" }));
    }
}
