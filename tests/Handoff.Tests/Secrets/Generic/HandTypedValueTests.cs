using Handoff.Core.Secrets.Generic;

namespace Handoff.Tests.Secrets.Generic;

public class HandTypedValueTests
{
    private static string Repeat(string chunk, int times) => string.Concat(Enumerable.Repeat(chunk, times));

    [TestCase("ab12ab12ab12", true)]
    [TestCase("xoxp-1234-1234-1234", true)]
    [TestCase("ab12ab12ab1", false)]
    [TestCase("QQQQQQQQQQQQ", false)]
    [TestCase("ab-1ab-1ab-1", false)]
    [TestCase("Zq8vK2mLx9RtWp4n", false)]
    public void A_chunk_typed_three_times_is_hand_typed(string value, bool repeats) =>
        Assert.That(HandTypedValue.RepeatsAChunk(value), Is.EqualTo(repeats));

    [Test]
    public void Values_over_a_hundred_characters_are_not_judged_by_repeats()
    {
        Assert.That(HandTypedValue.RepeatsAChunk(Repeat("ab12", 25)), Is.True);
        Assert.That(HandTypedValue.RepeatsAChunk(Repeat("ab12", 25) + "x"), Is.False);
    }

    [TestCase("[a-z]+", true)]
    [TestCase("^[a-f0-9]{40}$", true)]
    [TestCase("[0-9]", true)]
    [TestCase("token[A-Z]", true)]
    [TestCase("a-z]", false)]   // no opening bracket
    [TestCase("[a-z", false)]   // no closing bracket
    [TestCase("[abc]", false)]  // no range
    [TestCase("[+/-]", false)]  // a hyphen at the end is a hyphen
    [TestCase("[z-a]", false)]  // out of order
    [TestCase("[a-a]", false)]
    [TestCase("[+-/]", false)]  // symbols are no range
    [TestCase("[0-z]", false)]  // ends of different kinds
    [TestCase("[A-z]", false)]
    public void A_regex_character_class_with_a_range_is_a_pattern(string value, bool pattern) =>
        Assert.That(HandTypedValue.HoldsCharacterClass(value), Is.EqualTo(pattern));
}
