using Handoff.Core;
using Handoff.Core.Secrets;

namespace Handoff.Tests.Secrets;

/// <summary>`scan PATH…`: which files of a tree are read, in which order, and how a missing path or an allowed folder is handled.</summary>
public class FileTreeScanTests
{
    private static readonly Random Random = new(77);
    private string _root = "";

    [SetUp]
    public void SetUp() => _root = Directory.CreateTempSubdirectory("handoff-tree-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_root, true);

    private string Token() => SampleTemplate.Expand("ghp_«GH»", Random);

    private void Write(string path, string text)
    {
        var full = Path.Combine(_root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    [Test]
    public void Files_are_read_in_ordinal_order_with_their_line_numbers_and_dot_git_is_skipped()
    {
        Write("src/b.py", $"x = 1\ny = 2\nT = '{Token()}'\n");
        Write("src/B.py", $"T = '{Token()}'\n");
        Write("src/sub/a.py", $"\nT = '{Token()}'\n");
        Write("src/.git/config", $"T = '{Token()}'\n");
        Write("src/.gitignore", $"T = '{Token()}'\n");

        var findings = new SecretScanner(SecretScanConfig.Default).ScanFiles(["src"], _root);

        Assert.That(findings.Select(f => (f.File, f.Line)), Is.EqualTo(new[] { ("src/.gitignore", 1), ("src/B.py", 1), ("src/b.py", 3), ("src/sub/a.py", 2) }));
    }

    [Test]
    public void A_file_given_by_path_is_reported_relative_to_the_root()
    {
        Write("deep/er/app.py", $"T = '{Token()}'\n");

        var findings = new SecretScanner(SecretScanConfig.Default).ScanFiles([Path.Combine(_root, "deep", "er", "app.py")], _root);

        Assert.That(findings.Select(f => (f.RuleId, f.File, f.Line, f.Commit)), Is.EqualTo(new[] { ("github-pat", "deep/er/app.py", 1, (string?)null) }));
    }

    [Test]
    public void A_missing_path_is_a_not_found_error_naming_it_as_given()
    {
        var e = Assert.Throws<HandoffException>(() => new SecretScanner(SecretScanConfig.Default).ScanFiles(["nope/x.py"], _root))!;

        Assert.That((e.ExitCode, e.Message), Is.EqualTo((ExitCodes.NotFound, "no such file or directory: nope/x.py")));
    }

    [Test]
    public void An_allowed_path_is_not_read_at_all()
    {
        Write("vendor/lib.py", $"T = '{Token()}'\n");
        Write("vendor/.env", "A=1\n");
        Write("app/.env", "A=1\n");

        var findings = new SecretScanner(SecretScanConfig.Default with { AllowPaths = ["^vendor/"] }).ScanFiles(["vendor", "app"], _root);

        Assert.That(findings.Select(f => (f.RuleId, f.File)), Is.EqualTo(new[] { ("path-dotenv", "app/.env") }));
    }

    [Test]
    public void A_binary_file_is_checked_by_name_and_as_an_archive_but_not_as_text()
    {
        var token = Token();
        File.WriteAllBytes(Path.Combine(_root, "blob.bin"), [.. System.Text.Encoding.ASCII.GetBytes($"T = '{token}'\n"), 0, 1, 2]);
        File.WriteAllBytes(Path.Combine(_root, "id_rsa"), [0, 1, 2, 3]);

        var findings = new SecretScanner(SecretScanConfig.Default).ScanFiles(["blob.bin", "id_rsa"], _root);

        Assert.That(findings.Select(f => (f.RuleId, f.File, f.Line)), Is.EqualTo(new[] { ("path-ssh-private-key", "id_rsa", 0) }));
    }
}
