using System.CommandLine;
using Handoff.Core;
using Handoff.Core.Devin;
using Handoff.Core.Schedules;

namespace Handoff.Cli.Commands.Schedules;

public sealed class ScheduleListCommand(AppServices services) : ApiCommand(services)
{
    private readonly Option<int?> _limit = new("--limit") { Description = "Show at most N schedules (default: all, page after page)" };

    protected override string Name => "list";
    protected override string Description => "List schedules (all pages)";
    protected override IEnumerable<Symbol> Symbols() => [_limit];

    protected override async Task<int> Execute(ParseResult parse, bool json, CancellationToken ct)
    {
        var limit = parse.GetValue(_limit);
        if (limit is <= 0) throw new HandoffException("--limit must be at least 1", ExitCodes.Usage);
        var client = await Connect(parse, ct);
        var all = new List<Schedule>();
        while (limit is null || all.Count < limit)
        {
            var size = limit is { } l ? Math.Min(SchedulesCommand.PageSize, l - all.Count) : SchedulesCommand.PageSize;
            var page = await client.Schedules.List(size, all.Count == 0 ? null : all.Count, ct);
            all.AddRange(page.Items);
            if (!page.HasNextPage || page.Items.Count == 0) break;
        }
        if (limit is { } max && all.Count > max) all = all.Take(max).ToList();
        if (json)
        {
            WriteJson(all.Select(s => SchedulesCommand.ToJson(s)).ToList(), CliJson.Compact.ListScheduleView);
            return ExitCodes.Ok;
        }
        WriteTable(["schedule_id", "name", "when_utc", "enabled", "playbook", "last_run"],
            all.Select(s => new[] { s.ScheduledSessionId, s.Name, SchedulesCommand.When(s), s.Enabled ? "yes" : "no", s.Playbook?.Title ?? s.Playbook?.PlaybookId, Time(s.LastExecutedAt) }));
        if (all.Count == 0) Status("no schedules");
        return ExitCodes.Ok;
    }
}
