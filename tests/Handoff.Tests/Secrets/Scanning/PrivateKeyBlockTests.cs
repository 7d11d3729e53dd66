using static Handoff.Tests.Secrets.Scanning.Fragment;

namespace Handoff.Tests.Secrets.Scanning;

/// <summary>
/// A private-key header counts once 64 base64 characters of body follow it, on its own line or on the lines below;
/// from there to the END line every line is redacted, and after it scanning goes on as before.
/// </summary>
public class PrivateKeyBlockTests
{
    private const string Path = "deploy/key.txt";

    [TestCase(64, 1)]
    [TestCase(63, 0)]
    public void A_key_on_one_line_counts_from_64_body_characters(int chars, int found)
    {
        var fragment = new Fragment();

        fragment.Line(Header + Base64(chars) + Footer, Path);

        Assert.That(fragment.Findings, Has.Count.EqualTo(found));
    }

    [Test]
    public void A_key_whose_body_starts_on_the_header_line_redacts_every_line_up_to_its_end()
    {
        var output = new Fragment().Output(Path, Header + Base64(64), Base64(64, 8), Footer, "after = 1");

        Assert.That(output, Is.EqualTo(new[]
        {
            "[REDACTED:private-key]", "[REDACTED:private-key]", "[REDACTED:private-key]", "after = 1",
        }));
    }

    [Test]
    public void A_key_that_ends_on_its_own_line_after_a_quote_leaves_the_next_line_alone()
    {
        // The secret stops at the quote; the END line follows it on the same line, so no block is left open.
        var output = new Fragment().Output(Path, Header + Base64(64) + "\" " + Footer, "after = 1");

        Assert.That(output[1], Is.EqualTo("after = 1"));
    }

    [Test]
    public void A_key_whose_body_follows_is_found_on_the_line_that_completes_it_and_redacted_to_its_end()
    {
        var fragment = new Fragment();

        var output = fragment.Output(Path, "notes", "  " + Header, "  " + Base64(40), "  " + Base64(40, 8), "  " + Base64(40, 9), "  " + Footer, "after = 1");

        Assert.That(output, Is.EqualTo(new[]
        {
            "notes", "  [REDACTED:private-key]", "  " + Base64(40), "[REDACTED:private-key]", "[REDACTED:private-key]",
            "[REDACTED:private-key]", "after = 1",
        }));
        Assert.That(fragment.Findings.Select(f => (f.RuleId, f.Line)), Is.EqualTo(new[] { ("private-key", 2) }));
    }

    [Test]
    public void A_body_line_that_does_not_complete_the_key_is_no_secret_yet()
    {
        var fragment = new Fragment();
        fragment.Line(Header, Path);

        Assert.That(fragment.Line(Base64(40), Path).Secret, Is.False);
        Assert.That(fragment.Line(Base64(40, 8), Path).Secret, Is.True);
    }

    [Test]
    public void A_waiting_header_is_no_secret_when_no_redacted_copy_is_asked_for()
    {
        var fragment = new Fragment();

        Assert.That(fragment.Line(Header, Path, wantRedacted: false), Is.EqualTo((false, (string?)null)));
        Assert.That(fragment.Findings, Is.Empty);
    }

    [Test]
    public void An_end_line_stops_the_wait_so_material_after_it_is_no_body()
    {
        var fragment = new Fragment();

        fragment.Output(Path, Header, Base64(62), Footer, Base64(40), Base64(40, 8));

        Assert.That(fragment.Findings, Is.Empty);
    }

    [Test]
    public void An_end_line_stops_the_wait_even_when_it_reads_like_a_header_field()
    {
        var fragment = new Fragment();

        fragment.Output(Path, Header, Base64(62), "Comment: " + Footer, Base64(40), Base64(40, 8));

        Assert.That(fragment.Findings, Is.Empty);
    }

    [Test]
    public void A_line_that_cannot_be_key_material_stops_the_wait()
    {
        var fragment = new Fragment();

        fragment.Output(Path, Header, "...", Base64(40), Base64(40, 8));

        Assert.That(fragment.Findings, Is.Empty);
    }

    // A header with a placeholder body on its own line ("...", a short body then END) is a mention: base64 lines
    // after it do not make it a key.
    [TestCase(Header + "...")]
    [TestCase(Header + "MIIEowIB" + Footer)]
    public void A_header_with_a_placeholder_body_waits_for_nothing(string header)
    {
        var fragment = new Fragment();

        fragment.Output(Path, header, Base64(40), Base64(40, 8), Base64(40, 9));

        Assert.That(fragment.Findings, Is.Empty);
    }
}
