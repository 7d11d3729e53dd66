namespace Handoff.Core.Inspection;

public sealed record InspectOptions
{
    /// <summary>Start folder; the repository is discovered upward from here.</summary>
    public required string StartDirectory { get; init; }

    /// <summary>--remote NAME; null means upstream's remote, else origin, else the only remote.</summary>
    public string? RemoteName { get; init; }

    /// <summary>Files larger than this are listed, not inlined.</summary>
    public long MaxFileBytes { get; init; } = 1024 * 1024;

    /// <summary>
    /// Stop materialising diff text once this many bytes were read (the prompt budget cannot hold more);
    /// later files are still listed with their sizes. Null = no limit.
    /// </summary>
    public long? ReadBudgetBytes { get; init; }

    /// <summary>
    /// The files the task(s) and context name: read first, and read even when generated, vendored or a lock file.
    /// </summary>
    public PathMentions Mentions { get; init; } = PathMentions.None;

    /// <summary>--no-diff: do not read working changes or patches, only the metadata.</summary>
    public bool IncludeChanges { get; init; } = true;
}

/// <summary>Stage 1 of a handoff: read the repository into a <see cref="RepoSnapshot"/>.</summary>
public interface IRepoInspector
{
    /// <exception cref="HandoffException">not inside a git repository (exit 1), unknown --remote (exit 2)</exception>
    RepoSnapshot Inspect(InspectOptions options);
}
