using Handoff.Core;
using Handoff.Core.Secrets;

namespace Handoff.Tests.Secrets;

public class SecretScannerTextTests
{
    private readonly Random _random = new(7);

    [Test]
    public void Redact_replaces_secrets_in_free_text_and_keeps_the_rest()
    {
        var key = SampleTemplate.Expand("sk-ant-api03-«u93»AA", _random);
        var text = $"Please continue.\r\nUse ANTHROPIC_API_KEY={key} for the tests.\nThanks";

        var result = new SecretScanner(SecretScanConfig.Default).Redact("task", text);

        Assert.That(result.Text, Is.EqualTo("Please continue.\r\nUse ANTHROPIC_API_KEY=[REDACTED:anthropic-api-key] for the tests.\nThanks"));
        var finding = result.Findings.Single();
        Assert.That((finding.RuleId, finding.File, finding.Line), Is.EqualTo(("anthropic-api-key", "task", 2)));
        Assert.That(finding.Preview, Does.Not.Contain(key));
    }

    [Test]
    public void Redact_leaves_text_without_secrets_unchanged()
    {
        const string text = "Fix the flaky test in src/auth/token_store.py; the password field must be hashed.\n";
        var result = new SecretScanner(SecretScanConfig.Default).Redact("context", text);

        Assert.That(result.Text, Is.EqualTo(text));
        Assert.That(result.Findings, Is.Empty);
    }

    [Test]
    public void Short_secrets_show_nothing_of_themselves_in_previews()
    {
        var result = new SecretScanner(SecretScanConfig.Default).Redact("context", "DB_PASSWORD=Xq7#pL2v!");

        Assert.That(result.Findings.Single().Preview, Is.EqualTo("DB_PASSWORD=****"));
    }

    [Test]
    public void Checksums_raise_confidence_but_a_bad_checksum_is_still_a_finding()
    {
        var good = SampleTemplate.Expand("ghp_«GH»", _random);
        var bad = good[..^1] + (good[^1] == 'A' ? 'B' : 'A');
        var scanner = new SecretScanner(SecretScanConfig.Default);

        Assert.That(scanner.ScanText("a.txt", good).Single().Confidence, Is.EqualTo(FindingConfidence.High));
        Assert.That(scanner.ScanText("a.txt", bad).Single().Confidence, Is.EqualTo(FindingConfidence.Low));
        Assert.That(Checksums.Verify(ChecksumKind.Npm, "npm_" + good[4..]), Is.True);
        Assert.That(Checksums.Verify(ChecksumKind.Grafana, "glsa_" + SampleTemplate.Expand("«GLSA»", _random)), Is.True);
        Assert.That(Checksums.Verify(ChecksumKind.Cloudflare, "cfut_" + SampleTemplate.Expand("«CF»", _random)), Is.True);
    }

    [Test]
    public void Fingerprint_is_path_rule_and_salted_hash_never_the_secret()
    {
        var fingerprint = Fingerprint.Of("src/a.py", "github-pat", "ghp_secret");
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Fingerprint.Salt + "ghp_secret")))[..16];

        Assert.That(fingerprint, Is.EqualTo($"src/a.py:github-pat:{hash}"));
    }

    [Test]
    public void Decoded_values_are_checked_one_level_deep()
    {
        var scanner = new SecretScanner(SecretScanConfig.Default);
        var auth = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("deploy:" + SampleTemplate.Expand("«A20»", _random)));
        var noPassword = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("just-a-user-name"));

        Assert.That(scanner.ScanText("config.json", $"{{\"auths\":{{\"r.io\":{{\"auth\":\"{auth}\"}}}}}}").Select(f => f.RuleId), Does.Contain("docker-config-auth"));
        Assert.That(scanner.ScanText("config.json", $"{{\"auth\":\"{noPassword}\"}}"), Is.Empty);
    }

    [Test]
    public void ScanDiff_reports_added_lines_with_file_line_and_commit()
    {
        var token = SampleTemplate.Expand("glpat-«u20»", _random);
        var sha1 = new string('1', 40);
        var sha2 = new string('2', 40);
        var diff = $"""
            commit {sha1}
            Author: A <a@example.org>

                first

            diff --git a/src/app.py b/src/app.py
            index 111..222 100644
            --- a/src/app.py
            +++ b/src/app.py
            @@ -10,3 +10,5 @@ def main():
             a = 1
            -b = 2
            +b = 3
            +++ this added line starts with plus signs {token}
            +TOKEN = "{token}"
             c = 4
            commit {sha2}

            diff --git a/.env b/.env
            new file mode 100644
            --- /dev/null
            +++ b/.env
            @@ -0,0 +1 @@
            +A=1
            diff --git a/old/.env.local b/old/.env.local
            deleted file mode 100644
            --- a/old/.env.local
            +++ /dev/null
            @@ -1 +0,0 @@
            -B=2
            """;

        var findings = new SecretScanner(SecretScanConfig.Default).ScanDiff(new StringReader(diff)).ToList();

        Assert.That(findings.Select(f => (f.RuleId, f.File, f.Line, f.Commit)), Is.EqualTo(new[]
        {
            ("gitlab-pat", "src/app.py", 12, sha1),
            ("gitlab-pat", "src/app.py", 13, sha1),
            ("path-dotenv", ".env", 0, sha2),
        }));
        Assert.That(findings.Any(f => f.Preview.Contains(token)), Is.False);
    }

    [Test]
    public void ScanDiff_streams_large_input_in_blocks()
    {
        var token = SampleTemplate.Expand("ghp_«GH»", _random);
        var sb = new System.Text.StringBuilder("diff --git a/big.txt b/big.txt\n--- a/big.txt\n+++ b/big.txt\n@@ -0,0 +1,30001 @@\n");
        for (var i = 0; i < 30000; i++) sb.Append("+const value").Append(i).Append(" = compute(").Append(i).Append(");\n");
        sb.Append("+const token = \"").Append(token).Append("\";\n");

        var findings = new SecretScanner(SecretScanConfig.Default).ScanDiff(new StringReader(sb.ToString())).ToList();

        Assert.That(findings.Select(f => (f.RuleId, f.Line)), Is.EqualTo(new[] { ("github-pat", 30001) }));
    }

    [Test]
    public void ScanFiles_scans_files_and_directories_with_path_rules()
    {
        var root = Directory.CreateTempSubdirectory("handoff-scanfiles-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "src"));
            File.WriteAllText(Path.Combine(root, "src", "a.js"), $"const a = 1;\nconst key = \"{SampleTemplate.Expand("AIza«u35»", _random)}\";\n");
            File.WriteAllText(Path.Combine(root, "src", "b.js"), "export const b = 2;\n");
            File.WriteAllText(Path.Combine(root, ".env"), "X=1\n");
            File.WriteAllBytes(Path.Combine(root, "src", "img.png"), [0x89, 0x50, 0, 0, 1]);

            var findings = new SecretScanner(root).ScanFiles(["src", ".env"], root);

            Assert.That(findings.Select(f => (f.RuleId, f.File, f.Line)), Is.EqualTo(new[] { ("gcp-api-key", "src/a.js", 2), ("path-dotenv", ".env", 0) }));
            Assert.Throws<HandoffException>(() => new SecretScanner(root).ScanFiles(["missing.txt"], root));
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }
}
