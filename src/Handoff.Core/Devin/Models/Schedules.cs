using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Handoff.Core.Devin;

// Defaults are kept with `init => field = value ?? default`: generated JSON metadata (no reflection under
// Native AOT) sets every init-only property, passing null for a field the JSON lacks.

/// <summary>POST /schedules body (devin-api.md §8). Times are UTC; <see cref="Frequency"/> is a cron string.</summary>
public sealed record ScheduleCreateRequest
{
    public required string Name { get; init; }
    public required string Prompt { get; init; }
    /// <summary><see cref="ScheduleTypes"/>; server default "recurring".</summary>
    public string? ScheduleType { get; init; }
    public string? Frequency { get; init; }
    public DateTimeOffset? ScheduledAt { get; init; }
    /// <summary>"devin" (default), "data_analyst" or "advanced".</summary>
    public string? Agent { get; init; }
    /// <summary>"always", "failure" or "never".</summary>
    public string? NotifyOn { get; init; }
    public string? PlaybookId { get; init; }
    public string? CreateAsUserId { get; init; }
    public bool? BypassApproval { get; init; }
    public IReadOnlyList<string>? Tags { get; init; }
    public string? Platform { get; init; }
    public int? IntervalCount { get; init; }
    public string? SlackChannelId { get; init; }
    public string? SlackTeamId { get; init; }
    public string? TargetDevinId { get; init; }
}

/// <summary>PATCH /schedules/{id}: only non-null fields change; <see cref="DetachPlaybook"/> sends <c>playbook_id: null</c>.</summary>
public sealed record SchedulePatch
{
    public string? Name { get; init; }
    public string? Prompt { get; init; }
    public string? ScheduleType { get; init; }
    public string? Frequency { get; init; }
    public DateTimeOffset? ScheduledAt { get; init; }
    public string? Agent { get; init; }
    public string? NotifyOn { get; init; }
    public string? PlaybookId { get; init; }
    /// <summary>Who the schedule's sessions run as; the update schema's name for the create's <c>create_as_user_id</c>.</summary>
    public string? RunAsUserId { get; init; }
    public bool? BypassApproval { get; init; }
    public IReadOnlyList<string>? Tags { get; init; }
    public string? Platform { get; init; }
    public int? IntervalCount { get; init; }
    public string? SlackChannelId { get; init; }
    public string? SlackTeamId { get; init; }
    public string? TargetDevinId { get; init; }
    public bool? Enabled { get; init; }

    [JsonIgnore]
    public bool DetachPlaybook { get; init; }
}

public sealed record Schedule
{
    /// <summary>The schedule's id, used as {schedule_id} in paths.</summary>
    public string ScheduledSessionId { get; init => field = value ?? ""; } = "";
    public string Name { get; init => field = value ?? ""; } = "";
    public string? Prompt { get; init; }
    public string? Frequency { get; init; }
    public bool Enabled { get; init; }
    public string? Agent { get; init; }
    public string? NotifyOn { get; init; }
    public SchedulePlaybook? Playbook { get; init; }
    public string? OrgId { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }
    public JsonNode? CreatedBy { get; init; }
    public JsonNode? LastEditedBy { get; init; }
    public DateTimeOffset? LastExecutedAt { get; init; }
    public DateTimeOffset? LastErrorAt { get; init; }
    public string? LastErrorMessage { get; init; }
    public int? ConsecutiveFailures { get; init; }
    public string? ScheduleType { get; init; }
    public DateTimeOffset? ScheduledAt { get; init; }
    public bool? BypassApproval { get; init; }
    public int? IntervalCount { get; init; }
    public string? Platform { get; init; }
    public IReadOnlyList<string>? Tags { get; init; }
    public string? SlackChannelId { get; init; }
    public string? SlackTeamId { get; init; }
    public string? TargetDevinId { get; init; }
}

public sealed record SchedulePlaybook
{
    public string PlaybookId { get; init => field = value ?? ""; } = "";
    public string? Title { get; init; }
}

public static class ScheduleTypes
{
    public const string Recurring = "recurring";
    public const string OneTime = "one_time";
}
