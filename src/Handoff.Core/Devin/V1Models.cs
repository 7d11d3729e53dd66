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
