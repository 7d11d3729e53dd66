using Handoff.Core.Secrets;

namespace Handoff.Tests.Secrets.Setup;

/// <summary>`scan PATH…` on single files: binary detection (a NUL byte anywhere in the first 8000 bytes), empty files, and fail-closed lines.</summary>
public class FileWalkTests
{
    private static readonly Random Random = new(991);
    private string _root = "";

    [SetUp]
    public void SetUp() => _root = Directory.CreateTempSubdirectory("handoff-walk-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_root, true);

    private static string Token() => SampleTemplate.Expand("ghp_«GH»", Random);

    private void Write(string path, byte[] bytes) => File.WriteAllBytes(Path.Combine(_root, path), bytes);

    private IReadOnlyList<Finding> Scan(params string[] paths) => new SecretScanner(SecretScanConfig.Default).ScanFiles(paths, _root);

    [TestCase(0)]
    [TestCase(5)]
    public void A_file_with_a_NUL_byte_is_binary_and_its_text_is_not_scanned(int at)
    {
        var text = System.Text.Encoding.ASCII.GetBytes($"xxxxxxxxT = '{Token()}'\n");
        text[at] = 0;
        Write("blob.dat", text);

        Assert.That(Scan("blob.dat"), Is.Empty);
    }

    [Test]
    public void A_text_file_is_scanned_line_by_line()
    {
        Write("app.py", System.Text.Encoding.ASCII.GetBytes($"a = 1\r\n\r\nT = '{Token()}'\n"));

        Assert.That(Scan("app.py").Select(f => (f.RuleId, f.File, f.Line)), Is.EqualTo(new[] { ("github-pat", "app.py", 3) }));
    }

    [Test]
    public void An_empty_env_file_is_no_finding_but_a_filled_one_is_withheld_whole()
    {
        Write(".env", []);
        Directory.CreateDirectory(Path.Combine(_root, "b"));
        File.WriteAllText(Path.Combine(_root, "b", ".env"), "MODE=dev\n");

        Assert.That(Scan(".env", "b/.env").Select(f => (f.File, f.Line, f.Preview.StartsWith("(whole file:"))), Is.EqualTo(new[] { ("b/.env", 0, true) }));
    }

    [Test]
    public void A_line_that_cannot_be_scanned_is_reported_as_a_scan_error_and_the_next_lines_still_are_scanned()
    {
        var scanner = new SecretScanner(new SecretScanConfig
        {
            ExtraRules = [new SecretRule { Id = "broken", Description = "bad pattern", Regex = "(unclosed", Keywords = ["zqkw"] }],
        });
        File.WriteAllText(Path.Combine(_root, "n.txt"), $"ok\nzqkw\nT = '{Token()}'\n");

        var findings = scanner.ScanFiles(["n.txt"], _root);

        Assert.That(findings.Select(f => (f.RuleId, f.Line, f.Fingerprint, f.Preview)), Is.EqualTo(new[]
        {
            (SecretScanner.ScanErrorRuleId, 2, $"n.txt:{SecretScanner.ScanErrorRuleId}:2", "(line could not be scanned)"),
            ("github-pat", 3, findings[1].Fingerprint, findings[1].Preview),
        }));
    }
}
