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
}
