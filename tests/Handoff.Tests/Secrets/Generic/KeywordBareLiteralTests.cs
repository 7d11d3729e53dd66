using Handoff.Core.Secrets;
using Handoff.Core.Secrets.Generic;
using static Handoff.Tests.Secrets.Generic.KeywordLine;

namespace Handoff.Tests.Secrets.Generic;

/// <summary>
/// An unquoted value is a literal where the file's kind writes literals bare: a config file, a NAME=value line of text
/// or docs, a URL's query, or text embedded in a string literal of code (a connection string, YAML in a string).
/// </summary>
public class KeywordBareLiteralTests
{
    // ---- URL query values ----

    [TestCase("    get(\"https://api.example.test/items?api_token=Xq7pL2mRv9TzK4wB\")", "Code")]
    [TestCase("see https://api.example.test/items?page=2&api_token=Xq7pL2mRv9TzK4wB", "Text")]
    [TestCase("/?api_token=Xq7pL2mRv9TzK4wB", "Text")]
    [TestCase("https://api.example.test/search?(a,b)&api_token=Xq7pL2mRv9TzK4wB", "Text")]
    public void A_URL_query_value_is_a_literal_in_any_file(string line, string kind) =>
        Assert.That(Judge(line, "api_token", Strong, Enum.Parse<FileKind>(kind)), Is.EqualTo(FindingConfidence.Medium));

    [TestCase("https://api.example.test/items?api_token=Xq7pL2mRv9TzK4wB&page=2")]
    [TestCase("https://api.example.test/items?api_token=Xq7pL2mRv9TzK4wB#top")]
    public void A_URL_query_value_ends_at_the_next_parameter_or_the_fragment(string line)
    {
        var value = line[(line.IndexOf('=') + 1)..];
        var (confidence, judged) = Judged(line, "api_token", value, FileKind.Text);
        Assert.Multiple(() =>
        {
            Assert.That(confidence, Is.EqualTo(FindingConfidence.Medium));
            Assert.That(judged, Is.EqualTo(Strong));
        });
    }

    [Test]
    public void An_empty_URL_query_value_is_no_secret_whatever_follows_it() =>
        Assert.That(Judge("https://api.example.test/cb?api_token=#Xq7pL2mRv9TzK4wB", "api_token", "#Xq7pL2mRv9TzK4wB", FileKind.Text), Is.Null);

    [TestCase("see ?api_token=Xq7pL2mRv9TzK4wB")]
    [TestCase("(?api_token=Xq7pL2mRv9TzK4wB")]
    [TestCase("see file?api_token=Xq7pL2mRv9TzK4wB")]
    [TestCase("see a/b c?api_token=Xq7pL2mRv9TzK4wB")]
    [TestCase("?api_token=Xq7pL2mRv9TzK4wB")]
    public void A_question_mark_without_a_URL_before_it_is_no_query(string line) =>
        Assert.That(Judge(line, "api_token", Strong, FileKind.Text), Is.Null);

    // ---- code: only text embedded in a string holds bare literals ----

