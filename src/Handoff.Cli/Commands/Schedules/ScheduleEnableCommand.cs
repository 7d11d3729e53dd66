using System.CommandLine;
using Handoff.Core;
using Handoff.Core.Devin;
using Handoff.Core.Schedules;

namespace Handoff.Cli.Commands.Schedules;

/// <summary>`schedules enable ID` / `schedules disable ID`: PATCH {enabled}.</summary>
public sealed class ScheduleEnableCommand(AppServices services, bool enable) : ApiCommand(services)
{
    private readonly Argument<string> _id = new("SCHEDULE_ID") { Description = "The schedule's id" };

    protected override string Name => enable ? "enable" : "disable";
    protected override string Description => enable ? "Enable a schedule" : "Disable a schedule (it stays, and can be enabled again)";
    protected override IEnumerable<Symbol> Symbols() => [_id];

    protected override async Task<int> Execute(ParseResult parse, bool json, CancellationToken ct)
    {
        var client = await Connect(parse, ct);
        var schedule = await client.Schedules.Update(parse.GetValue(_id)!, new SchedulePatch { Enabled = enable }, ct);
        if (json) WriteJson(SchedulesCommand.ToJson(schedule), CliJson.Compact.ScheduleView);
        else Status($"{(schedule.Enabled ? "enabled" : "disabled")} schedule {schedule.ScheduledSessionId} ({schedule.Name})");
        return ExitCodes.Ok;
    }
}
