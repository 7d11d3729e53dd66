using System.Globalization;

namespace Handoff.Core.Schedules;

/// <summary>The result of converting a local-time cron to the UTC cron the API wants.</summary>
/// <param name="UtcCron">What to send as <c>frequency</c>: right for the next run.</param>
/// <param name="Offset">The zone's UTC offset at the next run.</param>
/// <param name="NextRunUtc">The next run of the local cron.</param>
/// <param name="OffsetChangeAt">When the zone next changes its offset (daylight saving time) within a year, else null.</param>
/// <param name="OtherOffset">The offset after that change.</param>
/// <param name="OtherUtcCron">The UTC cron that would be right after the change (null if it cannot be expressed).</param>
public sealed record CronConversion(
    string LocalCron,
    string TimeZone,
    string UtcCron,
    TimeSpan Offset,
    DateTimeOffset NextRunUtc,
    DateTimeOffset? OffsetChangeAt,
    TimeSpan? OtherOffset,
    string? OtherUtcCron)
{
    /// <summary>A one-line warning when daylight saving time will shift the schedule in local time; null otherwise.</summary>
    public string? Warning
    {
        get
        {
            if (OffsetChangeAt is not { } at || OtherOffset is not { } other) return null;
            var shift = other - Offset;
            var direction = shift > TimeSpan.Zero ? "later" : "earlier";
            var amount = Math.Abs(shift.TotalMinutes) % 60 == 0 ? $"{Math.Abs(shift.TotalHours):0} h" : $"{Math.Abs(shift.TotalMinutes):0} min";
            var then = OtherUtcCron is null ? "" : $" (the UTC cron for that period is '{OtherUtcCron}')";
            return $"{TimeZone} changes from {CronTimeZoneConverter.FormatOffset(Offset)} to {CronTimeZoneConverter.FormatOffset(other)} on " +
                   $"{at.ToOffset(other):yyyy-MM-dd}: the API runs schedules in UTC, so from then on this one runs {amount} {direction} in local time{then}; " +
                   "update it then";
        }
    }
}

/// <summary>
/// Converts a cron written in a local time zone to UTC (the Devin API's schedules run in UTC). The offset used is
/// the one at the next run; a coming daylight-saving change is reported, with the cron that would be right after it.
/// When the shift moves runs across midnight, weekday fields are shifted too; a conversion that cron cannot express
/// (day-of-month or month fields with a day change, or runs split across two days with day fields) is refused (exit 2).
/// </summary>
public static class CronTimeZoneConverter
{
    private const int MinutesPerDay = 24 * 60;

    /// <exception cref="HandoffException">exit 2: unknown zone, invalid cron, or not expressible in UTC.</exception>
    public static CronConversion Convert(string cron, string timeZone, DateTimeOffset now)
    {
        var zone = FindZone(timeZone);
        var local = CronExpression.Parse(cron);
        var next = NextRun(local, zone, now)
                   ?? throw new HandoffException($"cron '{cron}' never runs (no matching date in the next 5 years)", ExitCodes.Usage);
        var offset = zone.GetUtcOffset(next);
        var utcCron = ToUtc(local, offset);

        var change = NextOffsetChange(zone, next, offset);
        string? otherCron = null;
        if (change is { } c)
        {
            try { otherCron = ToUtc(local, c.Offset); }
            catch (HandoffException) { otherCron = null; }
        }
        return new CronConversion(local.Text, zone.Id, utcCron, offset, next, change?.At, change?.Offset, otherCron);
    }

