using System.Text;
using Handoff.Core.Inspection;
using Handoff.Core.Prompting;
using Handoff.Core.Secrets;

namespace Handoff.Tests.Prompting;

/// <summary>In-memory snapshots and changes for the composer tests.</summary>
internal static class Samples
{
    public const string LocalDir = "/home/dev/secret-projects/acme-app";
    public const string LocalGitDir = "/home/dev/secret-projects/acme-app/.git";
    public const string HeadSha = "0123456789abcdef0123456789abcdef01234567";
    public const string BaseSha = "fedcba9876543210fedcba9876543210fedcba98";

    public static RepoSnapshot Snapshot(
        IReadOnlyList<FileChange>? working = null,
        IReadOnlyList<CommitPatch>? commits = null,
        RemoteUrl? remote = null,
        HeadState? head = null,
        UpstreamState? upstream = null) => new()
    {
        WorkingDirectory = LocalDir,
        GitDirectory = LocalGitDir,
        RemoteName = "origin",
        Remote = remote ?? new RemoteUrl("github.com", "acme/app"),
        Warnings = [$"remote 'backup' is a local path ({LocalDir}-backup) and is not sent"],
        Head = head ?? new HeadState("feature/x", HeadSha, false, false),
        Upstream = upstream ?? new UpstreamState("origin/feature/x", true, 2, 1),
        BaseCommit = BaseSha,
        UnpushedCommits = commits ?? [],
        WorkingChanges = working ?? [],
    };

    public static PromptInput Input(
        IReadOnlyList<FileChange>? working = null,
        IReadOnlyList<CommitPatch>? commits = null,
        string task = "Finish the login form",
        string? context = null,
        long maxBytes = 200 * 1024,
        IReadOnlyList<WithheldItem>? withheld = null,
        RepoSnapshot? snapshot = null) => new()
    {
        Task = task,
        Context = context,
        Snapshot = snapshot ?? Snapshot(working, commits),
        Changes = new FilteredChanges(working ?? snapshot?.WorkingChanges ?? [], commits ?? snapshot?.UnpushedCommits ?? [], [], withheld ?? []),
        MaxBytes = maxBytes,
    };

    public static DiffHunk Hunk(int oldStart, int newStart, params string[] lines)
    {
        var oldCount = lines.Count(l => l.StartsWith(' ') || l.StartsWith('-'));
        var newCount = lines.Count(l => l.StartsWith(' ') || l.StartsWith('+'));
        return new DiffHunk($"@@ -{oldStart},{oldCount} +{newStart},{newCount} @@", lines, newStart, oldStart);
    }

    public static FileChange Modified(string path, params DiffHunk[] hunks) => new()
    {
        Path = path,
        Kind = ChangeKind.Modified,
        Size = 1000,
        HeaderLines = [$"diff --git a/{path} b/{path}", "index 1111111..2222222 100644", $"--- a/{path}", $"+++ b/{path}"],
        Hunks = hunks,
    };

    public static FileChange NewFile(string path, ChangeKind kind, params string[] lines) => new()
    {
        Path = path,
        Kind = kind,
        Size = Encoding.UTF8.GetByteCount(string.Concat(lines.Select(l => l + "\n"))),
        HeaderLines = [$"diff --git a/{path} b/{path}", "new file mode 100644", "index 0000000..3333333", "--- /dev/null", $"+++ b/{path}"],
        Hunks = [new DiffHunk($"@@ -0,0 +1,{lines.Length} @@", lines.Select(l => "+" + l).ToList(), 1, 0)],
    };

    public static FileChange Untracked(string path, params string[] lines) => NewFile(path, ChangeKind.Untracked, lines);

    public static FileChange Deleted(string path, params string[] lines) => new()
    {
        Path = path,
        Kind = ChangeKind.Deleted,
        Size = 10,
        HeaderLines = [$"diff --git a/{path} b/{path}", "deleted file mode 100644", "index 4444444..0000000", $"--- a/{path}", "+++ /dev/null"],
        Hunks = [new DiffHunk($"@@ -1,{lines.Length} +0,0 @@", lines.Select(l => "-" + l).ToList(), 0, 1)],
    };

    public static FileChange Renamed(string from, string to) => new()
    {
        Path = to,
        OldPath = from,
        Kind = ChangeKind.Renamed,
        Size = 10,
        HeaderLines = [$"diff --git a/{from} b/{to}", "similarity index 100%", $"rename from {from}", $"rename to {to}"],
    };

    public static FileChange Omitted(string path, ContentOmission omission, long size) => new()
    {
        Path = path,
        Kind = ChangeKind.Modified,
        Size = size,
        Omission = omission,
        HeaderLines = [$"diff --git a/{path} b/{path}", $"Binary files a/{path} and b/{path} differ"],
    };

    public static CommitPatch Commit(string sha, string subject, params FileChange[] files) =>
        new(sha, subject, subject + "\n\nWhy: " + subject + "\n", "Ann Author", "ann@example.com",
            new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.FromHours(2)), files);

    public static string Sha(int n) => n.ToString("x8") + new string('a', 32);

    /// <summary>
    /// Fenced code blocks as a CommonMark reader sees them: opened by a line of 3+ backticks (info string
    /// allowed), closed by the first line of at least as many backticks (up to 3 spaces of indent, nothing else).
    /// </summary>
    public static List<(string Fence, string Info, string Content)> FencedBlocks(string markdown)
    {
        var blocks = new List<(string, string, string)>();
        var lines = markdown.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var run = lines[i].TakeWhile(c => c == '`').Count();
            if (run < 3) continue;
            var info = lines[i][run..];
            var content = new StringBuilder();
            var j = i + 1;
            for (; j < lines.Length; j++)
            {
                var trimmed = lines[j].TrimStart(' ');
                var indent = lines[j].Length - trimmed.Length;
                var closeRun = trimmed.TakeWhile(c => c == '`').Count();
                if (indent <= 3 && closeRun >= run && trimmed[closeRun..].Trim().Length == 0) break;
                content.Append(lines[j]).Append('\n');
            }
            blocks.Add((lines[i][..run], info, content.ToString()));
            i = j;
        }
        return blocks;
    }
}