    [TestCase("    conn = \"user=app;api_token=Xq7pL2mRv9TzK4wB\"")]
    [TestCase("    conn = \"host=db&api_token=Xq7pL2mRv9TzK4wB\"")]
    [TestCase("    conn = \"user=app,api_token=Xq7pL2mRv9TzK4wB\"")]
    [TestCase("    conn = \"{api_token: Xq7pL2mRv9TzK4wB}\"")]
    [TestCase("    conn = \"[api_token: Xq7pL2mRv9TzK4wB]\"")]
    [TestCase("    conn = \"(api_token=Xq7pL2mRv9TzK4wB)\"")]
    [TestCase("    conn = \"a|api_token=Xq7pL2mRv9TzK4wB\"")]
    [TestCase("    conn = \"'api_token=Xq7pL2mRv9TzK4wB'\"")]
    [TestCase("    conn = '\"api_token=Xq7pL2mRv9TzK4wB\"'")]
    [TestCase("    conn = '`api_token=Xq7pL2mRv9TzK4wB`'")]
    [TestCase("    conn = \"api_token=Xq7pL2mRv9TzK4wB\"")]
    [TestCase("    yaml = \"hosts:\\n  api_token: Xq7pL2mRv9TzK4wB\"")]
    [TestCase("    yaml = \"hosts:\\r\\napi_token: Xq7pL2mRv9TzK4wB\"")]
    [TestCase("    yaml = \"hosts:\\tapi_token: Xq7pL2mRv9TzK4wB\"")]
    [TestCase("    yaml = \"hosts:\\rapi_token: Xq7pL2mRv9TzK4wB\"")]
    [TestCase("\"\\napi_token: Xq7pL2mRv9TzK4wB\"")]
    [TestCase("    conn = \"a=\\\"1\\\";api_token=Xq7pL2mRv9TzK4wB\"")]
    [TestCase("    conn = \"\" + \"api_token=Xq7pL2mRv9TzK4wB\"")]
    [TestCase("    conn = 'it''s' + 'api_token=Xq7pL2mRv9TzK4wB'")]
    [TestCase("    conn = \"a'b\" + 'api_token=Xq7pL2mRv9TzK4wB'")]
    public void An_entry_of_text_embedded_in_a_string_is_a_literal(string line) =>
        Assert.That(Judge(line, "api_token", Strong, FileKind.Code), Is.EqualTo(FindingConfidence.Medium));

    [TestCase("    throw new Error(\"Could not open api_token: Xq7pL2mRv9TzK4wB\")")]
    [TestCase("    throw new Error(\"Bad return api_token: Xq7pL2mRv9TzK4wB\")")]
    [TestCase("    throw new Error(\"Unexpected api_token: Xq7pL2mRv9TzK4wB\")")]
    [TestCase("    api_token = Xq7pL2mRv9TzK4wB")]
    [TestCase("    x = \"a\" + \"b\"; api_token = Xq7pL2mRv9TzK4wB")]
    [TestCase("    x = \"a \\\" b\"; api_token = Xq7pL2mRv9TzK4wB")]
    [TestCase("\"a \\\" b\"; api_token = Xq7pL2mRv9TzK4wB")]
    [TestCase("\"a\" + b; api_token = Xq7pL2mRv9TzK4wB")]
    [TestCase("    throw new Error(\"Bad user api_token: Xq7pL2mRv9TzK4wB\")")]
    [TestCase("    throw new Error(\"Could not set api_token: Xq7pL2mRv9TzK4wB\")")]
    [TestCase("    x = \"a'\" + b; api_token = Xq7pL2mRv9TzK4wB")]
    public void A_name_in_prose_or_outside_a_string_is_no_embedded_entry(string line) =>
        Assert.That(Judge(line, "api_token", Strong, FileKind.Code), Is.Null);

    [Test]
    public void An_escape_ends_an_embedded_value()
    {
        var line = "    yaml = \"api_token: Xq7pL2mRv9TzK4wB\\nuser: app\"";
        var (confidence, judged) = Judged(line, "api_token", "Xq7pL2mRv9TzK4wB\\nuser:", FileKind.Code);
        Assert.Multiple(() =>
        {
            Assert.That(confidence, Is.EqualTo(FindingConfidence.Medium));
            Assert.That(judged, Is.EqualTo(Strong));
        });
    }

    // ---- config, text, docs: NAME=value lines ----

