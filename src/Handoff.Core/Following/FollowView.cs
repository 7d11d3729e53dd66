using System.Globalization;
using Handoff.Core.Devin;

namespace Handoff.Core.Following;

/// <summary>The stable JSON shapes of follow output (NDJSON for tail, one object for poll and status).</summary>
public static class FollowView
{
    /// <summary>{"type":"message", session_id, event_id, created_at (ISO-8601 UTC), source, message}.</summary>
    public static object Message(string sessionId, SessionMessage m) => new
    {
        type = "message",
        session_id = sessionId,
        event_id = m.EventId,
        created_at = IsoTime(m.CreatedAt),
        source = m.Source,
        message = m.Message,
    };

    /// <summary>{"type":"end", session_id, status, status_detail, status_enum, state, reason, exit_code, timed_out, url, title, pull_requests}.</summary>
    public static object End(FollowEnded end) => new
    {
        type = "end",
        session_id = end.Session.SessionId,
        status = end.Session.Status,
        status_detail = end.Session.StatusDetail,
        status_enum = end.Session.StatusEnum,
        state = FollowOutcome.StateName(end.Classification.State),
        reason = end.Classification.Reason,
        exit_code = end.ExitCode,
        timed_out = end.TimedOut,
        url = SessionIds.WebUrl(end.Session),
        title = end.Session.Title,
        pull_requests = PullRequests(end.Session),
    };

    /// <summary>The `status` command's object.</summary>
    public static object Session(SessionResponse s)
    {
        var c = s.Classify();
        return new
        {
            session_id = s.SessionId,
            url = SessionIds.WebUrl(s),
            title = s.Title,
            status = s.Status,
            status_detail = s.StatusDetail,
            status_enum = s.StatusEnum,
            state = FollowOutcome.StateName(c.State),
            reason = c.Reason,
            acus_consumed = s.AcusConsumed,
            created_at = IsoTime(s.CreatedAt),
            updated_at = IsoTime(s.UpdatedAt),
            is_archived = s.IsArchived,
            tags = s.Tags,
            pull_requests = PullRequests(s),
        };
    }

    public static IReadOnlyList<object> PullRequests(SessionResponse s) =>
        s.PullRequests.Select(p => (object)new { url = p.PrUrl, state = p.PrState }).ToList();

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
