using System.CommandLine;
using Handoff.Core;
using Handoff.Core.Devin;
using Handoff.Core.Schedules;

namespace Handoff.Cli.Commands.Schedules;

/// <summary>`devin-handoff schedules list|show|create|update|enable|disable|delete`: sessions started on a schedule.</summary>
public sealed class SchedulesCommand(AppServices services) : ICliCommand
{
    public const int PageSize = 100;

    public Command Build()
    {
        var command = new Command("schedules", "Manage schedules: Devin sessions started by a cron (UTC) or once at a time");
        foreach (var verb in new ICliCommand[]
                 {
                     new ScheduleListCommand(services), new ScheduleShowCommand(services), new ScheduleCreateCommand(services),
                     new ScheduleUpdateCommand(services), new ScheduleEnableCommand(services, enable: true),
                     new ScheduleEnableCommand(services, enable: false), new ScheduleDeleteCommand(services),
                 })
            command.Subcommands.Add(verb.Build());
        return command;
    }

    public static object ToJson(Schedule s, CronConversion? conversion = null) => new
    {
        schedule_id = s.ScheduledSessionId, name = s.Name, prompt = s.Prompt, schedule_type = s.ScheduleType, frequency = s.Frequency,
        scheduled_at = s.ScheduledAt, enabled = s.Enabled, agent = s.Agent, notify_on = s.NotifyOn,
        playbook_id = s.Playbook?.PlaybookId, playbook_title = s.Playbook?.Title, tags = s.Tags ?? [],
        last_executed_at = s.LastExecutedAt, last_error_at = s.LastErrorAt, last_error_message = s.LastErrorMessage,
        consecutive_failures = s.ConsecutiveFailures, created_at = s.CreatedAt, updated_at = s.UpdatedAt,
        timezone_conversion = conversion is null ? null : new
        {
            local_cron = conversion.LocalCron, time_zone = conversion.TimeZone, utc_cron = conversion.UtcCron,
            utc_offset = CronTimeZoneConverter.FormatOffset(conversion.Offset), next_run = conversion.NextRunUtc,
            offset_change_at = conversion.OffsetChangeAt,
            utc_offset_after_change = conversion.OtherOffset is { } o ? CronTimeZoneConverter.FormatOffset(o) : null,
            utc_cron_after_change = conversion.OtherUtcCron, warning = conversion.Warning,
        },
    };

    /// <summary>"0 14 * * 1-5 (UTC)" or "once at 2026-03-01 14:00Z".</summary>
    public static string When(Schedule s) =>
        s.ScheduleType == ScheduleTypes.OneTime || s.Frequency is null
            ? $"once at {ApiCommand.Time(s.ScheduledAt) ?? "?"}"
            : s.Frequency;
}

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
            var page = await client.ListSchedules(size, all.Count == 0 ? null : all.Count, ct);
            all.AddRange(page.Items);
            if (!page.HasNextPage || page.Items.Count == 0) break;
        }
        if (limit is { } max && all.Count > max) all = all.Take(max).ToList();
        if (json)
        {
            WriteJson(all.Select(s => SchedulesCommand.ToJson(s)));
            return ExitCodes.Ok;
        }
        WriteTable(["schedule_id", "name", "when_utc", "enabled", "playbook", "last_run"],
            all.Select(s => new[] { s.ScheduledSessionId, s.Name, SchedulesCommand.When(s), s.Enabled ? "yes" : "no", s.Playbook?.Title ?? s.Playbook?.PlaybookId, Time(s.LastExecutedAt) }));
        if (all.Count == 0) Status("no schedules");
        return ExitCodes.Ok;
    }
}

public sealed class ScheduleShowCommand(AppServices services) : ApiCommand(services)
{
    private readonly Argument<string> _id = new("SCHEDULE_ID") { Description = "The schedule's id" };

    protected override string Name => "show";
    protected override string Description => "Show one schedule";
    protected override IEnumerable<Symbol> Symbols() => [_id];

