using System.CommandLine;
using Handoff.Core;
using Handoff.Core.Devin;
using Handoff.Core.Schedules;

namespace Handoff.Cli.Commands.Schedules;

public sealed class ScheduleDeleteCommand(AppServices services) : ApiCommand(services)
{
    private readonly Argument<string> _id = new("SCHEDULE_ID") { Description = "The schedule's id" };

    protected override string Name => "delete";
    protected override string Description => "Delete a schedule";
    protected override IEnumerable<Symbol> Symbols() => [_id];

    protected override async Task<int> Execute(ParseResult parse, bool json, CancellationToken ct)
    {
        var client = await Connect(parse, ct);
        var schedule = await client.Schedules.Delete(parse.GetValue(_id)!, ct);
        if (json) WriteJson(SchedulesCommand.ToJson(schedule), CliJson.Compact.ScheduleView);
        else Status($"deleted schedule {schedule.ScheduledSessionId} ({schedule.Name})");
        return ExitCodes.Ok;
    }
}
