using System.Diagnostics;

namespace Handoff.Tests.Prompting;

/// <summary>
/// Runs the git CLI in a temp folder, shut off from the developer's own configuration:
/// empty GIT_CONFIG_GLOBAL, GIT_CONFIG_NOSYSTEM=1, HOME in the temp folder, fixed identity.
/// </summary>
internal sealed class GitSandbox : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("handoff-prompt-").FullName;
    private readonly string _emptyConfig;

    public string AuthorName { get; set; } = "Test Author";
    public string AuthorEmail { get; set; } = "author@example.com";
    public string AuthorDate { get; set; } = "2024-01-02T03:04:05+00:00";

    public GitSandbox()
    {
        _emptyConfig = Path.Combine(Root, "empty-gitconfig");
        File.WriteAllText(_emptyConfig, "");
        Directory.CreateDirectory(Path.Combine(Root, "home"));
    }

    public string Dir(string name) => Path.Combine(Root, name);

    public string Git(string workingDirectory, params string[] args) => GitWithInput(workingDirectory, null, args);

    public string GitWithInput(string workingDirectory, string? input, params string[] args)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = input is not null,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("GIT_", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(name);
        start.Environment["GIT_CONFIG_GLOBAL"] = _emptyConfig;
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["HOME"] = Path.Combine(Root, "home");
        start.Environment["XDG_CONFIG_HOME"] = Path.Combine(Root, "home");
        start.Environment["GIT_AUTHOR_NAME"] = AuthorName;
        start.Environment["GIT_AUTHOR_EMAIL"] = AuthorEmail;
        start.Environment["GIT_AUTHOR_DATE"] = AuthorDate;
        start.Environment["GIT_COMMITTER_NAME"] = "Test Committer";
        start.Environment["GIT_COMMITTER_EMAIL"] = "committer@example.com";
        start.Environment["GIT_COMMITTER_DATE"] = "2024-02-03T04:05:06+00:00";
        foreach (var a in new[] { "-c", "init.defaultBranch=main", "-c", "core.autocrlf=false", "-c", "commit.gpgsign=false" })
            start.ArgumentList.Add(a);
        foreach (var a in args) start.ArgumentList.Add(a);

        using var process = Process.Start(start)!;
        if (input is not null)
        {
            process.StandardInput.Write(input);
            process.StandardInput.Close();
        }
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"git {string.Join(' ', args)} failed ({process.ExitCode}): {stderr.Result}{stdout.Result}");
        return stdout.Result;
    }

    public void Write(string repo, string path, string content)
    {
        var full = Path.Combine(repo, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content, new System.Text.UTF8Encoding(false));
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
