using Handoff.FakeDevin;

namespace Handoff.IntegrationTests.Secrets;

/// <summary>
/// Through the built binary: a line with two or three secrets shows none of them in `scan` (text, --json, --sarif),
/// in `create --redact --dry-run`, or in the prompt `create --redact` sends to the (fake) API.
/// </summary>
[Parallelizable(ParallelScope.All)]
public class NoLeakOutputsTests
{
    private static readonly Random Random = new();

    /// <summary>
    /// 24 distinct characters, 9 upper, 9 lower and 6 digits, shuffled: a value any reviewer calls generated. Drawn with
    /// repeats, about one value in 2,000 came out too regular for a bare "KEYS" (which wants a generated value), and the
    /// test failed once in CI for it.
    /// </summary>
    private static string Value()
    {
        lock (Random)
        {
            var chars = Distinct("ABCDEFGHJKLMNPQRSTUVWXYZ", 9).Concat(Distinct("abcdefghijkmnopqrstuvwxyz", 9)).Concat(Distinct("23456789", 6)).ToArray();
            Random.Shuffle(chars);
            return new string(chars);
        }
    }

    private static IEnumerable<char> Distinct(string alphabet, int count)
    {
        var chars = alphabet.ToCharArray();
        Random.Shuffle(chars);
        return chars.Take(count);
    }

    private static string Base64()
    {
        lock (Random) return Convert.ToBase64String(Enumerable.Range(0, 33).Select(_ => (byte)Random.Next(256)).ToArray());
    }

    /// <summary>Two and three secrets on one line, and a YAML-tagged one: the file's content and every secret in it.</summary>
    private static (string Content, string[] Secrets) SecretsFile()
    {
        string a = Value(), b = Value(), c = Value(), d = TestSecrets.StripeKey(), e = TestSecrets.AwsKeyId(), f = Base64();
        var content = "import os\n" +
                      $"KEYS = '{a}', '{b}'\n" +
                      $"API_KEYS = [\"{c}\", \"{d}\", \"{e}\"]\n" +
                      $"SECRETS_YAML = '''api_secret: !!binary {f}'''\n" +
                      "DEBUG = False\n";
        return (content, [a, b, c, d, e, f]);
    }

    private static async Task<GitSandbox> RepoWith(string content)
    {
        var s = new GitSandbox();
        await s.GitOk(s.Repo, "init", "-q", "-b", "main");
        await s.CommitFile("README.md", "# demo\n", "initial");
        await s.GitOk(s.Repo, "remote", "add", "origin", "https://github.com/example/demo.git");
        await s.GitOk(s.Repo, "update-ref", "refs/remotes/origin/main", "HEAD");
        await s.GitOk(s.Repo, "branch", "-q", "--set-upstream-to=origin/main", "main");
        File.WriteAllText(Path.Combine(s.Repo, "settings.py"), content);
        return s;
    }

    [TestCase("scan")]
    [TestCase("scan", "--json")]
    [TestCase("scan", "--sarif")]
    [TestCase("scan", "settings.py")]
    [TestCase("scan", "settings.py", "--json")]
    [TestCase("scan", "settings.py", "--sarif")]
    public async Task Scan_output_masks_every_secret_on_a_line(params string[] args)
    {
        var (content, secrets) = SecretsFile();
        using var s = await RepoWith(content);

        var result = await s.Run(args);

        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
        AssertNoLeak(result.StandardOutput + result.StandardError, secrets);
        Assert.That(result.StandardOutput, Does.Contain("settings.py"));
    }

    [Test]
    public async Task Scan_stdin_diff_masks_every_secret_on_a_line()
    {
        var (content, secrets) = SecretsFile();
        using var s = new GitSandbox();
        var lines = content.TrimEnd('\n').Split('\n');
        var diff = $"diff --git a/settings.py b/settings.py\n--- /dev/null\n+++ b/settings.py\n@@ -0,0 +1,{lines.Length} @@\n"
                   + string.Concat(lines.Select(l => "+" + l + "\n"));

        foreach (var format in new[] { "--json", "--sarif", "--stdin" })
        {
            var result = await s.Cli.RunWithInput(s.Cli.Home, diff, "scan", "--stdin", format);
            Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
            AssertNoLeak(result.StandardOutput + result.StandardError, secrets);
        }
    }

    [TestCase("--dry-run")]
    [TestCase("--dry-run", "--json")]
    public async Task Create_redact_dry_run_shows_no_secret(params string[] args)
    {
        var (content, secrets) = SecretsFile();
        using var s = await RepoWith(content);

        var result = await s.Run(["create", "--task", "Tidy the settings", "--redact", .. args]);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        AssertNoLeak(result.StandardOutput + result.StandardError, secrets);
        Assert.That(result.StandardOutput, Does.Contain("[REDACTED:"));
        Assert.That(result.StandardOutput, Does.Contain("DEBUG = False"), "the code around the secrets is kept");
    }

    [Test]
    public async Task Create_redact_sends_no_secret_and_keeps_the_code_around_them()
    {
        await using var server = await FakeDevinServer.StartAsync();
        var (content, secrets) = SecretsFile();
        using var s = await RepoWith(content);
        foreach (var (k, v) in server.ClientEnvironment()) s.Cli.Environment[k] = v;
        var contextA = Value();
        var contextB = Value();

        var result = await s.Run("create", "--task", "Tidy the settings", "--redact", "--json",
            "--context", $"The old ones were: KEYS = '{contextA}', '{contextB}'");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var request = server.RequestsTo("POST", "/v3/organizations/*/sessions").Single();
        AssertNoLeak(request.Body!, [.. secrets, contextA, contextB]);
        using var json = request.BodyJson();
        var prompt = json!.RootElement.GetProperty("prompt").GetString()!;
        AssertNoLeak(prompt, [.. secrets, contextA, contextB]);
        Assert.That(prompt, Does.Contain("+KEYS = '[REDACTED:generic-api-key]', '[REDACTED:generic-api-key]'"));
        Assert.That(prompt, Does.Contain("+SECRETS_YAML = '''api_secret: !!binary [REDACTED:generic-secret]'''"));
        Assert.That(prompt, Does.Contain("KEYS = '[REDACTED:generic-api-key]', '[REDACTED:generic-api-key]'").And.Contain("The old ones were"));
        AssertNoLeak(result.StandardOutput + result.StandardError, secrets);
    }

    /// <summary>Fails when any 6-character run of a secret shows (a preview may show a long secret's first 4 characters).</summary>
    private static void AssertNoLeak(string output, IEnumerable<string> secrets)
    {
        foreach (var secret in secrets)
            for (var i = 0; i + 6 <= secret.Length; i++)
                Assert.That(output, Does.Not.Contain(secret.Substring(i, 6)), $"part of a secret shows:\n{output}");
    }
}
