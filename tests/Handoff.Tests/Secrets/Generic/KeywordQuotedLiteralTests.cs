using Handoff.Core.Secrets;
using Handoff.Core.Secrets.Generic;
using static Handoff.Tests.Secrets.Generic.KeywordLine;

namespace Handoff.Tests.Secrets.Generic;

/// <summary>
/// A quoted value is a literal when it is the whole value: not interpolated, not concatenated or compared, not a call's
/// message argument, and followed only by an end, a separator, a comment, a literal method or the next attribute.
/// </summary>
public class KeywordQuotedLiteralTests
{
    private static FindingConfidence? Code(string line, string name = "api_token", string value = Strong) =>
        Judge(line, name, value, FileKind.Code);

    [TestCase("    api_token = \"Xq7pL2mRv9TzK4wB\"")]
    [TestCase("    api_token = \"Xq7pL2mRv9TzK4wB\";")]
    [TestCase("    api_token = \"Xq7pL2mRv9TzK4wB\",")]
    [TestCase("    login(api_token = \"Xq7pL2mRv9TzK4wB\")")]
    [TestCase("    tokens = [api_token = \"Xq7pL2mRv9TzK4wB\"]")]
    [TestCase("    { api_token = \"Xq7pL2mRv9TzK4wB\"}")]
    [TestCase("    <x api_token=\"Xq7pL2mRv9TzK4wB\">")]
    [TestCase("    <x api_token=\"Xq7pL2mRv9TzK4wB\"/>")]
    [TestCase("    api_token = \"Xq7pL2mRv9TzK4wB\" // rotated monthly")]
    [TestCase("    api_token = \"Xq7pL2mRv9TzK4wB\" /* rotated */")]
    [TestCase("    api_token = \"Xq7pL2mRv9TzK4wB\" # rotated monthly")]
    [TestCase("    api_token = 'Xq7pL2mRv9TzK4wB' -- rotated monthly")]
    [TestCase("    <?php $api_token = 'Xq7pL2mRv9TzK4wB'?>")]
    [TestCase("    <% api_token = 'Xq7pL2mRv9TzK4wB'%>")]
    [TestCase("    api_token = \"Xq7pL2mRv9TzK4wB\" ; rotated monthly")]
    [TestCase("api_token \"Xq7pL2mRv9TzK4wB\"")]
    public void A_string_followed_by_an_end_a_separator_or_a_comment_is_a_literal(string line) =>
        Assert.That(Code(line), Is.EqualTo(FindingConfidence.Medium));

    [TestCase(".to_string()")]
    [TestCase(".to_owned()")]
    [TestCase(".into()")]
    [TestCase(".as_bytes()")]
    [TestCase(".as_str()")]
    [TestCase(".to_vec()")]
    [TestCase(".freeze")]
    [TestCase(".b")]
    [TestCase(".dup")]
    [TestCase(".encode('utf-8')")]
    [TestCase(".getBytes(UTF_8)")]
    [TestCase(".toCharArray()")]
    [TestCase(".ToCharArray()")]
    [TestCase(".strip()")]
    [TestCase(".trim()")]
    [TestCase(".Trim()")]
    [TestCase(".bytes")]
    [TestCase(".unwrap()")]
    public void A_string_with_a_method_that_keeps_it_literal_is_a_literal(string method) =>
        Assert.That(Code($"    let api_token = \"Xq7pL2mRv9TzK4wB\"{method};"), Is.EqualTo(FindingConfidence.Medium));

    [TestCase("    api_token = \"Xq7pL2mRv9TzK4wB\".split(',')")]
    [TestCase("    api_token = \"Xq7pL2mRv9TzK4wB\" .to_string()")]
    [TestCase("    api_token = \"Xq7pL2mRv9TzK4wB\" + suffix")]
    [TestCase("    api_token = \"Xq7pL2mRv9TzK4wB\"+suffix")]
    [TestCase("    api_token = \"Xq7pL2mRv9TzK4wB\"suffix=\"1\"")]
    [TestCase("    api_token = \"Xq7pL2mRv9TzK4wB\" if debug else other")]
    [TestCase("    api_token = \"Xq7pL2mRv9TzK4wB\" == expected")]
    [TestCase("    api_token = \"Xq7pL2mRv9TzK4wB\" or")]
    [TestCase("    api_token = \"Xq7pL2mRv9TzK4wB\" and_also")]
    [TestCase("    valid = api_token == \"Xq7pL2mRv9TzK4wB\" && other == \"1\"")]
    public void A_string_joined_to_more_code_is_not_the_whole_value(string line) =>
        Assert.That(Code(line), Is.Null);

