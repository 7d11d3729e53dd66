namespace Handoff.Core.Following;

/// <summary>How <see cref="MessageTailer"/> follows a session.</summary>
public sealed record TailOptions
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(5);

    /// <summary>Wait between two looks while nothing ends.</summary>
    public TimeSpan Interval { get; init; } = DefaultInterval;

    /// <summary>False: one look (status + all messages so far), then end even while the session works.</summary>
    public bool Follow { get; init; } = true;

    /// <summary>False: status only (poll), no message requests at all.</summary>
    public bool ReadMessages { get; init; } = true;

    /// <summary>Report only messages after this event id (exit 5 when the session has no such message).</summary>
    public string? SinceEventId { get; init; }

    /// <summary>Stop following after this long (the end is then reported with TimedOut).</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Messages per page (devin-api.md §4 suggests the maximum, 200).</summary>
    public int PageSize { get; init; } = 200;

    /// <summary>
    /// How long the API may stay unavailable (429/5xx/network after the client's own retries) before
    /// following gives up with exit 6. Meanwhile it backs off and tries again.
    /// </summary>
    public TimeSpan MaxOutage { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Longest wait between two attempts during an outage.</summary>
    public TimeSpan MaxOutageBackoff { get; init; } = TimeSpan.FromSeconds(60);
}
