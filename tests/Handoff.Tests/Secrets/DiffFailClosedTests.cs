using System.Text;
using Handoff.Core.Hooks;
using Handoff.Core.Secrets;
using Handoff.Tests.Hooks;

namespace Handoff.Tests.Secrets;

/// <summary>
/// A diff whose structure does not add up (hunk counts too low or too high, garbage between hunks, a truncated stream)
/// is still scanned line by line: nothing it holds is skipped, and a <c>malformed-diff</c> finding says where it broke.
/// A well-formed diff (git's own output, plain <c>diff -u</c>, combined merge diffs, CRLF) raises no such finding.
/// </summary>
public class DiffFailClosedTests
{
    private static readonly Random Random = new(5);
    private static readonly string Sha = new('c', 40);

    private static string Token() => SampleTemplate.Expand("ghp_«GH»", Random);

    private static List<Finding> Scan(string diff) => new SecretScanner(SecretScanConfig.Default).ScanDiff(new StringReader(diff)).ToList();

    private static List<(string File, int Line)> Secrets(IEnumerable<Finding> findings) =>
        findings.Where(f => f.RuleId == "github-pat").Select(f => (f.File, f.Line)).ToList();

    private static Finding[] Malformed(IEnumerable<Finding> findings) => findings.Where(f => f.RuleId == DiffStreamScanner.MalformedRuleId).ToArray();

    [Test]
    public void Under_counted_hunk_lines_are_still_scanned_with_their_line_numbers()
    {
        var token = Token();
        var diff = "diff --git a/a.py b/a.py\n--- a/a.py\n+++ b/a.py\n@@ -1,3 +1,4 @@\n x = 1\n-y = 2\n+y = 3\n+z = 4\n w = 5\n"
                   + "+after = 6\n" + $"+TOKEN = '{token}'\n" + " tail = 7\n" + "-old = 8\n" + $"+++ also content {token}\n";

        var findings = Scan(diff);

        Assert.That(Secrets(findings), Is.EqualTo(new[] { ("a.py", 6), ("a.py", 8) }));
        var malformed = Malformed(findings).Single();
        Assert.That((malformed.File, malformed.Line, malformed.Confidence), Is.EqualTo(("a.py", 5, FindingConfidence.High)));
        Assert.That(malformed.Preview, Does.Contain("input line 10").And.Contain("@@ -1,3 +1,4 @@"));
    }

    [Test]
    public void A_large_under_counted_diff_yields_every_token_it_carries()
    {
        var tokens = Enumerable.Range(0, 30).Select(_ => Token()).ToList();
        var diff = new StringBuilder("diff --git a/big.txt b/big.txt\n--- a/big.txt\n+++ b/big.txt\n@@ -1,3 +1,40 @@\n");
        for (var i = 0; i < 18000; i++)
        {
            diff.Append("+line ").Append(i).Append('\n');
            if (i % 600 == 599) diff.Append("+key = \"").Append(tokens[i / 600]).Append("\"\n");
        }

        var findings = Scan(diff.ToString());

        Assert.That(Secrets(findings), Has.Count.EqualTo(30));
        Assert.That(Malformed(findings), Has.Length.EqualTo(1));
    }

    [Test]
    public void An_over_counted_hunk_ends_at_the_next_header_and_the_next_file_is_scanned_as_itself()
    {
        var token = Token();
        var diff = "diff --git a/a.py b/a.py\n--- a/a.py\n+++ b/a.py\n@@ -1,1 +1,40 @@\n-x = 1\n+x = 2\n"
                   + "diff --git a/b.py b/b.py\n--- a/b.py\n+++ b/b.py\n@@ -1 +1,2 @@\n y = 1\n" + $"+TOKEN = '{token}'\n";

        var findings = Scan(diff);

        Assert.That(Secrets(findings), Is.EqualTo(new[] { ("b.py", 2) }));
        Assert.That(Malformed(findings).Select(f => f.File), Is.EqualTo(new[] { "a.py" }));
        Assert.That(Malformed(findings)[0].Preview, Does.Contain("input line 7"));
    }

    [Test]
    public void An_over_counted_hunk_before_a_commit_line_ends_there_and_the_next_commit_is_its_own()
    {
        var token = Token();
        var other = new string('d', 40);
        var diff = $"commit {Sha}\n\ndiff --git a/a.py b/a.py\n--- a/a.py\n+++ b/a.py\n@@ -1 +1,9 @@\n-x = 1\n+x = 2\n"
                   + $"commit {other}\n\ndiff --git a/b.py b/b.py\n--- /dev/null\n+++ b/b.py\n@@ -0,0 +1 @@\n+TOKEN = '{token}'\n";

        var findings = Scan(diff);

        Assert.That(findings.Where(f => f.RuleId == "github-pat").Select(f => (f.File, f.Line, f.Commit)), Is.EqualTo(new[] { ("b.py", 1, other) }));
        Assert.That(Malformed(findings).Single().Commit, Is.EqualTo(Sha));
    }

