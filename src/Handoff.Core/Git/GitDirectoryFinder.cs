namespace Handoff.Core.Git;

/// <summary>
/// Finds the git directory around a folder the way libgit2's <c>git_repository_discover</c> does, in managed code:
/// LibGit2Sharp's <c>Repository.Discover</c> returns null under Native AOT (its output buffer is marshalled
/// in-only there, libgit2sharp#2187).
/// Walking up from the start folder, each folder is tried as <c>FOLDER/.git</c> (a git directory, or a file
/// <c>gitdir: PATH</c> as linked worktrees and submodules have) and then as a bare repository itself.
/// Like that libgit2 call as LibGit2Sharp made it, GIT_DIR and GIT_CEILING_DIRECTORIES are not read;
/// unlike it, the walk does not stop at file system boundaries and symbolic links are not resolved.
/// </summary>
public static class GitDirectoryFinder
{
    /// <summary>
    /// The git directory of the repository containing <paramref name="startDirectory"/>, as a full path ending with
    /// a directory separator (the form <c>Repository.Discover</c> returned), or null outside any repository.
    /// </summary>
    public static string? Find(string startDirectory)
    {
        if (string.IsNullOrWhiteSpace(startDirectory)) return null;
        string start;
        try
        {
            start = Path.GetFullPath(startDirectory);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }
        if (!Directory.Exists(start)) return null;

        for (var folder = start; folder is not null; folder = Path.GetDirectoryName(folder))
        {
            var dotGit = Path.Combine(folder, ".git");
            // A .git file that points nowhere (a removed worktree) ends the search, as in git and libgit2:
            // the enclosing repository is not this folder's repository.
            if (File.Exists(dotGit)) return LinkedGitDirectory(dotGit, folder) is { } linked ? WithSeparator(linked) : null;
            if (Directory.Exists(dotGit) && IsGitDirectory(dotGit)) return WithSeparator(dotGit);
            if (IsGitDirectory(folder)) return WithSeparator(folder);
        }
        return null;
    }

    /// <summary>
    /// The folder holding objects, refs and the shared config: <paramref name="gitDirectory"/> itself, or for a
    /// linked worktree the main repository's git directory named by its <c>commondir</c> file.
    /// </summary>
    public static string CommonDirectory(string gitDirectory)
    {
        var dir = Path.TrimEndingDirectorySeparator(Path.GetFullPath(gitDirectory));
        var link = ReadFirstLine(Path.Combine(dir, "commondir"));
        return string.IsNullOrEmpty(link) ? dir : Path.TrimEndingDirectorySeparator(Path.GetFullPath(link, dir));
    }

    /// <summary>The git directory a <c>.git</c> file (<c>gitdir: PATH</c>) points to, or null when it is malformed or invalid.</summary>
    private static string? LinkedGitDirectory(string dotGit, string folder)
    {
        var line = ReadFirstLine(dotGit);
        const string prefix = "gitdir:";
        if (line is null || !line.StartsWith(prefix, StringComparison.Ordinal)) return null;
        var target = line[prefix.Length..].Trim();
        if (target.Length == 0) return null;
        // A relative gitdir is relative to the folder holding the .git file (submodules and `worktree add --relative-paths`).
        var resolved = Path.TrimEndingDirectorySeparator(Path.GetFullPath(target, folder));
        return IsGitDirectory(resolved) ? resolved : null;
    }

    /// <summary>libgit2's test: a HEAD file here, and objects and refs folders in the common directory.</summary>
    private static bool IsGitDirectory(string folder)
    {
        if (!File.Exists(Path.Combine(folder, "HEAD"))) return false;
        string common;
        try
        {
            common = CommonDirectory(folder);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return false;
        }
        return Directory.Exists(Path.Combine(common, "objects")) && Directory.Exists(Path.Combine(common, "refs"));
    }

    private static string? ReadFirstLine(string file)
    {
        try
        {
            if (!File.Exists(file)) return null;
            using var reader = new StreamReader(file);
            return reader.ReadLine()?.Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string WithSeparator(string path) =>
        Path.EndsInDirectorySeparator(path) ? path : path + Path.DirectorySeparatorChar;
}
