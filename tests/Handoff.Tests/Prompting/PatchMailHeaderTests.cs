using Handoff.Core.Inspection;
using Handoff.Core.Prompting;

namespace Handoff.Tests.Prompting;

/// <summary>
/// The head of a `git format-patch` mail as `git am` reads it back: which line is the subject, where the body starts,
/// when the mail declares UTF-8, and how names and subjects with special characters are written.
/// </summary>
public class PatchMailHeaderTests
{
    private static readonly FileChange File = Samples.Modified("a.txt", Samples.Hunk(1, 1, "-a", "+b"));

    private static string Mail(string subject, string message, string name = "Ann", IEnumerable<FileChange>? files = null) =>
        GitPatchFormat.Commit(new CommitPatch("abc", subject, message, name, "ann@example.com",
            new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), []), 1, 1, files ?? [File]);

    [Test]
    public void A_commit_without_a_subject_takes_the_first_line_of_its_message()
    {
        var mail = Mail("", "Fix the build\n\nIt broke on Tuesday.\n");
        Assert.That(mail, Does.Contain("Subject: [PATCH 1/1] Fix the build\n\nIt broke on Tuesday.\n\n---\n"));
    }

    [Test]
    public void The_given_subject_wins_over_the_first_line_and_stays_on_one_line()
    {
        Assert.That(Mail("One two", "One\ntwo\n\nRest\n"), Does.Contain("Subject: [PATCH 1/1] One two\n\nRest\n\n---\n"));
        Assert.That(Mail("Fix\r\nthe  bug\n", "Fix\nthe  bug\n"), Does.Contain("Subject: [PATCH 1/1] Fix the  bug\n\n---\n"));
    }

    [Test]
    public void A_subject_only_message_has_no_body_between_the_headers_and_the_diff()
    {
        Assert.That(Mail("Only", "Only\n"), Does.Contain("Subject: [PATCH 1/1] Only\n\n---\n\ndiff --git a/a.txt b/a.txt\n"));
    }

    [Test]
    public void Crlf_messages_and_leading_blank_lines_give_the_same_body_as_plain_ones()
    {
        Assert.That(Mail("Fix", "Fix\r\n\r\nLine one\r\nLine two\r\n"), Does.Contain("Subject: [PATCH 1/1] Fix\n\nLine one\nLine two\n\n---\n"));
        Assert.That(Mail("Fix", "\n\n  \nFix\n\nBody\n"), Does.Contain("Subject: [PATCH 1/1] Fix\n\nBody\n\n---\n"));
        Assert.That(Mail("", "\n\n"), Does.Contain("Subject: [PATCH 1/1] \n\n---\n"));
    }

    [Test]
    public void A_subject_that_is_only_the_first_line_of_its_paragraph_keeps_the_rest_of_the_paragraph_in_the_body()
    {
        Assert.That(Mail("Fix", "Fix\nand more on the same paragraph\n\nBody\n"),
            Does.Contain("Subject: [PATCH 1/1] Fix\n\nand more on the same paragraph\n\nBody\n\n---\n"));
    }

    [TestCase("Grüße", "Greetings\n", "Ann")]
    [TestCase("Greetings", "Greetings\n\nGrüße\n", "Ann")]
    [TestCase("Greetings", "Greetings\n", "Jörg")]
    public void Any_non_ascii_header_or_body_declares_the_mail_utf8(string subject, string message, string name)
    {
        Assert.That(Mail(subject, message, name), Does.Contain(
            "\nMIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n\n"));
    }

    [Test]
    public void An_ascii_mail_declares_no_charset() =>
        Assert.That(Mail("Greetings", "Greetings\n\nHello\n"), Does.Not.Contain("MIME-Version").And.Not.Contain("Content-"));

    [Test]
    public void A_non_ascii_subject_is_q_encoded_with_spaces_and_specials_as_hex() =>
        Assert.That(Mail("Fix café_bug =now?", "x\n"), Does.Contain("Subject: [PATCH 1/1] =?UTF-8?q?Fix=20caf=C3=A9=5Fbug=20=3Dnow=3F?=\n"));

    [TestCase("(bot) Builder", "\"(bot) Builder\"")]
    [TestCase("Ann\\Bob", "\"Ann\\\\Bob\"")]
    [TestCase("J. Doe", "\"J. Doe\"")]
    [TestCase("Plain Name", "Plain Name")]
    public void Author_names_with_specials_are_quoted_and_escaped(string name, string shown) =>
        Assert.That(Mail("s", "s\n", name), Does.Contain($"\nFrom: {shown} <ann@example.com>\n"));
}
