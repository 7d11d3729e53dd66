using System.Globalization;
using Handoff.Core.Devin;

namespace Handoff.Core.Following;

/// <summary>The stable JSON shapes of follow output (NDJSON for tail, one object for poll and status).</summary>
public static class FollowView
{
    /// <summary>{"type":"message", session_id, event_id, created_at (ISO-8601 UTC), source, message}.</summary>
    public static FollowMessageView Message(string sessionId, SessionMessage m) =>
        new("message", sessionId, m.EventId, IsoTime(m.CreatedAt), m.Source, m.Message);

    /// <summary>{"type":"end", session_id, status, status_detail, status_enum, state, reason, exit_code, timed_out, url, title, pull_requests}.</summary>
    public static FollowEndView End(FollowEnded end) => new(
        "end",
        end.Session.SessionId,
        end.Session.Status,
        end.Session.StatusDetail,
        end.Session.StatusEnum,
        FollowOutcome.StateName(end.Classification.State),
        end.Classification.Reason,
        end.ExitCode,
        end.TimedOut,
        SessionIds.WebUrl(end.Session),
        end.Session.Title,
        PullRequests(end.Session));

    /// <summary>The `status` command's object.</summary>
    public static SessionView Session(SessionResponse s)
    {
        var c = s.Classify();
        return new SessionView(
            s.SessionId,
            SessionIds.WebUrl(s),
            s.Title,
            s.Status,
            s.StatusDetail,
            s.StatusEnum,
            FollowOutcome.StateName(c.State),
            c.Reason,
            s.AcusConsumed,
            IsoTime(s.CreatedAt),
            IsoTime(s.UpdatedAt),
            s.IsArchived,
            s.Tags,
            PullRequests(s));
    }

    public static IReadOnlyList<PullRequestView> PullRequests(SessionResponse s) =>
        s.PullRequests.Select(p => new PullRequestView(p.PrUrl, p.PrState)).ToList();

    public static string? IsoTime(DateTimeOffset? time) =>
        time?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>"running/finished", "exit", "working (v1)".</summary>
    public static string StatusText(SessionResponse s)
    {
        if (!string.IsNullOrEmpty(s.StatusEnum)) return s.StatusEnum;
        var status = string.IsNullOrEmpty(s.Status) ? "unknown" : s.Status;
        return string.IsNullOrEmpty(s.StatusDetail) ? status : $"{status}/{s.StatusDetail}";
    }
}

// The JSON shapes themselves: property order and names (snake_case of these) are the stable interface.

/// <summary>A message line of `tail --json` / `create --follow --json` (NDJSON).</summary>
public sealed record FollowMessageView(string Type, string SessionId, string EventId, string? CreatedAt, string? Source, string Message);

/// <summary>The final line of a follow, and the object `poll --json` prints.</summary>
public sealed record FollowEndView(
    string Type, string SessionId, string? Status, string? StatusDetail, string? StatusEnum, string State, string Reason,
    int ExitCode, bool TimedOut, string Url, string? Title, IReadOnlyList<PullRequestView> PullRequests);

/// <summary>A session as `status`, `sessions`, `archive` and `terminate` print it.</summary>
public sealed record SessionView(
    string SessionId, string Url, string? Title, string? Status, string? StatusDetail, string? StatusEnum, string State, string Reason,
    double? AcusConsumed, string? CreatedAt, string? UpdatedAt, bool IsArchived, IReadOnlyList<string> Tags, IReadOnlyList<PullRequestView> PullRequests);

public sealed record PullRequestView(string Url, string? State);