    [Test]
    public void Garbage_between_hunks_is_scanned_as_text()
    {
        var token = Token();
        var diff = "diff --git a/a.py b/a.py\n--- a/a.py\n+++ b/a.py\n@@ -1 +1 @@\n-x = 1\n+x = 2\n"
                   + $"note: the deploy token is {token}\n" + "@@ -10 +10 @@\n-y = 1\n+y = 2\n";

        var findings = Scan(diff);

        Assert.That(Secrets(findings), Is.EqualTo(new[] { ("a.py", 2) }));
        Assert.That(Malformed(findings).Single().Preview, Does.Contain("input line 7"));
    }

    [Test]
    public void A_truncated_diff_is_reported_after_every_line_it_holds_was_scanned()
    {
        var token = Token();
        var diff = "diff --git a/a.py b/a.py\n--- a/a.py\n+++ b/a.py\n@@ -0,0 +1,30 @@\n+x = 1\n" + $"+TOKEN = '{token}'\n+y = ";

        var findings = Scan(diff);

        Assert.That(Secrets(findings), Is.EqualTo(new[] { ("a.py", 2) }));
        Assert.That(Malformed(findings).Single().Preview, Does.Contain("ends inside a hunk"));
    }

    [Test]
    public void Header_lookalikes_inside_a_well_counted_hunk_are_content()
    {
        var token = Token();
        var diff = "diff --git a/docs/p.patch b/docs/p.patch\n--- a/docs/p.patch\n+++ b/docs/p.patch\n@@ -1,3 +1,9 @@\n context\n"
                   + "+diff --git a/other b/other\n+--- a/other\n++++ b/other\n+@@ -1 +1,99 @@\n+commit " + Sha + "\n"
                   + $"+TOKEN = '{token}'\n" + "-removed\n" + " diff --git a/x b/x\n+end\n";

        var findings = Scan(diff);

        Assert.That(Secrets(findings), Is.EqualTo(new[] { ("docs/p.patch", 7) }));
        Assert.That(Malformed(findings), Is.Empty);
    }

    [Test]
    public void A_crlf_diff_is_scanned_like_its_lf_twin()
    {
        var token = Token();
        var lf = $"commit {Sha}\n\ndiff --git a/a.py b/a.py\nindex 1111111..2222222 100644\n--- a/a.py\n+++ b/a.py\n@@ -1,3 +1,4 @@\n x = 1\n-y = 2\n+y = 3\n"
                 + $"+TOKEN = '{token}'\n z = 4\n";

        var crlf = Scan(lf.Replace("\n", "\r\n"));

        Assert.That(crlf.Select(f => (f.RuleId, f.File, f.Line, f.Commit)), Is.EqualTo(Scan(lf).Select(f => (f.RuleId, f.File, f.Line, f.Commit))));
        Assert.That(Secrets(crlf), Is.EqualTo(new[] { ("a.py", 3) }));
        Assert.That(Malformed(crlf), Is.Empty);
    }

    [Test]
    public void No_newline_markers_inside_and_after_a_hunk_are_placed()
    {
        var token = Token();
        var diff = "diff --git a/a.txt b/a.txt\n--- a/a.txt\n+++ b/a.txt\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n"
                   + $"+TOKEN = '{token}'\n\\ No newline at end of file\n"
                   + "diff --git a/b.txt b/b.txt\n--- a/b.txt\n+++ b/b.txt\n@@ -1 +1 @@\n-c\n+d\n\\ No newline at end of file\n";

        var findings = Scan(diff);

        Assert.That(Secrets(findings), Is.EqualTo(new[] { ("a.txt", 2) }));
        Assert.That(Malformed(findings), Is.Empty);
    }

