using Handoff.Core.Secrets;
using static Handoff.Tests.Secrets.SnapshotBuilder;

namespace Handoff.Tests.Secrets;

/// <summary>
/// A rule that times out never lets its text through (issue 15: fail-open on a scan timeout had one test). Each entry
/// point gets its own case: create's hunk filter in both modes, free-text redaction, diff streams (the hook, scan
/// --range) and files (scan PATH). The rule backtracks catastrophically on a line of x's, so it hits the real 2 s
/// match timeout; nothing here fakes the exception.
/// </summary>
public class ScanTimeoutFailClosedTests
{
    private const string Evil = "ex-backtrack";
    private static readonly string Slow = new('x', 5000);
    private string _root = null!;

    [SetUp]
    public void SetUp() => _root = Directory.CreateTempSubdirectory("handoff-timeout-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_root, recursive: true);

    private static SecretScanner Scanner() => new(new SecretScanConfig
    {
        ExtraRules = [new SecretRule { Id = Evil, Description = "catastrophic backtracking", Regex = "(x+x+)+y", Keywords = ["xxx"] }],
    });

    [Test]
    public void Withhold_mode_withholds_only_the_hunk_that_timed_out()
    {
        var file = File("src/a.txt", (1, ["before = 1"]), (20, ["a = 1", Slow, "b = 2"]), (60, ["after = 2"]));

        var result = Scanner().Filter(With(_root, [file]), SecretMode.Withhold);

        Assert.That(result.WorkingChanges.Single().Hunks.Select(h => h.NewStart), Is.EqualTo(new[] { 1, 60 }));
        var withheld = result.Withheld.Single();
        Assert.That((withheld.File, withheld.StartLine, withheld.RuleIds.Single()), Is.EqualTo(("src/a.txt", (int?)20, SecretScanner.ScanErrorRuleId)));
        var finding = result.Findings.Single();
        Assert.That((finding.RuleId, finding.File, finding.Line), Is.EqualTo((SecretScanner.ScanErrorRuleId, "src/a.txt", 22)));
        Assert.That(string.Join('\n', result.WorkingChanges.SelectMany(f => f.Hunks).SelectMany(h => h.Lines)), Does.Not.Contain("xxxx"));
    }

    [Test]
    public void A_timeout_in_an_unpushed_commit_withholds_that_hunk_and_names_the_commit()
    {
        var sha = new string('c', 40);
        var commit = Commit(sha, File("lib/b.txt", (3, [Slow])));

        var result = Scanner().Filter(With(_root, [File("src/ok.txt", (1, ["fine = 1"]))], [commit]), SecretMode.Redact);

        Assert.That(result.WorkingChanges.Single().Path, Is.EqualTo("src/ok.txt"));
        Assert.That(result.UnpushedCommits.Single().Files, Is.Empty);
        Assert.That(result.Withheld.Single().Commit, Is.EqualTo(sha));
        Assert.That(result.Findings.Single().Commit, Is.EqualTo(sha));
    }

    [Test]
    public void Redacting_free_text_replaces_the_line_that_timed_out_and_keeps_the_others()
    {
        var result = Scanner().Redact("context", $"first line\n{Slow}\r\nlast line");

        Assert.That(result.Text, Is.EqualTo($"first line\n[REDACTED:{SecretScanner.ScanErrorRuleId}]\r\nlast line"));
        Assert.That(result.Findings.Select(f => (f.RuleId, f.File, f.Line)), Is.EqualTo(new[] { (SecretScanner.ScanErrorRuleId, "context", 2) }));
    }

    [Test]
    public void A_diff_stream_reports_the_line_that_timed_out()
    {
        var diff = $"""
            diff --git a/src/c.txt b/src/c.txt
            --- a/src/c.txt
            +++ b/src/c.txt
            @@ -1,1 +1,3 @@
             kept
            +{Slow}
            +z = 3

            """;

        var findings = Scanner().ScanDiff(new StringReader(diff)).ToList();

        Assert.That(findings.Select(f => (f.RuleId, f.File, f.Line)), Is.EqualTo(new[] { (SecretScanner.ScanErrorRuleId, "src/c.txt", 2) }));
    }

    [Test]
    public void Scanning_a_file_reports_the_line_that_timed_out()
    {
        System.IO.File.WriteAllText(Path.Combine(_root, "slow.txt"), $"one\ntwo\n{Slow}\n");

        var findings = Scanner().ScanFiles(["slow.txt"], _root);

        Assert.That(findings.Select(f => (f.RuleId, f.File, f.Line)), Is.EqualTo(new[] { (SecretScanner.ScanErrorRuleId, "slow.txt", 3) }));
    }
}
