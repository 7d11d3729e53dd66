using Handoff.Core.Inspection;
using Handoff.Core.Secrets;

namespace Handoff.Core.Prompting;

public sealed record PromptInput
{
    public required string Task { get; init; }

    /// <summary>Session title; when null it is derived from the task's first line (at most 100 characters).</summary>
    public string? Title { get; init; }
    public string? Context { get; init; }

    public required RepoSnapshot Snapshot { get; init; }
    public required FilteredChanges Changes { get; init; }

    /// <summary>--repo: what to send as the repository instead of the inspected remote ("host/path").</summary>
    public string? RepoOverride { get; init; }

    /// <summary>Byte budget for the whole prompt (UTF-8).</summary>
    public long MaxBytes { get; init; } = 200 * 1024;

    /// <summary>--no-diff: only the metadata block, no patches or diff.</summary>
    public bool IncludeChanges { get; init; } = true;

    /// <summary>v1 attachment lines (ATTACHMENT:"url"), appended verbatim.</summary>
    public IReadOnlyList<string> AttachmentUrlsForPrompt { get; init; } = [];
}

/// <summary>
/// An item the budget or an omission rule left out. Reason: "binary", "lfs", "too-large", "budget", "secret", "not-utf8",
/// "generated", "vendored", "lock-file".
/// </summary>
public sealed record OmittedItem(string Path, long Size, string Reason, string? Commit = null);

/// <summary>
/// One change as the budget saw it, in the order it was offered a place: its class ("named", "commit", "tracked", "new",
/// or "generated" / "vendored" / "lock-file" when only listed), its bytes (the diff's; the file's when never inlined),
/// whether it is in the prompt, and if not, why (an <see cref="OmittedItem"/> reason).
/// </summary>
public sealed record PlannedFile(string Path, string? Commit, string Class, long Bytes, bool Included, string? Reason);

public sealed record ComposedPrompt(
    string Prompt,
    string Title,
    IReadOnlyList<string> IncludedFiles,
    IReadOnlyList<OmittedItem> Omitted,
    long Bytes)
{
    /// <summary>True when the context had to be cut (at a line boundary, with a marker) to fit the budget.</summary>
    public bool ContextTruncated { get; init; }

    /// <summary>How the budget was filled: every change in the order it was offered a place (<see cref="FillOrder"/>).</summary>
    public IReadOnlyList<PlannedFile> Plan { get; init; } = [];
}

/// <summary>Stage 3 of a handoff: task + context + snapshot + filtered changes → the prompt, within the byte budget.</summary>
public interface IPromptComposer
{
    ComposedPrompt Compose(PromptInput input);
}
