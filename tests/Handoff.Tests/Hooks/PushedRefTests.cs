using Handoff.Core;
using Handoff.Core.Hooks;

namespace Handoff.Tests.Hooks;

public class PushedRefTests
{
    private static readonly string A = new('a', 40), B = new('b', 40), Zero = new('0', 40);

    [Test]
    public void Parses_every_line_and_classifies_updates_new_refs_and_deletions()
    {
        var input = $"refs/heads/main {A} refs/heads/main {B}\n\nrefs/heads/new {A} refs/heads/new {Zero}\r\n(delete) {Zero} refs/heads/old {B}\n";
        var refs = PushedRef.Parse(new StringReader(input));

        Assert.That(refs, Has.Count.EqualTo(3));
        Assert.That(refs[0], Is.EqualTo(new PushedRef("refs/heads/main", A, "refs/heads/main", B)));
        Assert.That((refs[0].IsNewRemoteRef, refs[0].IsDeletion), Is.EqualTo((false, false)));
        Assert.That((refs[1].IsNewRemoteRef, refs[1].IsDeletion), Is.EqualTo((true, false)));
        Assert.That((refs[2].IsNewRemoteRef, refs[2].IsDeletion), Is.EqualTo((false, true)));
    }

    [Test]
    public void Accepts_sha256_object_names()
    {
        var refs = PushedRef.Parse(new StringReader($"HEAD {new string('c', 64)} refs/heads/x {new string('0', 64)}\n"));
        Assert.That(refs.Single().IsNewRemoteRef, Is.True);
    }

    [Test]
    public void Empty_input_means_nothing_is_pushed()
    {
        Assert.That(PushedRef.Parse(new StringReader("")), Is.Empty);
    }

    [TestCase("refs/heads/main abc refs/heads/main def")]
    [TestCase("just-one-field")]
    [TestCase("refs/heads/main aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa refs/heads/main")]
    public void A_malformed_line_is_a_usage_error(string line)
    {
        var e = Assert.Throws<HandoffException>(() => PushedRef.Parse(new StringReader(line)));
        Assert.That(e!.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(e.Message, Does.Contain("pre-push input"));
    }

    [Test]
    public void Only_an_all_zero_object_name_means_a_deletion_or_a_new_ref()
    {
        var someZeros = "1" + new string('0', 39);
        var refs = PushedRef.Parse(new StringReader($"refs/heads/a {someZeros} refs/heads/a {someZeros}\n"));
        Assert.That((refs[0].IsDeletion, refs[0].IsNewRemoteRef), Is.EqualTo((false, false)));
        Assert.That((new PushedRef("a", "", "b", "").IsDeletion, new PushedRef("a", "", "b", "").IsNewRemoteRef), Is.EqualTo((false, false)),
            "an empty name is not all zeros");
    }

    [Test]
    public void An_object_name_of_the_right_length_with_a_letter_that_is_not_hex_is_refused()
    {
        var notHex = new string('a', 39) + "g";
        Assert.Throws<HandoffException>(() => PushedRef.Parse(new StringReader($"refs/heads/a {notHex} refs/heads/a {A}\n")));
        Assert.Throws<HandoffException>(() => PushedRef.Parse(new StringReader($"refs/heads/a {A} refs/heads/a {notHex}\n")));
    }

    [Test]
    public void A_long_malformed_line_is_quoted_up_to_120_characters()
    {
        var exactly120 = new string('x', 120);
        var e = Assert.Throws<HandoffException>(() => PushedRef.Parse(new StringReader(exactly120)));
        Assert.That(e!.Message, Does.Contain($"'{exactly120}'"));

        var longer = new string('y', 120) + "TAIL";
        e = Assert.Throws<HandoffException>(() => PushedRef.Parse(new StringReader(longer)));
        Assert.That(e!.Message, Does.Contain($"'{new string('y', 120)}…'"));
        Assert.That(e.Message, Does.Not.Contain("TAIL"));
    }
}
