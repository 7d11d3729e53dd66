using System.CommandLine;
using Handoff.Core;
using Handoff.Core.Devin;
using Handoff.Core.Schedules;

namespace Handoff.Cli.Commands.Schedules;

public sealed class ScheduleCreateCommand(AppServices services) : ScheduleEditCommand(services)
{
    protected override string Name => "create";
    protected override string Description => "Create a schedule: --name, --prompt (or --prompt-file), and --cron or --at";
    protected override IEnumerable<Symbol> Symbols() => EditSymbols();

    protected override async Task<int> Execute(ParseResult parse, bool json, CancellationToken ct)
    {
        var name = TextInput.RequireFlag(parse.GetValue(NameOption), "--name", "the schedule's name");
        var (agent, notify) = (Agent(parse), Notify(parse));
        var (frequency, conversion, at) = Timing(parse);
        if (frequency is null && at is null)
            throw new HandoffException("--cron CRON (recurring, UTC) or --at TIME (one time) is required", ExitCodes.Usage);
        var prompt = await TextInput.Require(Services, parse.GetValue(PromptOption), parse.GetValue(PromptFileOption), "--prompt", "--prompt-file", ct);
        var tags = parse.GetValue(TagOption) ?? [];
        var client = await Connect(parse, ct);
        var schedule = await client.Schedules.Create(new ScheduleCreateRequest
        {
            Name = name,
            Prompt = prompt,
            ScheduleType = at is null ? ScheduleTypes.Recurring : ScheduleTypes.OneTime,
            Frequency = frequency,
            ScheduledAt = at,
            PlaybookId = parse.GetValue(PlaybookOption),
            Tags = tags.Length == 0 ? null : tags,
            Agent = agent,
            NotifyOn = notify,
            CreateAsUserId = client.Connection.UserId,
        }, ct);
        Report("created", schedule, conversion, json);
        return ExitCodes.Ok;
    }
}
