using System.CommandLine;
using Handoff.Core;
using Handoff.Core.Devin;
using Handoff.Core.Following;

namespace Handoff.Cli.Commands;

/// <summary>`devin-handoff sessions`: lists sessions, by default those tagged `handoff`, newest first whatever order the API uses.</summary>
public sealed class SessionsCommand(AppServices services) : ApiCommand(services, "sessions",
    $"List sessions (default: those tagged '{DefaultTag}', i.e. created by devin-handoff)")
{
    public const string DefaultTag = "handoff";
    public const int DefaultLimit = 30;

    private readonly Option<string[]> _tags = new("--tag") { Description = $"Only sessions with this tag (repeatable; default: {DefaultTag})" };
    private readonly Option<bool> _all = new("--all") { Description = "All sessions, not only handoffs" };
    private readonly Option<int?> _limit = new("--limit") { Description = $"At most this many sessions (default {DefaultLimit})" };
    private readonly Option<bool> _watch = new("--watch") { Description = "Follow all matching sessions until every one has stopped: a live table on a terminal, NDJSON otherwise" };
    private readonly Option<string?> _interval = new("--interval") { Description = "With --watch: time between looks (default 10s; 30s, 1m)" };

    protected override string JsonHelp => "A JSON array of sessions (with --watch: NDJSON status lines)";
    protected override IEnumerable<Symbol> Symbols() => [_tags, _all, _limit, _watch, _interval];

    protected override async Task<int> Execute(ParseResult parse, bool json, CancellationToken ct)
    {
        var limit = parse.GetValue(_limit) ?? DefaultLimit;
        if (limit < 1) throw new HandoffException("--limit must be at least 1", ExitCodes.Usage);
        var tags = parse.GetValue(_tags) is { Length: > 0 } t ? t : null;
        if (tags is not null && parse.GetValue(_all))
            throw new HandoffException("--all and --tag contradict each other; pass one", ExitCodes.Usage);
        var query = new SessionListQuery
        {
            Tags = parse.GetValue(_all) ? null : tags ?? [DefaultTag],
            First = Math.Min(limit, 200),
        };
        var interval = parse.GetValue(_interval) is { } i ? DurationText.Parse(i, "--interval") : SessionsWatch.DefaultInterval;
        var client = await Connect(ct);
        if (parse.GetValue(_watch))
            return await new SessionsWatch(Services).Run(client, query, limit, interval, json, ct);
        var (sessions, mayMissNewer) = await client.Sessions.ListNewest(query, limit, ct);
        if (mayMissNewer)
            Status($"note: read the first {NewestSessions.ScanLimit} matching sessions only; newer ones may be missing (narrow with --tag)");

        if (json)
        {
            WriteJson(sessions.Select(FollowView.Session).ToList(), CliJson.Compact.ListSessionView);
            return ExitCodes.Ok;
        }
        if (sessions.Count == 0)
        {
            Status(query.Tags is null ? "no sessions" : $"no sessions tagged {string.Join(" or ", query.Tags)} (--all lists every session)");
            return ExitCodes.Ok;
        }
        WriteTable(["id", "status", "state", "updated", "pr", "title"], sessions.Select(s => (IReadOnlyList<string?>)
        [
            s.SessionId,
            FollowView.StatusText(s),
            FollowOutcome.StateName(s.Classify().State),
            s.UpdatedAt?.ToLocalTime().ToString("yyyy-MM-dd HH:mm"),
            s.PullRequests.Count > 0 ? s.PullRequests[^1].PrUrl : "",
            s.Title,
        ]));
        return ExitCodes.Ok;
    }
}
