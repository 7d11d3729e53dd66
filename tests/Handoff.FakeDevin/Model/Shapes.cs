using System.Text.Json;
using System.Text.Json.Serialization;
using Handoff.FakeDevin.State;

namespace Handoff.FakeDevin.Model;

// JSON response shapes of devin-api.md, written with FakeJson.Options (snake_case, nulls kept).

public sealed record PullRequestResponse(string PrUrl, string? PrState);

public sealed record SessionResponse(
    string SessionId,
    string Url,
    string Status,
    string? StatusDetail,
    IReadOnlyList<string> Tags,
    string OrgId,
    long CreatedAt,
    long UpdatedAt,
    double AcusConsumed,
    IReadOnlyList<PullRequestResponse> PullRequests,
    string? Title,
    string? UserId,
    string? ServiceUserId,
    string? PlaybookId,
    string? ParentSessionId,
    IReadOnlyList<string>? ChildSessionIds,
    bool IsArchived,
    string? Origin,
    string? Category,
    string? Subcategory,
    JsonElement? StructuredOutput)
{
    public static SessionResponse From(FakeSession s, bool includeReadOnlyFields = true) => new(
        s.SessionId,
        "https://app.devin.ai/sessions/" + s.SessionId,
        s.Status,
        includeReadOnlyFields ? s.StatusDetail : null,
        s.Tags.ToList(),
        s.OrgId,
        s.CreatedAt,
        s.UpdatedAt,
        s.AcusConsumed,
        s.PullRequests.Select(p => new PullRequestResponse(p.PrUrl, p.PrState)).ToList(),
        s.Title,
        s.UserId,
        s.ServiceUserId,
        s.PlaybookId,
        s.ParentSessionId,
        s.ChildSessionIds?.ToList(),
        s.IsArchived,
        s.Origin,
        includeReadOnlyFields ? s.Category : null,
        includeReadOnlyFields ? s.Subcategory : null,
        includeReadOnlyFields ? s.StructuredOutput : null);
}

public sealed record SessionMessageResponse(string EventId, long CreatedAt, string Message, string Source)
{
    public static SessionMessageResponse From(FakeMessage m) => new(m.EventId, m.CreatedAt, m.Message, m.Source);
}

public sealed record TagsResponse(IReadOnlyList<string> Tags);

public sealed record AttachmentResponse(string AttachmentId, string Name, string Url, string Source, string? ContentType);

public sealed record AttachmentListWrapper(IReadOnlyList<AttachmentResponse> Items);

public sealed record UploadResponse(string AttachmentId, string Name, string Url);

public sealed record ServiceUserSelfResponse(string PrincipalType, string ServiceUserId, string ServiceUserName, string? OrgId);

public sealed record PatUserSelfResponse(string PrincipalType, string UserId, string UserName, string? ApiKeyId, string? ApiKeyName, string? OrgId);

public sealed record OrganizationResponse(string OrgId, string Name, long CreatedAt, long UpdatedAt, long? MaxCycleAcuLimit, long? MaxSessionAcuLimit)
{
    public static OrganizationResponse From(FakeOrganization o) =>
        new(o.OrgId, o.Name, o.CreatedAt, o.UpdatedAt, o.MaxCycleAcuLimit, o.MaxSessionAcuLimit);
}

public sealed record KnowledgeNoteResponse(
    string NoteId, string Name, string Body, string Trigger, string? FolderId, string FolderPath, bool IsEnabled,
    string? Macro, string? PinnedRepo, string? OrgId, string AccessType, long CreatedAt, long UpdatedAt);

public sealed record KnowledgeFolderResponse(string FolderId, string Name, string Path, int NoteCount, string? ParentFolderId);

public sealed record KnowledgeFoldersResponse(IReadOnlyList<KnowledgeFolderResponse> Folders, int RootNoteCount);

public sealed record PlaybookResponse(
    string PlaybookId, string Title, string Body, string? Macro, string AccessType, string? OrgId,
    long CreatedAt, long UpdatedAt, string CreatedBy, string UpdatedBy, JsonElement? StructuredOutputSchema)
{
    public static PlaybookResponse From(FakePlaybook p) =>
        new(p.PlaybookId, p.Title, p.Body, p.Macro, "org", p.OrgId, p.CreatedAt, p.UpdatedAt, p.CreatedBy, p.UpdatedBy, p.StructuredOutputSchema);
}

public sealed record SchedulePlaybookRef(string PlaybookId, string? Title);

public sealed record ScheduleResponse(
    string ScheduledSessionId, string Name, string Prompt, string? Frequency, bool Enabled, string Agent, string NotifyOn,
    SchedulePlaybookRef? Playbook, string OrgId, string CreatedAt, string UpdatedAt, string CreatedBy, string LastEditedBy,
    string? LastExecutedAt, string? LastErrorAt, string? LastErrorMessage, int ConsecutiveFailures, string ScheduleType,
    string? ScheduledAt, bool BypassApproval, long? IntervalCount, string? Platform, IReadOnlyList<string> Tags,
    string? SlackChannelId, string? SlackTeamId, string? TargetDevinId);

// ---- v1

public sealed record V1CreateSessionResponse(string SessionId, string Url, bool IsNewSession);

public sealed record V1PullRequest(string Url);

public sealed record V1MessageResponse(string Type, string EventId, string Message, string Timestamp, string? Username, string? Origin);

public sealed record V1SessionResponse(
    string SessionId, string Status, string StatusEnum, string? Title, IReadOnlyList<string> Tags, string CreatedAt, string UpdatedAt,
    string? PlaybookId, string? SnapshotId, V1PullRequest? PullRequest, string? RequestingUserEmail, JsonElement? StructuredOutput,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<V1MessageResponse>? Messages);

public sealed record V1SessionListResponse(IReadOnlyList<V1SessionResponse> Sessions);

public sealed record V1DetailResponse(string Detail);

public sealed record V1KnowledgeCreatedBy(string FullName, string? Id, string? ImageUrl);

public sealed record V1KnowledgeResponse(
    string Id, string Name, string Body, string TriggerDescription, string? Macro, string? ParentFolderId, string? PinnedRepo,
    string CreatedAt, V1KnowledgeCreatedBy CreatedBy);

public sealed record V1FolderResponse(string Id, string Name, string? Description, string CreatedAt);

public sealed record V1KnowledgeListResponse(IReadOnlyList<V1KnowledgeResponse> Knowledge, IReadOnlyList<V1FolderResponse> Folders);

public sealed record V1PlaybookResponse(
    string PlaybookId, string Title, string Body, string Status, string AccessType, string OrgId, string? CreatedAt, string? UpdatedAt,
    string? CreatedByUserId, string? CreatedByUserName, string? UpdatedByUserId, string? UpdatedByUserName, string? Macro);

public sealed record V1StatusResponse(string Status);
