using Handoff.Core;
using Handoff.Core.Devin;
using Handoff.Core.Following;
using Handoff.Core.Output;

namespace Handoff.Cli.Commands;

/// <summary>
/// `sessions --tag T --watch`: follows every matching session at once (e.g. a `batch`) with one list call per
/// round. On a terminal a live table (title, status, state, PR, elapsed) redrawn in place; otherwise NDJSON:
/// a "status" line whenever a session's status changes and one "end" line when all have stopped.
/// Exit code: 8 if any failed, else 7 if any needs a human, else 0.
/// </summary>
public sealed class SessionsWatch(AppServices services)
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(10);
    private const int MaxFailedRounds = 5;

    public async Task<int> Run(IDevinClient client, SessionListQuery query, int limit, TimeSpan interval, bool json, CancellationToken ct)
    {
        var live = services.Console.IsOutputTerminal && !json;
        var lastStatus = new Dictionary<string, string>(StringComparer.Ordinal);
        var failedRounds = 0;
        var drawnLines = 0;
        while (true)
        {
            List<SessionResponse> sessions;
            try
            {
                sessions = await List(client, query, limit, ct);
                failedRounds = 0;
            }
            catch (DevinApiException e) when (e.ExitCode == ExitCodes.ApiUnavailable && ++failedRounds < MaxFailedRounds)
            {
                services.Console.Error.WriteLine($"warning: {e.Message}; trying again in {DurationText.Format(interval)}");
                await services.Clock.Delay(interval, ct);
                continue;
            }
            if (sessions.Count == 0)
                throw new HandoffException($"no sessions tagged {string.Join(" or ", query.Tags ?? [])} to watch", ExitCodes.NotFound);

            var settled = sessions.All(s => FollowOutcome.IsSettled(s.Classify().State));
            if (live)
                drawnLines = Redraw(sessions, drawnLines);
            else
                foreach (var s in sessions.Where(s => Changed(s, lastStatus)))
                    services.Console.Out.WriteLine(Json.Serialize(StatusLine(s), CliJson.Compact.WatchStatusLine));

            if (settled)
                return End(sessions, live);
            await services.Clock.Delay(interval, ct);
        }
    }

    private static async Task<List<SessionResponse>> List(IDevinClient client, SessionListQuery query, int limit, CancellationToken ct)
    {
        var sessions = (await client.Sessions.ListNewest(query, limit, ct)).Sessions.ToList();
        sessions.Reverse(); // oldest first: the order a batch created them in
        return sessions;
    }

    private static bool Changed(SessionResponse s, Dictionary<string, string> last)
    {
        var key = $"{FollowView.StatusText(s)}|{s.PullRequests.Count}";
        if (last.TryGetValue(s.SessionId, out var previous) && previous == key) return false;
        last[s.SessionId] = key;
        return true;
    }

    /// <summary>{"type":"status", session_id, title, url, status, status_detail, state, reason, pr_url, elapsed_seconds}.</summary>
    private WatchStatusLine StatusLine(SessionResponse s)
    {
        var c = s.Classify();
        return new WatchStatusLine(
            "status",
            s.SessionId,
            s.Title,
            SessionIds.WebUrl(s),
            s.Status,
            s.StatusDetail,
            FollowOutcome.StateName(c.State),
            c.Reason,
            s.PullRequests.Count > 0 ? s.PullRequests[^1].PrUrl : null,
            Elapsed(s) is { } e ? (long?)e.TotalSeconds : null);
    }

    private TimeSpan? Elapsed(SessionResponse s) => s.CreatedAt is { } created ? services.Clock.Now - created : null;

    private int Redraw(IReadOnlyList<SessionResponse> sessions, int previousLines)
    {
        var text = new StringWriter { NewLine = "\n" };
        Table.Write(text, terminal: true, ["title", "status", "state", "pr", "elapsed"], sessions.Select(s => (IReadOnlyList<string?>)
        [
            Shorten(s.Title ?? s.SessionId, 50),
            FollowView.StatusText(s),
            s.Classify().Reason,
            s.PullRequests.Count > 0 ? s.PullRequests[^1].PrUrl : "",
            Elapsed(s) is { } e ? DurationText.Format(e) : "",
        ]));
        var output = services.Console.Out;
        if (previousLines > 0)
            output.Write($"\u001b[{previousLines}A\u001b[J"); // back to the table's first line, clear below
        output.Write(text.ToString());
        return text.ToString().Count(ch => ch == '\n');
    }

    private int End(IReadOnlyList<SessionResponse> sessions, bool live)
    {
        var states = sessions.Select(s => s.Classify().State).ToList();
        var exitCode = states.Contains(SessionState.Failed) ? ExitCodes.SessionFailed
            : states.Contains(SessionState.NeedsHuman) ? ExitCodes.NeedsHuman : ExitCodes.Ok;
        var counts = states.GroupBy(FollowOutcome.StateName).ToDictionary(g => g.Key, g => g.Count());
        if (live)
            services.Console.Error.WriteLine($"all {sessions.Count} session(s) stopped: {string.Join(", ", counts.Select(c => $"{c.Value} {c.Key.Replace('_', ' ')}"))}");
        else
            services.Console.Out.WriteLine(Json.Serialize(new WatchEndLine("end", sessions.Count, counts, exitCode), CliJson.Compact.WatchEndLine));
        return exitCode;
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}

/// <summary>A "status" line of `sessions --watch` NDJSON.</summary>
public sealed record WatchStatusLine(
    string Type, string SessionId, string? Title, string Url, string? Status, string? StatusDetail, string State, string Reason,
    string? PrUrl, long? ElapsedSeconds);

/// <summary>The final "end" line of `sessions --watch` NDJSON; states counts sessions per state name.</summary>
public sealed record WatchEndLine(string Type, int Sessions, Dictionary<string, int> States, int ExitCode);
