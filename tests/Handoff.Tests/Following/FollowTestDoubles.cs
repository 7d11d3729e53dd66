using Handoff.Core.Abstractions;
using Handoff.Core.Devin;
using Moq;

namespace Handoff.Tests.Following;

/// <summary>A clock whose Delay returns at once and moves Now forward; it records every wait.</summary>
internal sealed class ManualClock : IClock
{
    public DateTimeOffset Now { get; private set; } = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);
    public List<TimeSpan> Delays { get; } = [];
    public Action? OnDelay { get; set; }

    public Task Delay(TimeSpan delay, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Delays.Add(delay);
        Now += delay;
        OnDelay?.Invoke();
        return Task.CompletedTask;
    }
}

/// <summary>
/// Messages served like the real API (devin-api.md §4): chronological cursor pages whose cursor is the index
/// of the page's last item, null on the last page. Records every (after, first) request.
/// </summary>
internal sealed class PagedMessages
{
    public List<SessionMessage> All { get; } = [];
    public List<(string? After, int First)> Requests { get; } = [];
    /// <summary>Thrown by the next request when set (then cleared).</summary>
    public Queue<Exception?> Failures { get; } = new();

    public void Add(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var n = All.Count + 1;
            All.Add(new SessionMessage { EventId = $"e{n}", Message = $"message {n}", Source = "devin", CreatedAt = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000 + n) });
        }
    }

    public Page<SessionMessage> Read(string? after, int? first)
    {
        var size = first ?? 100;
        Requests.Add((after, size));
        if (Failures.TryDequeue(out var failure) && failure is not null) throw failure;
        var start = after is null ? 0 : int.Parse(after) + 1;
        var items = All.Skip(start).Take(size).ToList();
        var hasNext = start + items.Count < All.Count;
        return new Page<SessionMessage>
        {
            Items = items,
            HasNextPage = hasNext,
            EndCursor = hasNext ? (start + items.Count - 1).ToString() : null,
        };
    }

    public void Wire(Mock<IDevinClient> client) =>
        client.Setup(c => c.Messages.List(It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<int?>(), It.IsAny<CancellationToken>()))
            .Returns((string _, string? after, int? first, CancellationToken _) => Task.FromResult(Read(after, first)));
}

internal static class Sessions
{
    public static SessionResponse With(string status, string? detail = null, string? statusEnum = null) => new()
    {
        SessionId = "devin-abc",
        Url = "https://app.devin.ai/sessions/devin-abc",
        Status = status,
        StatusDetail = detail,
        StatusEnum = statusEnum,
        Title = "Fix the flaky test",
        PullRequests = [new SessionPullRequest { PrUrl = "https://github.com/o/r/pull/7", PrState = "open" }],
    };

    public static DevinApiException Unavailable() => new("the Devin API failed with HTTP 503 while getting session devin-abc (5 attempts)", Handoff.Core.ExitCodes.ApiUnavailable, 503);
}
