using System.CommandLine;
using Handoff.Core;
using Handoff.Core.Devin;
using Handoff.Core.Schedules;

namespace Handoff.Cli.Commands.Schedules;

/// <summary>PATCH: only the fields given change (the API supports partial updates for schedules).</summary>
public sealed class ScheduleUpdateCommand(AppServices services) : ScheduleEditCommand(services)
{
    private readonly Argument<string> _id = new("SCHEDULE_ID") { Description = "The schedule's id" };
    private readonly Option<bool> _noPlaybook = new("--no-playbook") { Description = "Detach the playbook" };

    protected override string Name => "update";
    protected override string Description => "Change a schedule; only the fields given change";
    protected override IEnumerable<Symbol> Symbols() => [_id, .. EditSymbols(), _noPlaybook];

    protected override async Task<int> Execute(ParseResult parse, bool json, CancellationToken ct)
    {
        var (agent, notify) = (Agent(parse), Notify(parse));
        var (frequency, conversion, at) = Timing(parse);
        var prompt = await TextInput.Read(Services, parse.GetValue(PromptOption), parse.GetValue(PromptFileOption), "--prompt", "--prompt-file", ct);
        var name = parse.GetValue(NameOption);
        var playbook = parse.GetValue(PlaybookOption);
        var detach = parse.GetValue(_noPlaybook);
        if (playbook is not null && detach)
            throw new HandoffException("give either --playbook or --no-playbook, not both", ExitCodes.Usage);
        var tags = parse.GetValue(TagOption) ?? [];
        var patch = new SchedulePatch
        {
            Name = name,
            Prompt = prompt,
            Frequency = frequency,
            ScheduledAt = at,
            ScheduleType = frequency is not null ? ScheduleTypes.Recurring : at is not null ? ScheduleTypes.OneTime : null,
            PlaybookId = playbook,
            DetachPlaybook = detach,
            Tags = tags.Length == 0 ? null : tags,
            Agent = agent,
            NotifyOn = notify,
        };
        if (patch == new SchedulePatch())
            throw new HandoffException("nothing to change: give --name, --prompt, --cron/--at, --playbook/--no-playbook, --tag, --agent or --notify", ExitCodes.Usage);
        if (name is not null && string.IsNullOrWhiteSpace(name) || prompt is not null && string.IsNullOrWhiteSpace(prompt))
            throw new HandoffException("--name and the prompt cannot be empty", ExitCodes.Usage);
        var client = await Connect(parse, ct);
        Report("updated", await client.Schedules.Update(parse.GetValue(_id)!, patch, ct), conversion, json);
        return ExitCodes.Ok;
    }
}
