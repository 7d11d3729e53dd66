using Handoff.Core.Secrets;

namespace Handoff.Tests.Secrets;

/// <summary>
/// How a line's secrets are masked for previews and redacted text (<see cref="LineMasker"/>): every hit whatever the
/// order the rules found them in, overlapping and touching hits as one mask named by the widest, an unquoted keyword
/// value widened to its end (white space, a closing bracket, the next URL query parameter), a quoted one not, and every
/// other place the same secret appears on the line.
/// </summary>
public class LineMaskerTests
{
    private static readonly CompiledRule Token = Rule("token", anchored: false);
    private static readonly CompiledRule Other = Rule("other", anchored: false);
    private static readonly CompiledRule Keyword = Rule("keyword", anchored: true);

    private static CompiledRule Rule(string id, bool anchored) =>
        new(new SecretRule { Id = id, Description = id, Regex = "unused", Keywords = [], KeywordAnchored = anchored }, 0);

    /// <summary>A hit on the first occurrence of <paramref name="secret"/> at or after <paramref name="from"/>.</summary>
    private static RawHit Hit(CompiledRule rule, string line, string secret, int from = 0) =>
        new(rule, line.IndexOf(secret, from, StringComparison.Ordinal), secret.Length, secret, FindingConfidence.High);

    private static string Mask(string line, params RawHit[] hits) => LineMasker.Mask(line, [.. hits], h => $"[{h.Rule.Rule.Id}]");

    [Test]
    public void Hits_listed_out_of_order_are_all_masked()
    {
        const string line = "a = 'tok_first1' b = 'tok_second'";

        Assert.That(Mask(line, Hit(Other, line, "tok_second"), Hit(Token, line, "tok_first1")), Is.EqualTo("a = '[token]' b = '[other]'"));
    }

    [Test]
    public void Hits_at_the_same_place_are_one_mask_named_by_the_widest()
    {
        const string line = "key: tok_abcdef_ghijkl end";

        Assert.That(Mask(line, Hit(Other, line, "tok_abc"), Hit(Token, line, "tok_abcdef_ghijkl")), Is.EqualTo("key: [token] end"));
    }

    [Test]
    public void Touching_and_nested_hits_are_one_mask()
    {
        const string line = "v=tok_aaaaaatok_bbbbbb;";

        Assert.That(Mask(line, Hit(Token, line, "tok_aaaaaa"), Hit(Other, line, "tok_bbbbbb")), Is.EqualTo("v=[token];"));
        Assert.That(Mask(line, Hit(Token, line, "tok_aaaaaatok_bbbbbb"), Hit(Other, line, "aaaaaatok")), Is.EqualTo("v=[token];"));
    }

    [Test]
    public void A_token_rule_masks_just_its_capture()
    {
        const string line = "url=tok_abcdef123;rest";

        Assert.That(Mask(line, Hit(Token, line, "tok_abcdef123")), Is.EqualTo("url=[token];rest"));
    }

    [Test]
    public void An_unquoted_keyword_value_is_masked_to_its_end()
    {
        Assert.Multiple(() =>
        {
            const string semicolon = "DB_PASSWORD=abc123;def next";
            Assert.That(Mask(semicolon, Hit(Keyword, semicolon, "abc123")), Is.EqualTo("DB_PASSWORD=[keyword] next"));
            const string ampersand = "DB_PASSWORD=abc123&def#x next";
            Assert.That(Mask(ampersand, Hit(Keyword, ampersand, "abc123")), Is.EqualTo("DB_PASSWORD=[keyword] next"), "& and # outside a URL query");
            const string atStart = "abc123;def next";
            Assert.That(Mask(atStart, Hit(Keyword, atStart, "abc123")), Is.EqualTo("[keyword] next"), "a value at the start of the line");
            const string colon = "u?password:abc123&more next";
            Assert.That(Mask(colon, Hit(Keyword, colon, "abc123")), Is.EqualTo("u?password:[keyword] next"), "not a query value: no '=' before it");
            const string noName = "x?=abc123&y next";
            Assert.That(Mask(noName, Hit(Keyword, noName, "abc123")), Is.EqualTo("x?=[keyword] next"), "not a query value: no parameter name");
        });
    }

    [Test]
    public void Closing_punctuation_after_a_keyword_value_stays_but_punctuation_inside_the_capture_is_masked()
    {
        const string bracketed = "(PASSWORD=abc123;def)";
        const string captured = "PASSWORD=abc123;; next";

        Assert.That(Mask(bracketed, Hit(Keyword, bracketed, "abc123")), Is.EqualTo("(PASSWORD=[keyword])"));
        Assert.That(Mask(captured, Hit(Keyword, captured, "abc123;;")), Is.EqualTo("PASSWORD=[keyword] next"));
    }

    [Test]
    public void A_url_query_value_ends_at_the_next_parameter()
    {
        const string url = "GET /cb?access_token=abc123&page=2";
        const string bare = "?a=abc123&page=2";

        Assert.That(Mask(url, Hit(Keyword, url, "abc123")), Is.EqualTo("GET /cb?access_token=[keyword]&page=2"));
        Assert.That(Mask(bare, Hit(Keyword, bare, "abc123")), Is.EqualTo("?a=[keyword]&page=2"));
    }

    [Test]
    public void A_quoted_keyword_value_is_masked_as_captured()
    {
        foreach (var quote in new[] { '"', '\'', '`' })
        {
            var line = $"PASSWORD={quote}abc123;def{quote} next";

            Assert.That(Mask(line, Hit(Keyword, line, "abc123")), Is.EqualTo($"PASSWORD={quote}[keyword];def{quote} next"), $"quote {quote}");
        }
    }

    [Test]
    public void Every_other_place_the_secret_appears_on_the_line_is_masked()
    {
        const string repeated = "s3cr3t key=s3cr3t again s3cr3t";

        Assert.That(Mask(repeated, Hit(Token, repeated, "s3cr3t", from: 7)), Is.EqualTo("[token] key=[token] again [token]"));
    }

    [Test]
    public void A_secret_shorter_than_six_characters_is_masked_only_where_found()
    {
        const string line = "pw=ab123 and ab123";

        Assert.That(Mask(line, Hit(Token, line, "ab123")), Is.EqualTo("pw=[token] and ab123"));
    }
}
