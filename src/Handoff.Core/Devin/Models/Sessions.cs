using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Handoff.Core.Devin;

// Defaults are kept with `init => field = value ?? default`: generated JSON metadata (no reflection under
// Native AOT) sets every init-only property, passing null for a field the JSON lacks.

/// <summary>POST /sessions body (devin-api.md §3.1). Only non-null fields are sent.</summary>
public sealed record SessionCreateRequest
{
    public required string Prompt { get; init; }
    public string? Title { get; init; }
    public IReadOnlyList<string>? Tags { get; init; }
    public IReadOnlyList<string>? Repos { get; init; }
    public string? PlaybookId { get; init; }
    public string? ChildPlaybookId { get; init; }
    public IReadOnlyList<string>? KnowledgeIds { get; init; }
    public IReadOnlyList<string>? SecretIds { get; init; }
    public IReadOnlyList<SessionSecret>? SessionSecrets { get; init; }
    public long? MaxAcuLimit { get; init; }
    /// <summary>When null, <see cref="DevinConnection.UserId"/> is used (v3 only).</summary>
    public string? CreateAsUserId { get; init; }
    /// <summary>v3: sent as <c>attachment_urls</c>; v1: appended to the prompt as <c>ATTACHMENT:"url"</c> lines.</summary>
    public IReadOnlyList<string>? AttachmentUrls { get; init; }
    public JsonNode? StructuredOutputSchema { get; init; }
    public bool? StructuredOutputRequired { get; init; }
    public bool? BypassApproval { get; init; }
    public IReadOnlyList<string>? SessionLinks { get; init; }
    /// <summary><see cref="DevinModes"/>; null = org default.</summary>
    public string? DevinMode { get; init; }
    public string? Platform { get; init; }
    /// <summary>v1 only.</summary>
    public string? SnapshotId { get; init; }
    /// <summary>v1 only.</summary>
    public bool? Unlisted { get; init; }
}

public sealed record SessionSecret(string Key, string Value, bool Sensitive = true);

public static class DevinModes
{
    public const string Normal = "normal";
    public const string Fast = "fast";
    public const string Lite = "lite";
}

/// <summary>A session as returned by v3 (and v1, mapped into the same shape).</summary>
public sealed record SessionResponse
{
    public string SessionId { get; init => field = value ?? ""; } = "";
    public string? Url { get; init; }
    /// <summary>v3 <see cref="SessionStatuses"/>; v1's free-form status string.</summary>
    public string? Status { get; init; }
    /// <summary><see cref="StatusDetails"/>; filled on get/list only.</summary>
    public string? StatusDetail { get; init; }
    /// <summary>v1 only: <see cref="V1StatusEnums"/>.</summary>
    public string? StatusEnum { get; init; }
    public IReadOnlyList<string> Tags { get; init => field = value ?? []; } = [];
    public string? OrgId { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }
    public double? AcusConsumed { get; init; }
    public IReadOnlyList<SessionPullRequest> PullRequests { get; init => field = value ?? []; } = [];
    public string? Title { get; init; }
    public string? UserId { get; init; }
    public string? ServiceUserId { get; init; }
    public string? PlaybookId { get; init; }
    public string? ParentSessionId { get; init; }
    public IReadOnlyList<string>? ChildSessionIds { get; init; }
    public bool IsArchived { get; init; }
    /// <summary><see cref="SessionOrigins"/>.</summary>
    public string? Origin { get; init; }
    public string? Category { get; init; }
    public string? Subcategory { get; init; }
    public JsonNode? StructuredOutput { get; init; }
    /// <summary>v1 only.</summary>
    public string? RequestingUserEmail { get; init; }
    /// <summary>v1 only.</summary>
    public string? SnapshotId { get; init; }

    /// <summary>Where the session stands, for follow/poll commands.</summary>
    public SessionClassification Classify() => SessionStatus.Classify(Status, StatusDetail, StatusEnum);
}

public sealed record SessionPullRequest
{
    public string PrUrl { get; init => field = value ?? ""; } = "";
    public string? PrState { get; init; }
}

/// <summary>Result of <see cref="ISessionsClient.Create"/>.</summary>
/// <param name="Session">For v1 only id, url, title and tags are known.</param>
/// <param name="IsNewSession">False when v1 returned an existing session for an idempotent create.</param>
/// <param name="Recovered">True when the create response was lost and the session was found by its client-token tag.</param>
/// <param name="ClientTag">The <c>handoff-id:…</c> tag that identifies this create.</param>
public sealed record SessionCreated(SessionResponse Session, bool IsNewSession, bool Recovered, string ClientTag);

/// <summary>Result of <see cref="ISessionsClient.ListNewest"/>.</summary>
/// <param name="Sessions">Newest first.</param>
/// <param name="MayMissNewer">
/// True when the scan stopped at <see cref="ScanLimit"/> sessions without the API showing that it lists newest first,
/// so newer ones may be beyond what was read.
/// </param>
public sealed record NewestSessions(IReadOnlyList<SessionResponse> Sessions, bool MayMissNewer)
{
    /// <summary>How many sessions a newest-first listing reads at most.</summary>
    public const int ScanLimit = 1000;
}

