using Handoff.Core.Secrets;

namespace Handoff.Tests.Hooks;

/// <summary>What the hook and `scan --range` stream through ScanDiff honours the repository's config like Filter does.</summary>
public class HookScanConfigTests
{
    private static string Key() => "sk_" + "live_" + new string(Enumerable.Range(0, 24).Select(i => "aB3xQ9zK"[i % 8]).ToArray()) + "Zq";

    private static string Diff(string path, string added) =>
        $"commit {new string('a', 40)}\n\ndiff --git a/{path} b/{path}\n--- /dev/null\n+++ b/{path}\n@@ -0,0 +1,1 @@\n+{added}\n";

    [Test]
    public void Allowlisted_paths_are_not_scanned_in_a_streamed_diff()
    {
        var scanner = new SecretScanner(FileSecretConfigLoader.Parse("""{ "allowlist": { "paths": [ "^fixtures/" ] } }"""));
        var text = Diff("fixtures/pay.py", $"KEY = '{Key()}'") + Diff("src/pay.py", $"KEY = '{Key()}'");

        var findings = scanner.ScanDiff(new StringReader(text)).ToList();

        Assert.That(findings.Select(f => f.File), Is.EqualTo(new[] { "src/pay.py" }));
    }

    [Test]
    public void The_ignore_file_itself_is_never_a_finding()
    {
        var scanner = new SecretScanner(SecretScanConfig.Default);
        var fingerprint = "src/a.py:stripe-secret-key:c1dcc1b5d2512037";

        Assert.That(scanner.ScanDiff(new StringReader(Diff(".devin-handoff-ignore", fingerprint))), Is.Empty);
        Assert.That(scanner.ScanDiff(new StringReader(Diff("sub/.devin-handoff-ignore", fingerprint))), Is.Empty);
        var filtered = scanner.Filter(Handoff.Tests.Secrets.SnapshotBuilder.With("/r", [Handoff.Tests.Secrets.SnapshotBuilder.NewFile(".devin-handoff-ignore", fingerprint)]), SecretMode.Withhold);
        Assert.That(filtered.Findings, Is.Empty);
    }
}
