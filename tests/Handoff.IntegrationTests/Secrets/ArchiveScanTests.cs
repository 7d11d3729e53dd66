using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Handoff.IntegrationTests.Secrets;

/// <summary>Through the built binary and real git: archives being pushed or scanned are opened and their members scanned.</summary>
[Parallelizable(ParallelScope.All)]
public class ArchiveScanTests
{
    private static byte[] Zip(params (string Name, string Text)[] members)
    {
        var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, text) in members)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(Encoding.UTF8.GetBytes(text));
            }
        return output.ToArray();
    }

    private static byte[] Tgz(params (string Name, string Text)[] members)
    {
        var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
            foreach (var (name, text) in members)
                writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text)) });
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(tar.ToArray());
        return output.ToArray();
    }

    private static async Task<string> CommitBytes(GitSandbox s, string path, byte[] content, string message)
    {
        var full = Path.Combine(s.Repo, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        await File.WriteAllBytesAsync(full, content);
        await s.GitOk(s.Repo, "add", "--", path);
        await s.GitOk(s.Repo, "commit", "-q", "-m", message);
        return (await s.GitOk(s.Repo, "rev-parse", "HEAD")).StandardOutput.Trim();
    }

    private static async Task<GitSandbox> HookedSandbox()
    {
        var s = await new GitSandbox().WithPushedMain();
        var install = await s.Run("hook", "install");
        Assert.That(install.ExitCode, Is.Zero, install.ToString());
        return s;
    }

    [Test]
    public async Task The_hook_blocks_a_push_whose_archive_holds_a_secret_and_names_the_member()
    {
        if (OperatingSystem.IsWindows()) Assert.Ignore("drives the POSIX hook");
        using var s = await HookedSandbox();
        var key = TestSecrets.StripeKey();
        var commit = await CommitBytes(s, "vendor/site.tgz", Tgz(("site/config.js", $"// config\nconst stripe = '{key}';\n")), "vendor the site");

        var push = await s.Git("push", "origin", "main");
        var text = push.StandardOutput + push.StandardError;

        Assert.That(push.ExitCode, Is.Not.Zero, text);
        Assert.That(text, Does.Contain("push blocked"));
        Assert.That(text, Does.Contain($"vendor/site.tgz!site/config.js:2  stripe-secret-key  (commit {commit[..12]})"));
        Assert.That(text, Does.Not.Contain(key));
    }

    [Test]
    public async Task An_archive_over_the_bounds_blocks_the_push_unless_the_policy_says_warn()
    {
        if (OperatingSystem.IsWindows()) Assert.Ignore("drives the POSIX hook");
        using var s = await HookedSandbox();
        await s.CommitFile(".devin-handoff/secrets.json", """{ "archives": { "maxMembers": 2 } }""", "archive bounds");
        var members = Enumerable.Range(0, 3).Select(i => ($"f{i}.txt", "nothing secret\n")).ToArray();
        await CommitBytes(s, "lib/many.jar", Zip(members), "a jar with many classes");

        var blocked = await s.Git("push", "origin", "main");
        Assert.That(blocked.ExitCode, Is.Not.Zero, blocked.ToString());
        Assert.That(blocked.StandardError, Does.Contain("lib/many.jar!f2.txt (whole file)  archive-unscanned"));
        Assert.That(blocked.StandardError, Does.Contain("(archive not fully scanned: more than 2 members)"));

        await s.CommitFile(".devin-handoff/secrets.json", """{ "archives": { "maxMembers": 2, "overLimit": "warn" } }""", "warn only");
        var warned = await s.Git("push", "origin", "main");
        Assert.That(warned.ExitCode, Is.Zero, warned.ToString());
        Assert.That(warned.StandardError, Does.Contain("devin-handoff: note: lib/many.jar!f2.txt: not fully scanned (more than 2 members)"));
    }

    [Test]
    public async Task Scan_range_staged_and_paths_open_archives()
    {
        using var s = await new GitSandbox().WithPushedMain();
        var root = (await s.Git("rev-parse", "HEAD")).StandardOutput.Trim();
        var committed = TestSecrets.AwsKeyId();
        var commit = await CommitBytes(s, "dist/app.whl", Zip(("pkg/settings.py", $"aws_access_key_id = '{committed}'\n")), "wheel");
        var staged = TestSecrets.StripeKey();
        await File.WriteAllBytesAsync(Path.Combine(s.Repo, "plugin.jar"), Zip(("META-INF/app.properties", $"stripe.key={staged}\n"), ("deploy/.env", "A=1\n")));
        await s.GitOk(s.Repo, "add", "plugin.jar");

        var range = await s.Run("scan", "--range", $"{root}..HEAD", "--json");
        var index = await s.Run("scan", "--staged", "--json");
        var paths = await s.Run("scan", "dist", "plugin.jar", "--json");

        Assert.That(Found(range), Is.EqualTo(new[] { $"aws-access-key-id dist/app.whl!pkg/settings.py:1 {commit}" }));
        Assert.That(Found(index), Is.EquivalentTo(new[] { "stripe-secret-key plugin.jar!META-INF/app.properties:1 ", "path-dotenv plugin.jar!deploy/.env:0 " }));
        Assert.That(Found(paths), Is.EquivalentTo(new[]
        {
            "aws-access-key-id dist/app.whl!pkg/settings.py:1 ", "stripe-secret-key plugin.jar!META-INF/app.properties:1 ", "path-dotenv plugin.jar!deploy/.env:0 ",
        }));
        foreach (var result in new[] { range, index, paths })
        {
            Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
            Assert.That(result.StandardOutput, Does.Not.Contain(committed).And.Not.Contain(staged));
        }
    }

    private static List<string> Found(Support.CliResult result)
    {
        using var doc = JsonDocument.Parse(result.StandardOutput);
        return doc.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => $"{f.GetProperty("rule").GetString()} {f.GetProperty("file").GetString()}:{f.GetProperty("line").GetInt32()} "
                         + (f.TryGetProperty("commit", out var c) ? c.GetString() : "")).ToList();
    }
}
