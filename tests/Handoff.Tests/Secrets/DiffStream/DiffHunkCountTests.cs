using Handoff.Core.Secrets;
using static Handoff.Tests.Secrets.DiffStream.DiffScan;

namespace Handoff.Tests.Secrets.DiffStream;

/// <summary>
/// A hunk ends where its header's counts say, per parent in a combined merge diff: a well-counted hunk is followed by
/// the next header without a <c>malformed-diff</c> finding, and one whose lines run past or stop short of its counts
/// is reported, while each of its lines is still scanned at its own line number.
/// </summary>
public class DiffHunkCountTests
{
    private static string SecondCombinedFile(string token) =>
        $"diff --cc b.py\nindex 1111111,2222222..3333333\n--- a/b.py\n+++ b/b.py\n@@@ -1,1 -1,1 +1,2 @@@\n  x\n++TOKEN = '{token}'\n";

    [Test]
    public void A_combined_hunk_ends_when_every_parent_count_is_used_up()
    {
        var token = Token();
        // Parent 1 has a, e, b; parent 2 has a, e; the merge keeps a, e. The hunk ends with parent 1's last line.
        var diff = $"commit {ShaA}\nMerge: 1111111 2222222\n\n    merge\n\ndiff --cc a.py\nindex 1111111,2222222..3333333\n--- a/a.py\n+++ b/a.py\n"
                   + "@@@ -1,3 -1,2 +1,2 @@@\n  a\n  e\n- b\n" + SecondCombinedFile(token);

        var findings = Scan(diff);

        Assert.That(Tokens(findings), Is.EqualTo(new[] { ("b.py", 2) }));
        Assert.That(Malformed(findings), Is.Empty);
    }

    [Test]
    public void A_combined_hunk_of_lines_only_one_parent_had_is_counted_for_that_parent()
    {
        var token = Token();
        // The merge drops two lines that only parent 1 had; parent 2 and the result have none.
        var diff = "diff --cc a.py\nindex 1111111,2222222..3333333\n--- a/a.py\n+++ b/a.py\n@@@ -1,2 -0,0 +0,0 @@@\n- a\n- b\n" + SecondCombinedFile(token);

        var findings = Scan(diff);

        Assert.That(Tokens(findings), Is.EqualTo(new[] { ("b.py", 2) }));
        Assert.That(Malformed(findings), Is.Empty);
    }

    [Test]
    public void Empty_context_lines_whose_space_was_stripped_count_as_context()
    {
        var token = Token();
        var plain = $"diff --git a/a.py b/a.py\n--- a/a.py\n+++ b/a.py\n@@ -1,3 +1,3 @@\n x\n\n-y\n+TOKEN = '{token}'\n";
        var combined = $"diff --cc c.py\nindex 1111111,2222222..3333333\n--- a/c.py\n+++ b/c.py\n@@@ -1,1 -1,1 +1,2 @@@\n\n++TOKEN = '{token}'\n";

        var findings = Scan(plain + combined + SecondCombinedFile(token));

        Assert.That(Tokens(findings), Is.EqualTo(new[] { ("a.py", 3), ("c.py", 2), ("b.py", 2) }));
        Assert.That(Malformed(findings), Is.Empty);
    }

    [Test]
    public void A_no_newline_marker_inside_a_combined_hunk_is_not_a_line()
    {
        var token = Token();
        var diff = "diff --cc a.txt\nindex 1111111,2222222..3333333\n--- a/a.txt\n+++ b/a.txt\n@@@ -1,1 -1,1 +1,1 @@@\n- a\n\\ No newline at end of file\n -c\n++d\n"
                   + SecondCombinedFile(token);

        var findings = Scan(diff);

        Assert.That(Tokens(findings), Is.EqualTo(new[] { ("b.py", 2) }));
        Assert.That(Malformed(findings), Is.Empty);
    }

    [Test]
    public void A_combined_hunk_cut_short_ends_at_the_next_file_header()
    {
        var token = Token();
        var diff = "diff --cc a.py\nindex 1111111,2222222..3333333\n--- a/a.py\n+++ b/a.py\n@@@ -1,5 -1,5 +1,5 @@@\n  a\n" + SecondCombinedFile(token);

        var findings = Scan(diff);

        Assert.That(Tokens(findings), Is.EqualTo(new[] { ("b.py", 2) }));
        Assert.That(Malformed(findings).Select(f => f.File), Is.EqualTo(new[] { "a.py" }));
        Assert.That(Malformed(findings)[0].Preview, Does.Contain("short of the lines its header counts"));
    }

