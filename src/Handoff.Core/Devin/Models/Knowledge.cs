using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Handoff.Core.Devin;

// Defaults are kept with `init => field = value ?? default`: generated JSON metadata (no reflection under
// Native AOT) sets every init-only property, passing null for a field the JSON lacks.

/// <summary>Create and full-replace (PUT) body of a knowledge note (devin-api.md §6).</summary>
public sealed record KnowledgeNoteRequest
{
    public required string Name { get; init; }
    public required string Body { get; init; }
    public required string Trigger { get; init; }
    public string? FolderId { get; init; }
    public bool? IsEnabled { get; init; }
    public string? PinnedRepo { get; init; }
}

public sealed record KnowledgeNote
{
    public string NoteId { get; init => field = value ?? ""; } = "";
    public string Name { get; init => field = value ?? ""; } = "";
    public string Body { get; init => field = value ?? ""; } = "";
    public string Trigger { get; init => field = value ?? ""; } = "";
    public string? FolderId { get; init; }
    public string? FolderPath { get; init; }
    public bool? IsEnabled { get; init; }
    public string? Macro { get; init; }
    public string? PinnedRepo { get; init; }
    public string? OrgId { get; init; }
    /// <summary>"enterprise" or "org".</summary>
    public string? AccessType { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }
}

public sealed record NoteListQuery
{
    public int? First { get; init; }
    public string? After { get; init; }
    public string? Search { get; init; }
    public string? FolderPath { get; init; }
    public string? PinnedRepo { get; init; }
}

public sealed record KnowledgeFolders
{
    public IReadOnlyList<KnowledgeFolder> Folders { get; init => field = value ?? []; } = [];
    public int? RootNoteCount { get; init; }
}

public sealed record KnowledgeFolder
{
    public string FolderId { get; init => field = value ?? ""; } = "";
    public string Name { get; init => field = value ?? ""; } = "";
    public string? Path { get; init; }
    public int? NoteCount { get; init; }
    public string? ParentFolderId { get; init; }
}
