using Handoff.Core.Secrets;

namespace Handoff.Tests.Secrets.Scanning;

/// <summary>The small parts of the line scan at their edges: entropy past ASCII, an empty key body, placeholders.</summary>
public class ScanPartEdgeTests
{
    [Test]
    public void Entropy_counts_the_first_character_past_ascii_like_any_other()
    {
        var value = new string([(char)0x80, 'a']);

        Assert.That(Entropy.Shannon(value), Is.EqualTo(1.0).Within(1e-9));
    }

    [Test]
    public void A_key_header_followed_at_once_by_its_end_line_has_an_empty_body() =>
        Assert.That(KeyBlockBody.OnHeaderLine(Fragment.Header + Fragment.Footer), Is.EqualTo(0));

    [TestCase("")]
    [TestCase("changeme7Xq9pL2mRv")]   // a placeholder word at the very start
    [TestCase("Xq9pL2changemeRv")]     // and further in
    public void A_value_that_is_empty_or_holds_a_placeholder_word_is_a_placeholder(string value) =>
        Assert.That(FalsePositiveFilter.IsPlaceholder(value), Is.True);

    [Test]
    public void A_generated_value_is_no_placeholder() =>
        Assert.That(FalsePositiveFilter.IsPlaceholder("Xq7pL2mRv9TzK4wB"), Is.False);
}
