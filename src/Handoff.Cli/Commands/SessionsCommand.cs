using System.CommandLine;
using Handoff.Core;
using Handoff.Core.Devin;
using Handoff.Core.Following;
using Handoff.Core.Output;

namespace Handoff.Cli.Commands;

/// <summary>`devin-handoff sessions`: lists sessions, by default those tagged `handoff`, newest first whatever order the API uses.</summary>
public sealed class SessionsCommand(AppServices services) : ICliCommand
{
    public const string DefaultTag = "handoff";
    public const int DefaultLimit = 30;

    private readonly Option<string[]> _tags = new("--tag") { Description = $"Only sessions with this tag (repeatable; default: {DefaultTag})" };
    private readonly Option<bool> _all = new("--all") { Description = "All sessions, not only handoffs" };
    private readonly Option<int?> _limit = new("--limit") { Description = $"At most this many sessions (default {DefaultLimit})" };
    private readonly Option<bool> _json = new("--json") { Description = "A JSON array of sessions (with --watch: NDJSON status lines)" };
    private readonly Option<bool> _watch = new("--watch") { Description = "Follow all matching sessions until every one has stopped: a live table on a terminal, NDJSON otherwise" };
    private readonly Option<string?> _interval = new("--interval") { Description = "With --watch: time between looks (default 10s; 30s, 1m)" };
    private readonly ApiOptions _api = new();

    public Command Build()
    {
        var command = new Command("sessions", $"List sessions (default: those tagged '{DefaultTag}', i.e. created by devin-handoff)");
        foreach (var option in new Option[] { _tags, _all, _limit, _json, _watch, _interval })
            command.Options.Add(option);
        _api.AddTo(command);
        command.SetAction((parse, ct) => CommandRunner.Run(services, parse.GetValue(_json), token => Execute(parse, token), ct));
        return command;
    }

    private async Task<int> Execute(ParseResult parse, CancellationToken ct)
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
        using var client = await services.DevinClient(_api.Read(parse), services.Environment.CurrentDirectory, ct);
        if (parse.GetValue(_watch))
            return await new SessionsWatch(services).Run(client, query, limit, interval, parse.GetValue(_json), ct);
        var (sessions, mayMissNewer) = await client.Sessions.ListNewest(query, limit, ct);
        if (mayMissNewer)
            services.Console.Error.WriteLine($"note: read the first {NewestSessions.ScanLimit} matching sessions only; newer ones may be missing (narrow with --tag)");

        if (parse.GetValue(_json))
        {
            services.Console.Out.WriteLine(Json.Serialize(sessions.Select(FollowView.Session).ToList(), CliJson.Compact.ListSessionView));
            return ExitCodes.Ok;
        }
        if (sessions.Count == 0)
        {
            services.Console.Error.WriteLine(query.Tags is null ? "no sessions" : $"no sessions tagged {string.Join(" or ", query.Tags)} (--all lists every session)");
            return ExitCodes.Ok;
        }
        Table.Write(services.Console, ["id", "status", "state", "updated", "pr", "title"], sessions.Select(s => (IReadOnlyList<string?>)
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
