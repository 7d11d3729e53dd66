using System.Text;
using Handoff.Core.Attachments;

namespace Handoff.Tests.Attachments;

public class SafeFileNameTests
{
    [TestCase("../../.bashrc", "bashrc")]
    [TestCase("/etc/passwd", "passwd")]
    [TestCase("C:\\x", "x")]
    [TestCase("C:x", "C_x")]
    [TestCase("a/../../b", "b")]
    [TestCase("..\\..\\windows\\system32", "system32")]
    [TestCase("report.pdf", "report.pdf")]
    [TestCase("résumé 日本.pdf", "résumé 日本.pdf")]
    [TestCase("a\0b.txt", "ab.txt")]
    [TestCase("tab\tand\nnewline", "tabandnewline")]
    [TestCase("what?<>|*\".txt", "what______.txt")]
    [TestCase("trailing dots...", "trailing dots")]
    [TestCase("  spaced  ", "spaced")]
    [TestCase(". .bashrc", "bashrc")]
    [TestCase(" .\u00A0. profile", "profile")]
    [TestCase("evil\u202Egnp.exe", "evilgnp.exe")]
    public void Keeps_only_a_plain_file_name(string untrusted, string expected) =>
        Assert.That(SafeFileName.From(untrusted, "fallback"), Is.EqualTo(expected));

    [TestCase("")]
    [TestCase(null)]
    [TestCase(".")]
    [TestCase("..")]
    [TestCase("../..")]
    [TestCase("/")]
    [TestCase("\0")]
    [TestCase("   ")]
    public void Empty_or_dot_names_get_the_fallback(string? untrusted) =>
        Assert.That(SafeFileName.From(untrusted, "attachment-3"), Is.EqualTo("attachment-3"));

    [TestCase("CON")]
    [TestCase("con.txt")]
    [TestCase("NUL")]
    [TestCase("com1.log")]
    [TestCase("LPT9")]
    [TestCase("aux .txt")]
    public void Device_names_are_prefixed(string untrusted) =>
        Assert.That(SafeFileName.From(untrusted, "f"), Is.EqualTo("_" + untrusted));

    /// <summary>Windows' reserved device names ("Naming Files, Paths, and Namespaces", Microsoft Learn), any case, with or without an extension.</summary>
    [Test]
    public void Every_windows_device_name_is_prefixed_in_any_case_and_with_an_extension()
    {
        var devices = new List<string> { "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", "CLOCK$", "COM¹", "COM²", "COM³", "LPT¹", "LPT²", "LPT³" };
        for (var digit = 0; digit <= 9; digit++) devices.AddRange(["COM" + digit, "LPT" + digit]);

        foreach (var device in devices)
        {
            Assert.That(SafeFileName.From(device, "f"), Is.EqualTo("_" + device), device);
            Assert.That(SafeFileName.From(device.ToLowerInvariant() + ".txt", "f"), Is.EqualTo("_" + device.ToLowerInvariant() + ".txt"), device);
        }
        Assert.That(SafeFileName.From("CONSOLE.txt", "f"), Is.EqualTo("CONSOLE.txt"), "only whole device names");
        Assert.That(SafeFileName.From("COM10", "f"), Is.EqualTo("COM10"));
    }

    [Test]
    public void Over_long_names_are_cut_to_200_bytes_keeping_the_extension_and_whole_characters()
    {
        var name = SafeFileName.From(new string('é', 300) + ".tar.gz", "f");
        Assert.That(Encoding.UTF8.GetByteCount(name), Is.LessThanOrEqualTo(SafeFileName.MaxBytes));
        Assert.That(name, Does.EndWith(".gz"));
        Assert.That(name, Does.Not.Contain("\uFFFD"));
    }

    [Test]
    public void Suffixes_go_before_the_extension_and_respect_the_length_limit()
    {
        Assert.That(SafeFileName.WithSuffix("report.txt", 2), Is.EqualTo("report (2).txt"));
        Assert.That(SafeFileName.WithSuffix("Makefile", 3), Is.EqualTo("Makefile (3)"));
        var longName = SafeFileName.From(new string('n', 300) + ".txt", "f");
        var suffixed = SafeFileName.WithSuffix(longName, 12);
        Assert.That(Encoding.UTF8.GetByteCount(suffixed), Is.LessThanOrEqualTo(SafeFileName.MaxBytes));
        Assert.That(suffixed, Does.EndWith(" (12).txt"));
    }

    /// <summary>The Unicode bidi controls (LRM U+200E, RLM U+200F, embeddings and overrides U+202A-U+202E, isolates U+2066-U+2069) and the BOM.</summary>
    [TestCase("\u200Ea.txt")]
    [TestCase("\u200Fa.txt")]
    [TestCase("\u202Aa.txt")]
    [TestCase("\u202Ea.txt")]
    [TestCase("\u2066a.txt")]
    [TestCase("\u2069a.txt")]
    [TestCase("\uFEFFa.txt")]
    public void Every_bidi_control_is_removed_at_the_edges_of_its_ranges(string untrusted) =>
        Assert.That(SafeFileName.From(untrusted, "f"), Is.EqualTo("a.txt"));

    [Test]
    public void Characters_just_outside_the_bidi_ranges_are_kept()
    {
        Assert.That(SafeFileName.From("a\u2029b\u206Ac", "f"), Is.EqualTo("a\u2029b\u206Ac"));
    }

    [Test]
    public void A_name_of_exactly_200_bytes_is_kept_whole()
    {
        var name = new string('a', 196) + ".txt";
        Assert.That(SafeFileName.From(name, "f"), Is.EqualTo(name));
    }

    [Test]
    public void An_extension_of_16_characters_is_kept_and_a_longer_one_is_part_of_the_name()
    {
        Assert.That(SafeFileName.WithSuffix("a" + "." + new string('e', 15), 2), Is.EqualTo("a (2)." + new string('e', 15)));
        Assert.That(SafeFileName.WithSuffix("a" + "." + new string('e', 16), 2), Is.EqualTo("a." + new string('e', 16) + " (2)"));
        Assert.That(SafeFileName.WithSuffix(".profile", 2), Is.EqualTo(".profile (2)"), "a leading dot is not an extension");
    }
}