    [TestCase("API_TOKEN=Xq7pL2mRv9TzK4wB", "Text")]
    [TestCase("$ export API_TOKEN=Xq7pL2mRv9TzK4wB", "Text")]
    [TestCase("> set API_TOKEN=Xq7pL2mRv9TzK4wB", "Text")]
    [TestCase("setx API_TOKEN=Xq7pL2mRv9TzK4wB", "Text")]
    [TestCase("setenv API_TOKEN=Xq7pL2mRv9TzK4wB", "Text")]
    [TestCase("ENV API_TOKEN=Xq7pL2mRv9TzK4wB", "Text")]
    [TestCase("ARG API_TOKEN=Xq7pL2mRv9TzK4wB", "Text")]
    [TestCase("declare -x API_TOKEN=Xq7pL2mRv9TzK4wB", "Text")]
    [TestCase("local API_TOKEN=Xq7pL2mRv9TzK4wB", "Text")]
    [TestCase("readonly API_TOKEN=Xq7pL2mRv9TzK4wB", "Text")]
    [TestCase("HOST=db PORT_2=5432 API_TOKEN=Xq7pL2mRv9TzK4wB", "Text")]
    [TestCase("- API_TOKEN=Xq7pL2mRv9TzK4wB", "Text")]
    [TestCase("* API_TOKEN=Xq7pL2mRv9TzK4wB", "Text")]
    [TestCase("+ API_TOKEN=Xq7pL2mRv9TzK4wB", "Text")]
    [TestCase("API_TOKEN=Xq7pL2mRv9TzK4wB, next", "Text")]
    [TestCase("{API_TOKEN=Xq7pL2mRv9TzK4wB}", "Config")]
    [TestCase("API_TOKEN=Xq7pL2mRv9TzK4wB] ", "Text")]
    [TestCase("API_TOKEN=Xq7pL2mRv9TzK4wB # rotated monthly", "Text")]
    [TestCase("API_TOKEN=Xq7pL2mRv9TzK4wB ; rotated monthly", "Config")]
    public void A_NAME_value_line_is_a_literal(string line, string kind) =>
        Assert.That(Judge(line, "API_TOKEN", Strong, Enum.Parse<FileKind>(kind)), Is.EqualTo(FindingConfidence.Medium));

    [TestCase("note: API_TOKEN=Xq7pL2mRv9TzK4wB", "Text")]
    [TestCase("=> API_TOKEN=Xq7pL2mRv9TzK4wB", "Text")]
    [TestCase("--env=prod API_TOKEN=Xq7pL2mRv9TzK4wB", "Text")]
    [TestCase("Run `API_TOKEN=Xq7pL2mRv9TzK4wB` first", "Text")]
    [TestCase("- API_TOKEN=Xq7pL2mRv9TzK4wB", "Docs")]
    [TestCase("- API_TOKEN=Xq7pL2mRv9TzK4wB ./serve", "Text")]
    [TestCase("- API_TOKEN: Xq7pL2mRv9TzK4wB and more", "Config")]
    [TestCase("Then API_TOKEN=Xq7pL2mRv9TzK4wB", "Docs")]
    public void A_name_after_other_words_is_no_NAME_value_line(string line, string kind) =>
        Assert.That(Judge(line, "API_TOKEN", Strong, Enum.Parse<FileKind>(kind)), Is.Null);

    [TestCase("Run `API_TOKEN=Xq7pL2mRv9TzK4wB` first")]
    [TestCase("Run `export API_TOKEN=Xq7pL2mRv9TzK4wB ./serve`")]
    [TestCase("Before you start the server from a new terminal, run `API_TOKEN=Xq7pL2mRv9TzK4wB`")]
    [TestCase("    client.login(API_TOKEN=\"Xq7pL2mRv9TzK4wB\")")]
    [TestCase("\tclient.login(API_TOKEN=\"Xq7pL2mRv9TzK4wB\")")]
    [TestCase("API_TOKEN=Xq7pL2mRv9TzK4wB")]
    [TestCase("export API_TOKEN=Xq7pL2mRv9TzK4wB")]
    public void Docs_count_inline_code_and_indented_code(string line) =>
        Assert.That(Judge(line, "API_TOKEN", Strong, FileKind.Docs), Is.EqualTo(FindingConfidence.Low));

