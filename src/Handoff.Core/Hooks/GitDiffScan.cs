using Handoff.Core.Abstractions;
using Handoff.Core.Inspection.Diffing;
using Handoff.Core.Secrets;

namespace Handoff.Core.Hooks;

/// <summary>
/// Runs the user's own git and streams its patch output into <see cref="SecretScanner.ScanDiff"/>, so memory stays
/// flat whatever the size of the history. Each commit's own diff is scanned (not the net diff), so a secret added
/// by one commit and removed by a later one is still found. A merge commit is scanned on what the merge itself
/// added: its remerge diff (git 2.36+: the recorded result against git's own automatic merge, so a conflict
/// resolution or an edit made in the merge), or on older git its diff against the first parent, a superset
/// (git before 2.31 shows merges no diff at all, so there they are not scanned). Archives among the changed files
/// are scanned member by member (<see cref="GitArchiveScan"/>).
/// </summary>
public sealed class GitDiffScan(IProcessRunner processes, SecretScanner scanner, string workDir)
{
    /// <summary>
    /// Added lines with no context, in git's own diff as create reads it (<see cref="GitDiffOptions"/>), whatever the
    /// user's config; full blob ids, so a changed archive can be read and its members scanned (<see cref="GitArchiveScan"/>).
    /// </summary>
    private static readonly string[] PatchOptions = ["-p", "-U0", .. GitDiffOptions.Patch, "--full-index", "--format=commit %H"];

    /// <summary>How merges are shown, best first; git refuses a value it does not know before printing anything.</summary>
    private static readonly string[][] MergeDiffs = [["--diff-merges=remerge"], ["--diff-merges=first-parent"], []];

    /// <summary>Scans the commits of a revision range (<c>A..B</c>, <c>A...B</c>, or one revision and its history).</summary>
    /// <exception cref="HandoffException">the range is not usable (exit 2) or git failed (exit 1).</exception>
    public Task<IReadOnlyList<Finding>> Range(string range, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(range) || range.StartsWith('-') || range.Any(char.IsWhiteSpace))
            throw new HandoffException($"invalid --range '{range}': want A..B (two commits, branches or tags)", ExitCodes.Usage);
        return Log([range, "--"], null, cancellationToken);
    }

    /// <summary>Scans exactly these commits, each on its own diff (a merge on what it added itself).</summary>
    public Task<IReadOnlyList<Finding>> Commits(IReadOnlyList<string> shas, CancellationToken cancellationToken = default)
    {
        if (shas.Count == 0) return Task.FromResult<IReadOnlyList<Finding>>([]);
        return Log(["--no-walk=unsorted", "--stdin"], string.Join('\n', shas) + "\n", cancellationToken);
    }

    private async Task<IReadOnlyList<Finding>> Log(string[] selection, string? standardInput, CancellationToken cancellationToken)
    {
        for (var i = 0; ; i++)
        {
            try
            {
                return await Run(["log", .. PatchOptions, .. MergeDiffs[i], .. selection], standardInput, cancellationToken);
            }
            catch (HandoffException e) when (i < MergeDiffs.Length - 1 && e.Message.Contains("diff-merges", StringComparison.Ordinal))
            {
                // An older git (remerge diff: 2.36; first-parent: 2.31): try the next way.
            }
        }
    }

    /// <summary>Scans what is staged for the next commit (the index against HEAD).</summary>
    public Task<IReadOnlyList<Finding>> Staged(CancellationToken cancellationToken = default) =>
        Run(["diff", "--cached", "-U0", .. GitDiffOptions.Patch, "--full-index"], null, cancellationToken);

    private async Task<IReadOnlyList<Finding>> Run(string[] arguments, string? standardInput, CancellationToken cancellationToken)
    {
        var findings = new List<Finding>();
        var archives = new GitArchiveScan(processes, scanner, workDir);
        var result = await processes.RunStreaming("git", [.. GitDiffOptions.Config, .. arguments], workDir,
            reader => findings.AddRange(scanner.ScanDiff(reader, archives.Add)), standardInput, cancellationToken);
        if (result.ExitCode != 0)
        {
            var message = PushedCommits.FirstLine(result.StandardError);
            var usage = message.Contains("unknown revision", StringComparison.OrdinalIgnoreCase)
                        || message.Contains("bad revision", StringComparison.OrdinalIgnoreCase)
                        || message.Contains("ambiguous argument", StringComparison.OrdinalIgnoreCase);
            throw new HandoffException($"git {arguments[0]} failed: {message}", usage ? ExitCodes.Usage : ExitCodes.Error);
        }
        findings.AddRange(await archives.Scan(cancellationToken));
        return findings;
    }
}
