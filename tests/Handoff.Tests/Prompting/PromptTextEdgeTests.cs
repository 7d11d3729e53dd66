using Handoff.Core.Prompting;

namespace Handoff.Tests.Prompting;

/// <summary>Titles cut to the session's limit, caller text made safe, and sizes written for people.</summary>
public class PromptTextEdgeTests
{
    [Test]
    public void One_long_word_is_cut_at_99_characters_plus_the_ellipsis() =>
        Assert.That(PromptTitle.FromTask(new string('a', 150)), Is.EqualTo(new string('a', 99) + "…"));

    [Test]
    public void A_word_boundary_halfway_is_still_a_good_place_to_cut()
    {
        var task = new string('a', 49) + " " + new string('b', 100);
        Assert.That(PromptTitle.FromTask(task), Is.EqualTo(new string('a', 49) + "…"));
        var earlier = new string('a', 48) + " " + new string('b', 100);
        Assert.That(PromptTitle.FromTask(earlier), Is.EqualTo(new string('a', 48) + " " + new string('b', 50) + "…"), "too early: cut inside the word");
    }

    [Test]
    public void A_surrogate_pair_at_the_cut_is_left_out_whole()
    {
        var task = new string('x', 98) + "𝄞" + new string('y', 10);
        Assert.That(PromptTitle.FromTask(task), Is.EqualTo(new string('x', 98) + "…"));
    }

    [TestCase("done\r", "done␍")]
    [TestCase("\r", "␍")]
    [TestCase("a\r\r\n", "a␍\r\n")]
    public void A_carriage_return_is_kept_only_before_a_newline(string input, string expected) =>
        Assert.That(ControlCharacters.Escape(input), Is.EqualTo(expected));

    [TestCase(0, "0 bytes")]
    [TestCase(1023, "1023 bytes")]
    [TestCase(1024, "1 KB")]
    [TestCase(1500, "1.5 KB")]
    [TestCase(1_048_575, "1024 KB")]
    [TestCase(1_048_576, "1 MB")]
    [TestCase(1_500_000, "1.4 MB")]
    [TestCase(43_201_331, "41.2 MB")]
    public void Folder_sizes_are_in_bytes_then_KB_then_MB_with_one_decimal(long bytes, string expected) =>
        Assert.That(OmittedSection.HumanSize(bytes), Is.EqualTo(expected));
}
