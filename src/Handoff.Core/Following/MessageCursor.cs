using Handoff.Core.Devin;

namespace Handoff.Core.Following;

/// <summary>
/// Reads a session's messages page by page without ever reporting one twice (devin-api.md §4): pages
/// from the last non-null <c>end_cursor</c> (the last page's cursor is null) and dedupes by event_id.
/// When a last page came without a cursor, one extra small request moves the cursor to the message
/// before the newest, so an idle session costs one request per look that returns at most one old message.
/// </summary>
public sealed class MessageCursor(IDevinClient client, string sessionId, int pageSize, string? sinceEventId = null)
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private bool _sinceFound = sinceEventId is null;
    private bool _firstReadDone;

    /// <summary>The last non-null end_cursor seen (null until the first full page).</summary>
    public string? Cursor { get; private set; }

    /// <summary>
    /// Appends every message not reported before to <paramref name="fresh"/>, oldest first. Messages are added
    /// as pages arrive, so when a later page fails the earlier ones are kept (and never reported again).
    /// </summary>
    public async Task ReadNew(List<SessionMessage> fresh, CancellationToken ct)
    {
        var after = Cursor;
        while (true)
        {
            var page = await client.Messages.List(sessionId, after, pageSize, ct);
            Take(page.Items, fresh);
            if (page.EndCursor is not null && page.EndCursor != after)
            {
                Cursor = page.EndCursor;
                if (page.HasNextPage)
                {
                    after = page.EndCursor;
                    continue;
                }
            }
            else if (page.EndCursor is null && !page.HasNextPage && page.Items.Count >= 2)
            {
                await AdvanceWithinLastPage(after, page.Items.Count, fresh, ct);
            }
            break;
        }

        if (!_firstReadDone)
        {
            _firstReadDone = true;
            if (!_sinceFound)
                throw new HandoffException($"--since: session {sessionId} has no message with event id '{sinceEventId}'", ExitCodes.NotFound);
        }
    }

    /// <summary>Asks for all but the newest message of the last page, which comes with a cursor because a next page exists.</summary>
    private async Task AdvanceWithinLastPage(string? after, int lastPageCount, List<SessionMessage> fresh, CancellationToken ct)
    {
        var page = await client.Messages.List(sessionId, after, Math.Min(lastPageCount - 1, pageSize), ct);
        Take(page.Items, fresh);
        if (page.HasNextPage && page.EndCursor is not null)
            Cursor = page.EndCursor;
    }

    private void Take(IReadOnlyList<SessionMessage> items, List<SessionMessage> fresh)
    {
        foreach (var message in items)
        {
            var key = string.IsNullOrEmpty(message.EventId) ? $"{message.CreatedAt?.ToUnixTimeSeconds()}|{message.Source}|{message.Message}" : message.EventId;
            if (!_seen.Add(key)) continue;
            if (!_sinceFound)
            {
                _sinceFound = message.EventId == sinceEventId;
                continue; // the --since message itself and everything before it are not reported
            }
            fresh.Add(message);
        }
    }
}
