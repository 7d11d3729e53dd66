using System.Text.Json.Nodes;

namespace Handoff.Core.Devin;

// Defaults are kept with `init => field = value ?? default`: generated JSON metadata (no reflection under
// Native AOT) sets every init-only property, passing null for a field the JSON lacks.

/// <summary>Wire shapes of the legacy v1 API, mapped into the v3 models by the resource clients.</summary>
internal sealed record V1CreateRequest
{
    public required string Prompt { get; init; }
    public bool Idempotent { get; init; } = true;
    public string? Title { get; init; }
    public IReadOnlyList<string>? Tags { get; init; }
    public IReadOnlyList<string>? KnowledgeIds { get; init; }
    public long? MaxAcuLimit { get; init; }
    public string? PlaybookId { get; init; }
    public IReadOnlyList<string>? SecretIds { get; init; }
    public IReadOnlyList<SessionSecret>? SessionSecrets { get; init; }
    public string? SnapshotId { get; init; }
    public JsonNode? StructuredOutputSchema { get; init; }
    public bool? Unlisted { get; init; }
}

/// <summary>POST /v1/sessions/{id}/message body.</summary>
internal sealed record V1MessageRequest(string Message);

internal sealed record V1CreateResponse
{
    public string SessionId { get; init => field = value ?? ""; } = "";
    public string? Url { get; init; }
    public bool? IsNewSession { get; init; }
}

internal sealed record V1PullRequest
{
    public string? Url { get; init; }
}

internal sealed record V1Message
{
    public string? EventId { get; init; }
    public string? Type { get; init; }
    public string? Message { get; init; }
    public string? Origin { get; init; }
    public string? Username { get; init; }
    public DateTimeOffset? Timestamp { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
}

internal sealed record V1Session
{
    public string SessionId { get; init => field = value ?? ""; } = "";
    public string? Url { get; init; }
    public string? Status { get; init; }
    public string? StatusEnum { get; init; }
    public string? Title { get; init; }
    public IReadOnlyList<string>? Tags { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }
    public string? PlaybookId { get; init; }
    public string? SnapshotId { get; init; }
    public V1PullRequest? PullRequest { get; init; }
    public string? RequestingUserEmail { get; init; }
    public JsonNode? StructuredOutput { get; init; }
    public IReadOnlyList<V1Message>? Messages { get; init; }

    public SessionResponse ToSession() => new()
    {
        SessionId = SessionId,
        Url = Url,
        Status = Status,
        StatusEnum = StatusEnum,
        Title = Title,
        Tags = Tags ?? [],
        CreatedAt = CreatedAt,
        UpdatedAt = UpdatedAt,
        PlaybookId = PlaybookId,
        SnapshotId = SnapshotId,
        PullRequests = string.IsNullOrEmpty(PullRequest?.Url) ? [] : [new SessionPullRequest { PrUrl = PullRequest.Url }],
        RequestingUserEmail = RequestingUserEmail,
        StructuredOutput = StructuredOutput,
    };
}

internal sealed record V1SessionList
{
    public IReadOnlyList<V1Session> Sessions { get; init => field = value ?? []; } = [];
}

internal sealed record V1Detail
{
    public string? Detail { get; init; }
}

/// <summary>POST /v1/knowledge and PUT /v1/knowledge/{id} body: v1's names for the note's fields.</summary>
internal sealed record V1KnowledgeRequest
{
    public required string Name { get; init; }
    public required string Body { get; init; }
    public required string TriggerDescription { get; init; }
    public string? Macro { get; init; }
    public string? ParentFolderId { get; init; }
    public string? PinnedRepo { get; init; }

    public static V1KnowledgeRequest From(KnowledgeNoteRequest request, string? macro) => new()
    {
        Name = request.Name,
        Body = request.Body,
        TriggerDescription = request.Trigger,
        Macro = macro,
        ParentFolderId = request.FolderId,
        PinnedRepo = request.PinnedRepo,
    };
}

internal sealed record V1Knowledge
{
    public string Id { get; init => field = value ?? ""; } = "";
    public string Name { get; init => field = value ?? ""; } = "";
    public string Body { get; init => field = value ?? ""; } = "";
    public string TriggerDescription { get; init => field = value ?? ""; } = "";
    public string? Macro { get; init; }
    public string? ParentFolderId { get; init; }
    public string? PinnedRepo { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public JsonNode? CreatedBy { get; init; }

    /// <summary>The v3 shape; the folder's path is "/name" when <paramref name="folders"/> knows the folder.</summary>
    public KnowledgeNote ToNote(IReadOnlyList<V1KnowledgeFolder>? folders) => new()
    {
        NoteId = Id,
        Name = Name,
        Body = Body,
        Trigger = TriggerDescription,
        FolderId = ParentFolderId,
        FolderPath = ParentFolderId is null ? "/" : folders?.FirstOrDefault(f => f.Id == ParentFolderId) is { } folder ? "/" + folder.Name : null,
        Macro = Macro,
        PinnedRepo = PinnedRepo,
        CreatedAt = CreatedAt,
    };
}

internal sealed record V1KnowledgeFolder
{
    public string Id { get; init => field = value ?? ""; } = "";
    public string Name { get; init => field = value ?? ""; } = "";
    public string? Description { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
}

/// <summary>GET /v1/knowledge: every note and folder at once.</summary>
internal sealed record V1KnowledgeList
{
    public IReadOnlyList<V1Knowledge> Knowledge { get; init => field = value ?? []; } = [];
    public IReadOnlyList<V1KnowledgeFolder> Folders { get; init => field = value ?? []; } = [];
}

/// <summary>POST /v1/playbooks and PUT /v1/playbooks/{id} body.</summary>
internal sealed record V1PlaybookRequest(string Title, string Body, string? Macro);

internal sealed record V1Playbook
{
    public string PlaybookId { get; init => field = value ?? ""; } = "";
    public string Title { get; init => field = value ?? ""; } = "";
    public string Body { get; init => field = value ?? ""; } = "";
    public string? Status { get; init; }
    public string? AccessType { get; init; }
    public string? OrgId { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }
    public string? CreatedByUserId { get; init; }
    public string? CreatedByUserName { get; init; }
    public string? UpdatedByUserId { get; init; }
    public string? UpdatedByUserName { get; init; }
    public string? Macro { get; init; }

    /// <summary>The v3 shape: created_by/updated_by carry the user's id (else name), as v3 does.</summary>
    public Playbook ToPlaybook() => new()
    {
        PlaybookId = PlaybookId,
        Title = Title,
        Body = Body,
        Macro = Macro,
        AccessType = AccessType,
        OrgId = OrgId,
        CreatedAt = CreatedAt,
        UpdatedAt = UpdatedAt,
        CreatedBy = (CreatedByUserId ?? CreatedByUserName) is { } creator ? JsonValue.Create(creator) : null,
        UpdatedBy = (UpdatedByUserId ?? UpdatedByUserName) is { } editor ? JsonValue.Create(editor) : null,
    };
}
