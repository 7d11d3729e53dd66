using System.Text.Json;

namespace Handoff.IntegrationTests.Secrets;

/// <summary>`devin-handoff scan` in each mode, through the built binary.</summary>
[Parallelizable(ParallelScope.All)]
public class ScanCommandTests
{
    private static async Task<GitSandbox> Repo()
    {
        var s = new GitSandbox();
        await s.GitOk(s.Repo, "init", "-q", "-b", "main");
        await s.CommitFile("README.md", "# demo\n", "initial");
        return s;
    }

    [Test]
    public async Task Working_mode_reports_what_a_handoff_would_send_and_exits_3_then_0_when_clean()
    {
        using var s = await Repo();
        Assert.That((await s.Run("scan")).ExitCode, Is.Zero);

        var key = TestSecrets.AwsKeyId();
        File.WriteAllText(Path.Combine(s.Repo, "README.md"), $"# demo\naws_access_key_id = {key}\n");
        File.WriteAllText(Path.Combine(s.Repo, ".env"), "DB_URL=postgres://localhost/dev\n");
        var result = await s.Run("scan");

        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
        Assert.That(result.StandardOutput, Does.Contain("README.md:2  aws-access-key-id"));
        Assert.That(result.StandardOutput, Does.Contain(".env (whole file)  path-dotenv"));
        Assert.That(result.StandardOutput + result.StandardError, Does.Not.Contain(key));
        Assert.That(result.StandardError, Does.Contain("2 secrets in 2 files found"));
    }

    [Test]
    public async Task Staged_mode_scans_the_index_only()
    {
        using var s = await Repo();
        var staged = TestSecrets.StripeKey();
        File.WriteAllText(Path.Combine(s.Repo, "pay.py"), $"KEY = '{staged}'\n");
        await s.GitOk(s.Repo, "add", "pay.py");
        File.WriteAllText(Path.Combine(s.Repo, "unstaged.py"), $"OTHER = '{TestSecrets.StripeKey()}'\n");

        var result = await s.Run("scan", "--staged", "--json");

        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
        using var doc = JsonDocument.Parse(result.StandardOutput);
        Assert.That(doc.RootElement.GetProperty("mode").GetString(), Is.EqualTo("staged"));
        var findings = doc.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.That(findings.Select(f => f.GetProperty("file").GetString()), Is.EqualTo(new[] { "pay.py" }));
        Assert.That(findings[0].GetProperty("rule").GetString(), Is.EqualTo("stripe-secret-key"));
        Assert.That(result.StandardOutput, Does.Not.Contain(staged));

        await s.GitOk(s.Repo, "reset", "-q");
        Assert.That((await s.Run("scan", "--staged")).ExitCode, Is.Zero);
    }

    [Test]
    public async Task Range_mode_scans_each_commits_own_lines_and_names_the_commit()
    {
        using var s = await Repo();
        var root = (await s.Git("rev-parse", "HEAD")).StandardOutput.Trim();
        var key = TestSecrets.AwsKeyId();
        var adding = await s.CommitFile("cfg.ini", $"[aws]\naws_access_key_id = {key}\n", "add");
        await s.CommitRemoval("cfg.ini", "remove");
        await s.CommitFile("ok.py", "x = 1\n", "clean");

        var result = await s.Run("scan", "--range", $"{root}..HEAD", "--json");

        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
        using var doc = JsonDocument.Parse(result.StandardOutput);
        var finding = doc.RootElement.GetProperty("findings").EnumerateArray().Single();
        Assert.That(finding.GetProperty("file").GetString(), Is.EqualTo("cfg.ini"));
        Assert.That(finding.GetProperty("line").GetInt32(), Is.EqualTo(2));
        Assert.That(finding.GetProperty("commit").GetString(), Is.EqualTo(adding));
        Assert.That(finding.GetProperty("fingerprint").GetString(), Does.StartWith("cfg.ini:aws-access-key-id:"));
        Assert.That(doc.RootElement.GetProperty("summary").GetProperty("count").GetInt32(), Is.EqualTo(1));
        Assert.That(result.StandardOutput, Does.Not.Contain(key));

        Assert.That((await s.Run("scan", "--range", "HEAD~1..HEAD")).ExitCode, Is.Zero);
    }