    [TestCase("Call client.login(API_TOKEN=\"Xq7pL2mRv9TzK4wB\") to start.")]
    [TestCase("- API_TOKEN: \"Xq7pL2mRv9TzK4wB\"")]
    [TestCase("Run `cd app` export API_TOKEN=Xq7pL2mRv9TzK4wB")]
    [TestCase("Run `echo API_TOKEN=Xq7pL2mRv9TzK4wB`")]
    [TestCase("[link] API_TOKEN=Xq7pL2mRv9TzK4wB")]
    public void Docs_prose_holds_no_literal(string line) =>
        Assert.That(Judge(line, "API_TOKEN", Strong, FileKind.Docs), Is.Null);

    [Test]
    public void Docs_code_blocks_hold_literals() =>
        Assert.That(Judge("client.login(API_TOKEN=\"Xq7pL2mRv9TzK4wB\")", "API_TOKEN", Strong, FileKind.Docs, inCodeBlock: true),
            Is.EqualTo(FindingConfidence.Low));

    [TestCase("API_TOKEN=Xq7pL2mRv9TzK4wB ./serve --port 80", "Text")]
    [TestCase("$ API_TOKEN=Xq7pL2mRv9TzK4wB ./serve", "Config")]
    public void A_NAME_value_before_a_command_takes_a_generated_value(string line, string kind) =>
        Assert.That(Judge(line, "API_TOKEN", Strong, Enum.Parse<FileKind>(kind)), Is.EqualTo(FindingConfidence.Medium));

    [TestCase("I set api_token = Xq7pL2mRv9TzK4wB yesterday")]
    [TestCase("api_token is Xq7pL2mRv9TzK4wB")]
    public void Free_text_takes_a_value_followed_by_words(string line) =>
        Assert.That(Judge(line, "api_token", Strong, FileKind.Text, freeText: true), Is.EqualTo(FindingConfidence.Medium));

    [TestCase("I set api_token = Xq7pL2mRv9TzK4wB yesterday", false)]
    [TestCase("I set api_token = Xq7pL2mRv9TzK4wB.", true)]
    public void A_value_glued_to_what_follows_or_outside_free_text_is_no_literal(string line, bool freeText) =>
        Assert.That(Judge(line, "api_token", Strong, FileKind.Text, freeText: freeText), Is.Null);

    // ---- YAML flow mappings and sequences, tags and anchors ----

    [TestCase("creds: {user: app, api_token: Xq7pL2mRv9TzK4wB}")]
    [TestCase("- {api_token: Xq7pL2mRv9TzK4wB}")]
    [TestCase("{api_token: Xq7pL2mRv9TzK4wB}")]
    [TestCase("db.prod-1_x: {api_token: Xq7pL2mRv9TzK4wB}")]
    public void A_key_of_a_flow_mapping_that_opens_the_line_is_a_literal_in_text(string line) =>
        Assert.That(Judge(line, "api_token", Strong, FileKind.Text), Is.EqualTo(FindingConfidence.Medium));

    [TestCase("a, api_token: Xq7pL2mRv9TzK4wB")]
    [TestCase("creds: {user: app api_token: Xq7pL2mRv9TzK4wB}")]
    [TestCase("creds: {user: app}, api_token: Xq7pL2mRv9TzK4wB")]
    [TestCase("my creds {api_token: Xq7pL2mRv9TzK4wB}")]
    [TestCase("my creds: {api_token: Xq7pL2mRv9TzK4wB}")]
    [TestCase("db/prod: {api_token: Xq7pL2mRv9TzK4wB}")]
    [TestCase("see api_token: Xq7pL2mRv9TzK4wB")]
    public void A_name_inside_other_text_is_no_flow_mapping_key(string line) =>
        Assert.That(Judge(line, "api_token", Strong, FileKind.Text), Is.Null);

