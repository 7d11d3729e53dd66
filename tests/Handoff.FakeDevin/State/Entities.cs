using System.Text.Json;

namespace Handoff.FakeDevin.State;

// The fake's stored objects. Public so tests can read them; change them only through FakeState
// methods (or the HTTP API), which take the state lock.

public sealed class FakeOrganization
{
    public required string OrgId { get; init; }
    public required string Name { get; set; }
    public long CreatedAt { get; init; }
    public long UpdatedAt { get; set; }
    public long? MaxCycleAcuLimit { get; set; }
    public long? MaxSessionAcuLimit { get; set; }
    internal long Seq { get; init; }
}

public sealed record FakePullRequest(string PrUrl, string? PrState);

/// <summary>One scripted status change; <paramref name="V1StatusEnum"/> overrides the derived v1 value.</summary>
public sealed record StatusStep(string Status, string? StatusDetail = null, string? V1StatusEnum = null);

/// <summary>
/// Scripted Devin messages: <see cref="Count"/> messages in all, <see cref="PerStep"/> at a time, a step
/// being each read of the session or its messages, or each <see cref="Interval"/> when set. When all are
/// out, the status becomes <see cref="FinalStatus"/>/<see cref="FinalStatusDetail"/> (if given).
/// <see cref="Text"/> may contain {n} (1-based message number).
/// </summary>
public sealed record MessageScript(
    int Count,
    int PerStep = 1,
    TimeSpan? Interval = null,
    string Text = "Devin message {n}",
    string? FinalStatus = null,
    string? FinalStatusDetail = null);

public sealed class FakeSession
{
    public required string SessionId { get; init; }
    public required string OrgId { get; init; }
    public required string Prompt { get; init; }
    public string? Title { get; set; }
    public string Status { get; set; } = "new";
    public string? StatusDetail { get; set; }

    /// <summary>Explicit v1 status_enum; when null it is derived from Status/StatusDetail.</summary>
    public string? V1StatusEnum { get; set; }
    public List<string> Tags { get; set; } = [];
    public long CreatedAt { get; init; }
    public long UpdatedAt { get; set; }
    public double AcusConsumed { get; set; }
    public List<FakePullRequest> PullRequests { get; } = [];
    public string? UserId { get; set; }
    public string? ServiceUserId { get; set; }
    public string? PlaybookId { get; set; }
    public string? ParentSessionId { get; set; }
    public List<string>? ChildSessionIds { get; set; }
    public bool IsArchived { get; set; }
    public string? Origin { get; set; } = "api";
    public string? Category { get; set; }
    public string? Subcategory { get; set; }
    public JsonElement? StructuredOutput { get; set; }

    /// <summary>The create request body exactly as received (null for seeded sessions).</summary>
    public string? CreateRequestBody { get; init; }
    public List<string>? Repos { get; init; }
    public List<string>? AttachmentUrls { get; init; }
    public string? CreateAsUserId { get; init; }
    public bool CreatedViaV1 { get; init; }
    internal long Seq { get; init; }
    internal Queue<StatusStep> StatusScript { get; } = new();
    internal MessageScriptRun? MessageScriptRun { get; set; }
}

internal sealed class MessageScriptRun(MessageScript script, DateTimeOffset startedAt)
{
    public MessageScript Script { get; } = script;
    public DateTimeOffset StartedAt { get; } = startedAt;
    public int Emitted { get; set; }
}

public sealed class FakeMessage
{
    public required string EventId { get; init; }
    public required string SessionId { get; init; }
    public required long CreatedAt { get; init; }
    public required string Message { get; init; }

    /// <summary>"devin" or "user".</summary>
    public required string Source { get; init; }
    public List<string>? AttachmentUrls { get; init; }
    internal long Seq { get; init; }
}

public sealed class FakeAttachment
{
    /// <summary>The uuid used in /attachments/{uuid}/{name}.</summary>
    public required string AttachmentId { get; init; }
    public required string OrgId { get; init; }
    public required string Name { get; init; }
    public string? ContentType { get; init; }
    public required byte[] Content { get; init; }

    /// <summary>Set for attachments listed on a session; null for plain uploads.</summary>
    public string? SessionId { get; init; }
    public string Source { get; init; } = "user";
    internal long Seq { get; init; }
}

public sealed class FakeFolder
{
    public required string FolderId { get; init; }
    public required string OrgId { get; init; }
    public required string Name { get; init; }
    public string? ParentFolderId { get; init; }
    public required string Path { get; init; }
}

public sealed class FakeNote
{
    public required string NoteId { get; init; }
    public required string OrgId { get; init; }
    public required string Name { get; set; }
    public required string Body { get; set; }
    public required string Trigger { get; set; }
    public string? FolderId { get; set; }
    public bool IsEnabled { get; set; } = true;
    public string? PinnedRepo { get; set; }
    public string? Macro { get; set; }
    public long CreatedAt { get; init; }
    public long UpdatedAt { get; set; }
    internal long Seq { get; init; }
}

public sealed class FakePlaybook
{
    public required string PlaybookId { get; init; }
    public required string OrgId { get; init; }
    public required string Title { get; set; }
    public required string Body { get; set; }
    public string? Macro { get; set; }
    public JsonElement? StructuredOutputSchema { get; set; }
    public long CreatedAt { get; init; }
    public long UpdatedAt { get; set; }
    public required string CreatedBy { get; init; }
    public required string UpdatedBy { get; set; }
    internal long Seq { get; init; }
}

public sealed class FakeSchedule
{
    public required string ScheduledSessionId { get; init; }
    public required string OrgId { get; init; }
    public required string Name { get; set; }
    public required string Prompt { get; set; }
    public string ScheduleType { get; set; } = "recurring";
    public string? Frequency { get; set; }
    public string? ScheduledAt { get; set; }
    public bool Enabled { get; set; } = true;
    public string Agent { get; set; } = "devin";
    public string NotifyOn { get; set; } = "failure";
    public string? PlaybookId { get; set; }
    /// <summary>Who the schedule's sessions run as: create_as_user_id on create, run_as_user_id on update.</summary>
    public string? CreateAsUserId { get; set; }
    public bool BypassApproval { get; set; }
    public long? IntervalCount { get; set; }
    public string? Platform { get; set; }
    public List<string> Tags { get; set; } = [];
    public string? SlackChannelId { get; set; }
    public string? SlackTeamId { get; set; }
    public string? TargetDevinId { get; set; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public required string CreatedBy { get; init; }
    public required string LastEditedBy { get; set; }
    public bool IsDeleted { get; set; }
    internal long Seq { get; init; }

    internal FakeSchedule Copy()
    {
        var copy = (FakeSchedule)MemberwiseClone();
        copy.Tags = Tags.ToList();
        return copy;
    }
}
