using Handoff.Core;
using Handoff.Core.Inspection;
using Handoff.Core.Secrets;
using static Handoff.Tests.Secrets.SnapshotBuilder;

namespace Handoff.Tests.Secrets;

public class SecretScannerFilterTests
{
    private readonly Random _random = new(42);
    private string _root = null!;

    [SetUp]
    public void SetUp() => _root = Directory.CreateTempSubdirectory("handoff-secrets-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_root, recursive: true);

    private string Token() => SampleTemplate.Expand("ghp_«GH»", _random);

    [Test]
    public void Withhold_removes_only_the_hunk_holding_a_secret()
    {
        var token = Token();
        var file = File("src/app.py", (10, ["x = 1"]), (40, [$"GITHUB_TOKEN = \"{token}\"", "y = 2"]));
        var result = new SecretScanner(_root).Filter(With(_root, [file]), SecretMode.Withhold);

        Assert.That(result.WorkingChanges, Has.Count.EqualTo(1));
        Assert.That(result.WorkingChanges[0].Hunks.Select(h => h.NewStart), Is.EqualTo(new[] { 10 }));
        var item = result.Withheld.Single();
        Assert.That((item.File, item.StartLine, item.EndLine, item.WholeFile), Is.EqualTo(("src/app.py", (int?)40, (int?)42, false)));
        Assert.That(item.RuleIds, Is.EqualTo(new[] { "github-pat" }));
        var finding = result.Findings.Single();
        Assert.That((finding.RuleId, finding.File, finding.Line, finding.Confidence), Is.EqualTo(("github-pat", "src/app.py", 41, FindingConfidence.High)));
        Assert.That(finding.Preview, Does.Not.Contain(token));
        Assert.That(finding.Preview, Does.Contain("ghp_…"));
        Assert.That(finding.Fingerprint, Does.StartWith("src/app.py:github-pat:").And.Not.Contain(token));
    }

    [Test]
    public void Redact_keeps_the_hunk_and_replaces_only_the_secret()
    {
        var token = Token();
        var file = File("src/app.py", (40, [$"GITHUB_TOKEN = \"{token}\"  # ci", "y = 2"]));
        var result = new SecretScanner(_root).Filter(With(_root, [file]), SecretMode.Redact);

        var lines = result.WorkingChanges.Single().Hunks.Single().Lines;
        Assert.That(lines, Is.EqualTo(new[] { " context line", "+GITHUB_TOKEN = \"[REDACTED:github-pat]\"  # ci", "+y = 2" }));
        Assert.That(result.Withheld, Is.Empty);
        Assert.That(result.Findings.Single().RuleId, Is.EqualTo("github-pat"));
    }

    [Test]
    public void Redact_removes_a_whole_multi_line_private_key()
    {
        var body = SampleTemplate.Expand("«b64»", _random);
        var file = NewFile("deploy/notes.md", "key:", "-----BEGIN RSA PRIVATE KEY-----", body, body, "-----END RSA PRIVATE KEY-----", "done");
        var result = new SecretScanner(_root).Filter(With(_root, [file]), SecretMode.Redact);

        var lines = result.WorkingChanges.Single().Hunks.Single().Lines;
        Assert.That(lines, Is.EqualTo(new[] { "+key:", "+[REDACTED:private-key]", "+[REDACTED:private-key]", "+[REDACTED:private-key]", "+[REDACTED:private-key]", "+done" }));
    }

    [TestCase(".env", true)]
    [TestCase("config/.env.production", true)]
    [TestCase(".env.example", false)]
    [TestCase(".env.sample", false)]
    [TestCase("home/.ssh/id_ed25519", true)]
    [TestCase("home/.ssh/id_ed25519.pub", false)]
    [TestCase("certs/server.key", true)]
    [TestCase("certs/store.p12", true)]
    [TestCase("android/release.jks", true)]
    [TestCase("infra/terraform.tfstate", true)]
    [TestCase(".git-credentials", true)]
    [TestCase("src/environment.ts", false)]
    public void Path_rules_withhold_secret_files_whole(string path, bool withheld)
    {
        var result = new SecretScanner(_root).Filter(With(_root, [NewFile(path, "A=1")]), SecretMode.Redact);

        Assert.That(result.Withheld.Any(w => w.File == path && w.WholeFile), Is.EqualTo(withheld));
        Assert.That(result.WorkingChanges.Any(f => f.Path == path), Is.EqualTo(!withheld));
    }

    [TestCase("certs/key.pem", "-----BEGIN PRIVATE KEY-----", true)]
    [TestCase("certs/cert.pem", "-----BEGIN CERTIFICATE-----", false)]
    [TestCase(".npmrc", "//registry.npmjs.org/:_authToken=abcdef0123456789abcdef", true)]
    [TestCase(".npmrc", "registry=https://registry.npmjs.org/", false)]
    [TestCase("keys/sa.json", "{\"type\": \"service_account\", \"private_key\": \"-----BEGIN PRIVATE KEY-----\\nMII\"}", true)]
    [TestCase("package.json", "{\"name\": \"app\", \"type\": \"module\"}", false)]
    [TestCase("ops/kubeconfig", "    token: abcdefghijklmnop", true)]
    [TestCase("ops/kubeconfig", "    server: https://k8s.internal", false)]
    public void Content_conditional_path_rules(string path, string content, bool withheld)
    {
        var result = new SecretScanner(_root).Filter(With(_root, [NewFile(path, content)]), SecretMode.Withhold);

        Assert.That(result.Withheld.Any(w => w.File == path && w.WholeFile), Is.EqualTo(withheld));
    }

    [Test]
    public void Deleting_a_secret_file_is_not_withheld()
    {
        var deleted = new FileChange { Path = ".env", Kind = ChangeKind.Deleted, Hunks = [new DiffHunk("@@ -1 +0,0 @@", ["-A=1"], 0, 1)] };
        var result = new SecretScanner(_root).Filter(With(_root, [deleted]), SecretMode.Withhold);

        Assert.That(result.Withheld, Is.Empty);
        Assert.That(result.WorkingChanges, Has.Count.EqualTo(1));
    }

    [TestCase("# devin-handoff:allow")]
    [TestCase("// gitleaks:allow")]
    [TestCase("# pragma: allowlist secret")]
    public void Inline_allow_comment_lets_the_line_through(string comment)
    {
        var file = File("src/app.py", (5, [$"TOKEN = \"{Token()}\"  {comment}"]));
        var result = new SecretScanner(_root).Filter(With(_root, [file]), SecretMode.Withhold);

        Assert.That(result.Findings, Is.Empty);
        Assert.That(result.WorkingChanges.Single().Hunks, Has.Count.EqualTo(1));
    }

    [Test]
    public void Allow_nextline_pragma_applies_to_the_following_line_only()
    {
        var file = File("src/app.py", (5, ["# pragma: allowlist nextline secret", $"A = \"{Token()}\"", $"B = \"{Token()}\""]));
        var result = new SecretScanner(_root).Filter(With(_root, [file]), SecretMode.Redact);

        Assert.That(result.Findings.Select(f => f.Line), Is.EqualTo(new[] { 8 }));
    }

    [Test]
    public void Ignore_file_fingerprints_accept_known_findings()
    {
        var token = Token();
        var other = Token();
        var file = File("src/app.py", (5, [$"A = \"{token}\""]), (50, [$"B = \"{other}\""]));
        var first = new SecretScanner(_root).Filter(With(_root, [file]), SecretMode.Withhold);
        var accepted = first.Findings.Single(f => f.Line == 6).Fingerprint;
        System.IO.File.WriteAllLines(Path.Combine(_root, ".devin-handoff-ignore"), ["# accepted test fixture", accepted]);

        var second = new SecretScanner(_root).Filter(With(_root, [file]), SecretMode.Withhold);

        Assert.That(second.Findings.Select(f => f.Line), Is.EqualTo(new[] { 51 }));
        Assert.That(second.WorkingChanges.Single().Hunks.Select(h => h.NewStart), Is.EqualTo(new[] { 5 }));
        Assert.That(System.IO.File.ReadAllText(Path.Combine(_root, ".devin-handoff-ignore")), Does.Not.Contain(token));
    }

    [Test]
    public void Repo_config_adds_rules_disables_rules_and_allowlists()
    {
        Directory.CreateDirectory(Path.Combine(_root, ".devin-handoff"));
        System.IO.File.WriteAllText(Path.Combine(_root, ".devin-handoff", "secrets.json"), """
            {
              // comments are allowed
              "rules": [ { "id": "acme-token", "description": "ACME token", "regex": "acme_[a-z0-9]{24}", "keywords": ["acme_"] } ],
              "disabledRules": [ "stripe-secret-key" ],
              "allowlist": { "paths": [ "^docs/" ] }
            }
            """);
        var acme = "acme_" + SampleTemplate.Expand("«a24»", _random);
        var stripe = SampleTemplate.Expand("sk_live_«A24»", _random);
        var files = new[]
        {
            File("src/a.py", (1, [$"ACME = '{acme}'"])),
            File("src/b.py", (1, [$"charge({stripe})"])), // no name = value around it: only the (disabled) stripe rule could see it
            File("docs/c.md", (1, [$"token {Token()}"])),
        };
        var result = new SecretScanner(_root).Filter(With(_root, files), SecretMode.Withhold);

        Assert.That(result.Findings.Select(f => (f.RuleId, f.File)), Is.EqualTo(new[] { ("acme-token", "src/a.py") }));
        Assert.That(result.Findings.Select(f => f.RuleId), Does.Not.Contain("stripe-secret-key"));
        Assert.That(result.WorkingChanges.Select(f => f.Path), Does.Contain("docs/c.md"));
    }

    [Test]
    public void Invalid_config_is_a_clear_config_error()
    {
        Directory.CreateDirectory(Path.Combine(_root, ".devin-handoff"));
        System.IO.File.WriteAllText(Path.Combine(_root, ".devin-handoff", "secrets.json"), """{ "rules": [ { "id": "x", "regex": "([a-z" } ] }""");

        var e = Assert.Throws<HandoffException>(() => new SecretScanner(_root).Filter(With(_root, []), SecretMode.Withhold));
        Assert.That(e!.ExitCode, Is.EqualTo(ExitCodes.AuthOrConfig));
        Assert.That(e.Message, Does.Contain(".devin-handoff/secrets.json").And.Contain("rule x"));
    }

    [Test]
    public void A_hunk_whose_scan_times_out_is_withheld_as_scan_error()
    {
        var config = new SecretScanConfig
        {
            ExtraRules = [new SecretRule { Id = "evil", Description = "catastrophic", Regex = "(x+x+)+y", Keywords = ["xxx"] }],
        };
        var file = File("src/a.txt", (1, [new string('x', 5000)]));
        var result = new SecretScanner(config).Filter(With(_root, [file]), SecretMode.Redact);

        Assert.That(result.WorkingChanges, Is.Empty);
        Assert.That(result.Withheld.Single().RuleIds, Is.EqualTo(new[] { SecretScanner.ScanErrorRuleId }));
    }

    [Test]
    public void Unpushed_commit_patches_are_filtered_with_their_sha()
    {
        var sha = new string('c', 40);
        var commit = Commit(sha, File("src/a.py", (3, [$"T = '{Token()}'"])), NewFile(".env", "A=1"), File("src/ok.py", (1, ["print(1)"])));
        var result = new SecretScanner(_root).Filter(With(_root, [], [commit]), SecretMode.Withhold);

        var filtered = result.UnpushedCommits.Single();
        Assert.That(filtered.Sha, Is.EqualTo(sha));
        Assert.That(filtered.Files.Select(f => f.Path), Is.EqualTo(new[] { "src/ok.py" }));
        Assert.That(result.Withheld.Select(w => (w.File, w.Commit, w.WholeFile)), Is.EquivalentTo(new[] { ("src/a.py", sha, false), (".env", sha, true) }));
        Assert.That(result.Findings.All(f => f.Commit == sha), Is.True);
    }
}
