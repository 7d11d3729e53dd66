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
}
