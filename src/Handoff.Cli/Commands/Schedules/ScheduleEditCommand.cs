using System.CommandLine;
using Handoff.Core;
using Handoff.Core.Devin;
using Handoff.Core.Schedules;

namespace Handoff.Cli.Commands.Schedules;

/// <summary>Create and update share their flags and the cron/time-zone handling.</summary>
public abstract class ScheduleEditCommand(AppServices services, string name, string description) : ApiCommand(services, name, description)
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
        if (json) WriteJson(SchedulesCommand.ToJson(schedule, conversion), CliJson.Compact.ScheduleView);
        else
        {
            Services.Console.Out.WriteLine(schedule.ScheduledSessionId);
            Status($"{verb} schedule {schedule.ScheduledSessionId} ({schedule.Name}): {SchedulesCommand.When(schedule)} UTC, {(schedule.Enabled ? "enabled" : "disabled")}");
        }
    }
}
