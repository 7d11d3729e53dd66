using Handoff.Core.Secrets;

namespace Handoff.Tests.Secrets.Scanning;

/// <summary>Edges of the diff header parsers: a hunk header cut after its old range, a new range without its '+', the
/// new side of an index or diff --git line found even where the old side is empty.</summary>
public class DiffHeaderEdgeTests
{
    [TestCase("@@ -1 ")]        // cut right after the old range
    [TestCase("@@@ -1 -2 ")]
    [TestCase("@@ -1 x1 @@")]   // the new range needs its '+'
    [TestCase("@@ -1,2 1,2 @@")]
    public void A_hunk_header_without_its_new_range_is_refused(string header) =>
        Assert.That(DiffHeaders.TryParseHunk(header, out _, out _, out _), Is.False);

    [Test]
    public void The_new_blob_is_what_follows_the_dots_even_with_an_empty_old_side()
    {
        var blob = string.Concat(Enumerable.Repeat("0123456789abcdef", 3))[..40];
        Assert.That(DiffHeaders.NewBlob($"..{blob}"), Is.EqualTo(blob));
        Assert.That(DiffHeaders.NewBlob($"..{blob} 100644"), Is.EqualTo(blob));
    }

    [TestCase("diff --git  b/x.txt", "x.txt")]            // nothing before the new side
    [TestCase("diff --git  \"b/x y.txt\"", "x y.txt")]
    public void The_new_side_of_a_diff_git_line_is_found_at_its_start(string line, string path) =>
        Assert.That(DiffHeaders.PathFromDiffGit(line), Is.EqualTo(path));
}