    [Test]
    public async Task Range_mode_rejects_a_bad_range_as_a_usage_error()
    {
        using var s = await Repo();
        var unknown = await s.Run("scan", "--range", "nope..HEAD", "--json");
        Assert.That(unknown.ExitCode, Is.EqualTo(2), unknown.ToString());
        using var doc = JsonDocument.Parse(unknown.StandardOutput);
        Assert.That(doc.RootElement.GetProperty("error").GetProperty("exit_code").GetInt32(), Is.EqualTo(2));

        var option = await s.Run("scan", "--range=--output=/tmp/x");
        Assert.That(option.ExitCode, Is.EqualTo(2), option.ToString());
        Assert.That(option.StandardError, Does.StartWith("devin-handoff: invalid --range"));
    }

    [Test]
    public async Task Path_mode_scans_files_and_folders_and_a_missing_path_is_exit_5()
    {
        using var s = new GitSandbox();
        var dir = Path.Combine(s.Cli.Home, "tree");
        Directory.CreateDirectory(Path.Combine(dir, "deep"));
        var key = TestSecrets.StripeKey();
        File.WriteAllText(Path.Combine(dir, "deep", "app.js"), $"const a = 1;\nconst stripe = '{key}';\n");
        File.WriteAllText(Path.Combine(dir, "id_rsa"), "not really a key but a key file by name\n");
        File.WriteAllText(Path.Combine(dir, "clean.txt"), "nothing here\n");

        var result = await s.Cli.Run(s.Cli.Home, "scan", "tree", "--json");
        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
        using var doc = JsonDocument.Parse(result.StandardOutput);
        var found = doc.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => $"{f.GetProperty("file").GetString()}:{f.GetProperty("line").GetInt32()}:{f.GetProperty("rule").GetString()}").ToList();
        Assert.That(found, Is.EquivalentTo(new[] { "tree/deep/app.js:2:stripe-secret-key", "tree/id_rsa:0:path-ssh-private-key" }));

