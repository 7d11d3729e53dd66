using Handoff.Core.Git;

namespace Handoff.Core.Settings;

/// <summary>Reads `devin-handoff.*` values from git config (local over global over system).</summary>
public interface IGitConfigReader
{
    string? Get(string key);
}

/// <summary>Reads git config through LibGit2Sharp: the repository's config when inside one, then the global, XDG and system files git reads.</summary>
public sealed class LibGit2ConfigReader(string startDirectory) : IGitConfigReader
{
    private readonly Lazy<LibGit2Sharp.Configuration?> _config = new(() => Open(startDirectory));

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

    private static LibGit2Sharp.Configuration? Open(string start)
    {
        try
        {
            var gitDir = GitDirectoryFinder.Find(start);
            var local = gitDir is null ? null : Path.Combine(GitDirectoryFinder.CommonDirectory(gitDir), "config");
            return GitConfigFiles.Current.Open(local);
        }
        catch (LibGit2Sharp.LibGit2SharpException)
        {
            return null;
        }
    }
}
