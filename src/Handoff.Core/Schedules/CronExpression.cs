using System.Globalization;

namespace Handoff.Core.Schedules;

/// <summary>
/// One standard five-field cron expression (minute hour day-of-month month day-of-week), parsed into sets.
/// Supports *, ?, numbers, ranges a-b, steps */n and a-b/n, lists, month and weekday names; day-of-week 7 is Sunday.
/// Only what the time-zone conversion needs: no @macros, no L/W/#.
/// </summary>
public sealed class CronExpression
{
    public string Text { get; }
    public CronField Minute { get; }
    public CronField Hour { get; }
    public CronField DayOfMonth { get; }
    public CronField Month { get; }
    public CronField DayOfWeek { get; }

    private static readonly string[] MonthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] DayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    private CronExpression(string text, string[] parts)
    {
        Text = text;
        Minute = CronField.Parse(parts[0], 0, 59, null, "minute");
        Hour = CronField.Parse(parts[1], 0, 23, null, "hour");
        DayOfMonth = CronField.Parse(parts[2], 1, 31, null, "day-of-month");
        Month = CronField.Parse(parts[3], 1, 12, MonthNames, "month", nameBase: 1);
        DayOfWeek = CronField.Parse(parts[4], 0, 7, DayNames, "day-of-week", nameBase: 0, wrapSevenToZero: true);
    }

    /// <exception cref="HandoffException">exit 2 with the reason when the text is not a cron expression we understand.</exception>
    public static CronExpression Parse(string? text)
    {
        var trimmed = (text ?? "").Trim();
        if (trimmed.StartsWith('@'))
            throw new HandoffException($"cron '{trimmed}': write the five fields instead of {trimmed.Split(' ')[0]} (e.g. '0 9 * * 1-5')", ExitCodes.Usage);
        var parts = trimmed.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 5)
            throw new HandoffException($"cron '{trimmed}' needs five fields: minute hour day-of-month month day-of-week (e.g. '0 9 * * 1-5')", ExitCodes.Usage);
        return new CronExpression(trimmed, parts);
    }

    /// <summary>True when the schedule runs on <paramref name="date"/> (cron's rule: if both day fields are restricted, either matches).</summary>
    public bool RunsOn(DateOnly date)
    {
        if (!Month.Contains(date.Month)) return false;
        var dom = DayOfMonth.Contains(date.Day);
        var dow = DayOfWeek.Contains((int)date.DayOfWeek);
        if (!DayOfMonth.IsStar && !DayOfWeek.IsStar) return dom || dow;
        return dom && dow;
    }
}

/// <summary>One cron field as the set of values it allows; <see cref="IsStar"/> when it is a bare * or ?.</summary>
public sealed class CronField
{
    public string Text { get; }
    public bool IsStar { get; }
    public SortedSet<int> Values { get; }
    public int Min { get; }
    public int Max { get; }

    private CronField(string text, bool isStar, SortedSet<int> values, int min, int max)
    {
        Text = text;
        IsStar = isStar;
        Values = values;
        Min = min;
        Max = max;
    }

    public bool Contains(int value) => Values.Contains(value);

    public static CronField Parse(string text, int min, int max, string[]? names, string what, int nameBase = 0, bool wrapSevenToZero = false)
    {
        var values = new SortedSet<int>();
        foreach (var item in text.Split(','))
        {
            var (range, step) = SplitStep(item, what);
            int from, to;
            if (range is "*" or "?")
            {
                (from, to) = (min, wrapSevenToZero ? 6 : max);
            }
            else if (range.Contains('-'))
            {
                var ends = range.Split('-', 2);
                (from, to) = (Number(ends[0], min, max, names, nameBase, what), Number(ends[1], min, max, names, nameBase, what));
                if (to < from) throw Invalid(what, text, "a range must go upwards");
            }
            else
            {
                from = Number(range, min, max, names, nameBase, what);
                to = step > 1 ? (wrapSevenToZero ? 6 : max) : from;
            }
            for (var v = from; v <= to; v += step)
                values.Add(wrapSevenToZero && v == 7 ? 0 : v);
        }
        var isStar = text is "*" or "?";
        return new CronField(text, isStar, values, min, wrapSevenToZero ? 6 : max);
    }

    private static (string Range, int Step) SplitStep(string item, string what)
    {
        var slash = item.IndexOf('/');
        if (slash < 0) return (item, 1);
        if (!int.TryParse(item[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var step) || step < 1)
            throw Invalid(what, item, "the step after '/' must be a positive number");
        return (item[..slash], step);
    }

    private static int Number(string text, int min, int max, string[]? names, int nameBase, string what)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            return n >= min && n <= max ? n : throw Invalid(what, text, $"must be {min}-{max}");
        var index = names is null ? -1 : Array.FindIndex(names, x => x.Equals(text, StringComparison.OrdinalIgnoreCase));
        return index >= 0 ? index + nameBase : throw Invalid(what, text, "is not a number" + (names is null ? "" : " or a name"));
    }

    private static HandoffException Invalid(string what, string text, string why) =>
        new($"cron {what} '{text}' {why}", ExitCodes.Usage);

    /// <summary>The shortest list of values and ranges for a set, e.g. {1,2,3,5} → "1-3,5"; the full range → "*".</summary>
    public static string Format(IReadOnlyCollection<int> values, int min, int max)
    {
        if (values.Count == max - min + 1) return "*";
        var sorted = values.OrderBy(v => v).ToList();
        var parts = new List<string>();
        for (var i = 0; i < sorted.Count;)
        {
            var j = i;
            while (j + 1 < sorted.Count && sorted[j + 1] == sorted[j] + 1) j++;
            parts.Add(j == i ? sorted[i].ToString(CultureInfo.InvariantCulture)
                : j == i + 1 ? $"{sorted[i]},{sorted[j]}" : $"{sorted[i]}-{sorted[j]}");
            i = j + 1;
        }
        return string.Join(',', parts);
    }
}
