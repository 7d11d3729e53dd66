using System.Text.RegularExpressions;
using Handoff.Core.Inspection;

namespace Handoff.Tests.Prompting;

/// <summary>Test helper: turns `git diff` / `git show` output into FileChanges (the real inspector is separate).</summary>
internal static partial class UnifiedDiffParser
{
    public static List<FileChange> Parse(string diff, IReadOnlySet<string>? untrackedPaths = null)
    {
        var result = new List<FileChange>();
        var lines = diff.Split('\n');
        var count = diff.EndsWith('\n') ? lines.Length - 1 : lines.Length;
        var i = 0;
        while (i < count)
        {
            if (!lines[i].StartsWith("diff --git ", StringComparison.Ordinal)) { i++; continue; }
            var header = new List<string> { lines[i++] };
            while (i < count && !lines[i].StartsWith("@@", StringComparison.Ordinal) && !lines[i].StartsWith("diff --git ", StringComparison.Ordinal))
                header.Add(lines[i++]);
            var hunks = new List<DiffHunk>();
            while (i < count && lines[i].StartsWith("@@", StringComparison.Ordinal))
            {
                var hunkHeader = lines[i++];
                var m = HunkHeader().Match(hunkHeader);
                var hunkLines = new List<string>();
                while (i < count && lines[i].Length > 0 && " +-\\".Contains(lines[i][0]))
                    hunkLines.Add(lines[i++]);
                hunks.Add(new DiffHunk(hunkHeader, hunkLines, int.Parse(m.Groups[2].Value), int.Parse(m.Groups[1].Value)));
            }
            result.Add(Describe(header, hunks, untrackedPaths));
        }
        return result;
    }

    private static FileChange Describe(List<string> header, List<DiffHunk> hunks, IReadOnlySet<string>? untracked)
    {
        // git appends a tab to ---/+++ names that contain a space.
        string? Field(string prefix) => header.FirstOrDefault(h => h.StartsWith(prefix, StringComparison.Ordinal))?[prefix.Length..].TrimEnd('\t');
        var plus = Field("+++ b/");
        var minus = Field("--- a/");
        var renameTo = Field("rename to ");
        var path = renameTo ?? plus ?? minus ?? header[0].Split(" b/")[^1];
        var kind = Field("rename from ") is not null ? ChangeKind.Renamed
            : Field("new file mode ") is not null ? ChangeKind.Added
            : Field("deleted file mode ") is not null ? ChangeKind.Deleted
            : ChangeKind.Modified;
        if (kind == ChangeKind.Added && untracked?.Contains(path) == true) kind = ChangeKind.Untracked;
        return new FileChange
        {
            Path = path,
            OldPath = Field("rename from "),
            Kind = kind,
            HeaderLines = header,
            Hunks = hunks,
            Size = hunks.Sum(h => h.Lines.Count),
        };
    }

    [GeneratedRegex(@"^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@")]
    private static partial Regex HunkHeader();
}
