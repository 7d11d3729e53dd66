using Handoff.Core.Secrets;
using Handoff.Core.Secrets.Generic;
using static Handoff.Tests.Secrets.Generic.KeywordLine;

namespace Handoff.Tests.Secrets.Generic;

/// <summary>
/// What a keyword finding's value must be, once its literal form is accepted: long enough, not a template, random
/// enough for its name; and the confidence it gets (Medium only for a strong name, a strong value and a path that does
/// not lower it). Also the further values of a list (<see cref="KeywordJudge.JudgeListed"/>).
/// </summary>
public class KeywordConfidenceTests
{
    [Test]
    public void A_password_of_eight_characters_is_long_enough_and_one_of_seven_is_not()
    {
        Assert.That(Judge("DB_PASSWORD=Xq7#pL2m", "DB_PASSWORD", "Xq7#pL2m", FileKind.Config), Is.EqualTo(FindingConfidence.Medium));
        Assert.That(Judge("DB_PASSWORD=Xq7#pL2", "DB_PASSWORD", "Xq7#pL2", FileKind.Config), Is.Null);
    }

    [TestCase("    api_token = \"Xq7pL2{mR}v9TzK4wB\"", "Xq7pL2{mR}v9TzK4wB")]
    [TestCase("    api_token = \"{Xq7pL2mRv9TzK4wB}\"", "{Xq7pL2mRv9TzK4wB}")]
    [TestCase("    api_token = \"Xq7pL2mR%sv9TzK4wB\"", "Xq7pL2mR%sv9TzK4wB")]
    [TestCase("    api_token = \"Xq7pL2mR%dv9TzK4wB\"", "Xq7pL2mR%dv9TzK4wB")]
    [TestCase("    api_token = \"Xq7pL2mR%vv9TzK4wB\"", "Xq7pL2mR%vv9TzK4wB")]
    [TestCase("    api_token = \"$Xq7pL2mRv9TzK4wB\"", "$Xq7pL2mRv9TzK4wB")]
    [TestCase("    api_token = \"Xq7pL2mR$v9TzK4wB\"", "Xq7pL2mR$v9TzK4wB")]
    [TestCase("    api_token = \"Xq7pL2mR$_v9TzK4wB\"", "Xq7pL2mR$_v9TzK4wB")]
    [TestCase("    api_token = `Xq7pL2mR$v9TzK4wB`", "Xq7pL2mR$v9TzK4wB")]
    public void A_template_or_format_string_is_no_secret(string line, string value) =>
        Assert.That(Judge(line, "api_token", value, FileKind.Code), Is.Null);

    [TestCase("    api_token = 'Xq7pL2mR$v9TzK4wB'", "Xq7pL2mR$v9TzK4wB")]
    [TestCase("    api_token = \"Xq7pL2mR$9v9TzK4wB\"", "Xq7pL2mR$9v9TzK4wB")]
    [TestCase("    api_token = \"Xq7pL2mRv9TzK4wB$\"", "Xq7pL2mRv9TzK4wB$")]
    [TestCase("    api_token = \"Xq7pL2mR}v9Tz{K4wB\"", "Xq7pL2mR}v9Tz{K4wB")]
    [TestCase("    api_token = \"Xq7pL2mR%x9TzK4wB\"", "Xq7pL2mR%x9TzK4wB")]
    public void A_dollar_brace_or_percent_that_interpolates_nothing_keeps_the_value(string line, string value) =>
        Assert.That(Judge(line, "api_token", value, FileKind.Code), Is.EqualTo(FindingConfidence.Medium));

    [Test]
    public void A_percent_escape_is_decoded_in_a_bare_value_only()
    {
        // decoded, the space makes the value several words: a weak value under a strong name is Low
        Assert.That(Judge("API_TOKEN=Xq7pL2mR%20v9TzK4wB", "API_TOKEN", "Xq7pL2mR%20v9TzK4wB", FileKind.Config), Is.EqualTo(FindingConfidence.Low));
        Assert.That(Judge("    api_token = \"Xq7pL2mR%20v9TzK4wB\"", "api_token", "Xq7pL2mR%20v9TzK4wB", FileKind.Code),
            Is.EqualTo(FindingConfidence.Medium));
    }

