using System.Text;

namespace Handoff.Core.Attachments;

/// <summary>
/// Turns an untrusted file name from the server into one plain file name that is safe on every OS:
/// no directories (only the last path segment is kept, '/' and '\' both count), no drive letters or
/// ':' streams, no NUL or control characters, no characters Windows forbids, no leading dots (no
/// hidden files, never "." or ".."), no trailing dots or spaces, no device names (CON, NUL, COM1…),
/// at most <see cref="MaxBytes"/> UTF-8 bytes (the extension kept). Empty results get a fallback name.
/// </summary>
public static class SafeFileName
{
    public const int MaxBytes = 200;

    private static readonly HashSet<string> DeviceNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", "CLOCK$",
        "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
        "COM¹", "COM²", "COM³", "LPT¹", "LPT²", "LPT³",
    };

    private const string WindowsForbidden = "<>:\"|?*";

    /// <param name="untrusted">The name as the server sent it.</param>
    /// <param name="fallback">Used when nothing usable is left, e.g. "attachment-3".</param>
    public static string From(string? untrusted, string fallback)
    {
        var text = (untrusted ?? "").Normalize(NormalizationForm.FormC);
        var lastSlash = text.LastIndexOfAny(['/', '\\']);
        if (lastSlash >= 0) text = text[(lastSlash + 1)..];

        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsControl(rune) || rune.Value is 0xFEFF or 0x200E or 0x200F or (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069))
                continue; // NUL, control and bidi-override characters
            builder.Append(rune.IsAscii && WindowsForbidden.Contains((char)rune.Value) ? "_" : rune.ToString());
        }
        var name = TrimDotsAndSpaces(builder.ToString());
        if (name.Length == 0) name = fallback;
        if (DeviceNames.Contains(BaseName(name))) name = "_" + name;
        return Shorten(name, MaxBytes);
    }

    /// <summary>"report.pdf" → "report (2).pdf": the candidate for the n-th file of the same name.</summary>
    public static string WithSuffix(string name, int number)
    {
        var (stem, extension) = Split(name);
        var suffix = $" ({number})";
        return Shorten(stem, MaxBytes - Encoding.UTF8.GetByteCount(suffix + extension)) + suffix + extension;
    }

    // Until neither end has a dot or white space: ". .bashrc" must not become the hidden ".bashrc".
    private static string TrimDotsAndSpaces(string name)
    {
        string before;
        do
        {
            before = name;
            name = name.Trim().Trim('.');
        } while (name.Length != before.Length);
        return name;
    }

    private static string BaseName(string name)
    {
        var dot = name.IndexOf('.');
        return (dot < 0 ? name : name[..dot]).TrimEnd(' ');
    }

    private static (string Stem, string Extension) Split(string name)
    {
        var dot = name.LastIndexOf('.');
        // An "extension" longer than 16 characters is not one; keep the whole name as the stem.
        return dot > 0 && name.Length - dot <= 16 ? (name[..dot], name[dot..]) : (name, "");
    }

    private static string Shorten(string name, int maxBytes)
    {
        if (Encoding.UTF8.GetByteCount(name) <= maxBytes) return name;
        var (stem, extension) = Split(name);
        var room = maxBytes - Encoding.UTF8.GetByteCount(extension);
        if (room < 1) { stem = name; extension = ""; room = maxBytes; }
        var kept = new StringBuilder();
        var bytes = 0;
        foreach (var rune in stem.EnumerateRunes())
        {
            if (bytes + rune.Utf8SequenceLength > room) break;
            kept.Append(rune.ToString());
            bytes += rune.Utf8SequenceLength;
        }
        return kept.ToString().TrimEnd('.', ' ') + extension;
    }
}
