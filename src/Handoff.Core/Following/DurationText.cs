using System.Globalization;
using System.Text.RegularExpressions;

namespace Handoff.Core.Following;

/// <summary>Parses durations typed on the command line: 90s, 30m, 2h, 1h30m, 0.05 (seconds), 1.5m.</summary>
public static partial class DurationText
{
    /// <exception cref="HandoffException">exit 2 naming <paramref name="flag"/> when the text is not a positive duration.</exception>
    public static TimeSpan Parse(string text, string flag)
    {
        var value = text?.Trim() ?? "";
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var plainSeconds))
            return Positive(TimeSpan.FromSeconds(plainSeconds), text, flag);

        var match = Pattern().Match(value);
        if (!match.Success || value.Length == 0)
            throw Invalid(text, flag);
        var total = TimeSpan.Zero;
        foreach (Capture part in match.Groups["part"].Captures)
        {
            var unitMatch = Part().Match(part.Value);
            var number = double.Parse(unitMatch.Groups["n"].Value, CultureInfo.InvariantCulture);
            total += unitMatch.Groups["u"].Value.ToLowerInvariant() switch
            {
                "ms" => TimeSpan.FromMilliseconds(number),
                "s" => TimeSpan.FromSeconds(number),
                "m" => TimeSpan.FromMinutes(number),
                "h" => TimeSpan.FromHours(number),
                "d" => TimeSpan.FromDays(number),
                _ => throw Invalid(text, flag),
            };
        }
        return Positive(total, text, flag);
    }

    /// <summary>"1h05m", "2m30s", "4.2s": for elapsed times in status lines.</summary>
    public static string Format(TimeSpan span)
    {
        if (span < TimeSpan.Zero) span = TimeSpan.Zero;
        if (span.TotalHours >= 1) return $"{(int)span.TotalHours}h{span.Minutes:00}m";
        if (span.TotalMinutes >= 1) return $"{(int)span.TotalMinutes}m{span.Seconds:00}s";
        return $"{(int)span.TotalSeconds}s";
    }

    private static TimeSpan Positive(TimeSpan span, string? text, string flag) =>
        span > TimeSpan.Zero && span < TimeSpan.FromDays(365) ? span : throw Invalid(text, flag);

    private static HandoffException Invalid(string? text, string flag) =>
        new($"{flag}: '{text}' is not a duration (examples: 0.5, 90s, 30m, 2h, 1h30m)", ExitCodes.Usage);

    [GeneratedRegex(@"^(?<part>\d+(?:\.\d+)?\s*(?:ms|s|m|h|d))+$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();

    [GeneratedRegex(@"^(?<n>\d+(?:\.\d+)?)\s*(?<u>ms|s|m|h|d)$", RegexOptions.IgnoreCase)]
    private static partial Regex Part();
}
