using Handoff.Core.Secrets;
using static Handoff.Tests.Secrets.DiffStream.DiffScan;

namespace Handoff.Tests.Secrets.DiffStream;

/// <summary>
/// What surrounds the hunks: text before any header, unknown header lines, git format-patch and <c>diff -r</c> output,
/// commit lines, deleted files. Anything that could carry an added secret is scanned; known syntax raises no
/// <c>malformed-diff</c> finding; a break names its file, or "(diff)" before any file.
/// </summary>
public class DiffHeaderTests
{
    [Test]
    public void Hunk_lines_with_no_header_at_all_are_scanned()
    {
        var token = Token();

        var findings = Scan($"+x = 1\n+TOKEN = '{token}'\n");

        Assert.That(Tokens(findings), Is.EqualTo(new[] { ("", 1) }));
        Assert.That(Malformed(findings), Is.Empty);
    }

    [Test]
    public void An_added_line_in_a_file_header_is_scanned_and_reported_as_malformed()
    {
        var token = Token();

        var findings = Scan($"diff --git a/a.py b/a.py\nindex 1111111..2222222 100644\n+TOKEN = '{token}'\n");

        Assert.That(Tokens(findings), Is.EqualTo(new[] { ("a.py", 1) }));
        Assert.That(Malformed(findings).Single().Preview, Does.Contain("input line 3 is not diff syntax"));
    }

    [Test]
    public void A_header_line_we_do_not_know_is_scanned_without_a_malformed_finding()
    {
        var token = Token();
        var diff = $"diff --git a/a.py b/a.py\nx-review-note: {token}\nindex 1111111..2222222 100644\n--- a/a.py\n+++ b/a.py\n@@ -1 +1 @@\n-x\n+y\n";

        var findings = Scan(diff);

        Assert.That(Tokens(findings), Is.EqualTo(new[] { ("a.py", 1) }));
        Assert.That(Malformed(findings), Is.Empty);
    }

    [Test]
    public void A_bad_hunk_header_before_any_file_is_scanned_and_reported_for_the_whole_diff()
    {
        var token = Token();

        var findings = Scan($"@@ not a hunk {token}\n");

        Assert.That(Tokens(findings), Is.EqualTo(new[] { ("", 1) }));
        var malformed = Malformed(findings).Single();
        Assert.That((malformed.File, malformed.Line), Is.EqualTo(("(diff)", 1)));
        Assert.That(malformed.Preview, Does.Contain("input line 1 is not diff syntax"));
    }

    [Test]
    public void Each_commit_reports_its_own_break_even_before_its_first_file()
    {
        var diff = $"commit {ShaA}\n\n    one\n\ndiff --git a/a.py b/a.py\n--- a/a.py\n+++ b/a.py\n@@ -1 +1 @@\n-x\n+y\n+z\n"
                   + $"commit {ShaB}\n\n    two\n\n@@ bad\n";

        var malformed = Malformed(Scan(diff));

        Assert.That(malformed.Select(f => (f.File, f.Commit)), Is.EqualTo(new[] { ("a.py", (string?)ShaA), ("(diff)", ShaB) }));
    }

    [Test]
    public void Each_file_of_a_plain_unified_diff_reports_its_own_break()
    {
        var diff = "--- a.py\n+++ a.py\n@@ -1 +1 @@\n-x\n+y\n+extra\n--- b.py\n+++ b.py\n@@ -1 +1 @@\n-x\n+y\n+extra\n";

        Assert.That(Malformed(Scan(diff)).Select(f => f.File), Is.EqualTo(new[] { "a.py", "b.py" }));
    }

    [Test]
    public void A_single_plain_unified_diff_names_its_file()
    {
        var token = Token();
        var diff = $"--- a/src/a.py\t2024-01-01 10:00:00 +0000\n+++ b/src/a.py\t2024-01-02 10:00:00 +0000\n@@ -1 +1,2 @@\n x\n+TOKEN = '{token}'\n";

        Assert.That(Tokens(Scan(diff)), Is.EqualTo(new[] { ("src/a.py", 2) }));
    }

    [Test]
    public void A_break_in_a_deleted_file_names_the_deleted_file()
    {
        var diff = "diff --git a/old.py b/old.py\ndeleted file mode 100644\nindex 1111111..0000000\n--- a/old.py\n+++ /dev/null\n@@ -1 +0,0 @@\n-a\n-b\n";

        Assert.That(Malformed(Scan(diff)).Select(f => f.File), Is.EqualTo(new[] { "old.py" }));
    }

