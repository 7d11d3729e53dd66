using Handoff.Core.Secrets;
using Handoff.Core.Secrets.Output;

namespace Handoff.Tests.Secrets.Output;

/// <summary>How findings are counted and shown: the one-line summary, the text listing and the JSON report's summary.</summary>
public class FindingsSummaryTests
{
    private static Finding F(string rule, string file, string? commit = null, int line = 1, FindingConfidence confidence = FindingConfidence.Medium) =>
        new(rule, file, line, $"{file}:{rule}:00", "x = …", commit, confidence);

    [Test]
    public void The_summary_counts_secrets_files_commits_and_problems_in_words()
    {
        Assert.That(FindingsText.Summary([]), Is.EqualTo("0 secrets in 0 files"));
        Assert.That(FindingsText.Summary([F("aws", "a.py")]), Is.EqualTo("1 secret in 1 file"));
        Assert.That(FindingsText.Summary([F("aws", "a.py"), F("npm", "a.py")]), Is.EqualTo("2 secrets in 1 file"));
        Assert.That(FindingsText.Summary([F("aws", "a.py"), F("aws", "A.py")]), Is.EqualTo("2 secrets in 2 files"), "paths are case-sensitive");
        Assert.That(FindingsText.Summary([F("aws", "a.py", "abc1"), F("aws", "b.py", "ABC1"), F("aws", "c.py", "def2")]),
            Is.EqualTo("3 secrets in 3 files, 2 commits"), "a commit id is the same in either case");
    }

    [TestCase("scan-error")]
    [TestCase("malformed-diff")]
    [TestCase("archive-unscanned")]
    public void A_finding_about_the_scan_itself_is_a_problem_not_a_secret(string rule)
    {
        Assert.That(FindingsText.Summary([F(rule, "a.py", "abc1")]), Is.EqualTo("1 scan problem"), "its commit is not counted either");
        Assert.That(FindingsText.Summary([F(rule, "a.py"), F(rule, "b.py"), F("aws", "c.py")]), Is.EqualTo("1 secret in 1 file, 2 scan problems"));
    }

    [Test]
    public void The_listing_marks_low_confidence_and_shows_at_most_twelve_characters_of_a_commit()
    {
        var writer = new StringWriter();
        FindingsText.Write(writer, [
            F("generic-secret", "a.py", "0123456789abcdef", 3, FindingConfidence.Low),
            F("npm-token", "b.py", "abc", 4, FindingConfidence.High),
            F("aws", "c.py", null, 5),
        ]);

        var lines = writer.ToString().Split(Environment.NewLine);
        Assert.That(lines[0], Is.EqualTo("a.py:3  generic-secret  [low confidence]  (commit 0123456789ab)"));
        Assert.That(lines[1], Is.EqualTo("    x = …"));
        Assert.That(lines[2], Is.EqualTo("    fingerprint: a.py:generic-secret:00"));
        Assert.That(lines[3], Is.EqualTo("b.py:4  npm-token  (commit abc)"));
        Assert.That(lines[6], Is.EqualTo("c.py:5  aws"));
    }

    [Test]
    public void The_json_summary_counts_files_by_exact_path_commits_in_any_case_and_rules_in_ordinal_order()
    {
        var report = FindingsReport.From("range", [
            F("b-rule", "a.py", "abc1"), F("B-rule", "A.py", "ABC1"), F("b-rule", "c.py", "def2"), F("a-rule", "a.py", null, 0, FindingConfidence.Low),
        ]);

        Assert.That((report.Summary.Count, report.Summary.Files, report.Summary.Commits), Is.EqualTo((4, 3, 2)));
        Assert.That(report.Summary.ByRule.Select(r => (r.Rule, r.Count)), Is.EqualTo(new[] { ("B-rule", 1), ("a-rule", 1), ("b-rule", 2) }));
        Assert.That(report.Findings.Select(f => f.Confidence), Is.EqualTo(new[] { "medium", "medium", "medium", "low" }));
        Assert.That(report.Findings[3], Is.EqualTo(new FindingView("a-rule", "a.py", 0, "a.py:a-rule:00", "x = …", null, "low")));
    }
}