    [Test]
    public void Git_log_output_with_messages_stats_binaries_and_remerge_diffs_is_well_formed()
    {
        var token = Token();
        var diff = $"commit {Sha}\nMerge: 7b61634 3af7c57\nAuthor: A <a@example.org>\nDate:   Fri Dec 4 19:01:17 2026 +0000\n\n    merge\n---\n x | 2 +-\n 1 file changed\n\n"
                   + "diff --git a/x b/x\nremerge CONFLICT (content): Merge conflict in x\nindex 02890af..121cba9 100644\n--- a/x\n+++ b/x\n@@ -2,2 +2 @@ a\n-<<<<<<< 7b61634 (bin)\n-B\n+MERGED\n@@ -5,3 +3,0 @@ c\n-=======\n-Z\n->>>>>>> 3af7c57 (side)\n"
                   + "diff --git a/bin.dat b/bin.dat\nnew file mode 100644\nindex 0000000..d53c1e1\nBinary files /dev/null and b/bin.dat differ\n"
                   + "diff --git a/img.png b/img.png\nindex 1111111..2222222 100644\nGIT binary patch\nliteral 8\nPcmZQzWXed*$;k%*20{WD\n\nliteral 0\nHcmV?d00001\n\n"
                   + "diff --git a/old.txt b/new.txt\nsimilarity index 90%\nrename from old.txt\nrename to new.txt\n--- a/old.txt\n+++ b/new.txt\n@@ -1 +1 @@\n-a\n" + $"+TOKEN = '{token}'\n"
                   + "diff --git a/gone.txt b/gone.txt\ndeleted file mode 100644\n--- a/gone.txt\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n\n"
                   + $"commit {new string('e', 40)}\nAuthor: A <a@example.org>\n\n    second\n\ndiff --git a/m b/m\nold mode 100644\nnew mode 100755\n";

        var findings = Scan(diff);

        Assert.That(Secrets(findings), Is.EqualTo(new[] { ("new.txt", 1) }));
        Assert.That(Malformed(findings), Is.Empty);
    }

    [Test]
    public void Combined_merge_diffs_scan_what_the_merge_result_adds()
    {
        var token = Token();
        var diff = $"commit {Sha}\n\ndiff --cc x.py\nindex 36ef1ba,0ecb54c..121cba9\n--- a/x.py\n+++ b/x.py\n@@@ -1,4 -1,4 +1,4 @@@\n  a\n- B\n- c\n -Z\n++MERGED\n"
                   + $"+ TOKEN = '{token}'\n  d\n";

        var findings = Scan(diff);

        Assert.That(Secrets(findings), Is.EqualTo(new[] { ("x.py", 3) }));
        Assert.That(Malformed(findings), Is.Empty);
    }

    [Test]
    public void Concatenated_plain_unified_diffs_are_well_formed()
    {
        var token = Token();
        var diff = "--- a.py\t2024-01-01 10:00:00.000000000 +0000\n+++ a.py\t2024-01-02 10:00:00.000000000 +0000\n@@ -1 +1 @@\n-x\n+y\n"
                   + "--- b.py\t2024-01-01 10:00:00.000000000 +0000\n+++ b.py\t2024-01-02 10:00:00.000000000 +0000\n@@ -1 +1,2 @@\n z\n" + $"+TOKEN = '{token}'\n"
                   + "Only in dir: c.py\n";

        var findings = Scan(diff);

        Assert.That(Secrets(findings), Is.EqualTo(new[] { ("b.py", 2) }));
        Assert.That(Malformed(findings), Is.Empty);
    }

    [Test]
    public void A_removed_line_that_looks_like_a_file_header_after_an_under_count_is_not_taken_for_one()
    {
        var token = Token();
        var diff = "diff --git a/q.sql b/q.sql\n--- a/q.sql\n+++ b/q.sql\n@@ -1 +1 @@\n-select 1;\n+select 2;\n"
                   + "--- a comment removed\n" + $"+-- token {token}\n";

        var findings = Scan(diff);

        Assert.That(Secrets(findings), Is.EqualTo(new[] { ("q.sql", 2) }));
        Assert.That(Malformed(findings), Has.Length.EqualTo(1));
    }

    [Test]
    public async Task The_hook_range_and_staged_scans_use_the_same_fail_closed_parser()
    {
        var token = Token();
        var underCounted = $"commit {Sha}\n\ndiff --git a/p.py b/p.py\n--- /dev/null\n+++ b/p.py\n@@ -0,0 +1 @@\n+x = 1\n+KEY = '{token}'\n";
        var git = new FakeGit().On(_ => true, 0, underCounted);
        var scan = new GitDiffScan(git, new SecretScanner(SecretScanConfig.Default), "/repo");

        foreach (var findings in new[] { await scan.Commits([Sha]), await scan.Range("main..topic"), await scan.Staged() })
        {
            Assert.That(Secrets(findings), Is.EqualTo(new[] { ("p.py", 2) }));
            Assert.That(Malformed(findings), Has.Length.EqualTo(1));
        }
    }
}
