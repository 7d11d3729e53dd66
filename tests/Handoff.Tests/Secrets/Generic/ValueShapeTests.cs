using Handoff.Core.Secrets.Generic;

namespace Handoff.Tests.Secrets.Generic;

public class ValueShapeTests
{
    private const string Base62 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const string Base64 = Base62 + "+/";

    private static string RandomOf(Random random, string alphabet, int length) =>
        new(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());

    [TestCase("GitCredentialFlow")]
    [TestCase("hasActiveToken")]
    [TestCase(@"SOFTWARE\Contoso\Tools\Installer")]
    [TestCase("validation.array_keys")]
    [TestCase("cache-key-linux-x64")]
    [TestCase("user_1234")]
    [TestCase("application/json")]
    [TestCase("https://api.contoso.dev/v2/login")]
    [TestCase("Http2ServerOptions")]
    [TestCase("10.4.0-rc.1")]
    [TestCase("illuminate:queue:restart")]
    [TestCase("@kommendor.builds")]
    [TestCase("string-value-1")]
    [TestCase("required|confirmed")]
    [TestCase("DefaultUpdateHandler2")]
    public void Names_made_of_words_are_words(string value) => Assert.That(ValueShape.IsWordsOnly(value), Is.True);

    [TestCase("Zq8vK2mLx9RtWp4n")]
    [TestCase("hunter2-Xk9pLm")]
    [TestCase("8f3a9c2e1d7b6a5f4e3d2c1b0a9f8e7d")]
    [TestCase("QQCFiaBTKwMiTw")]
    [TestCase("aalkLOV9kEhfJj")]
    [TestCase("NqnooqIT4Ds95to0")]
    [TestCase("dGhpcyBpcyBub3QgYSBzZWNyZXQ=")]
    public void Generated_values_are_not_words(string value) => Assert.That(ValueShape.IsWordsOnly(value), Is.False);

    [Test]
    public void Random_values_are_almost_never_taken_for_words_and_are_strong_from_16_characters()
    {
        var random = new Random(4242);
        int words = 0, strong = 0, samples = 0;
        foreach (var alphabet in new[] { Base62, Base64, "abcdefghijklmnopqrstuvwxyz0123456789" })
        {
            for (var length = 16; length <= 48; length += 4)
            {
                for (var i = 0; i < 300; i++)
                {
                    var value = RandomOf(random, alphabet, length);
                    samples++;
                    if (ValueShape.IsWordsOnly(value)) words++;
                    if (ValueShape.Judge(value, password: false) == Randomness.Strong) strong++;
                }
            }
        }
        TestContext.Out.WriteLine($"{samples} random values: {words} taken for words, {strong} strong");
        Assert.That(words, Is.LessThan(samples / 200), "random values taken for words");
        Assert.That(strong, Is.GreaterThan(samples * 95 / 100), "random values judged strong");
    }

    [TestCase("myapikey123", true)]
    [TestCase("dev-token-4242", true)]
    [TestCase("Super_Secret_Value_9", true)]
    [TestCase("Zq8vK2mLx9RtWp4nBz7c", false)]
    public void A_value_that_spells_out_its_own_kind_is_a_stand_in(string value, bool standIn) =>
        Assert.That(ValueShape.NamesItself(value), Is.EqualTo(standIn));

    [TestCase("P@55w0rd!", true)]
    [TestCase("S3cr3t42", true)]
    [TestCase("changeme!!", true)]
    [TestCase("Summer2024!", false)]
    [TestCase("hunter2-Xk9#pQ", false)]
    public void Placeholders_in_leetspeak_are_placeholders(string value, bool placeholder) =>
        Assert.That(ValueShape.IsLeetPlaceholder(value), Is.EqualTo(placeholder));

    [Test]
    public void Base64_of_prose_is_an_example_not_a_key()
    {
        Assert.That(ValueShape.IsEncodedText(Convert.ToBase64String("this is only a sample value"u8.ToArray())), Is.True);
        var random = new Random(99);
        var bytes = new byte[32];
        random.NextBytes(bytes);
        Assert.That(ValueShape.IsEncodedText(Convert.ToBase64String(bytes)), Is.False);
    }
}