    protected override async Task<int> Execute(ParseResult parse, bool json, CancellationToken ct)
    {
        var client = await Connect(parse, ct);
        var s = await client.GetSchedule(parse.GetValue(_id)!, ct);
        if (json)
        {
            WriteJson(SchedulesCommand.ToJson(s));
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

/// <summary>Create and update share their flags and the cron/time-zone handling.</summary>
public abstract class ScheduleEditCommand(AppServices services) : ApiCommand(services)
{
    protected readonly Option<string?> NameOption = new("--name") { Description = "The schedule's name" };
    protected readonly Option<string?> PromptOption = new("--prompt") { Description = "The task each session gets" };
    protected readonly Option<string?> PromptFileOption = new("--prompt-file") { Description = "Read the prompt from FILE ('-' = stdin)" };
    protected readonly Option<string?> CronOption = new("--cron", "--frequency") { Description = "Recurring: a 5-field cron in UTC, e.g. '0 9 * * 1-5' (or in --timezone)" };
    protected readonly Option<string?> AtOption = new("--at") { Description = "One time: ISO 8601 time, e.g. 2026-03-01T09:00 (in --timezone, else local) or 2026-03-01T14:00Z" };
    protected readonly Option<string?> TimeZoneOption = new("--timezone") { Description = "Read --cron/--at in ZONE (IANA, e.g. America/New_York) and convert to UTC" };
    protected readonly Option<string?> PlaybookOption = new("--playbook") { Description = "Playbook id each session runs" };
    protected readonly Option<string[]> TagOption = new("--tag") { Description = "Tag for the sessions (repeatable; on update replaces the tags)" };
    protected readonly Option<string?> AgentOption = new("--agent") { Description = "devin (default), data_analyst or advanced" };
    protected readonly Option<string?> NotifyOption = new("--notify") { Description = "When to notify: always, failure or never" };

    protected IEnumerable<Symbol> EditSymbols() =>
        [NameOption, PromptOption, PromptFileOption, CronOption, AtOption, TimeZoneOption, PlaybookOption, TagOption, AgentOption, NotifyOption];

    /// <summary>What the timing flags ask for: a UTC cron (with its conversion) or a one-time instant, or nothing.</summary>
    protected (string? Frequency, CronConversion? Conversion, DateTimeOffset? At) Timing(ParseResult parse)
    {
        var cron = parse.GetValue(CronOption);
        var at = parse.GetValue(AtOption);
        var zone = parse.GetValue(TimeZoneOption);
        if (cron is not null && at is not null)
            throw new HandoffException("give either --cron (recurring) or --at (one time), not both", ExitCodes.Usage);
        if (zone is not null && cron is null && at is null)
            throw new HandoffException("--timezone applies to --cron or --at", ExitCodes.Usage);
        if (at is not null)
            return (null, null, ScheduleTime.ParseFuture(at, zone is null ? null : CronTimeZoneConverter.FindZone(zone), Services.Clock.Now));
        if (cron is null) return (null, null, null);
        if (zone is null)
        {
            CronExpression.Parse(cron); // catch a typo here rather than as an API 422
            return (cron.Trim(), null, null);
        }
        var conversion = CronTimeZoneConverter.Convert(cron, zone, Services.Clock.Now);
        Status($"cron '{conversion.LocalCron}' in {conversion.TimeZone} is '{conversion.UtcCron}' in UTC " +
               $"({CronTimeZoneConverter.FormatOffset(conversion.Offset)}, the offset at the next run, {Time(conversion.NextRunUtc)})");
        if (conversion.Warning is { } warning) Status("warning: " + warning);
        return (conversion.UtcCron, conversion, null);
    }

    protected static string? Choice(string? value, string flag, params string[] allowed)
    {
        if (value is null) return null;
        var v = value.Trim().ToLowerInvariant();
        return allowed.Contains(v) ? v : throw new HandoffException($"{flag} must be one of: {string.Join(", ", allowed)}", ExitCodes.Usage);
    }

    protected string? Agent(ParseResult parse) => Choice(parse.GetValue(AgentOption), "--agent", "devin", "data_analyst", "advanced");
    protected string? Notify(ParseResult parse) => Choice(parse.GetValue(NotifyOption), "--notify", "always", "failure", "never");

    protected void Report(string verb, Schedule schedule, CronConversion? conversion, bool json)
    {
        if (json) WriteJson(SchedulesCommand.ToJson(schedule, conversion));
        else
        {
            Services.Console.Out.WriteLine(schedule.ScheduledSessionId);
            Status($"{verb} schedule {schedule.ScheduledSessionId} ({schedule.Name}): {SchedulesCommand.When(schedule)} UTC, {(schedule.Enabled ? "enabled" : "disabled")}");
        }
    }
}

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
        var schedule = await client.CreateSchedule(new ScheduleCreateRequest
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
        }, ct);
        Report("created", schedule, conversion, json);
        return ExitCodes.Ok;
    }
}

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
        Report("updated", await client.PatchSchedule(parse.GetValue(_id)!, patch, ct), conversion, json);
        return ExitCodes.Ok;
    }
}

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
        var schedule = await client.PatchSchedule(parse.GetValue(_id)!, new SchedulePatch { Enabled = enable }, ct);
        if (json) WriteJson(SchedulesCommand.ToJson(schedule));
        else Status($"{(schedule.Enabled ? "enabled" : "disabled")} schedule {schedule.ScheduledSessionId} ({schedule.Name})");
        return ExitCodes.Ok;
    }
}

public sealed class ScheduleDeleteCommand(AppServices services) : ApiCommand(services)
{
    private readonly Argument<string> _id = new("SCHEDULE_ID") { Description = "The schedule's id" };

    protected override string Name => "delete";
    protected override string Description => "Delete a schedule";
    protected override IEnumerable<Symbol> Symbols() => [_id];

    protected override async Task<int> Execute(ParseResult parse, bool json, CancellationToken ct)
    {
        var client = await Connect(parse, ct);
        var schedule = await client.DeleteSchedule(parse.GetValue(_id)!, ct);
        if (json) WriteJson(SchedulesCommand.ToJson(schedule));
        else Status($"deleted schedule {schedule.ScheduledSessionId} ({schedule.Name})");
        return ExitCodes.Ok;
    }
}
