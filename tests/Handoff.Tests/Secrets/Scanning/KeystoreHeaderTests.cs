using System.Text;
using Handoff.Core.Secrets;

namespace Handoff.Tests.Secrets.Scanning;

/// <summary>
/// The first bytes that make a file named like a keystore one: the Java magic numbers and the Bouncy Castle version
/// word, and a PKCS#12 frame (a SEQUENCE exactly as long as the file, in short, long or indefinite form, holding
/// "INTEGER 3" first). Hand-written bytes at each boundary; a frame whose inside .NET cannot read counts (fail closed).
/// </summary>
public class KeystoreHeaderTests
{
    private static bool MayBeKeystore(params byte[] bytes) => KeystoreShape.MayBeKeystore(Encoding.Latin1.GetString(bytes));

    [TestCase(new byte[] { 0xFE, 0xED, 0xFE, 0xED }, true)] // JKS magic alone: exactly four bytes
    [TestCase(new byte[] { 0xCE, 0xCE, 0xCE, 0xCE }, true)] // JCEKS
    [TestCase(new byte[] { 0xFE, 0xED, 0xFE }, false)]
    [TestCase(new byte[] { 0xFE, 0xED, 0xFE, 0xEE, 0, 0, 0, 2 }, false)]
    public void Java_keystores_are_told_by_their_magic_number(byte[] bytes, bool keystore) =>
        Assert.That(MayBeKeystore(bytes), Is.EqualTo(keystore));

    [TestCase(new byte[] { 0, 0, 0, 1 }, true)] // version 1, exactly four bytes
    [TestCase(new byte[] { 0, 0, 0, 2, 0x14, 0x9A, 0x01, 0x77 }, true)]
    [TestCase(new byte[] { 0, 0, 0, 3, 0x14, 0x9A, 0x01, 0x77 }, false)] // no such version
    [TestCase(new byte[] { 0, 0, 0, 0, 0x14, 0x9A, 0x01, 0x77 }, false)]
    [TestCase(new byte[] { 1, 0, 0, 1, 0x14, 0x9A, 0x01, 0x77 }, false)] // each of the three zero bytes matters
    [TestCase(new byte[] { 0, 1, 0, 1, 0x14, 0x9A, 0x01, 0x77 }, false)]
    [TestCase(new byte[] { 0, 0, 1, 1, 0x14, 0x9A, 0x01, 0x77 }, false)]
    [TestCase(new byte[] { 1, 1, 0, 2, 0x14, 0x9A, 0x01, 0x77 }, false)]
    [TestCase(new byte[] { 0, 0 }, false)] // too short to hold the version word
    [TestCase(new byte[] { 0, 0, 0 }, false)]
    public void Bouncy_castle_keystores_are_told_by_their_version_word(byte[] bytes, bool keystore) =>
        Assert.That(MayBeKeystore(bytes), Is.EqualTo(keystore));

    [TestCase(new byte[] { 0x30, 0x06, 0x02, 0x01, 0x03, 0, 0, 0 }, true)] // eight bytes: the smallest frame counted
    [TestCase(new byte[] { 0x30, 0x05, 0x02, 0x01, 0x03, 0, 0 }, false)] // seven: too short to be one
    [TestCase(new byte[] { 0x31, 0x06, 0x02, 0x01, 0x03, 0, 0, 0 }, false)] // a SET, not a SEQUENCE
    [TestCase(new byte[] { 0x30, 0x07, 0x02, 0x01, 0x03, 0, 0, 0 }, false)] // longer than the file
    [TestCase(new byte[] { 0x30, 0x05, 0x02, 0x01, 0x03, 0, 0, 0 }, false)] // shorter than the file
    [TestCase(new byte[] { 0x30, 0x06, 0x02, 0x01, 0x04, 0, 0, 0 }, false)] // version 4
    [TestCase(new byte[] { 0x30, 0x06, 0x04, 0x01, 0x03, 0, 0, 0 }, false)] // not an INTEGER
    public void A_pkcs12_frame_in_short_form_must_span_the_file_and_start_with_version_3(byte[] bytes, bool keystore) =>
        Assert.That(MayBeKeystore(bytes), Is.EqualTo(keystore));

    [TestCase(new byte[] { 0x30, 0x81, 0x06, 0x02, 0x01, 0x03, 0, 0, 0 }, true)] // one length byte
    [TestCase(new byte[] { 0x30, 0x82, 0x00, 0x06, 0x02, 0x01, 0x03, 0, 0, 0 }, true)]
    [TestCase(new byte[] { 0x30, 0x83, 0x00, 0x00, 0x06, 0x02, 0x01, 0x03, 0, 0, 0 }, true)] // three: the most a file here has
    [TestCase(new byte[] { 0x30, 0x84, 0x00, 0x00, 0x00, 0x06, 0x02, 0x01, 0x03, 0, 0, 0 }, false)] // four: refused
    [TestCase(new byte[] { 0x30, 0x82, 0x00, 0x07, 0x02, 0x01, 0x03, 0, 0, 0 }, false)]
    [TestCase(new byte[] { 0x30, 0x80, 0x02, 0x01, 0x03, 0, 0, 0 }, true)] // BER, indefinite length
    [TestCase(new byte[] { 0x30, 0x80, 0x02, 0x01, 0x04, 0, 0, 0 }, false)]
    public void A_pkcs12_frame_in_long_or_indefinite_form(byte[] bytes, bool keystore) =>
        Assert.That(MayBeKeystore(bytes), Is.EqualTo(keystore));
}
