using Handoff.IntegrationTests.Support;

namespace Handoff.IntegrationTests.Secrets;

/// <summary>
/// A sealed-off git world for one test: a <see cref="CliRunner"/> (temp HOME, empty global config), a working
/// repository ROOT/repo on branch main, a bare remote ROOT/remote.git as origin, a fixed author, and a small
/// `devin-handoff` wrapper script on PATH that runs the built binary (so the installed hook finds it).
/// </summary>
public sealed class GitSandbox : IDisposable
{
    public CliRunner Cli { get; } = new();
    public string Repo { get; }
    public string Remote { get; }
    public string BinDir { get; }
    private readonly string _basePath = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin";

    public GitSandbox(bool wrapperOnPath = true)
    {
        Repo = Path.Combine(Cli.Home, "repo");
        Remote = Path.Combine(Cli.Home, "remote.git");
        BinDir = Path.Combine(Cli.Home, "bin");
        Directory.CreateDirectory(Repo);
        Directory.CreateDirectory(BinDir);
        var wrapper = Path.Combine(BinDir, "devin-handoff");
        File.WriteAllText(wrapper, $"#!/bin/sh\nexec '{CliRunner.BinaryPath.Replace("'", "'\\''")}' \"$@\"\n");
        MakeExecutable(wrapper);
        SetWrapperOnPath(wrapperOnPath);
        foreach (var (k, v) in new Dictionary<string, string>
                 {
                     ["GIT_AUTHOR_NAME"] = "Test", ["GIT_AUTHOR_EMAIL"] = "test@example.invalid",
                     ["GIT_COMMITTER_NAME"] = "Test", ["GIT_COMMITTER_EMAIL"] = "test@example.invalid",
                 })
            Cli.Environment[k] = v;
    }

    public static void MakeExecutable(string path)
    {
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, (UnixFileMode)0b111_101_101);
    }

    public void SetWrapperOnPath(bool on) =>
        Cli.Environment["PATH"] = on ? BinDir + Path.PathSeparator + _basePath : _basePath;

    /// <summary>git init -b main, a bare origin, one clean commit pushed (the hook is not installed yet).</summary>
    public async Task<GitSandbox> WithPushedMain()
    {
        await GitOk(Repo, "init", "-q", "-b", "main");
        await GitOk(Cli.Home, "init", "-q", "--bare", Remote);
        await GitOk(Repo, "remote", "add", "origin", Remote);
        await CommitFile("README.md", "# demo\n", "initial");
        await GitOk(Repo, "push", "-q", "origin", "main");
        return this;
    }

    public async Task<string> CommitFile(string path, string content, string message)
    {
        var full = Path.Combine(Repo, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        await File.WriteAllTextAsync(full, content);
        await GitOk(Repo, "add", "--", path);
        await GitOk(Repo, "commit", "-q", "-m", message);
        return (await GitOk(Repo, "rev-parse", "HEAD")).StandardOutput.Trim();
    }

    public async Task<string> CommitRemoval(string path, string message)
    {
        await GitOk(Repo, "rm", "-q", "--", path);
        await GitOk(Repo, "commit", "-q", "-m", message);
        return (await GitOk(Repo, "rev-parse", "HEAD")).StandardOutput.Trim();
    }

    public Task<CliResult> Git(params string[] args) => Cli.Git(Repo, args);

    public async Task<CliResult> GitOk(string dir, params string[] args)
    {
        var result = await Cli.Git(dir, args);
        Assert.That(result.ExitCode, Is.Zero, $"git {string.Join(' ', args)}\n{result}");
        return result;
    }

    /// <summary>The commit a ref points to in the bare remote, or null when it has no such ref.</summary>
    public async Task<string?> RemoteRef(string name)
    {
        var result = await Cli.Git(Remote, "rev-parse", "--verify", "-q", $"refs/heads/{name}");
        return result.ExitCode == 0 ? result.StandardOutput.Trim() : null;
    }

    public Task<CliResult> Run(params string[] args) => Cli.Run(Repo, args);

    public void Dispose() => Cli.Dispose();
}

/// <summary>Secret-shaped test values made at run time, so no key-like literal is stored in this repository.</summary>
public static class TestSecrets
{
    private static readonly Random Random = new();

    public static string AwsKeyId() => "AKIA" + Pick("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16);

    public static string StripeKey() => "sk_" + "live_" + Pick("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 24);

    /// <summary>A GitHub personal access token whose checksum is valid: ghp_, 30 random base62, then their CRC32 in 6 base62 digits.</summary>
    public static string GitHubToken()
    {
        const string base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        var body = Pick(base62, 30);
        var crc = 0xFFFFFFFFu;
        foreach (var b in System.Text.Encoding.ASCII.GetBytes(body))
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        crc = ~crc;
        var digits = new char[6];
        for (var i = 5; i >= 0; i--, crc /= 62) digits[i] = base62[(int)(crc % 62)];
        return "ghp_" + body + new string(digits);
    }

    private static string Pick(string alphabet, int n)
    {
        lock (Random) return new string(Enumerable.Range(0, n).Select(_ => alphabet[Random.Next(alphabet.Length)]).ToArray());
    }
}
