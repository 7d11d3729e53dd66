using Handoff.Core.Inspection;

namespace Handoff.Core.Secrets;

/// <summary>
/// Filters the changes of a <see cref="RepoSnapshot"/> hunk by hunk: what may leave the machine, and what is withheld.
/// A hunk with a finding that blocks (<see cref="FindingPolicy"/>) is withheld, unless <see cref="SecretMode.Redact"/>;
/// a hunk with only low-confidence findings goes with those values redacted. A hunk whose scan throws or times out is
/// withheld with rule <see cref="SecretScanner.ScanErrorRuleId"/>.
/// </summary>
internal static class SnapshotFilter
{
    public static FilteredChanges Filter(RepoSnapshot snapshot, SecretMode mode, ScanContext context)
    {
        var findings = new List<Finding>();
        var withheld = new List<WithheldItem>();
        var scanner = new FragmentScanner(context);
        var working = FilterFiles(snapshot.WorkingChanges, null, mode, scanner, findings, withheld);
        var commits = snapshot.UnpushedCommits
            .Select(c => c with { Files = FilterFiles(c.Files, c.Sha, mode, scanner, findings, withheld) })
            .ToList();
        return new FilteredChanges(working, commits, findings, withheld);
    }

    private static List<FileChange> FilterFiles(IReadOnlyList<FileChange> files, string? commit, SecretMode mode, FragmentScanner scanner,
        List<Finding> findings, List<WithheldItem> withheld)
    {
        var context = scanner.Context;
        var kept = new List<FileChange>(files.Count);
        foreach (var file in files)
        {
            if (file.Kind == ChangeKind.Deleted || context.Allowlist.AllowsPath(file.Path))
            {
                kept.Add(file);
                continue;
            }
            var pathRule = context.MatchPath(file.Path, () => AddedText(file));
            if (pathRule is not null && SecretScanner.AddWholeFileFinding(pathRule, file.Path, commit, context, findings))
            {
                foreach (var hunk in file.Hunks) TryScanHunk(hunk, file.Path, commit, scanner, findings, false, out _);
                withheld.Add(new WithheldItem(file.Path, null, null, [pathRule.Rule.Id], commit, WholeFile: true));
                continue;
            }
            var hunks = new List<DiffHunk>(file.Hunks.Count);
            foreach (var hunk in file.Hunks)
            {
                var before = findings.Count;
                var ok = TryScanHunk(hunk, file.Path, commit, scanner, findings, redact: true, out var redacted);
                if (ok && findings.Count == before)
                {
                    hunks.Add(hunk);
                }
                else if (ok && (mode == SecretMode.Redact || !FindingPolicy.AnyBlocks(findings.Skip(before))))
                {
                    // --redact, or only low-confidence findings (FindingPolicy): the values go, the code around them stays
                    hunks.Add(redacted!);
                }
                else
                {
                    var rules = findings.Skip(before).Select(f => f.RuleId).Distinct().ToList();
                    withheld.Add(new WithheldItem(file.Path, hunk.NewStart, LastNewLine(hunk), rules, commit));
                }
            }
            if (hunks.Count > 0 || file.Hunks.Count == 0) kept.Add(hunks.Count == file.Hunks.Count && hunks.SequenceEqual(file.Hunks) ? file : file with { Hunks = hunks });
        }
        return kept;
    }

    /// <returns>False when the hunk could not be scanned (a scan-error finding was added).</returns>
    private static bool TryScanHunk(DiffHunk hunk, string path, string? commit, FragmentScanner scanner, List<Finding> findings, bool redact, out DiffHunk? redacted)
    {
        redacted = null;
        scanner.Reset();
        var line = hunk.NewStart;
        string[]? lines = null;
        try
        {
            for (var i = 0; i < hunk.Lines.Count; i++)
            {
                var text = hunk.Lines[i];
                if (text.Length == 0 || text[0] == ' ') { line++; continue; }
                if (text[0] != '+') continue;
                if (scanner.ScanLine(text.AsSpan(1), path, line, commit, findings, redact, out var replaced) && redact)
                {
                    lines ??= hunk.Lines.ToArray();
                    lines[i] = "+" + replaced;
                }
                line++;
            }
        }
        catch (Exception)
        {
            findings.Add(new Finding(SecretScanner.ScanErrorRuleId, path, line, $"{path}:{SecretScanner.ScanErrorRuleId}:{hunk.NewStart}", "(hunk could not be scanned)", commit));
            return false;
        }
        if (redact) redacted = lines is null ? hunk : hunk with { Lines = lines };
        return true;
    }

    private static int LastNewLine(DiffHunk hunk)
    {
        var count = hunk.Lines.Count(l => l.Length == 0 || l[0] is '+' or ' ');
        return Math.Max(hunk.NewStart, hunk.NewStart + count - 1);
    }

    private static string AddedText(FileChange file) =>
        string.Join('\n', file.Hunks.SelectMany(h => h.AddedLines()).Select(l => l.Text));
}