    public static TimeZoneInfo FindZone(string timeZone)
    {
        if (string.IsNullOrWhiteSpace(timeZone))
            throw new HandoffException("--timezone needs a zone name such as Europe/Berlin", ExitCodes.Usage);
        if (timeZone.Trim().Equals("local", StringComparison.OrdinalIgnoreCase)) return TimeZoneInfo.Local;
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(timeZone.Trim());
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new HandoffException($"unknown time zone '{timeZone}' (use an IANA name such as America/New_York or Europe/Berlin)", ExitCodes.Usage);
        }
    }

    /// <summary>The UTC cron equivalent to <paramref name="local"/> in a zone at a fixed <paramref name="offset"/>.</summary>
    public static string ToUtc(CronExpression local, TimeSpan offset)
    {
        var shiftMinutes = -(int)offset.TotalMinutes;
        if (shiftMinutes == 0) return local.Text;
        var wholeHours = shiftMinutes % 60 == 0;
        if (local.Minute.IsStar && !wholeHours && !local.Hour.IsStar)
            throw NotExpressible(local, offset, "the offset is not whole hours, so every-minute runs would split across two UTC hours");

        // Shift every (hour, minute) the cron allows; collect per UTC hour its minutes and day shift.
        var minutesByHour = new SortedDictionary<int, SortedSet<int>>();
        var dayShiftByHour = new Dictionary<int, int>();
        foreach (var h in local.Hour.Values)
        foreach (var m in local.Minute.Values)
        {
            var total = h * 60 + m + shiftMinutes;
            var dayShift = (int)Math.Floor(total / (double)MinutesPerDay);
            var inDay = total - dayShift * MinutesPerDay;
            var (uh, um) = (inDay / 60, inDay % 60);
            if (dayShiftByHour.TryGetValue(uh, out var existing) && existing != dayShift)
                throw NotExpressible(local, offset, "runs would fall on different days in UTC");
            dayShiftByHour[uh] = dayShift;
            if (!minutesByHour.TryGetValue(uh, out var set)) minutesByHour[uh] = set = [];
            set.Add(um);
        }
        var minuteSets = minutesByHour.Values.Select(s => string.Join(',', s)).Distinct().ToList();
        if (minuteSets.Count != 1)
            throw NotExpressible(local, offset, "the hours would need different minutes in UTC");

        var minuteText = minutesByHour.Values.First().SetEquals(local.Minute.Values)
            ? local.Minute.Text
            : CronField.Format(minutesByHour.Values.First(), 0, 59);
        var hourText = local.Hour.IsStar && minutesByHour.Count == 24 ? "*" : CronField.Format(minutesByHour.Keys, 0, 23);

        var dayShifts = dayShiftByHour.Values.Distinct().ToList();
        var allDaysStar = local.DayOfMonth.IsStar && local.Month.IsStar && local.DayOfWeek.IsStar;
        var dayOfWeekText = local.DayOfWeek.Text;
        // Every hour of every day runs: which day a UTC hour belongs to does not matter.
        if (!(local.Hour.IsStar && wholeHours) || !allDaysStar)
        {
            if (dayShifts.Count > 1)
            {
                if (!allDaysStar)
                    throw NotExpressible(local, offset, "some runs move to the previous or next day in UTC and others do not; split it into two schedules");
            }
            else if (dayShifts[0] != 0 && !allDaysStar)
            {
                if (!local.DayOfMonth.IsStar || !local.Month.IsStar)
                    throw NotExpressible(local, offset, $"the runs move to the {(dayShifts[0] > 0 ? "next" : "previous")} day in UTC, which day-of-month and month fields cannot follow");
                var shifted = local.DayOfWeek.Values.Select(d => ((d + dayShifts[0]) % 7 + 7) % 7).ToList();
                dayOfWeekText = CronField.Format(shifted, 0, 6);
            }
        }
        else if (local.Hour.IsStar && wholeHours)
        {
            hourText = "*";
        }
        return string.Join(' ', minuteText, hourText, local.DayOfMonth.Text, local.Month.Text, dayOfWeekText);
    }

    /// <summary>The next local run after <paramref name="now"/>, as a UTC instant; null if none within 5 years.</summary>
    public static DateTimeOffset? NextRun(CronExpression cron, TimeZoneInfo zone, DateTimeOffset now)
    {
        var localNow = TimeZoneInfo.ConvertTime(now, zone);
        var day = DateOnly.FromDateTime(localNow.DateTime);
        for (var i = 0; i < 5 * 366; i++, day = day.AddDays(1))
        {
            if (!cron.RunsOn(day)) continue;
            foreach (var h in cron.Hour.Values)
            foreach (var m in cron.Minute.Values)
            {
                var wall = day.ToDateTime(new TimeOnly(h, m), DateTimeKind.Unspecified);
                if (zone.IsInvalidTime(wall)) continue; // skipped by a spring-forward change
                var instant = new DateTimeOffset(wall, zone.GetUtcOffset(wall));
                if (instant > now) return instant.ToUniversalTime();
            }
        }
        return null;
    }

    /// <summary>The first instant within a year after <paramref name="from"/> at which the zone's offset differs.</summary>
    private static (DateTimeOffset At, TimeSpan Offset)? NextOffsetChange(TimeZoneInfo zone, DateTimeOffset from, TimeSpan offset)
    {
        var t = from.ToUniversalTime();
        var end = t.AddDays(366);
        var step = TimeSpan.FromHours(1);
        while (t < end)
        {
            var next = t + step;
            var nextOffset = zone.GetUtcOffset(next);
            if (nextOffset != offset)
            {
                // Narrow down to the minute.
                var (lo, hi) = (t, next);
                while (hi - lo > TimeSpan.FromMinutes(1))
                {
                    var mid = lo + (hi - lo) / 2;
                    if (zone.GetUtcOffset(mid) == offset) lo = mid; else hi = mid;
                }
                return (hi, nextOffset);
            }
            t = next;
        }
        return null;
    }

    public static string FormatOffset(TimeSpan offset) =>
        "UTC" + (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);

    private static HandoffException NotExpressible(CronExpression local, TimeSpan offset, string why) =>
        new($"cannot convert cron '{local.Text}' from {FormatOffset(offset)} to UTC: {why}; write the cron in UTC instead (without --timezone)", ExitCodes.Usage);
}