        Assert.That((await s.Cli.Run(dir, "scan", "clean.txt")).ExitCode, Is.Zero);
        var missing = await s.Cli.Run(dir, "scan", "no-such-file");
        Assert.That(missing.ExitCode, Is.EqualTo(5), missing.ToString());
    }

    [Test]
    public async Task Stdin_mode_takes_a_unified_diff_or_plain_text()
    {
        using var s = new GitSandbox();
        var key = TestSecrets.AwsKeyId();
        var diff = $"diff --git a/x.py b/x.py\n--- a/x.py\n+++ b/x.py\n@@ -10,0 +11,2 @@\n+ok = 1\n+aws_access_key_id = \"{key}\"\n";
        var fromDiff = await s.Cli.RunWithInput(s.Cli.Home, diff, "scan", "--stdin", "--json");
        Assert.That(fromDiff.ExitCode, Is.EqualTo(3), fromDiff.ToString());
        using (var doc = JsonDocument.Parse(fromDiff.StandardOutput))
        {
            var f = doc.RootElement.GetProperty("findings")[0];
            Assert.That((f.GetProperty("file").GetString(), f.GetProperty("line").GetInt32()), Is.EqualTo(("x.py", 12)));
        }

        var text = $"Here is the failing config:\n  token: {TestSecrets.StripeKey()}\n";
        var fromText = await s.Cli.RunWithInput(s.Cli.Home, text, "scan", "--stdin", "--stdin-name", "notes.md");
        Assert.That(fromText.ExitCode, Is.EqualTo(3), fromText.ToString());
        Assert.That(fromText.StandardOutput, Does.Contain("notes.md:2  stripe-secret-key"));

        var clean = await s.Cli.RunWithInput(s.Cli.Home, "nothing secret here\n", "scan", "--stdin");
        Assert.That(clean.ExitCode, Is.Zero, clean.ToString());
        Assert.That(clean.StandardOutput, Is.Empty);
    }

    [Test]
    public async Task Sarif_output_parses_as_one_run_with_rules_and_located_results()
    {
        using var s = await Repo();
        var key = TestSecrets.StripeKey();
        File.WriteAllText(Path.Combine(s.Repo, "pay.py"), $"import stripe\nstripe.api_key = '{key}'\n");

        var result = await s.Run("scan", "--sarif");

        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
        Assert.That(result.StandardOutput, Does.Not.Contain(key));
        using var doc = JsonDocument.Parse(result.StandardOutput);
        Assert.That(doc.RootElement.GetProperty("version").GetString(), Is.EqualTo("2.1.0"));
        var run = doc.RootElement.GetProperty("runs").EnumerateArray().Single();
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        var res = run.GetProperty("results").EnumerateArray().Single();
        Assert.That(rules[res.GetProperty("ruleIndex").GetInt32()], Is.EqualTo("stripe-secret-key"));
        var location = res.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.That(location.GetProperty("artifactLocation").GetProperty("uri").GetString(), Is.EqualTo("pay.py"));
        Assert.That(location.GetProperty("region").GetProperty("startLine").GetInt32(), Is.EqualTo(2));
        Assert.That(res.GetProperty("partialFingerprints").GetProperty("secretFingerprint/v1").GetString(), Does.StartWith("pay.py:stripe-secret-key:"));
    }

    [Test]
    public async Task Accepted_fingerprints_and_allow_comments_are_not_findings()
    {
        using var s = await Repo();
        File.WriteAllText(Path.Combine(s.Repo, "a.py"), $"KEY = '{TestSecrets.StripeKey()}'\n");
        var first = await s.Run("scan", "--json");
        Assert.That(first.ExitCode, Is.EqualTo(3), first.ToString());
        using var doc = JsonDocument.Parse(first.StandardOutput);
        Assert.That(doc.RootElement.GetProperty("findings").GetArrayLength(), Is.EqualTo(1));
        var fingerprint = doc.RootElement.GetProperty("findings")[0].GetProperty("fingerprint").GetString();
        File.WriteAllText(Path.Combine(s.Repo, ".devin-handoff-ignore"), $"# accepted: test fixture\n{fingerprint}\n");
        var other = TestSecrets.StripeKey();
        File.WriteAllText(Path.Combine(s.Repo, "b.py"), $"KEY = '{other}'  # devin-handoff:allow\n");

        var second = await s.Run("scan");
        Assert.That(second.ExitCode, Is.Zero, second.ToString());

        // The same key without its allow comment is found: the comment, not the key, let it through.
        File.WriteAllText(Path.Combine(s.Repo, "b.py"), $"KEY = '{other}'\n");
        var third = await s.Run("scan", "--json");
        Assert.That(third.ExitCode, Is.EqualTo(3), third.ToString());
        using var found = JsonDocument.Parse(third.StandardOutput);
        var findings = found.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.That(findings.Select(f => (f.GetProperty("file").GetString(), f.GetProperty("rule").GetString())),
            Is.EqualTo(new[] { ("b.py", "stripe-secret-key") }), "a.py stays accepted by its fingerprint");
    }

    [Test]
    public async Task Modes_cannot_be_combined_and_outside_a_repository_is_an_error()
    {
        using var s = await Repo();
        var both = await s.Run("scan", "--staged", "--range", "HEAD~1..HEAD");
        Assert.That(both.ExitCode, Is.EqualTo(2), both.ToString());
        var formats = await s.Run("scan", "--json", "--sarif");
        Assert.That(formats.ExitCode, Is.EqualTo(2), formats.ToString());

        var outside = Path.Combine(s.Cli.Home, "plain");
        Directory.CreateDirectory(outside);
        var result = await s.Cli.Run(outside, "scan", "--staged");
        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.StandardError, Does.Contain("not inside a git repository"));
    }
}
