using Handoff.Core.Secrets;
using Handoff.Core.Secrets.Generic;
using static Handoff.Tests.Secrets.Generic.KeywordLine;

namespace Handoff.Tests.Secrets.Generic;

/// <summary>
/// A bare value that is an expression (a variable, a reference, a call, an operator) is no literal, in a config file and
/// in text embedded in code alike; a base64 run that happens to start with '+' or '-' is still a value. Also: a value
/// that is a URL is where a secret is, not one.
/// </summary>
public class KeywordStartsLikeCodeTests
{
    private const string Tail = "Xq7pL2mRv9TzK4wB";

    [TestCase('$')]
    [TestCase('&')]
    [TestCase('*')]
    [TestCase('@')]
    [TestCase('!')]
    [TestCase('[')]
    [TestCase('{')]
    [TestCase('(')]
    [TestCase('%')]
    [TestCase('<')]
    [TestCase('`')]
    [TestCase('|')]
    [TestCase('>')]
    [TestCase('#')]
    [TestCase('=')]
    [TestCase('.')]
    [TestCase('-')]
    [TestCase('+')]
    public void A_value_opening_with_an_operator_or_a_sigil_is_code(char first)
    {
        // embedded in a string of code, the value goes straight to the check (no YAML tag or flow sequence reading)
        var line = $"    conn = \"user=app;api_token={first}{Tail}\"";
        Assert.That(Judge(line, "api_token", first + Tail, FileKind.Code), Is.Null);
    }

    [Test]
    public void A_value_opening_with_a_backslash_is_code() =>
        Assert.That(Judge("API_TOKEN=\\Xq7pL2mRv9TzK4wB", "API_TOKEN", "\\Xq7pL2mRv9TzK4wB", FileKind.Config), Is.Null);

    [Test]
    public void An_ordinary_first_character_is_no_code() =>
        Assert.That(Judge("    conn = \"user=app;api_token=Xq7pL2mRv9TzK4wB\"", "api_token", Tail, FileKind.Code),
            Is.EqualTo(FindingConfidence.Medium));

    [TestCase("Xq7pL2mR(v9TzK4wB")]
    [TestCase("Xq7pL2mR::v9TzK4wB")]
    [TestCase("Xq7pL2mR->v9TzK4wB")]
    [TestCase("Xq7pL2mR=>v9TzK4wB")]
    [TestCase("Xq7pL2mR?.v9TzK4wB")]
    public void A_value_holding_a_call_or_a_member_access_is_code(string value) =>
        Assert.That(Judge($"API_TOKEN={value}", "API_TOKEN", value, FileKind.Config), Is.Null);

    [TestCase("-Xq7pL2mRv9TzK4wB_a9")]
    [TestCase("-Xq7pL2mRv9TzK4wB_a9Z")]
    [TestCase("+Xq7pL2mRv9TzK4wB/a9Z")]
    [TestCase("-Xq7pL2mRv9TzK4wB_a9Zk3=")]
    public void A_base64_run_of_twenty_characters_may_start_with_a_sign(string value) =>
        Assert.That(Judge($"API_TOKEN={value}", "API_TOKEN", value, FileKind.Config), Is.EqualTo(FindingConfidence.Medium));

    [TestCase("-Xq7pL2mRv9TzK4wB_a")]
    [TestCase("-Xq7pL2mRv9TzK4wB_a9Z!x")]
    [TestCase("+Xq7pL2mRv9TzK4wB#a9Z")]
    public void A_signed_value_that_is_no_base64_run_of_twenty_is_code(string value) =>
        Assert.That(Judge($"API_TOKEN={value}", "API_TOKEN", value, FileKind.Config), Is.Null);

    [TestCase("git+ssh://Xq7pL2mRv9TzK4wB")]
    [TestCase("web.dav://Xq7pL2mRv9TzK4wB")]
    [TestCase("x-my-app://Xq7pL2mRv9TzK4wB")]
    [TestCase("s3://Xq7pL2mRv9TzK4wB")]
    public void A_URL_is_where_a_secret_is_not_a_secret(string value) =>
        Assert.That(Judge($"    api_token = \"{value}\"", "api_token", value, FileKind.Code), Is.Null);

    [TestCase("Xq7_pL2m://Rv9TzK4wB")]
    [TestCase("7Xq7pL2m://Rv9TzK4wB")]
    public void A_scheme_of_other_characters_is_no_URL(string value) =>
        Assert.That(Judge($"    api_token = \"{value}\"", "api_token", value, FileKind.Code), Is.Not.Null);
}
