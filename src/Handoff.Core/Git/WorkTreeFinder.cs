namespace Handoff.Core.Git;

/// <summary>The work tree of the repository around a folder.</summary>
public static class WorkTreeFinder
{
    /// <summary>The repository's work tree (no trailing separator), or null outside one / in a bare repository.</summary>
    public static string? Find(string startDirectory)
    {
        try
        {
            var gitDir = GitDirectoryFinder.Find(startDirectory);
            if (gitDir is null) return null;
            using var repo = LibGit2Repositories.Open(gitDir);
            return repo.Info.WorkingDirectory is { } dir ? Path.TrimEndingDirectorySeparator(dir) : null;
        }
        catch (LibGit2Sharp.LibGit2SharpException)
        {
            return null;
        }
    }
}
