using System.Text;
using System.Text.Json;

namespace Handoff.IntegrationTests.Secrets;

/// <summary>
/// Through the built binary: a malformed diff on stdin is scanned line by line and reported (exit 3), and git's own
/// output in every shape a history produces (merges, renames, binaries, CRLF, missing final newlines) is not malformed.
/// </summary>
[Parallelizable(ParallelScope.All)]
public class DiffFailClosedTests
{
    [Test]
    public async Task An_under_counted_diff_on_stdin_still_yields_every_secret_and_says_it_is_malformed()
    {
        using var s = new GitSandbox();
        var keys = Enumerable.Range(0, 5).Select(_ => TestSecrets.AwsKeyId()).ToList();
        var diff = new StringBuilder("diff --git a/big.py b/big.py\n--- a/big.py\n+++ b/big.py\n@@ -1,3 +1,40 @@\n");
        for (var i = 0; i < 5000; i++)
        {
            diff.Append("+value_").Append(i).Append(" = ").Append(i).Append('\n');
            if (i % 1000 == 999) diff.Append("+aws_access_key_id = \"").Append(keys[i / 1000]).Append("\"\n");
        }

        var result = await s.Cli.RunWithInput(s.Cli.Home, diff.ToString(), "scan", "--stdin", "--json");

        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
        using var doc = JsonDocument.Parse(result.StandardOutput);
        var rules = doc.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("rule").GetString()).ToList();
        Assert.That(rules.Count(r => r == "aws-access-key-id"), Is.EqualTo(5));
        Assert.That(rules.Count(r => r == "malformed-diff"), Is.EqualTo(1));
        foreach (var key in keys) Assert.That(result.StandardOutput, Does.Not.Contain(key));
    }

    [Test]
    public async Task Git_output_of_a_varied_history_is_never_malformed()
    {
        using var s = await new GitSandbox().WithPushedMain();
        var root = (await s.Git("rev-parse", "HEAD")).StandardOutput.Trim();
        await s.CommitFile("crlf.txt", "one\r\ntwo\r\n", "crlf");
        await s.CommitFile("nonl.txt", "no final newline", "no newline");
        File.WriteAllBytes(Path.Combine(s.Repo, "blob.bin"), [0, 1, 2, 3, 0, 255, 10, 13]);
        await s.GitOk(s.Repo, "add", "blob.bin");
        await s.GitOk(s.Repo, "commit", "-q", "-m", "binary");
        await s.GitOk(s.Repo, "mv", "nonl.txt", "renamed.txt");
        await s.GitOk(s.Repo, "commit", "-q", "-m", "rename");
        await s.CommitFile("patch.diff", "diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1 +1,99 @@\n-a\n+b\n", "a patch file as content");
        await s.GitOk(s.Repo, "checkout", "-q", "-b", "side");
        await s.CommitFile("crlf.txt", "one\r\nside\r\n", "side edit");
        await s.GitOk(s.Repo, "checkout", "-q", "main");
        await s.CommitFile("crlf.txt", "one\r\nmain\r\n", "main edit");
        await s.Git("merge", "-q", "side", "-m", "merge");
        var key = TestSecrets.AwsKeyId();
        await File.WriteAllTextAsync(Path.Combine(s.Repo, "crlf.txt"), $"one\r\nresolved\r\naws_access_key_id = {key}\r\n");
        await s.GitOk(s.Repo, "add", "crlf.txt");
        await s.GitOk(s.Repo, "commit", "-q", "-m", "merge side");

        var range = await s.Run("scan", "--range", $"{root}..HEAD", "--json");
        var log = await s.Cli.RunWithInput(s.Repo, (await s.Git("log", "-p", "--cc", "--stat", "--binary", $"{root}..HEAD")).StandardOutput, "scan", "--stdin", "--json");
        var show = await s.Cli.RunWithInput(s.Repo, (await s.Git("show", "HEAD")).StandardOutput, "scan", "--stdin", "--json");

        foreach (var result in new[] { range, log, show })
        {
            Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
            using var doc = JsonDocument.Parse(result.StandardOutput);
            var found = doc.RootElement.GetProperty("findings").EnumerateArray()
                .Select(f => $"{f.GetProperty("rule").GetString()} {f.GetProperty("file").GetString()}:{f.GetProperty("line").GetInt32()}").ToList();
            Assert.That(found, Is.EqualTo(new[] { "aws-access-key-id crlf.txt:3" }), result.ToString());
        }
    }
}