    [Test]
    public void A_hunk_with_more_new_lines_than_its_header_counts_is_reported()
    {
        var token = Token();
        var diff = $"diff --git a/a.py b/a.py\n--- a/a.py\n+++ b/a.py\n@@ -1,2 +1,1 @@\n+TOKEN = '{token}'\n x\n-y\n";

        var findings = Scan(diff);

        Assert.That(Tokens(findings), Is.EqualTo(new[] { ("a.py", 1) }));
        Assert.That(Malformed(findings).Single().Preview, Does.Contain("hunk \"@@ -1,2 +1,1 @@\" has more lines than its header counts"));
    }

    [Test]
    public void A_hunk_with_more_removed_lines_than_its_header_counts_is_reported()
    {
        var diff = "diff --git a/a.py b/a.py\n--- a/a.py\n+++ b/a.py\n@@ -1,1 +1,2 @@\n-a\n-b\n+c\n+d\n";

        Assert.That(Malformed(Scan(diff)).Single().Preview, Does.Contain("hunk \"@@ -1,1 +1,2 @@\" has more lines than its header counts"));
    }

    [Test]
    public void Context_and_removed_lines_past_the_count_are_reported_where_they_start()
    {
        var head = "diff --git a/a.py b/a.py\n--- a/a.py\n+++ b/a.py\n@@ -1 +1 @@\n-a\n+b\n";
        foreach (var extra in new[] { " c\n", "-c\n" })
        {
            var malformed = Malformed(Scan(head + extra));

            Assert.That(malformed.Single().Preview, Does.Contain("hunk \"@@ -1 +1 @@\" goes on past its header's count at input line 7"), extra);
        }
    }

    [Test]
    public void A_removed_line_past_the_count_that_looks_like_a_file_header_is_reported_with_its_input_line()
    {
        var diff = "diff --git a/a.sql b/a.sql\n--- a/a.sql\n+++ b/a.sql\n@@ -1 +1 @@\n-a\n+b\n--- a comment\nplain text\n";

        var malformed = Malformed(Scan(diff)).Single();

        Assert.That(malformed.Preview, Does.Contain("a removed line at input line 7 follows hunk \"@@ -1 +1 @@\" beyond its count"));
    }

    [Test]
    public void A_hunk_header_that_counts_no_lines_is_followed_by_the_next_hunk()
    {
        var token = Token();
        var diff = $"diff --git a/a.py b/a.py\n--- a/a.py\n+++ b/a.py\n@@ -3,0 +3,0 @@\n@@ -5 +5 @@\n-x\n+TOKEN = '{token}'\n";

        var findings = Scan(diff);

        Assert.That(Tokens(findings), Is.EqualTo(new[] { ("a.py", 5) }));
        Assert.That(Malformed(findings), Is.Empty);
    }

    [Test]
    public void Lines_after_an_unplaced_line_keep_their_numbers()
    {
        var token = Token();
        var diff = $"diff --git a/a.py b/a.py\n--- a/a.py\n+++ b/a.py\n@@ -4 +4 @@\n-x\n+y\nstray text\n+TOKEN = '{token}'\n";

        var findings = Scan(diff);

        Assert.That(Tokens(findings), Is.EqualTo(new[] { ("a.py", 5) }));
        Assert.That(Malformed(findings).Single().Preview, Does.Contain("input line 7 is not diff syntax"));
    }

    [Test]
    public void A_private_key_left_open_by_one_hunk_does_not_hide_the_next_hunk()
    {
        var token = Token();
        var body = SampleTemplate.Expand("«b64»", new Random(3)); // key material, and no END line in this hunk
        var diff = $"diff --git a/k.txt b/k.txt\n--- a/k.txt\n+++ b/k.txt\n@@ -1 +1,3 @@\n x\n+-----BEGIN RSA PRIVATE KEY-----\n+{body}\n"
                   + $"@@ -10 +12,2 @@\n y\n+TOKEN = '{token}'\n";

        var findings = Scan(diff);

        Assert.That(findings.Select(f => (f.RuleId, f.File, f.Line)), Does.Contain(("private-key", "k.txt", 2)), "the open key is a finding");
        Assert.That(Tokens(findings), Is.EqualTo(new[] { ("k.txt", 13) }));
    }
}
