using Handoff.Core.Abstractions;
using Handoff.Core.Git;
using Handoff.Core.Hooks;
using Handoff.Core.Inspection;

namespace Handoff.Core.Secrets;

/// <summary>What to scan: by default what a handoff would send; or the staged changes, a commit range, or paths.</summary>
public sealed record LocalScanRequest
{
    /// <summary>Where the scan starts: the repository around it is scanned, and relative paths resolve against it.</summary>
    public required string Directory { get; init; }
    public bool Staged { get; init; }
    /// <summary>A revision range (A..B): the lines each of its commits adds.</summary>
    public string? Range { get; init; }
    /// <summary>Files or folders scanned whole.</summary>
    public IReadOnlyList<string> Paths { get; init; } = [];
}

/// <param name="Mode">working, staged, range or paths (the <c>mode</c> of <c>scan --json</c>).</param>
/// <param name="Scanner">The scanner that ran, with the repository's rules (for a SARIF rule catalogue).</param>
public sealed record LocalScanResult(string Mode, IReadOnlyList<Finding> Findings, SecretScanner Scanner);

/// <summary>
/// The secret scan of a local repository, as `scan` and the MCP server's secrets_scan run it. Each mode uses the
/// scanner the repository's own config makes (<paramref name="scannerFor"/> gets the work tree). Stdin is not
/// here: reading it is a front end's business.
/// </summary>
public sealed class LocalScan(IProcessRunner processes, IRepoInspector inspector, Func<string?, SecretScanner> scannerFor)
{
    /// <exception cref="HandoffException">more than one mode (exit 2), or a mode that needs a repository outside one (exit 1).</exception>
    public async Task<LocalScanResult> Run(LocalScanRequest request, CancellationToken cancellationToken)
    {
        var modes = new[] { request.Staged, request.Range is not null, request.Paths.Count > 0 }.Count(m => m);
        if (modes > 1) throw new HandoffException("choose one of staged, range or paths", ExitCodes.Usage);
        var cwd = request.Directory;
        var workTree = WorkTreeFinder.Find(cwd);
        var scanner = scannerFor(workTree);
        if (request.Paths.Count > 0)
            return new("paths", scanner.ScanFiles(request.Paths.Select(p => Path.GetFullPath(p, cwd)), workTree ?? cwd), scanner);
        if (request.Range is { } range)
            return new("range", await new GitDiffScan(processes, scanner, RequireRepo(workTree, cwd, "--range")).Range(range, cancellationToken), scanner);
        if (request.Staged)
            return new("staged", await new GitDiffScan(processes, scanner, RequireRepo(workTree, cwd, "--staged")).Staged(cancellationToken), scanner);
        RequireRepo(workTree, cwd, "scan (working changes)");
        var snapshot = inspector.Inspect(new InspectOptions { StartDirectory = cwd, IncludeChanges = true });
        return new("working", scanner.Filter(snapshot, SecretMode.Withhold).Findings, scanner);
    }

    private static string RequireRepo(string? workTree, string cwd, string what) =>
        workTree ?? throw new HandoffException($"{what}: not inside a git repository: {cwd}");
}
