using Handoff.Core;
using Handoff.Core.Inspection;
using Handoff.Core.Secrets;
using static Handoff.Tests.Secrets.SnapshotBuilder;

namespace Handoff.Tests.Secrets.Scanning;

/// <summary>
/// How the hunk filter reads a hunk: only added lines are scanned, context and empty lines count toward the new line
/// numbers, removed lines and "\ No newline" do not; state never carries from one hunk to the next; a clean file goes
/// out as it came; a hunk that cannot be scanned is reported with its own fingerprint and a fixed preview.
/// </summary>
public class HunkFilterTests
{
    private readonly Random _random = new(15);
    private string _root = null!;

    [SetUp]
    public void SetUp() => _root = Directory.CreateTempSubdirectory("handoff-hunks-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_root, recursive: true);

    private string Token() => SampleTemplate.Expand("ghp_«GH»", _random);

    private static FileChange Modified(string path, params DiffHunk[] hunks) => new()
    {
        Path = path,
        Kind = ChangeKind.Modified,
        HeaderLines = [$"diff --git a/{path} b/{path}", $"--- a/{path}", $"+++ b/{path}"],
        Hunks = hunks,
    };

    [Test]
    public void Only_added_lines_are_scanned_and_only_new_side_lines_are_counted()
    {
        var removed = Token();
        var added = Token();
        var hunk = new DiffHunk("@@ -10,4 +10,4 @@", [
            " def settings():",
            $"-    GITHUB_TOKEN = \"{removed}\"",
            "",                                  // an empty context line, its space lost on the way
            "\\ No newline at end of file",
            "+    x = 1",
            $"+    GITHUB_TOKEN = \"{added}\"",
        ], 10, 10);

        var result = new SecretScanner(_root).Filter(With(_root, [Modified("src/app.py", hunk)]), SecretMode.Withhold);

        var finding = result.Findings.Single();
        Assert.That((finding.RuleId, finding.Line), Is.EqualTo(("github-pat", 13)), "the removed token is not the user's to withhold");
        var withheld = result.Withheld.Single();
        Assert.That((withheld.StartLine, withheld.EndLine), Is.EqualTo(((int?)10, (int?)13)));
    }

    [Test]
    public void An_allowlist_pragma_at_the_end_of_one_hunk_does_not_reach_into_the_next()
    {
        var token = Token();
        var file = File("src/app.py", (10, ["x = 1", "# pragma: allowlist nextline secret"]), (40, [$"GITHUB_TOKEN = \"{token}\""]));

        var result = new SecretScanner(_root).Filter(With(_root, [file]), SecretMode.Withhold);

        Assert.That(result.Findings.Select(f => (f.RuleId, f.Line)), Is.EqualTo(new[] { ("github-pat", 41) }));
        Assert.That(result.WorkingChanges.Single().Hunks.Select(h => h.NewStart), Is.EqualTo(new[] { 10 }));
    }

    [Test]
    public void A_clean_file_goes_out_as_it_came()
    {
        var file = File("src/app.py", (10, ["x = 1"]), (40, ["y = 2"]));

        var result = new SecretScanner(_root).Filter(With(_root, [file]), SecretMode.Withhold);

        Assert.That(result.WorkingChanges.Single(), Is.SameAs(file));
    }

    [Test]
    public void A_hunk_that_cannot_be_scanned_is_reported_by_its_start_with_a_fixed_preview()
    {
        // A rule that backtracks catastrophically on a line of x's: the real match timeout, nothing faked.
        var scanner = new SecretScanner(new SecretScanConfig
        {
            ExtraRules = [new SecretRule { Id = "ex-backtrack", Description = "catastrophic backtracking", Regex = "(x+x+)+y", Keywords = ["xxx"] }],
        });
        var file = File("src/a.txt", (20, ["a = 1", new string('x', 5000)]));

        var result = scanner.Filter(With(_root, [file]), SecretMode.Redact);

        var finding = result.Findings.Single();
        Assert.That((finding.RuleId, finding.Fingerprint, finding.Preview, finding.Line),
            Is.EqualTo((SecretScanner.ScanErrorRuleId, "src/a.txt:scan-error:20", "(hunk could not be scanned)", 22)));
    }
}
