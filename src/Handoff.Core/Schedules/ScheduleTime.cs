using System.Globalization;
using System.Text.RegularExpressions;

namespace Handoff.Core.Schedules;

/// <summary>Parses the time of a one-time schedule (<c>--at</c>) into a UTC instant.</summary>
public static partial class ScheduleTime
{
    private static readonly string[] LocalFormats =
    [
        "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
    ];

    /// <summary>
    /// ISO 8601: with "Z" or an offset it is taken as written; without one it is a wall-clock time in
    /// <paramref name="zone"/> (the machine's zone when null). Must lie after <paramref name="now"/>.
    /// </summary>
    /// <exception cref="HandoffException">exit 2 when unreadable, in a daylight-saving gap, or not in the future.</exception>
    public static DateTimeOffset ParseFuture(string text, TimeZoneInfo? zone, DateTimeOffset now)
    {
        var trimmed = (text ?? "").Trim();
        DateTimeOffset instant;
        if (HasOffset().IsMatch(trimmed))
        {
            if (!DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out instant))
                throw Unreadable(trimmed);
        }
        else
        {
            if (!DateTime.TryParseExact(trimmed, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var wall))
                throw Unreadable(trimmed);
            zone ??= TimeZoneInfo.Local;
            wall = DateTime.SpecifyKind(wall, DateTimeKind.Unspecified);
            if (zone.IsInvalidTime(wall))
                throw new HandoffException($"--at {trimmed} does not exist in {zone.Id} (the clocks skip it for daylight saving time)", ExitCodes.Usage);
            instant = new DateTimeOffset(wall, zone.GetUtcOffset(wall));
        }
        instant = instant.ToUniversalTime();
        if (instant <= now)
            throw new HandoffException($"--at {trimmed} is in the past ({instant:yyyy-MM-dd HH:mm} UTC); a one-time schedule needs a future time", ExitCodes.Usage);
        return instant;
    }

    private static HandoffException Unreadable(string text) =>
        new($"--at '{text}' is not a time: use ISO 8601, e.g. 2026-03-01T09:00 (in --timezone, else local time) or 2026-03-01T14:00Z", ExitCodes.Usage);

    [GeneratedRegex(@"(Z|[+-]\d{2}:?\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex HasOffset();
}
