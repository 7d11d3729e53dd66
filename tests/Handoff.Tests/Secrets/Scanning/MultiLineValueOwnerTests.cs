using Handoff.Core.Secrets;

namespace Handoff.Tests.Secrets.Scanning;

/// <summary>
/// Which line below a secret name <see cref="MultiLineValues"/> reports as that name's value, under which name, and
/// exactly where the value sits in the line (the scanner judges and redacts that span). Lines are fed in order as a
/// file's lines are; the answer for the last one is checked.
/// </summary>
public class MultiLineValueOwnerTests
{
    private const string Value = "Xq7pL2mRv9TzK4wB";

    [TestCase("password:|  secure: " + Value, "password_secure", 10, TestName = "Nested key: the name above joined to it")]
    [TestCase("password:|  - secure: " + Value, "password_secure", 12, TestName = "Nested list item key: the dash is not part of the key")]
    [TestCase("\"password\":|  secure: " + Value, "password_secure", 10, TestName = "Quoted name above")]
    [TestCase("password:|  'secure': " + Value, "password_secure", 12, TestName = "Quoted nested key")]
    [TestCase("password:|  secure:    " + Value, "password_secure", 13, TestName = "Spaces after the colon are not part of the value")]
    [TestCase("password:|  " + Value, "password", 2, TestName = "Bare value below the name")]
    [TestCase("password:|  - " + Value, "password", 4, TestName = "Bare list item below the name: the dash is not part of the value")]
    [TestCase("password:|  nested:|    " + Value, "password", 4, TestName = "Bare value two levels below the name")]
    [TestCase("database:|  password:|    value: " + Value, "password_value", 11, TestName = "Nested key below a nested name")]
    public void A_nested_value_is_reported_under_its_name_with_its_exact_span(string lines, string name, int start)
    {
        var found = Last("deploy.yml", lines);

        Assert.That(found, Is.EqualTo((name, start, Value.Length, false)));
    }

    [TestCase("password:|  Xq7pL2mR", true, TestName = "Bare value of exactly 8 characters is a value")]
    [TestCase("password:|  Xq7pL2m", false, TestName = "Bare value of 7 characters is not")]
    [TestCase("password:|  - Xq7pL2mR", true, TestName = "Bare list item of exactly 8 characters is a value")]
    [TestCase("password:|  - Xq7pL2m", false, TestName = "Bare list item of 7 characters is not")]
    [TestCase("password:|  see the vault", false, TestName = "Words are not a value")]
    [TestCase("password:|  {DbPassword}", false, TestName = "A placeholder in braces is not a value")]
    [TestCase("password:|  get(Password)", false, TestName = "A call is not a value")]
    [TestCase("password:|  secure:", false, TestName = "A nested name without a value is not a value")]
    public void Only_one_token_alone_of_eight_characters_or_more_is_a_bare_value(string lines, bool isValue)
    {
        var found = Last("deploy.yml", lines);

        Assert.That(found is not null, Is.EqualTo(isValue));
    }

    [TestCase(Value, TestName = "Bare value with no name above")]
    [TestCase("username: " + Value, TestName = "Key and value with no name above")]
    [TestCase("database:|  host: " + Value, TestName = "Below a name without a secret word")]
    [TestCase("database:|  " + Value, TestName = "Bare value below a name without a secret word")]
    [TestCase("password:|username: " + Value, TestName = "A sibling at the same indent is not below the name")]
    [TestCase("password:|username:|  " + Value, TestName = "Below a sibling at the same indent")]
    [TestCase("  password:|username: " + Value, TestName = "A line indented less than the name closes it")]
    [TestCase("credentials:|  api_token: " + Value, TestName = "A nested key with its own secret word is left to the line scanner")]
    [TestCase("password::|  " + Value, TestName = "A double colon is not a name")]
    public void A_value_not_below_a_secret_name_is_not_reported(string lines)
    {
        Assert.That(Last("deploy.yml", lines), Is.Null);
    }

    [TestCase("secret_key =|    " + Value, "secret_key", 4, TestName = "Continuation line below an INI key")]
    [TestCase("secret_key=|\t" + Value, "secret_key", 1, TestName = "Continuation line indented by a tab")]
    public void A_continuation_line_is_reported_under_its_key(string lines, string name, int start)
    {
        Assert.That(Last("setup.ini", lines), Is.EqualTo((name, start, Value.Length, false)));
    }

    [TestCase("secret_key ==|    " + Value, TestName = "A comparison is not an assignment")]
    [TestCase("secret_key :=|    " + Value, TestName = "A walrus is not an INI assignment")]
    public void A_comparison_is_not_a_name_awaiting_its_value(string lines)
    {
        Assert.That(Last("setup.ini", lines), Is.Null);
    }

    [Test]
    public void A_new_file_forgets_the_names_open_in_the_previous_one()
    {
        var values = new MultiLineValues();
        Assert.That(values.Observe("password:", "a.yml"), Is.Null);

        Assert.That(values.Observe("    secure: " + Value, "b.yml"), Is.Null);
    }

    [Test]
    public void A_reset_forgets_the_names_open_before_it()
    {
        var values = new MultiLineValues();
        const string path = "a.yml";
        Assert.That(values.Observe("password:", path), Is.Null);

        values.Reset();

        Assert.That(values.Observe("    secure: " + Value, path), Is.Null);
    }

    [Test]
    public void The_same_file_keeps_its_names_open()
    {
        var values = new MultiLineValues();
        const string path = "a.yml";
        Assert.That(values.Observe("password:", path), Is.Null);

        Assert.That(values.Observe("    secure: " + Value, path), Is.Not.Null);
    }

    /// <summary>Feeds the '|'-separated lines in order; every line but the last must give nothing.</summary>
    internal static (string Name, int Start, int Length, bool Element)? Last(string path, string lines)
    {
        var values = new MultiLineValues();
        var split = lines.Split('|');
        foreach (var line in split[..^1])
            Assert.That(values.Observe(line, path), Is.Null, line);
        return values.Observe(split[^1], path);
    }
}
