using System.Diagnostics;
using System.Text;

namespace Handoff.Tests.TestSupport;

/// <summary>
/// A real git repository in a temp folder, driven by the git CLI with an isolated environment
/// (no user or system config, HOME in the temp folder, fixed author and committer).
/// Layout: ROOT/repo (the working tree, <see cref="Path"/>), ROOT/home, ROOT/remotes/NAME.git.
/// Dispose deletes ROOT.
/// </summary>
public sealed class TempGitRepo : IDisposable
{
    public string Root { get; }

    /// <summary>The working tree.</summary>
    public string Path { get; }

    /// <summary>The environment every git command here runs with; reuse it for other git processes in tests.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; }

    private TempGitRepo(string root)
    {
        Root = root;
        Path = System.IO.Path.Combine(root, "repo");
        Directory.CreateDirectory(Path);
        Environment = IsolatedEnvironment(root);
    }

    /// <summary>Creates ROOT/repo with <c>git init -b BRANCH</c>.</summary>
    public static TempGitRepo Init(string initialBranch = "main")
    {
        var root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "handoff-test-" + Guid.NewGuid().ToString("N")[..12]);
        var repo = new TempGitRepo(root);
        repo.Run("init", "-q", "-b", initialBranch);
        return repo;
    }

    /// <summary>The isolated git environment for a temp ROOT: empty global config, no system config, HOME=ROOT/home.</summary>
    public static IReadOnlyDictionary<string, string?> IsolatedEnvironment(string root)
    {
        var home = System.IO.Path.Combine(root, "home");
        Directory.CreateDirectory(home);
        var globalConfig = System.IO.Path.Combine(home, "empty.gitconfig");
        if (!File.Exists(globalConfig)) File.WriteAllText(globalConfig, "");
        return new Dictionary<string, string?>
        {
            ["GIT_CONFIG_GLOBAL"] = globalConfig,
            ["GIT_CONFIG_NOSYSTEM"] = "1",
            ["HOME"] = home,
            ["XDG_CONFIG_HOME"] = System.IO.Path.Combine(home, ".config"),
            ["GIT_AUTHOR_NAME"] = "Test Author",
            ["GIT_AUTHOR_EMAIL"] = "author@example.com",
            ["GIT_COMMITTER_NAME"] = "Test Committer",
            ["GIT_COMMITTER_EMAIL"] = "committer@example.com",
            ["GIT_TERMINAL_PROMPT"] = "0",
            ["GIT_DIR"] = null,
            ["GIT_WORK_TREE"] = null,
            ["GIT_INDEX_FILE"] = null,
            ["GIT_CEILING_DIRECTORIES"] = null,
        };
    }

    /// <summary>Runs git in the working tree; returns trimmed stdout; throws with stderr when git fails.</summary>
    public string Run(params string[] gitArgs) => RunIn(Path, gitArgs);

    /// <summary>Runs git in another folder (a clone, a worktree, a bare remote) with the same isolated environment.</summary>
    public string RunIn(string directory, params string[] gitArgs)
    {
        var result = TryRunIn(directory, gitArgs);
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"git {string.Join(' ', gitArgs)} failed ({result.ExitCode}): {result.StandardError}");
        return result.StandardOutput.Trim();
    }

    /// <summary>Runs git and returns the exit code and outputs without throwing (for commands expected to fail, like a conflicting merge).</summary>
    public (int ExitCode, string StandardOutput, string StandardError) TryRunIn(string directory, params string[] gitArgs)
    {
        var info = new ProcessStartInfo("git")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var arg in gitArgs) info.ArgumentList.Add(arg);
        foreach (var (name, value) in Environment)
        {
            if (value is null) info.Environment.Remove(name);
            else info.Environment[name] = value;
        }
        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    public string WriteFile(string relativePath, string content) => WriteFile(relativePath, Encoding.UTF8.GetBytes(content));

    public string WriteFile(string relativePath, byte[] content)
    {
        var full = FullPath(relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
        return full;
    }

    public byte[] ReadFile(string relativePath) => File.ReadAllBytes(FullPath(relativePath));

    public void DeleteFile(string relativePath) => File.Delete(FullPath(relativePath));

    public string FullPath(string relativePath) => System.IO.Path.Combine(Path, relativePath);

    /// <summary><c>git add -A</c> then <c>git commit</c>; returns the new commit's sha.</summary>
    public string Commit(string message)
    {
        Run("add", "-A");
        Run("commit", "-q", "--allow-empty", "-m", message);
        return Run("rev-parse", "HEAD");
    }

    /// <summary>Writes a file and commits it; returns the sha.</summary>
    public string CommitFile(string relativePath, string content, string? message = null)
    {
        WriteFile(relativePath, content);
        return Commit(message ?? $"change {relativePath}");
    }

    /// <summary>
    /// Creates an empty bare repository ROOT/remotes/NAME.git whose HEAD names <paramref name="defaultBranch"/>,
    /// adds it as remote NAME and returns its path.
    /// </summary>
    public string CreateBareRemote(string name = "origin", string defaultBranch = "main")
    {
        var bare = System.IO.Path.Combine(Root, "remotes", name + ".git");
        Directory.CreateDirectory(bare);
        RunIn(bare, "init", "-q", "--bare", "-b", defaultBranch);
        Run("remote", "add", name, bare);
        return bare;
    }

    /// <summary>A second scratch folder under ROOT (for clones, worktrees, submodule sources).</summary>
    public string NewFolder(string name)
    {
        var folder = System.IO.Path.Combine(Root, name);
        Directory.CreateDirectory(folder);
        return folder;
    }

    public void Dispose()
    {
        if (!Directory.Exists(Root)) return;
        // git makes object files read-only; clear that so the delete works on every OS.
        foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
        {
            try { File.SetAttributes(file, FileAttributes.Normal); } catch (IOException) { }
        }
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