    [Test]
    public void Only_a_strong_name_a_strong_value_and_a_plain_path_give_Medium()
    {
        Assert.That(Judge("API_TOKEN=Xq7pL2mRv9TzK4wB", "API_TOKEN", Strong, FileKind.Config), Is.EqualTo(FindingConfidence.Medium));
        Assert.That(Judge("API_TOKEN=Xq7pL2mRv9TzK4wB", "API_TOKEN", Strong, FileKind.Config, lowered: true), Is.EqualTo(FindingConfidence.Low));
        Assert.That(Judge("API_TOKEN=Xq7pL2mRv9", "API_TOKEN", "Xq7pL2mRv9", FileKind.Config), Is.EqualTo(FindingConfidence.Low));
    }

    [Test]
    public void A_value_without_a_name_is_judged_as_a_secret_but_not_as_a_password()
    {
        // a bearer header: no name; ten characters of three classes are weak for a token, strong for a password
        Assert.That(Judge("Authorization: Bearer Xq7pL2mRv9", "", "Xq7pL2mRv9", FileKind.Config, hasAssignment: false),
            Is.EqualTo(FindingConfidence.Low));
        Assert.That(Judge("Authorization: Bearer Xq7pL2mRv9TzK4wB", "", Strong, FileKind.Config, hasAssignment: false),
            Is.EqualTo(FindingConfidence.Medium));
    }

    [Test]
    public void Words_joined_by_symbols_are_a_password_but_no_token()
    {
        Assert.That(Judge("DB_PASSWORD=Blue#Horse#Lamp7", "DB_PASSWORD", "Blue#Horse#Lamp7", FileKind.Config), Is.Not.Null);
        Assert.That(Judge("API_TOKEN=Blue#Horse#Lamp7", "API_TOKEN", "Blue#Horse#Lamp7", FileKind.Config), Is.Null);
    }

    [Test]
    public void Before_a_command_a_weak_value_counts_for_a_password_only()
    {
        // API_TOKEN=… ./serve: a shell session's prefix; only a generated value, or a password, is taken
        Assert.That(Judge("DB_PASSWORD=kq7wz3mv ./serve", "DB_PASSWORD", "kq7wz3mv", FileKind.Config), Is.EqualTo(FindingConfidence.Low));
        Assert.That(Judge("API_TOKEN=Xq7pL2mRv9 ./serve", "API_TOKEN", "Xq7pL2mRv9", FileKind.Config), Is.Null);
        Assert.That(Judge("API_TOKEN=Xq7pL2mRv9TzK4wB ./serve", "API_TOKEN", Strong, FileKind.Config), Is.EqualTo(FindingConfidence.Medium));
    }

    // ---- further values of a list ----

    [Test]
    public void A_listed_value_of_eight_characters_is_judged_and_one_of_seven_is_not()
    {
        Assert.That(KeywordJudge.JudgeListed("Xq7#pL2m", '\'', FindingConfidence.Medium), Is.EqualTo(FindingConfidence.Low));
        Assert.That(KeywordJudge.JudgeListed("Xq7#pL2", '\'', FindingConfidence.Medium), Is.Null);
    }

    [Test]
    public void A_listed_value_takes_the_first_values_confidence_when_strong_and_Low_when_weak()
    {
        Assert.That(KeywordJudge.JudgeListed(Strong, '\'', FindingConfidence.Medium), Is.EqualTo(FindingConfidence.Medium));
        Assert.That(KeywordJudge.JudgeListed(Strong, '\'', FindingConfidence.Low), Is.EqualTo(FindingConfidence.Low));
        // ten characters of three classes: strong for a password, weak for the list of a token's name
        Assert.That(KeywordJudge.JudgeListed("Xq7pL2mRv9", '\'', FindingConfidence.Medium), Is.EqualTo(FindingConfidence.Low));
    }

    [TestCase("Xq7pL2{mR}v9TzK4wB", '"')]
    [TestCase("Xq7pL2mR%sv9TzK4wB", '\'')]
    [TestCase("Xq7pL2mR$v9TzK4wB", '"')]
    [TestCase("Blue#Horse#Lamp7", '\'')]
    [TestCase("https://vault.example.test/v1/secret", '\'')]
    [TestCase("aaaaaaaaaaaaaaaa", '\'')]
    public void A_listed_template_name_or_plain_value_is_no_secret(string value, char quote) =>
        Assert.That(KeywordJudge.JudgeListed(value, quote, FindingConfidence.Medium), Is.Null);
}
