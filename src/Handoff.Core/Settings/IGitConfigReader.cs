using Handoff.Core.Git;

namespace Handoff.Core.Settings;

/// <summary>Reads `devin-handoff.*` values from git config (local over global over system).</summary>
public interface IGitConfigReader
{
    string? Get(string key);
}

/// <summary>
/// Reads git config through LibGit2Sharp: the repository's config when inside one, then the global, XDG and system
/// <paramref name="files"/> (default: those libgit2 was configured with, <see cref="LibGit2Repositories.ConfigFiles"/>).
/// </summary>
public sealed class LibGit2ConfigReader(string startDirectory, GitConfigFiles? files = null) : IGitConfigReader
{
    private readonly Lazy<LibGit2Sharp.Configuration?> _config = new(() => Open(startDirectory, files ?? LibGit2Repositories.ConfigFiles));

    public string? Get(string key)
    {
        try
        {
            var entry = _config.Value?.Get<string>(key);
            return string.IsNullOrWhiteSpace(entry?.Value) ? null : entry.Value;
        }
        catch (LibGit2Sharp.LibGit2SharpException)
        {
            return null;
        }
    }

    private static LibGit2Sharp.Configuration? Open(string start, GitConfigFiles files)
    {
        try
        {
            var gitDir = GitDirectoryFinder.Find(start);
            var local = gitDir is null ? null : Path.Combine(GitDirectoryFinder.CommonDirectory(gitDir), "config");
            return files.Open(local);
        }
        catch (LibGit2Sharp.LibGit2SharpException)
        {
            return null;
        }
    }
}
