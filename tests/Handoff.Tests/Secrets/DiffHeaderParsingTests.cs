using Handoff.Core.Secrets;

namespace Handoff.Tests.Secrets;

/// <summary>The header lines of a streamed diff: which lines are headers (never scanned as content), hunk ranges, commits, blobs, paths.</summary>
public class DiffHeaderParsingTests
{
    // git's extended header lines (git-diff(1), "generating patches with -p") and those of a binary patch.
    [TestCase("--- a/x")] [TestCase("new file mode 100644")] [TestCase("old mode 100644")] [TestCase("new mode 100755")]
    [TestCase("similarity index 90%")] [TestCase("dissimilarity index 80%")] [TestCase("rename from a.txt")] [TestCase("rename to b.txt")]
    [TestCase("copy from a.txt")] [TestCase("copy to b.txt")] [TestCase("literal 12")] [TestCase("delta 7")]
    public void Each_extended_header_is_one(string line) => Assert.That(DiffHeaders.IsExtendedHeader(line), Is.True);

    [TestCase("---x")] [TestCase("+++ b/x")] [TestCase("new file")] [TestCase("renamed from a")] [TestCase("literal12")] [TestCase(" delta 7")]
    public void Lines_that_only_resemble_one_are_not(string line) => Assert.That(DiffHeaders.IsExtendedHeader(line), Is.False);

    [TestCase("@@ -1,2 +3,4 @@", new[] { 2 }, 3, 4)]
    [TestCase("@@ -1 +1 @@ def f():", new[] { 1 }, 1, 1)]
    [TestCase("@@ -0,0 +1 @@", new[] { 0 }, 1, 1)]
    [TestCase("@@@ -1,2 -3,4 +5,6 @@@", new[] { 2, 4 }, 5, 6)]
    public void A_hunk_header_gives_its_old_counts_and_new_range(string header, int[] oldCounts, int newStart, int newCount)
    {
        Assert.That(DiffHeaders.TryParseHunk(header, out var olds, out var start, out var count), Is.True);
        Assert.That((olds, start, count), Is.EqualTo((oldCounts, newStart, newCount)));
    }

    [TestCase("@ -1 +1 @")]
    [TestCase("@@")]
    [TestCase("@@-1 +1 @@")]
    [TestCase("@@ 1 +1 @@")]
    [TestCase("@@ -1 1 @@")]
    [TestCase("@@ -1 +1")]
    [TestCase("@@ -1 +1 @")]
    [TestCase("@@@ -1 +1 @@@")]
    [TestCase("@@ -a +1 @@")]
    [TestCase("@@ --1 +1 @@")]
    [TestCase("@@ -1 +-1 @@")]
    [TestCase("@@ -1,-2 +1 @@")]
    [TestCase("@@ -1 +1,x @@")]
    [TestCase("@@ -1")]
    public void A_malformed_hunk_header_is_refused(string header) =>
        Assert.That(DiffHeaders.TryParseHunk(header, out _, out _, out _), Is.False);

    [Test]
    public void A_commit_line_of_git_log_or_format_patch_gives_its_sha()
    {
        var sha1 = string.Concat(Enumerable.Repeat("0123456789abcdef", 3))[..40];
        var sha256 = string.Concat(Enumerable.Repeat("fedcba9876543210", 4));

        Assert.That(DiffHeaders.CommitSha($"commit {sha1}"), Is.EqualTo(sha1));
        Assert.That(DiffHeaders.CommitSha($"commit {sha1} (HEAD -> main)"), Is.EqualTo(sha1));
        Assert.That(DiffHeaders.CommitSha($"commit {sha256}"), Is.EqualTo(sha256));
        Assert.That(DiffHeaders.CommitSha($"From {sha1} Mon Sep 17 00:00:00 2001"), Is.EqualTo(sha1));
        Assert.That(DiffHeaders.CommitSha($"From {sha1}"), Is.Null, "a mail's From line without a date is text");
        Assert.That(DiffHeaders.CommitSha($"commit {sha1[..39]}"), Is.Null);
        Assert.That(DiffHeaders.CommitSha($"commit {sha1.ToUpperInvariant()}"), Is.Null);
        Assert.That(DiffHeaders.CommitSha($"commit {sha1}0"), Is.Null);
        Assert.That(DiffHeaders.CommitSha($"commits {sha1}"), Is.Null);
        Assert.That(DiffHeaders.CommitSha($" commit {sha1}"), Is.Null);
    }

