using Handoff.Core.Secrets;

namespace Handoff.Tests.Secrets.Setup;

/// <summary>
/// How the scanner cuts text and diff streams into lines: CRLF, empty lines, no trailing newline, a line longer than
/// the read buffer, a stream that hands over a few characters at a time. Line numbers and redacted text must not move.
/// </summary>
public class LineSplittingTests
{
    private static readonly Random Random = new(4242);
    private static string Token() => SampleTemplate.Expand("ghp_«GH»", Random);
    private static SecretScanner Scanner() => new(SecretScanConfig.Default);

    [TestCase("\n", 2)]
    [TestCase("\r\n", 2)]
    [TestCase("\n\n", 3)]
    [TestCase("\r\n\r\n", 3)]
    [TestCase("a = 1\n", 2)]
    public void Redact_counts_empty_lines_before_a_secret(string before, int line)
    {
        var token = Token();

        var result = Scanner().Redact("ctx", $"{before}T = '{token}'\r\nend");

        Assert.That(result.Findings.Select(f => (f.RuleId, f.File, f.Line)), Is.EqualTo(new[] { ("github-pat", "ctx", line) }));
        Assert.That(result.Text, Does.Not.Contain(token));
        Assert.That(result.Text, Does.StartWith(before).And.EndWith("'\r\nend"));
    }

    [TestCase("")]
    [TestCase("\n")]
    [TestCase("\r\n")]
    [TestCase("one\r\ntwo\n\nthree")]
    [TestCase("one\r\ntwo\r\n")]
    [TestCase("\r")]
    [TestCase("x\r\r\n")]
    public void Redact_gives_back_clean_text_byte_for_byte(string text)
    {
        var result = Scanner().Redact("ctx", text);

        Assert.That((result.Text, result.Findings.Count), Is.EqualTo((text, 0)));
    }

    [Test]
    public void A_line_that_cannot_be_scanned_is_replaced_and_reported_with_its_line()
    {
        // A config rule whose regex does not parse fails when its keyword is first seen: that line fails closed.
        var scanner = new SecretScanner(new SecretScanConfig
        {
            ExtraRules = [new SecretRule { Id = "broken", Description = "bad pattern", Regex = "(unclosed", Keywords = ["zqkw"] }],
        });

        var result = scanner.Redact("notes", "fine\r\nsay zqkw here\r\nfine too");

        Assert.That(result.Text, Is.EqualTo($"fine\r\n[REDACTED:{SecretScanner.ScanErrorRuleId}]\r\nfine too"));
        var finding = result.Findings.Single();
        Assert.That((finding.RuleId, finding.File, finding.Line, finding.Fingerprint, finding.Preview),
            Is.EqualTo((SecretScanner.ScanErrorRuleId, "notes", 2, $"notes:{SecretScanner.ScanErrorRuleId}:2", "(line could not be scanned)")));
    }

    [Test]
    public void Scan_text_numbers_lines_across_crlf_and_empty_lines()
    {
        var token = Token();

        var findings = Scanner().ScanText("app.py", $"\r\n\nT = '{token}'\r\n\r\nU = '{token}'");

        Assert.That(findings.Select(f => (f.File, f.Line)), Is.EqualTo(new[] { ("app.py", 3), ("app.py", 5) }));
    }

    private static string Diff(string path, params string[] added) =>
        $"diff --git a/{path} b/{path}\n--- a/{path}\n+++ b/{path}\n@@ -0,0 +1,{added.Length} @@\n" + string.Concat(added.Select(a => "+" + a + "\n"));

    [Test]
    public void A_diff_without_a_trailing_newline_still_scans_its_last_line()
    {
        var token = Token();
        var diff = Diff("src/a.py", "x = 1", $"T = '{token}'").TrimEnd('\n');

        var findings = Scanner().ScanDiff(new StringReader(diff)).ToList();

        Assert.That(findings.Select(f => (f.RuleId, f.File, f.Line)), Is.EqualTo(new[] { ("github-pat", "src/a.py", 2) }));
    }

    [Test]
    public void A_diff_line_longer_than_the_read_buffer_is_scanned_whole()
    {
        var token = Token();
        var padding = new string('a', 200_000);
        var diff = Diff("src/big.js", "first = 1", $"var s = \"{padding}\"; T = '{token}'", "y = 2", $"U = '{token}'");

        var findings = Scanner().ScanDiff(new StringReader(diff)).ToList();

        Assert.That(findings.Select(f => (f.RuleId, f.Line)), Is.EqualTo(new[] { ("github-pat", 2), ("github-pat", 4) }));
    }

    [TestCase(1)]
    [TestCase(7)]
    [TestCase(100)]
    public void A_diff_read_a_few_characters_at_a_time_gives_the_same_findings(int chunk)
    {
        var token = Token();
        var diff = Diff("src/a.py", "x = 1", $"T = '{token}'", "", $"U = '{token}'\r") + Diff("src/b.py", $"V = '{token}'");

        var findings = Scanner().ScanDiff(new Trickle(diff, chunk)).ToList();

        Assert.That(findings.Select(f => (f.File, f.Line)), Is.EqualTo(new[] { ("src/a.py", 2), ("src/a.py", 4), ("src/b.py", 1) }));
    }

    /// <summary>A reader that never hands over more than <c>chunk</c> characters per read, as a pipe may.</summary>
    private sealed class Trickle(string text, int chunk) : TextReader
    {
        private int _pos;

        public override int Read(char[] buffer, int index, int count)
        {
            var n = Math.Min(Math.Min(count, chunk), text.Length - _pos);
            text.CopyTo(_pos, buffer, index, n);
            _pos += n;
            return n;
        }
    }
}
