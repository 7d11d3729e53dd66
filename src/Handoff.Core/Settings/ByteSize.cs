using System.Globalization;

namespace Handoff.Core.Settings;

/// <summary>Parses sizes such as "200000", "300KB", "1.5MB" (1 KB = 1024 bytes).</summary>
public static class ByteSize
{
    public static long Parse(string? text, long defaultValue, string flag)
    {
        if (string.IsNullOrWhiteSpace(text)) return defaultValue;
        var t = text.Trim().ToUpperInvariant();
        long unit = 1;
        foreach (var (suffix, size) in new[] { ("KIB", 1024L), ("MIB", 1024L * 1024), ("KB", 1024L), ("MB", 1024L * 1024), ("K", 1024L), ("M", 1024L * 1024), ("B", 1L) })
        {
            if (t.EndsWith(suffix, StringComparison.Ordinal)) { unit = size; t = t[..^suffix.Length].Trim(); break; }
        }
        if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value <= 0 || double.IsInfinity(value))
            throw new HandoffException($"{flag}: '{text}' is not a size (e.g. 200000, 300KB, 1MB)", ExitCodes.Usage);
        var bytes = value * unit;
        if (bytes < 4096)
            throw new HandoffException($"{flag}: {text} is too small; at least 4KB is needed for the task and repository facts", ExitCodes.Usage);
        return (long)Math.Min(bytes, 64L * 1024 * 1024);
    }
}
