using Handoff.Core.Secrets;
using static Handoff.Tests.Secrets.Scanning.LineRules;

namespace Handoff.Tests.Secrets.Scanning;

/// <summary>
/// The keyword prefilter of <see cref="LineScanner"/>: a rule runs on a line only where one of its own keywords occurs
/// (whole, any case), non-ASCII text never trips it, and nothing of one line carries over to the next.
/// The rules' regexes here do not contain their keyword, so a rule that runs where it should not shows as a hit.
/// </summary>
public class LineScannerKeywordPrefilterTests
{
    private static readonly string Value = "val_" + Strong;

    // Runs only where "tokx" occurs, but matches a value anywhere on the line.
    private static SecretRule Loose(string keyword = "tokx") => Rule("loose", @"val_(?<secret>[A-Za-z0-9]{16})", keyword);

    [TestCase("tokx " , true)]
    [TestCase("TOKX ", true)]
    [TestCase("ToKx ", true)]
    [TestCase("tokyo ", false)]  // same first three characters, another word
    [TestCase("toky ", false)]
    [TestCase("tok ", false)]
    [TestCase("", false)]
    public void A_rule_runs_only_where_its_whole_keyword_occurs_in_any_case(string before, bool runs)
    {
        var scanner = Scanner(Loose(), Rule("other", @"tokyo_(?<secret>\w{16})", "tokyo"));
        Assert.That(scanner.Scan(before + Value).Shown(), runs ? Is.EqualTo(new[] { $"loose@{before.Length + 4}:{Strong}" }) : Is.Empty);
    }

    [Test]
    public void A_keyword_cut_off_by_the_end_of_the_line_does_not_count()
    {
        var scanner = Scanner(Loose(), Rule("other", @"tokyo_(?<secret>\w{16})", "tokyo"));
        Assert.That(scanner.Scan(Value + " tok").Shown(), Is.Empty);
        Assert.That(scanner.Scan(Value + " tokx").Shown(), Is.EqualTo(new[] { $"loose@4:{Strong}" }));
    }

    [Test]
    public void A_non_ascii_character_inside_a_keyword_ends_it_without_failing_the_scan()
    {
        // "\u0080" is the first character past ASCII: the fold table stops just before it.
        var scanner = Scanner(Loose(), Rule("other", @"tokyo_(?<secret>\w{16})", "tokyo"));
        Assert.That(scanner.Scan("tok\u0080 " + Value).Shown(), Is.Empty);
        Assert.That(scanner.Scan("tok\u00e9 " + Value).Shown(), Is.Empty);
    }

    [Test]
    public void Non_ascii_text_next_to_a_keyword_start_never_fails_the_scan()
    {
        // "ai" starts a keyword; the character after it, or before the second, is past ASCII.
        var scanner = Scanner(Loose("aikey"));
        foreach (var line in new[] { "a\u00e9 ", "ai\u00e9 ", "ai\u0080 ", "a\u0080", "\u00e9\u00e9 ", "x = a\u00e9", "ai\u00e9" })
            Assert.That(scanner.Scan(line + Value).Shown(), Is.Empty, line);
        Assert.That(scanner.Scan("\u00e9 aikey " + Value).Shown(), Is.EqualTo(new[] { $"loose@12:{Strong}" }));
    }

    [Test(Description = "A NUL next to U+0080 is still a pair past ASCII, even where NUL could start a keyword")]
    public void A_character_pair_past_ascii_is_skipped_at_the_boundary()
    {
        var scanner = Scanner(Loose("\u0001\u0000z"));
        Assert.That(scanner.Scan("\u0000\u0080").Shown(), Is.Empty);
        Assert.That(scanner.Scan("\u0000\u0080 " + Value).Shown(), Is.Empty);
    }

    [Test]
    public void A_two_character_keyword_counts_before_any_ascii_character_even_nul()
    {
        var scanner = Scanner(Loose("ai"));
        Assert.That(scanner.Scan("ai\u0000" + Value).Shown(), Is.EqualTo(new[] { $"loose@7:{Strong}" }));
        Assert.That(scanner.Scan(Value + " ai").Shown(), Is.EqualTo(new[] { $"loose@4:{Strong}" }), "at the end of the line");
        Assert.That(scanner.Scan("a " + Value).Shown(), Is.Empty);
    }