    [Test]
    public void Git_format_patch_output_with_its_signature_is_well_formed()
    {
        var token = Token();
        var diff = $"From {ShaA} Mon Sep 17 00:00:00 2001\nFrom: A <a@example.org>\nSubject: [PATCH] add\n\n---\n a.py | 2 +-\n 1 file changed\n\n"
                   + $"diff --git a/a.py b/a.py\nindex 1111111..2222222 100644\n--- a/a.py\n+++ b/a.py\n@@ -1 +1 @@\n-x\n+TOKEN = '{token}'\n-- \n2.43.0\n\n";

        var findings = Scan(diff);

        Assert.That(findings.Select(f => (f.RuleId, f.File, f.Line, f.Commit)), Is.EqualTo(new[] { ("github-pat", "a.py", 1, (string?)ShaA) }));
    }

    [Test]
    public void Recursive_plain_diff_output_is_well_formed()
    {
        var token = Token();
        var diff = "diff -ru a/x.py b/x.py\n--- a/x.py\t2024-01-01 10:00:00 +0000\n+++ b/x.py\t2024-01-02 10:00:00 +0000\n@@ -1 +1 @@\n-x\n+y\n"
                   + "diff -ru a/y.py b/y.py\n--- a/y.py\t2024-01-01 10:00:00 +0000\n+++ b/y.py\t2024-01-02 10:00:00 +0000\n@@ -1 +1,2 @@\n z\n"
                   + $"+TOKEN = '{token}'\n";

        var findings = Scan(diff);

        Assert.That(findings.Select(f => (f.RuleId, f.File, f.Line)), Is.EqualTo(new[] { ("github-pat", "y.py", 2) }));
    }

    [Test]
    public void The_base85_data_of_a_binary_patch_is_not_scanned_as_text()
    {
        var token = Token();
        var data = "z!!!!" + token + new string('!', 61 - token.Length); // 'z': 52 bytes, 65 base85 characters after it
        var diff = "diff --git a/img.bin b/img.bin\nindex 1111111..2222222 100644\nGIT binary patch\nliteral 52\n" + data + "\n\nliteral 0\nHcmV?d00001\n\n"
                   + $"diff --git a/b.txt b/b.txt\n{data}\n";

        var findings = Scan(diff);

        Assert.That(Tokens(findings), Is.EqualTo(new[] { ("b.txt", 1) }), "the same line as an unknown header of a file is scanned");
        Assert.That(Malformed(findings), Is.Empty);
    }

    [Test]
    public void A_line_that_fails_to_scan_is_a_finding_fingerprinted_by_its_file_and_line()
    {
        var config = new SecretScanConfig
        {
            ExtraRules = [new SecretRule { Id = "ex-backtrack", Description = "catastrophic backtracking", Regex = "(x+x+)+y", Keywords = ["xxx"] }],
        };
        var diff = $"diff --git a/src/c.txt b/src/c.txt\n--- a/src/c.txt\n+++ b/src/c.txt\n@@ -1 +1,2 @@\n kept\n+{new string('x', 5000)}\n";

        var finding = Scan(diff, config).Single();

        Assert.That((finding.RuleId, finding.File, finding.Line), Is.EqualTo((SecretScanner.ScanErrorRuleId, "src/c.txt", 2)));
        Assert.That(finding.Fingerprint, Is.EqualTo($"src/c.txt:{SecretScanner.ScanErrorRuleId}:2"));
        Assert.That(finding.Preview, Is.EqualTo("(line could not be scanned)"));
    }

    [Test]
    public void An_ignored_malformed_finding_stays_ignored_and_the_lines_are_still_scanned()
    {
        var token = Token();
        var diff = $"diff --git a/a.py b/a.py\n--- a/a.py\n+++ b/a.py\n@@ -1 +1 @@\n-x\n+y\n+TOKEN = '{token}'\n";
        var malformed = Malformed(Scan(diff)).Single();

        var findings = Scan(diff, new SecretScanConfig { IgnoredFingerprints = new HashSet<string> { malformed.Fingerprint } });

        Assert.That(Malformed(findings), Is.Empty);
        Assert.That(Tokens(findings), Is.EqualTo(new[] { ("a.py", 2) }));
    }
}