    [Test]
    public void An_index_line_gives_the_new_blob_when_it_is_a_full_id_of_a_real_blob()
    {
        var a = new string('a', 40);
        var b = string.Concat(Enumerable.Repeat("0123456789abcdef", 3))[..40];

        Assert.That(DiffHeaders.NewBlob($"index {a}..{b} 100644"), Is.EqualTo(b));
        Assert.That(DiffHeaders.NewBlob($"index {a}..{b}"), Is.EqualTo(b));
        Assert.That(DiffHeaders.NewBlob($"index {a},{a}..{b}"), Is.EqualTo(b));
        Assert.That(DiffHeaders.NewBlob($"index {a}..{new string('0', 40)}"), Is.Null, "a deleted file");
        Assert.That(DiffHeaders.NewBlob($"index {a}..{b[..12]}"), Is.Null, "an abbreviated id");
        Assert.That(DiffHeaders.NewBlob($"index {a}..{b.ToUpperInvariant()}"), Is.Null);
        Assert.That(DiffHeaders.NewBlob($"index {a} {b}"), Is.Null);
    }

    [TestCase("")]
    [TestCase("literal 5")]
    [TestCase("delta 12")]
    [TestCase("AzzzzZ")]        // 1 byte: 5 base85 characters
    [TestCase("Dzzzzz")]        // 4 bytes: 5
    [TestCase("Ezzzzzzzzzz")]   // 5 bytes: 10
    [TestCase("Z01234567890123456789012345678901234")] // 26 bytes: 35
    [TestCase("a01234567890123456789012345678901234")] // 27 bytes: 35
    [TestCase("z!#$%&()*+-;<=>?@^_`{|}~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef")] // 52 bytes: 65
    public void A_binary_patch_line_is_recognised_by_its_length_character(string line) =>
        Assert.That(DiffHeaders.IsBinaryPatchLine(line), Is.True);

    [TestCase("Azzzz")]          // too short for its length character
    [TestCase("Azzzzzz")]        // too long
    [TestCase("Ezzzzz")]
    [TestCase("Azz\"zz")]        // not base85
    [TestCase("Azz zz")]
    [TestCase("5zzzzz")]
    [TestCase("+zzzzz")]
    public void Other_lines_are_not_binary_patch_lines(string line) => Assert.That(DiffHeaders.IsBinaryPatchLine(line), Is.False);

    [TestCase("diff --git a/src/app.py b/src/app.py", "src/app.py")]
    [TestCase("diff --git a/old name.txt b/new name.txt", "new name.txt")]
    [TestCase("diff --git \"a/tab\\there\" \"b/tab\\there\"", "tab\\there")]
    [TestCase("diff --git a/x b/x b/y", "y")]
    [TestCase("diff --git weird", "weird")]
    public void The_path_of_a_diff_git_line_is_its_new_side(string line, string path) => Assert.That(DiffHeaders.PathFromDiffGit(line), Is.EqualTo(path));

    [Test]
    public void Quotes_and_the_b_prefix_come_off_a_path()
    {
        Assert.That(DiffHeaders.Unquote("\"a b\""), Is.EqualTo("a b"));
        Assert.That(DiffHeaders.Unquote("\"x"), Is.EqualTo("\"x"));
        Assert.That(DiffHeaders.Unquote("x\""), Is.EqualTo("x\""));
        Assert.That(DiffHeaders.Unquote("\""), Is.EqualTo("\""));
        Assert.That(DiffHeaders.Unquote("\"\""), Is.Empty);
        Assert.That(DiffHeaders.StripPrefix("b/src/x"), Is.EqualTo("src/x"));
        Assert.That(DiffHeaders.StripPrefix("a/src/x"), Is.EqualTo("a/src/x"));
        Assert.That(DiffHeaders.StripPrefix("B/src/x"), Is.EqualTo("B/src/x"));
    }
}
