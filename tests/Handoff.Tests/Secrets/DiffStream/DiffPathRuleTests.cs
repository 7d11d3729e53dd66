using Handoff.Core.Secrets;
using static Handoff.Tests.Secrets.DiffStream.DiffScan;

namespace Handoff.Tests.Secrets.DiffStream;

/// <summary>
/// A file that is a secret by its name alone (id_rsa, .env, *.key, .git-credentials) is reported once, as a whole-file
/// finding, wherever it appears in a streamed diff: with or without hunks, in git's diffs, plain <c>diff -u</c> and
/// combined merge diffs; a deleted one and an allowlisted one are not.
/// </summary>
public class DiffPathRuleTests
{
    private const string EmptyNewFile = "new file mode 100600\nindex 0000000..e69de29\n";
    private const string OtherFile = "diff --git a/b.py b/b.py\n--- a/b.py\n+++ b/b.py\n@@ -1 +1 @@\n-x = 1\n+x = 2\n";

    private static List<(string RuleId, string File, int Line, string? Commit)> WholeFile(IEnumerable<Finding> findings) =>
        findings.Where(f => f.RuleId.StartsWith("path-", StringComparison.Ordinal)).Select(f => (f.RuleId, f.File, f.Line, f.Commit)).ToList();

    [Test]
    public void An_added_empty_key_file_at_the_end_of_the_stream_is_reported()
    {
        var findings = Scan("diff --git a/id_rsa b/id_rsa\n" + EmptyNewFile);

        Assert.That(WholeFile(findings), Is.EqualTo(new[] { ("path-ssh-private-key", "id_rsa", 0, (string?)null) }));
    }

    [Test]
    public void An_added_empty_key_file_followed_by_another_file_is_reported()
    {
        var findings = Scan("diff --git a/id_rsa b/id_rsa\n" + EmptyNewFile + OtherFile);

        Assert.That(WholeFile(findings), Is.EqualTo(new[] { ("path-ssh-private-key", "id_rsa", 0, (string?)null) }));
    }

    [Test]
    public void An_added_empty_credentials_file_is_reported_with_its_own_commit_not_the_next_one()
    {
        var diff = $"commit {ShaA}\n\n    add\n\ndiff --git a/.git-credentials b/.git-credentials\n{EmptyNewFile}"
                   + $"commit {ShaB}\n\n    more\n\n{OtherFile}";

        var findings = Scan(diff);

        Assert.That(WholeFile(findings), Is.EqualTo(new[] { ("path-git-credentials", ".git-credentials", 0, (string?)ShaA) }));
    }

    [Test]
    public void A_file_renamed_to_a_secret_name_without_a_content_change_is_reported()
    {
        var diff = "diff --git a/config/settings b/config/.env\nsimilarity index 100%\nrename from config/settings\nrename to config/.env\n" + OtherFile;

        Assert.That(WholeFile(Scan(diff)), Is.EqualTo(new[] { ("path-dotenv", "config/.env", 0, (string?)null) }));
    }

    [Test]
    public void The_first_file_of_concatenated_plain_unified_diffs_is_checked_by_name()
    {
        var diff = "--- /dev/null\t2024-01-01 10:00:00.000000000 +0000\n+++ .env\t2024-01-02 10:00:00.000000000 +0000\n@@ -0,0 +1 @@\n+DEBUG=1\n"
                   + "--- a.py\t2024-01-01 10:00:00.000000000 +0000\n+++ a.py\t2024-01-02 10:00:00.000000000 +0000\n@@ -1 +1 @@\n-x\n+y\n";

        var findings = Scan(diff);

        Assert.That(WholeFile(findings), Is.EqualTo(new[] { ("path-dotenv", ".env", 0, (string?)null) }));
        Assert.That(Malformed(findings), Is.Empty);
    }

    [Test]
    public void A_secret_named_file_with_content_is_reported_once_before_its_lines()
    {
        var token = Token();
        var diff = $"diff --git a/deploy.key b/deploy.key\n{EmptyNewFile}--- /dev/null\n+++ b/deploy.key\n@@ -0,0 +1,2 @@\n+KEY = '{token}'\n+x = 1\n" + OtherFile;

        var findings = Scan(diff);

        Assert.That(findings.Select(f => (f.RuleId, f.File, f.Line)), Is.EqualTo(new[] { ("path-private-key-file", "deploy.key", 0), ("github-pat", "deploy.key", 1) }));
    }

    [Test]
    public void A_secret_named_file_is_reported_once_when_a_stray_added_line_precedes_its_file_header()
    {
        var diff = "diff --git a/.env b/.env\n+STRAY=1\n--- a/.env\n+++ b/.env\n@@ -1 +1,2 @@\n A=1\n+B=2\n";

        Assert.That(WholeFile(Scan(diff)), Is.EqualTo(new[] { ("path-dotenv", ".env", 0, (string?)null) }));
    }

    [Test]
    public void Deleting_a_secret_named_file_is_not_a_finding()
    {
        var diff = "diff --git a/id_rsa b/id_rsa\ndeleted file mode 100600\nindex e69de29..0000000\n"
                   + "diff --git a/.env b/.env\ndeleted file mode 100644\nindex 1111111..0000000\n--- a/.env\n+++ /dev/null\n@@ -1 +0,0 @@\n-DEBUG=1\n";

        Assert.That(Scan(diff), Is.Empty);
    }

    [Test]
    public void An_allowlisted_path_is_not_reported_by_name()
    {
        var diff = "diff --git a/fixtures/id_rsa b/fixtures/id_rsa\n" + EmptyNewFile + "--- /dev/null\n+++ b/fixtures/id_rsa\n@@ -0,0 +1 @@\n+not a key\n";

        Assert.That(WholeFile(Scan(diff)), Has.Count.EqualTo(1), "found without the allowlist");
        Assert.That(Scan(diff, new SecretScanConfig { AllowPaths = ["^fixtures/"] }), Is.Empty);
    }

    [Test]
    public void A_binary_key_file_in_a_combined_merge_diff_is_reported()
    {
        foreach (var header in new[] { "diff --cc", "diff --combined" })
        {
            var diff = $"commit {ShaA}\nMerge: 1111111 2222222\n\n    merge\n\n{header} certs/deploy.key\nindex 1111111,2222222..3333333\nBinary files differ\n";

            Assert.That(WholeFile(Scan(diff)), Is.EqualTo(new[] { ("path-private-key-file", "certs/deploy.key", 0, (string?)ShaA) }), header);
        }
    }
}
