namespace Handoff.Core.Secrets;

/// <summary>
/// A private-key header (a PEM BEGIN line, a PuTTY key file's first line) counts only when key material follows:
/// at least <see cref="MinChars"/> base64 characters before the END line. Placeholder bodies ("...", "***", "xxx",
/// a short base64 string) and a header quoted in code are not keys. The body may share the header's line (an
/// escaped key in JSON or in an env value) or follow on the next lines.
/// </summary>
internal static class KeyBlockBody
{
    /// <summary>The smallest real body: an Ed25519 PKCS#8 key, 48 bytes, is 64 base64 characters.</summary>
    public const int MinChars = 64;

    /// <returns>The base64 characters after the header on its own line; -1 when what follows is not base64 (a placeholder).</returns>
    public static int OnHeaderLine(string secret)
    {
        if (!secret.StartsWith("-----BEGIN ", StringComparison.Ordinal)) return 0;
        var headerEnd = secret.IndexOf("-----", 11, StringComparison.Ordinal);
        if (headerEnd < 0) return 0;
        var body = secret.AsSpan(headerEnd + 5);
        var end = body.IndexOf("-----END", StringComparison.Ordinal);
        if (end >= 0) body = body[..end];
        return Count(body, escapes: true);
    }

    /// <returns>The base64 characters of a line inside a key block; 0 for a blank or "Name: value" header line
    /// (Proc-Type, DEK-Info, Comment, Version); -1 when the line cannot be key material.</returns>
    public static int OnBodyLine(ReadOnlySpan<char> line)
    {
        line = line.Trim();
        var colon = line.IndexOf(": ");
        if (colon > 0 && !line[..colon].ContainsAny(" \t")) return 0;
        return Count(line, escapes: false);
    }

    private static int Count(ReadOnlySpan<char> text, bool escapes)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=') count++;
            else if (escapes && c == '\\' && i + 1 < text.Length && text[i + 1] is 'n' or 'r') i++;
            else if (!char.IsWhiteSpace(c)) return -1;
        }
        return count;
    }
}