    [Test]
    public void The_keywords_of_one_line_do_not_make_a_rule_run_on_the_next()
    {
        var scanner = Scanner(Loose());
        Assert.That(scanner.Scan("tokx").Shown(), Is.Empty);
        Assert.That(scanner.Scan(Value).Shown(), Is.Empty);
    }

    [Test]
    public void An_anchored_rule_is_tried_only_at_its_keywords_on_the_current_line()
    {
        // Anchored at a keyword, the regex reads the word before "_": at "tok_" it matches, elsewhere it is never tried.
        var anchored = Rule("anchored", @"[a-z]+_(?<secret>[A-Za-z0-9]{16})", "tok_") with { KeywordAnchored = true };
        var scanner = Scanner(anchored);
        Assert.That(scanner.Scan("tok_ " + Value).Shown(), Is.Empty, "the keyword is not followed by a value");
        Assert.That(scanner.Scan("val_" + Strong + " tok_").Shown(), Is.Empty, "the value is not at a keyword of this line");
        Assert.That(scanner.Scan("tok_" + Strong).Shown(), Is.EqualTo(new[] { $"anchored@4:{Strong}" }));
    }

    [Test]
    public void An_anchored_rule_is_not_tried_at_another_rule_s_keyword()
    {
        var wide = Rule("wide", @"[a-z]+_(?<secret>[A-Za-z0-9]{16})", "key_") with { KeywordAnchored = true };
        var narrow = Rule("narrow", @"tok_(?<secret>[A-Za-z0-9]{16})", "tok_") with { KeywordAnchored = true };
        var scanner = Scanner(wide, narrow);
        Assert.That(scanner.Scan("key_ tok_" + Strong).Shown(), Is.EqualTo(new[] { $"narrow@9:{Strong}" }));
    }

    [Test]
    public void A_rule_without_keywords_runs_on_every_line_and_one_limited_to_paths_only_there()
    {
        var everywhere = Rule("everywhere", @"any_(?<secret>[A-Za-z0-9]{16})");
        var envOnly = Rule("env-only", @"env_(?<secret>[A-Za-z0-9]{16})") with { PathPattern = @"\.env$" };
        var scanner = Scanner(everywhere, envOnly);
        Assert.That(scanner.Scan("any_" + Strong).Shown(), Is.EqualTo(new[] { $"everywhere@4:{Strong}" }));
        Assert.That(scanner.Scan("env_" + Strong, "src/app.txt").Shown(), Is.Empty);
        Assert.That(scanner.Scan("env_" + Strong, "deploy/.env").Shown(), Is.EqualTo(new[] { $"env-only@4:{Strong}" }));
        Assert.That(scanner.Scan("any_" + Strong, "deploy/.env").Shown(), Is.EqualTo(new[] { $"everywhere@4:{Strong}" }));
    }

    [Test]
    public void The_prefilter_still_finds_keywords_after_its_line_counter_wraps()
    {
        var scanner = Scanner(Rule("tok", @"tok_(?<secret>[A-Za-z0-9]{16})", "tok_"));
        Assert.That(scanner.Scan("tok_" + Strong).Shown(), Has.Length.EqualTo(1));
        // Two thousand million lines later (the counter of scanned lines is private: set it as such a scan would leave it).
        var stamp = typeof(LineScanner).GetField("_stamp", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance);
        Assert.That(stamp, Is.Not.Null, "LineScanner's line counter was renamed: update this test");
        stamp!.SetValue(scanner, int.MaxValue - 1);
        Assert.That(scanner.Scan("tok_" + Strong).Shown(), Is.EqualTo(new[] { $"tok@4:{Strong}" }));
        Assert.That(scanner.Scan("tok_" + Strong).Shown(), Is.EqualTo(new[] { $"tok@4:{Strong}" }));
    }
}
