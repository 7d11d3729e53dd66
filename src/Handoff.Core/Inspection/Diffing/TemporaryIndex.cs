namespace Handoff.Core.Inspection.Diffing;

/// <summary>
/// A throw-away copy of the worktree's index, so git can diff untracked files and refresh stat data without
/// touching the user's own index: untracked files are marked intent-to-add (no object is written), conflicted
/// files are compared with HEAD's version, and stat data can be refreshed so a touched but unchanged file is no change.
/// </summary>
internal sealed class TemporaryIndex : IDisposable
{
    public string Path { get; }

    private TemporaryIndex(string path) => Path = path;

    public static TemporaryIndex CopyOf(string gitDirectory)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"devin-handoff-index-{Guid.NewGuid():N}");
        var index = System.IO.Path.Combine(gitDirectory, "index");
        if (File.Exists(index)) File.Copy(index, path);
        return new TemporaryIndex(path);
    }

    /// <param name="git">a git whose GIT_INDEX_FILE is this copy.</param>
    public void Prepare(GitProcess git, IReadOnlyList<string> conflictedPaths, bool hasHead, List<string> warnings)
    {
        if (conflictedPaths.Count > 0 && hasHead)
            git.Run(["reset", "-q", "HEAD", "--", .. conflictedPaths], check: false);
        var add = git.Run([.. GitDiffOptions.Config, "-c", "advice.addEmbeddedRepo=false", "add", "--all", "--intent-to-add", "--ignore-errors"], check: false);
        if (add.ExitCode != 0)
            warnings.Add($"some untracked files could not be read and are left out (git: {add.FirstErrorLine})");
    }

    /// <summary>Updates the copy's stat data, so its raw diff lists only files whose content or mode changed.</summary>
    public static void Refresh(GitProcess git) => git.Run([.. GitDiffOptions.Config, "update-index", "-q", "--refresh"], check: false);

    public void Dispose()
    {
        foreach (var file in new[] { Path, Path + ".lock" })
        {
            try { File.Delete(file); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }
}
