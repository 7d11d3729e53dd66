using Handoff.Core.Inspection;
using Handoff.Core.Prompting;

namespace Handoff.Tests.Prompting;

public class GitPatchFormatTests
{
    private static CommitPatch Commit(string subject, string message, string name = "Ann", DateTimeOffset? date = null) =>
        new("abc", subject, message, name, "ann@example.com", date ?? new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), []);

    [TestCase(2024, 3, 4, 10, 0, 0, 330, "Mon, 4 Mar 2024 10:00:00 +0530")]
    [TestCase(2024, 12, 25, 23, 59, 59, -480, "Wed, 25 Dec 2024 23:59:59 -0800")]
    [TestCase(2024, 1, 2, 3, 4, 5, 0, "Tue, 2 Jan 2024 03:04:05 +0000")]
    public void Dates_are_rfc2822_in_the_authors_offset(int y, int mo, int d, int h, int mi, int s, int offsetMinutes, string expected) =>
        Assert.That(GitPatchFormat.Rfc2822Date(new DateTimeOffset(y, mo, d, h, mi, s, TimeSpan.FromMinutes(offsetMinutes))), Is.EqualTo(expected));

    [Test]
    public void Body_drops_the_subject_paragraph() =>
        Assert.That(GitPatchFormat.BodyOf(Commit("Subject here", "Subject here\n\nBody 1\n\nBody 2\n\n"), "Subject here"), Is.EqualTo("Body 1\n\nBody 2"));

    [Test]
    public void Body_of_a_subject_only_message_is_empty() =>
        Assert.That(GitPatchFormat.BodyOf(Commit("Only", "Only\n"), "Only"), Is.Empty);

    [Test]
    public void Multi_line_subject_paragraph_is_joined_like_git_does() =>
        Assert.That(GitPatchFormat.BodyOf(Commit("One two", "One\ntwo\n\nRest"), "One two"), Is.EqualTo("Rest"));

    [Test]
    public void Non_ascii_headers_are_rfc2047_encoded_and_the_body_declared_utf8()
    {
        var patch = GitPatchFormat.Commit(Commit("Grüße", "Grüße\n\nbody ü\n", "Jörg"), 1, 1, []);
        Assert.That(patch, Does.Contain("From: =?UTF-8?q?J=C3=B6rg?= <ann@example.com>\n"));
        Assert.That(patch, Does.Contain("Subject: [PATCH 1/1] =?UTF-8?q?Gr=C3=BC=C3=9Fe?=\n"));
        Assert.That(patch, Does.Contain("Content-Type: text/plain; charset=UTF-8\n"));
    }

    [Test]
    public void Ascii_names_with_specials_are_quoted()
    {
        var patch = GitPatchFormat.Commit(Commit("s", "s", "Doe, \"JD\" John"), 1, 1, []);
        Assert.That(patch, Does.Contain("From: \"Doe, \\\"JD\\\" John\" <ann@example.com>\n"));
        Assert.That(patch, Does.Not.Contain("MIME-Version"));
    }

    [Test]
    public void Patch_has_the_format_patch_layout()
    {
        var file = Samples.Modified("a.txt", Samples.Hunk(1, 1, "-a", "+b"));
        var patch = GitPatchFormat.Commit(Commit("Change a", "Change a\n\nBecause.\n"), 2, 3, [file]);
        Assert.That(patch, Is.EqualTo(
            "From abc Mon Sep 17 00:00:00 2001\n" +
            "From: Ann <ann@example.com>\n" +
            "Date: Tue, 2 Jan 2024 03:04:05 +0000\n" +
            "Subject: [PATCH 2/3] Change a\n" +
            "\n" +
            "Because.\n" +
            "\n" +
            "---\n" +
            "\n" +
            GitPatchFormat.FileDiff(file) +
            "-- \n" +
            "devin-handoff\n" +
            "\n"));
    }

    [Test]
    public void File_diff_is_header_then_hunks_line_by_line()
    {
        var file = Samples.Modified("a.txt", Samples.Hunk(1, 1, " x", "-a", "+b", "\\ No newline at end of file"));
        Assert.That(GitPatchFormat.FileDiff(file), Is.EqualTo(
            "diff --git a/a.txt b/a.txt\nindex 1111111..2222222 100644\n--- a/a.txt\n+++ b/a.txt\n" +
            "@@ -1,2 +1,2 @@\n x\n-a\n+b\n\\ No newline at end of file\n"));
        Assert.That(System.Text.Encoding.UTF8.GetByteCount(GitPatchFormat.FileDiff(file)), Is.EqualTo(file.DiffBytes));
    }

    [TestCase("plain", 0)]
    [TestCase("a ``` b", 3)]
    [TestCase("````\n``", 4)]
    public void Longest_backtick_run_is_found(string text, int expected) =>
        Assert.That(MarkdownFence.LongestBacktickRun(text), Is.EqualTo(expected));

    [Test]
    public void Fence_is_at_least_three_and_one_longer_than_the_content() =>
        Assert.That((MarkdownFence.For(0), MarkdownFence.For(3), MarkdownFence.For(5)), Is.EqualTo(("```", "````", "``````")));
}
