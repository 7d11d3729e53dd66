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

/// <summary>Create and full-replace (PUT) body of a playbook (devin-api.md §7).</summary>
public sealed record PlaybookRequest
{
    public required string Title { get; init; }
    public required string Body { get; init; }
    /// <summary>"!" followed by letters, digits, "_" or "-", e.g. "!deploy".</summary>
    public string? Macro { get; init; }
    public JsonNode? StructuredOutputSchema { get; init; }
}

public sealed record Playbook
{
    public string PlaybookId { get; init => field = value ?? ""; } = "";
    public string Title { get; init => field = value ?? ""; } = "";
    public string Body { get; init => field = value ?? ""; } = "";
    public string? Macro { get; init; }
    public string? AccessType { get; init; }
    public string? OrgId { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }
    /// <summary>Shape unconfirmed (id or object); kept as sent.</summary>
    public JsonNode? CreatedBy { get; init; }
    public JsonNode? UpdatedBy { get; init; }
    public JsonNode? StructuredOutputSchema { get; init; }
}
