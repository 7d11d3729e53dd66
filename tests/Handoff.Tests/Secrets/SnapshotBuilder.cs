using Handoff.Core.Inspection;

namespace Handoff.Tests.Secrets;

/// <summary>Builds small snapshots for Filter tests.</summary>
internal static class SnapshotBuilder
{
    public static RepoSnapshot With(string root, IReadOnlyList<FileChange> working, IReadOnlyList<CommitPatch>? commits = null) => new()
    {
        WorkingDirectory = root,
        GitDirectory = Path.Combine(root, ".git"),
        Head = new HeadState("main", new string('a', 40), false, false),
        WorkingChanges = working,
        UnpushedCommits = commits ?? [],
    };

    /// <summary>A file whose hunks are given as arrays of added lines (each hunk starts at the given new line).</summary>
    public static FileChange File(string path, params (int Start, string[] Added)[] hunks) => new()
    {
        Path = path,
        Kind = ChangeKind.Modified,
        HeaderLines = [$"diff --git a/{path} b/{path}", $"--- a/{path}", $"+++ b/{path}"],
        Hunks = hunks.Select(h => new DiffHunk(
            $"@@ -{h.Start},1 +{h.Start},{h.Added.Length + 1} @@",
            [" context line", .. h.Added.Select(a => "+" + a)],
            h.Start, h.Start)).ToList(),
    };

    public static FileChange NewFile(string path, params string[] lines) => new()
    {
        Path = path,
        Kind = ChangeKind.Untracked,
        HeaderLines = [$"diff --git a/{path} b/{path}", "new file mode 100644", "--- /dev/null", $"+++ b/{path}"],
        Hunks = lines.Length == 0 ? [] : [new DiffHunk($"@@ -0,0 +1,{lines.Length} @@", lines.Select(l => "+" + l).ToList(), 1, 0)],
    };

    public static CommitPatch Commit(string sha, params FileChange[] files) =>
        new(sha, "subject", "subject\n", "A", "a@example.org", DateTimeOffset.UnixEpoch, files);
}