/// <summary>Filters of GET /sessions (devin-api.md §3.3). v1 honours only Tags, UserEmail and paging.</summary>
public sealed record SessionListQuery
{
    /// <summary>Page size (v3 <c>first</c>, v1 <c>limit</c>).</summary>
    public int? First { get; init; }
    /// <summary>Cursor from <see cref="Page{T}.EndCursor"/> (for v1 an offset, produced by this client).</summary>
    public string? After { get; init; }
    public IReadOnlyList<string>? SessionIds { get; init; }
    public long? CreatedAfter { get; init; }
    public long? CreatedBefore { get; init; }
    public long? UpdatedAfter { get; init; }
    public long? UpdatedBefore { get; init; }
    public IReadOnlyList<string>? Tags { get; init; }
    public string? PlaybookId { get; init; }
    public string? ScheduleId { get; init; }
    public IReadOnlyList<string>? Origins { get; init; }
    public IReadOnlyList<string>? UserIds { get; init; }
    public IReadOnlyList<string>? ServiceUserIds { get; init; }
    public IReadOnlyList<string>? RepoNames { get; init; }
    public bool? IsArchived { get; init; }
    public string? Category { get; init; }
    /// <summary>v1 only.</summary>
    public string? UserEmail { get; init; }
}

/// <summary>An item of GET /sessions/{id}/messages; chronological, <see cref="EventId"/> is the dedupe key.</summary>
public sealed record SessionMessage
{
    public string EventId { get; init => field = value ?? ""; } = "";
    public DateTimeOffset? CreatedAt { get; init; }
    public string Message { get; init => field = value ?? ""; } = "";
    /// <summary>"devin" or "user" (others kept as sent).</summary>
    public string? Source { get; init; }
}

public sealed record SendMessageRequest
{
    public required string Message { get; init; }
    public IReadOnlyList<string>? AttachmentUrls { get; init; }
    public string? MessageAsUserId { get; init; }
}

/// <summary>Reply to a message: the session when the server returns one (v3), and/or the server's <c>detail</c> note (v1).</summary>
public sealed record MessageSent(SessionResponse? Session, string? Detail);

public sealed record SessionTags
{
    public IReadOnlyList<string> Tags { get; init => field = value ?? []; } = [];
}

/// <summary>An item of GET /sessions/{id}/attachments.</summary>
public sealed record SessionAttachment
{
    public string? AttachmentId { get; init; }
    public string Name { get; init => field = value ?? ""; } = "";
    public string Url { get; init => field = value ?? ""; } = "";
    public string? Source { get; init; }
    public string? ContentType { get; init; }
}

/// <summary>Result of an upload; put <see cref="Url"/> into attachment_urls. v1 gives only the URL.</summary>
public sealed record UploadedAttachment
{
    public string? AttachmentId { get; init; }
    public string? Name { get; init; }
    public string Url { get; init => field = value ?? ""; } = "";
}

public static class SessionStatuses
{
    public const string New = "new";
    public const string Claimed = "claimed";
    public const string Running = "running";
    public const string Exit = "exit";
    public const string Error = "error";
    public const string Suspended = "suspended";
    public const string Resuming = "resuming";
}

public static class StatusDetails
{
    public const string Working = "working";
    public const string WaitingForUser = "waiting_for_user";
    public const string WaitingForApproval = "waiting_for_approval";
    public const string Finished = "finished";
    public const string Inactivity = "inactivity";
    public const string UserRequest = "user_request";
    public const string UsageLimitExceeded = "usage_limit_exceeded";
    public const string OutOfCredits = "out_of_credits";
    public const string OutOfQuota = "out_of_quota";
    public const string NoQuotaAllocation = "no_quota_allocation";
    public const string PaymentDeclined = "payment_declined";
    public const string OrgUsageLimitExceeded = "org_usage_limit_exceeded";
    public const string TotalSessionLimitExceeded = "total_session_limit_exceeded";
    public const string UserUsageLimitExceeded = "user_usage_limit_exceeded";
    public const string ContractExpired = "contract_expired";
    public const string Error = "error";
}

public static class V1StatusEnums
{
    public const string Working = "working";
    public const string Blocked = "blocked";
    public const string Expired = "expired";
    public const string Finished = "finished";
    public const string SuspendRequested = "suspend_requested";
    public const string SuspendRequestedFrontend = "suspend_requested_frontend";
    public const string ResumeRequested = "resume_requested";
    public const string ResumeRequestedFrontend = "resume_requested_frontend";
    public const string Resumed = "resumed";
}

public static class SessionOrigins
{
    public const string Webapp = "webapp";
    public const string Slack = "slack";
    public const string Teams = "teams";
    public const string Api = "api";
    public const string Linear = "linear";
    public const string Jira = "jira";
    public const string Automation = "automation";
    public const string Cli = "cli";
    public const string Desktop = "desktop";
    public const string Other = "other";
    public const string CodeScan = "code_scan";
}
