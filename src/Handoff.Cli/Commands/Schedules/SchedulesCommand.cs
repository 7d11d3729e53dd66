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
