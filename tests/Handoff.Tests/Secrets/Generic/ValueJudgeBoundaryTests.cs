using Handoff.Core.Secrets.Generic;

namespace Handoff.Tests.Secrets.Generic;

/// <summary>
/// ValueShape.Judge exactly at each of its bounds, on both sides. The entropy of every sample is computed here with
/// the textbook formula (-sum p log2 p) and checked, so the samples sit where the test says they do.
/// </summary>
public class ValueJudgeBoundaryTests
{
    private static double Bits(string value) =>
        value.GroupBy(c => c).Sum(g =>
        {
            var p = (double)g.Count() / value.Length;
            return -p * Math.Log2(p);
        });

    private static void Expect(string value, bool password, string expected, double entropy)
    {
        Assert.That(Bits(value), Is.EqualTo(entropy).Within(0.001), "the sample's entropy");
        Assert.That(ValueShape.Judge(value, password), Is.EqualTo(Enum.Parse<Randomness>(expected)), value);
    }

    // 8 distinct characters: 3 bits; 7: log2(7)
    [TestCase("aB3dE5gH", true, "Strong", 3.0)]
    [TestCase("aB3dE5gH", false, "Weak", 3.0)]
    [TestCase("aB3dE5g", true, "None", 2.807)]
    public void A_password_of_three_classes_is_strong_from_eight_characters(string value, bool password, string expected, double entropy) =>
        Expect(value, password, expected, entropy);

    [TestCase("aB3dE5gH9jK1", "Strong", 3.585)]
    [TestCase("aB3dE5gH9jK", "Weak", 3.459)]
    public void Another_value_of_three_classes_is_strong_from_twelve_characters(string value, string expected, double entropy) =>
        Expect(value, password: false, expected, entropy);

    // At 8 characters the floor is min(4, log2(8) - 1) = 2 bits: four characters twice each is exactly 2.
    [TestCase("aB3caB3c", "Strong", 2.0)]
    [TestCase("aaaB3ccc", "Weak", 1.811)]
    public void A_short_password_needs_the_entropy_floor_of_its_length(string value, string expected, double entropy) =>
        Expect(value, password: true, expected, entropy);

    [TestCase("aBcDeFgHiJkLmNoP", "Strong", 4.0)]
    [TestCase("aBcDeFgHiJkLmNo", "Weak", 3.907)]
    [TestCase("aBcDeFgHiJkL", "Weak", 3.585)]
    [TestCase("abcdefghijklmnop", "Weak", 4.0)]
    public void A_value_of_two_classes_is_strong_from_sixteen_characters(string value, string expected, double entropy) =>
        Expect(value, password: false, expected, entropy);

    [TestCase("aBcDeFgHiJkL", "Weak", 3.585)]
    public void A_password_of_two_classes_is_not_strong_below_sixteen(string value, string expected, double entropy) =>
        Expect(value, password: true, expected, entropy);

    // From 19 characters the floor is 3 bits: eight letters three times each is exactly 3, four six times each is 2.
    [TestCase("abcdwxyzabcdwxyzabcdwxyz", "Weak", 3.0)]
    [TestCase("wxyzwxyzwxyzwxyzwxyzwxyz", "None", 2.0)]
    public void A_long_value_below_three_bits_is_too_regular(string value, string expected, double entropy) =>
        Expect(value, password: false, expected, entropy);

    [TestCase("0123456789abcdef", "Strong", 4.0)]
    [TestCase("0123abcd0123abcd", "Strong", 3.0)]
    [TestCase("0123456789abcde", "Weak", 3.907)]
    [TestCase("000111aaabbb22cc", "Weak", 2.561)]
    // eight times one character and eight others once: exactly 2.5 bits, the floor of a hex value of 16
    [TestCase("0000000012345abc", "Weak", 2.5)]
    [TestCase("0000000000001abc", "None", 1.311)]
    // at 8 characters the floor is log2(8) - 1.2 = 1.8, below 2.5
    [TestCase("0011aabb", "Weak", 2.0)]
    [TestCase("0000001a", "None", 1.061)]
    public void A_hex_value_is_strong_from_sixteen_characters_and_three_bits(string value, string expected, double entropy) =>
        Expect(value, password: false, expected, entropy);

    [TestCase("01234567890123456789", "Weak", 3.322)]
    [TestCase("0123456789012345678", "None", 3.301)]
    [TestCase("012345670123456701234567", "Weak", 3.0)]
    [TestCase("00000000001111111111", "None", 1.0)]
    public void A_number_is_at_most_weak_and_only_from_twenty_digits_and_three_bits(string value, string expected, double entropy) =>
        Expect(value, password: true, expected, entropy);

    [TestCase("!@#$%^&*()", "None", 3.322)]
    [TestCase("12#45$78!0", "Weak", 3.322)]
    [TestCase("QWERTYUIOPAS", "Weak", 3.585)]
    public void Symbols_alone_are_not_a_secret_but_digits_with_symbols_or_capitals_can_be(string value, string expected, double entropy) =>
        Expect(value, password: false, expected, entropy);
}
