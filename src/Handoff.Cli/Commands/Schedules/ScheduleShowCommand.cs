using System.CommandLine;
using Handoff.Core;
using Handoff.Core.Devin;
using Handoff.Core.Schedules;

namespace Handoff.Cli.Commands.Schedules;

public sealed class ScheduleShowCommand(AppServices services) : ApiCommand(services)
{
    private readonly Argument<string> _id = new("SCHEDULE_ID") { Description = "The schedule's id" };

    protected override string Name => "show";
    protected override string Description => "Show one schedule";
    protected override IEnumerable<Symbol> Symbols() => [_id];

    protected override async Task<int> Execute(ParseResult parse, bool json, CancellationToken ct)
    {
        var client = await Connect(parse, ct);
        var s = await client.Schedules.Get(parse.GetValue(_id)!, ct);
        if (json)
        {
            WriteJson(SchedulesCommand.ToJson(s), CliJson.Compact.ScheduleView);
            return ExitCodes.Ok;
        }
        WriteFields(("id", s.ScheduledSessionId), ("name", s.Name), ("when (UTC)", SchedulesCommand.When(s)), ("enabled", s.Enabled ? "yes" : "no"),
            ("agent", s.Agent), ("notify on", s.NotifyOn), ("playbook", s.Playbook is null ? null : $"{s.Playbook.PlaybookId} ({s.Playbook.Title})"),
            ("tags", s.Tags is { Count: > 0 } t ? string.Join(", ", t) : null), ("last run", Time(s.LastExecutedAt)),
            ("last error", s.LastErrorMessage is null ? null : $"{Time(s.LastErrorAt)} {s.LastErrorMessage}"));
        Services.Console.Out.WriteLine();
        Services.Console.Out.WriteLine((s.Prompt ?? "").TrimEnd());
        return ExitCodes.Ok;
    }
}
