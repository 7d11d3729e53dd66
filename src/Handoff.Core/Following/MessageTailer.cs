using System.Runtime.CompilerServices;
using Handoff.Core.Abstractions;
using Handoff.Core.Devin;

namespace Handoff.Core.Following;

/// <summary>
/// The follow loop behind tail, poll and create --follow. Each look reads the session first and then its
/// new messages, so when a look sees the session stop, every message sent before that is already read.
/// Between looks it waits <see cref="TailOptions.Interval"/> on the injected clock. When the API stays
/// unavailable after the client's own retries, it backs off and goes on, up to <see cref="TailOptions.MaxOutage"/>.
/// </summary>
public sealed class MessageTailer(IDevinClient client, IClock clock, TailOptions options)
{
    public async IAsyncEnumerable<FollowEvent> Follow(string sessionId, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var id = SessionIds.Normalize(sessionId);
        var cursor = new MessageCursor(client, id, options.PageSize, options.SinceEventId);
        var started = clock.Now;
        SessionResponse? last = null;
        SessionClassification? lastClassification = null;
        DateTimeOffset? outageSince = null;
        var failures = 0;

        while (true)
        {
            var look = await Look(id, cursor, last, ct);
            foreach (var e in look.Events)
                yield return e;

            if (look.Session is not null)
            {
                last = look.Session;
                lastClassification = look.Classification;
                outageSince = null;
                failures = 0;
                if (FollowOutcome.IsSettled(look.Classification!.State) || !options.Follow)
                {
                    yield return new FollowEnded(last, lastClassification!, TimedOut: false);
                    yield break;
                }
            }
            else
            {
                outageSince ??= clock.Now;
                failures++;
                if (!options.Follow || clock.Now - outageSince.Value >= options.MaxOutage)
                    throw look.Failure!;
            }

            var wait = look.Session is not null ? options.Interval : OutageBackoff(failures);
            if (options.Timeout is { } timeout)
            {
                var remaining = timeout - (clock.Now - started);
                if (remaining <= TimeSpan.Zero)
                {
                    if (last is null) throw look.Failure ?? new HandoffException("timed out before the session could be read", ExitCodes.ApiUnavailable);
                    yield return new FollowEnded(last, lastClassification!, TimedOut: true);
                    yield break;
                }
                if (remaining < wait) wait = remaining;
            }
            if (look.Session is null)
                yield return new ApiTrouble(look.Failure!.Message, wait);
            await clock.Delay(wait, ct);
        }
    }

    private sealed record LookResult(List<FollowEvent> Events, SessionResponse? Session, SessionClassification? Classification, DevinApiException? Failure);

    private async Task<LookResult> Look(string id, MessageCursor cursor, SessionResponse? previous, CancellationToken ct)
    {
        var events = new List<FollowEvent>();
        var fresh = new List<SessionMessage>();
        try
        {
            var session = await client.Sessions.Get(id, ct);
            var classification = session.Classify();
            if (previous is null || previous.Status != session.Status || previous.StatusDetail != session.StatusDetail || previous.StatusEnum != session.StatusEnum)
                events.Add(new StatusChanged(session, classification));
            if (options.ReadMessages)
                await cursor.ReadNew(fresh, ct);
            events.AddRange(fresh.Select(m => new MessageReceived(m)));
            return new LookResult(events, session, classification, null);
        }
        catch (DevinApiException e) when (e.ExitCode == ExitCodes.ApiUnavailable)
        {
            // Messages read before the failure are reported now; the cursor already moved past them.
            // The status is reported by the next successful look instead.
            events.RemoveAll(x => x is StatusChanged);
            events.AddRange(fresh.Select(m => new MessageReceived(m)));
            return new LookResult(events, null, null, e);
        }
    }

    private TimeSpan OutageBackoff(int failures)
    {
        var seconds = Math.Max(options.Interval.TotalSeconds, 1) * Math.Pow(2, Math.Min(failures, 10));
        return TimeSpan.FromSeconds(Math.Min(seconds, options.MaxOutageBackoff.TotalSeconds));
    }
}