    [Test]
    public void A_flow_mapping_counts_in_text_files_only()
    {
        // docs have their own rules for code; a code block's flow mapping in docs is not read as one (kept as measured)
        Assert.That(Judge("creds: {user: app, api_token: Xq7pL2mRv9TzK4wB}", "api_token", Strong, FileKind.Docs, inCodeBlock: true), Is.Null);
    }

    [TestCase("api_tokens: [Xq7pL2mRv9TzK4wB")]
    [TestCase("api_tokens: [ Xq7pL2mRv9TzK4wB")]
    [TestCase("api_tokens: [\tXq7pL2mRv9TzK4wB")]
    public void The_first_item_of_a_flow_sequence_is_the_value(string line)
    {
        var value = line[line.IndexOf('[')..];
        var (confidence, judged) = Judged(line, "api_tokens", value, FileKind.Config);
        Assert.Multiple(() =>
        {
            Assert.That(confidence, Is.EqualTo(FindingConfidence.Medium));
            Assert.That(judged, Is.EqualTo(Strong));
        });
    }

    [Test]
    public void A_flow_sequence_item_of_eight_characters_is_judged_and_one_of_seven_is_not()
    {
        Assert.That(Judge("db_passwords: [Xq7#pL2m", "db_passwords", "[Xq7#pL2m", FileKind.Config), Is.EqualTo(FindingConfidence.Medium));
        Assert.That(Judge("db_passwords: [Xq7#pL2, Xq7pL2mRv9TzK4wB]", "db_passwords", "[Xq7#pL2", FileKind.Config), Is.Null);
    }

    [TestCase("api_tokens: [")]
    [TestCase("api_tokens: [   ")]
    public void An_open_flow_sequence_holds_no_value(string line) =>
        Assert.That(Judge(line, "api_tokens", line[line.IndexOf('[')..], FileKind.Config), Is.Null);

    [Test]
    public void A_config_file_whose_flow_sequence_opens_at_the_end_of_a_line_scans()
    {
        var scanner = new SecretScanner(SecretScanConfig.Default);
        Assert.DoesNotThrow(() => scanner.ScanText("deploy/config.yml", "api_keys: [\n  Xq7pL2mRv9TzK4wB,\n]\n"));
    }

    [TestCase("api_token: !!binary Xq7pL2mRv9TzK4wB", "!!binary")]
    [TestCase("api_token: &creds Xq7pL2mRv9TzK4wB", "&creds")]
    [TestCase("api_token: !secret \tXq7pL2mRv9TzK4wB # rotated", "!secret")]
    [TestCase("api_token: !secret Xq7pL2mRv9TzK4wB more", "!secret")]
    public void A_YAML_tag_or_anchor_is_skipped_to_the_value(string line, string tag)
    {
        var (confidence, judged) = Judged(line, "api_token", tag, FileKind.Config);
        Assert.Multiple(() =>
        {
            Assert.That(confidence, Is.EqualTo(FindingConfidence.Medium));
            Assert.That(judged, Is.EqualTo(Strong));
        });
    }

    [TestCase("api_token: !!binary")]
    [TestCase("api_token: !!binary   ")]
    [TestCase("api_token: !secret,Xq7pL2mRv9TzK4wB")]
    [TestCase("api_token: !Xq7pL2mRv9TzK4wB")]
    public void A_YAML_tag_without_a_value_after_it_is_no_secret(string line)
    {
        var start = line.IndexOf('!');
        var end = line.IndexOfAny([' ', ','], start);
        Assert.That(Judge(line, "api_token", line[start..(end < 0 ? line.Length : end)], FileKind.Config), Is.Null);
    }

    [Test]
    public void A_YAML_tag_is_read_in_config_files_only() =>
        Assert.That(Judge("api_token: !!binary Xq7pL2mRv9TzK4wB", "api_token", "!!binary", FileKind.Text), Is.Null);
}