    [TestCase("    <add api_token=\"Xq7pL2mRv9TzK4wB\" value=\"1\"/>")]
    [TestCase("    <add api_token=\"Xq7pL2mRv9TzK4wB\" _id=\"1\"/>")]
    [TestCase("    <add api_token=\"Xq7pL2mRv9TzK4wB\" data-id=\"1\"/>")]
    [TestCase("    <add api_token=\"Xq7pL2mRv9TzK4wB\" xml:lang=\"en\"/>")]
    [TestCase("    <add api_token=\"Xq7pL2mRv9TzK4wB\" v.b=\"1\"/>")]
    [TestCase("    <add api_token=\"Xq7pL2mRv9TzK4wB\" my_attr2 =\"1\"/>")]
    [TestCase("    api_token = \"Xq7pL2mRv9TzK4wB\" next =")]
    public void A_string_followed_by_the_next_attribute_is_a_literal(string line) =>
        Assert.That(Code(line), Is.EqualTo(FindingConfidence.Medium));

    [Test]
    public void A_string_that_runs_to_the_end_of_the_line_is_a_literal() =>
        Assert.That(Judge("    api_token = \"Xq7pL2mRv9TzK4wB", "api_token", Strong, FileKind.Code, quote: '"'), Is.EqualTo(FindingConfidence.Medium));

    [TestCase("    msg = f\"Xq7pL2mRv9{TzK4wB\"")]
    [TestCase("    msg = F\"Xq7pL2mRv9{TzK4wB\"")]
    [TestCase("    msg = $\"Xq7pL2mRv9{TzK4wB\"")]
    public void An_interpolated_string_is_no_literal(string line) =>
        Assert.That(Judge(line, "msg", "Xq7pL2mRv9{TzK4wB", FileKind.Code), Is.Null);

    [TestCase("    api_token = r\"Xq7pL2mRv9{TzK4wB\"")]
    [TestCase("    api_token = \"Xq7pL2mRv9{TzK4wB\"")]
    [TestCase("    api_token = f\"Xq7pL2mRv9TzK4wB\"")]
    public void A_brace_in_a_string_without_an_interpolation_prefix_keeps_it_literal(string line)
    {
        var value = line[(line.IndexOf('"') + 1)..^1];
        Assert.That(Judge(line, "api_token", value, FileKind.Code), Is.Not.Null);
    }

    [Test]
    public void An_interpolation_prefix_is_read_at_the_start_of_the_line()
    {
        // no name: the value opens the line after its prefix
        var line = "f\"Xq7pL2mRv9{TzK4wB\"";
        var match = new KeywordMatch(line, 0, 0, 2, line.Length - 1, '"', true);
        int start = 2, end = line.Length - 1;
        Assert.That(KeywordJudge.Judge(match, new LineFacts(FileKind.Code, false, false), ref start, ref end), Is.Null);
    }

    // ---- NAME, value: a call's pair, or a message argument ----

    [TestCase("    define('API_TOKEN', 'Xq7pL2mRv9TzK4wB');", "API_TOKEN")]
    [TestCase("    setenv(\"API_TOKEN\", \"Xq7pL2mRv9TzK4wB\");", "API_TOKEN")]
    [TestCase("    os.Setenv(`API_TOKEN`, `Xq7pL2mRv9TzK4wB`)", "API_TOKEN")]
    [TestCase("('API_TOKEN', 'Xq7pL2mRv9TzK4wB')", "API_TOKEN")]
    [TestCase("    put( 'API_TOKEN' , 'Xq7pL2mRv9TzK4wB')", "API_TOKEN")]
    public void A_call_of_a_name_and_its_value_is_a_pair(string line, string name) =>
        Assert.That(Judge(line, name, Strong, FileKind.Code), Is.EqualTo(FindingConfidence.Medium));

    [TestCase("    tokens = {'AuthToken', 'Xq7pL2mRv9TzK4wB'}", "AuthToken")]
    [TestCase("    assertEquals(hasToken, \"Xq7pL2mRv9TzK4wB\")", "hasToken")]
    [TestCase("    cache.put(API_TOKEN,\"Xq7pL2mRv9TzK4wB\")", "API_TOKEN")]
    [TestCase("    put( API_TOKEN , 'Xq7pL2mRv9TzK4wB')", "API_TOKEN")]
    [TestCase("    put(\"API_TOKEN', 'Xq7pL2mRv9TzK4wB')", "API_TOKEN")]
    [TestCase("API_TOKEN, 'Xq7pL2mRv9TzK4wB'", "API_TOKEN")]
    [TestCase("'API_TOKEN', 'Xq7pL2mRv9TzK4wB'", "API_TOKEN")]
    [TestCase("  'API_TOKEN', 'Xq7pL2mRv9TzK4wB'", "API_TOKEN")]
    [TestCase("    x = 'API_TOKEN', 'Xq7pL2mRv9TzK4wB'", "API_TOKEN")]
    public void A_name_and_a_string_that_are_no_call_pair_are_no_assignment(string line, string name) =>
        Assert.That(Judge(line, name, Strong, FileKind.Code), Is.Null);
}
