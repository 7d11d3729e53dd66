using Handoff.Core.Secrets.Generic;

namespace Handoff.Tests.Secrets.Generic;

/// <summary>
/// ValueShape.IsWordsOnly and IsProse: a name made of words, a number, a version or a sentence is not a generated
/// value. Each rule is pinned on both sides of its bound.
/// </summary>
public class WordsOnlyTests
{
    [TestCase("data1file2path3", true)]
    [TestCase("data1file2path3test4", false)]
    [TestCase("data_1_2_3_4_file", false)]
    public void A_name_of_words_may_hold_at_most_three_numbers(string value, bool words) =>
        Assert.That(ValueShape.IsWordsOnly(value), Is.EqualTo(words));

    [TestCase("12345678", true)]
    [TestCase("1234567890123456789", true)]
    [TestCase("12345678901234567890", false)]
    [TestCase("----------__________", true)]
    public void A_number_is_words_only_while_it_is_shorter_than_twenty(string value, bool words) =>
        Assert.That(ValueShape.IsWordsOnly(value), Is.EqualTo(words));

    // three dots: a version up to 25 characters (3 * 4 >= 25 / 2), not from 26
    [TestCase("123456.123456.123456.1234", true)]
    [TestCase("123456.123456.123456.12345", false)]
    public void A_long_number_is_a_version_when_dots_cut_it_into_short_groups(string value, bool words) =>
        Assert.That(ValueShape.IsWordsOnly(value), Is.EqualTo(words));

    [TestCase("cache-key-linux", true)]
    [TestCase("validation.array_keys", true)]
    [TestCase("Summer2024!", false)]
    public void Without_any_symbol_only_identifier_and_path_separators_join_words(string value, bool words) =>
        Assert.That(ValueShape.IsWordsOnly(value, anySymbol: false), Is.EqualTo(words));

    [TestCase("Summer2024!", true)]
    [TestCase("user\tname", false)]
    [TestCase("user\u007fname", false, TestName = "{m}(DEL)")]
    [TestCase("caf\u00e9-name", false)]
    public void Any_printable_ascii_symbol_may_join_words_but_not_a_control_or_foreign_character(string value, bool words) =>
        Assert.That(ValueShape.IsWordsOnly(value), Is.EqualTo(words));

    [TestCase("userIdForDb")]
    [TestCase("HTMLParser")]
    [TestCase("zoneName")]
    [TestCase("ontstap")]
    [TestCase("beate")]
    [TestCase("schnap")]
    public void Short_words_acronyms_and_pronounceable_segments_are_words(string value) =>
        Assert.That(ValueShape.IsWordsOnly(value), Is.True);

    [TestCase("ontstrap")] // five consonants in a row
    [TestCase("beaute")]   // three vowels in a row
    [TestCase("seaoil")]   // four vowels in a row
    [TestCase("schnapps")] // one vowel in eight letters
    public void Letters_that_cannot_be_spoken_are_not_a_word(string value) =>
        Assert.That(ValueShape.IsWordsOnly(value), Is.False);

    [TestCase("LICENSE KEY", true)]
    [TestCase("Xk9pLm2q hello", true)]
    [TestCase("x9k2m4p7 2024", true)]
    [TestCase("don't e-mail x9k2m4p7q1", true)]
    [TestCase("e-mail x9k2m4p7q1", true)]
    [TestCase("hello !", false)]
    [TestCase("x9k2 q7z1", false)]
    [TestCase("x9k2m4p7 q1w2e3r4", false)]
    [TestCase("x9k2m4p7 20245", false)]
    public void Prose_is_two_parts_or_more_half_of_them_words_or_short_numbers(string value, bool prose) =>
        Assert.That(ValueShape.IsProse(value), Is.EqualTo(prose));
}
