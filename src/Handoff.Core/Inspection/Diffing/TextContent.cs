using System.Text;

namespace Handoff.Core.Inspection.Diffing;

/// <summary>
/// A file's content split into lines on '\n' only (a '\r' stays inside the line text), decoded
/// with one encoding for both sides of a diff so that re-encoding gives back the original bytes.
/// </summary>
internal sealed class TextContent
{
    public const string Latin1Name = "iso-8859-1";

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);

    public IReadOnlyList<string> Lines { get; }

    /// <summary>False when the last line has no '\n' after it.</summary>
    public bool EndsWithNewline { get; }

    private TextContent(IReadOnlyList<string> lines, bool endsWithNewline)
    {
        Lines = lines;
        EndsWithNewline = endsWithNewline;
    }

    public static readonly TextContent Empty = new([], true);

    /// <summary>
    /// UTF-8 when every side is valid UTF-8, otherwise ISO-8859-1, which maps each byte to one char
    /// and therefore round-trips any byte sequence exactly.
    /// </summary>
    public static Encoding ChooseEncoding(params byte[]?[] sides) =>
        sides.All(s => s is null || IsValidUtf8(s)) ? Encoding.UTF8 : Encoding.Latin1;

    public static TextContent Decode(byte[]? bytes, Encoding encoding)
    {
        if (bytes is null || bytes.Length == 0) return Empty;
        // GetString keeps a UTF-8 BOM as U+FEFF, so the first line round-trips too.
        var text = encoding.GetString(bytes);
        var lines = text.Split('\n');
        var endsWithNewline = text.EndsWith('\n');
        return endsWithNewline ? new TextContent(lines[..^1], true) : new TextContent(lines, false);
    }

    /// <summary>git's heuristic: a NUL byte in the first 8000 bytes means binary.</summary>
    public static bool IsBinary(byte[]? bytes) =>
        bytes is not null && Array.IndexOf(bytes, (byte)0, 0, Math.Min(bytes.Length, 8000)) >= 0;

    public static bool IsLfsPointer(byte[]? bytes)
    {
        ReadOnlySpan<byte> prefix = "version https://git-lfs.github.com/spec/v1"u8;
        return bytes is not null && bytes.AsSpan().StartsWith(prefix);
    }

    private static bool IsValidUtf8(byte[] bytes)
    {
        try { StrictUtf8.GetCharCount(bytes); return true; }
        catch (DecoderFallbackException) { return false; }
    }
}
