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

    public static ScheduleView ToJson(Schedule s, CronConversion? conversion = null) => new(
        s.ScheduledSessionId, s.Name, s.Prompt, s.ScheduleType, s.Frequency,
        s.ScheduledAt, s.Enabled, s.Agent, s.NotifyOn,
        s.Playbook?.PlaybookId, s.Playbook?.Title, s.Tags ?? [],
        s.LastExecutedAt, s.LastErrorAt, s.LastErrorMessage,
        s.ConsecutiveFailures, s.CreatedAt, s.UpdatedAt,
        conversion is null ? null : new TimezoneConversionView(
            conversion.LocalCron, conversion.TimeZone, conversion.UtcCron,
            CronTimeZoneConverter.FormatOffset(conversion.Offset), conversion.NextRunUtc,
            conversion.OffsetChangeAt,
            conversion.OtherOffset is { } o ? CronTimeZoneConverter.FormatOffset(o) : null,
            conversion.OtherUtcCron, conversion.Warning));

    /// <summary>"0 14 * * 1-5 (UTC)" or "once at 2026-03-01 14:00Z".</summary>
    public static string When(Schedule s) =>
        s.ScheduleType == ScheduleTypes.OneTime || s.Frequency is null
            ? $"once at {ApiCommand.Time(s.ScheduledAt) ?? "?"}"
            : s.Frequency;
}

/// <summary>A schedule in every schedules command's --json output (schedule_id is the API's scheduled_session_id).</summary>
public sealed record ScheduleView(
    string ScheduleId, string Name, string? Prompt, string? ScheduleType, string? Frequency,
    DateTimeOffset? ScheduledAt, bool Enabled, string? Agent, string? NotifyOn,
    string? PlaybookId, string? PlaybookTitle, IReadOnlyList<string> Tags,
    DateTimeOffset? LastExecutedAt, DateTimeOffset? LastErrorAt, string? LastErrorMessage,
    int? ConsecutiveFailures, DateTimeOffset? CreatedAt, DateTimeOffset? UpdatedAt,
    TimezoneConversionView? TimezoneConversion);

/// <summary>How a --time-zone cron was converted to UTC (create/update with --time-zone).</summary>
public sealed record TimezoneConversionView(
    string LocalCron, string TimeZone, string UtcCron, string UtcOffset, DateTimeOffset NextRun, DateTimeOffset? OffsetChangeAt,
    string? UtcOffsetAfterChange, string? UtcCronAfterChange, string? Warning);
