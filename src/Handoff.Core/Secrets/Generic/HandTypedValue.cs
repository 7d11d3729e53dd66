namespace Handoff.Core.Secrets.Generic;

/// <summary>A keyword value typed by hand to fill a format, not generated.</summary>
internal static class HandTypedValue
{
    /// <summary>
    /// The same four letters or digits three times in a short value ("xoxp-1234-1234-1234-…", "ab12ab12ab12"): typed by
    /// hand to fill a format, which a generated token of that length practically never does. Long values (key blocks,
    /// base64 of binary data full of "AAAA") are not judged this way.
    /// </summary>
    public static bool RepeatsAChunk(ReadOnlySpan<char> value)
    {
        if (value.Length > 100) return false;
        for (var i = 0; i + 12 <= value.Length; i++)
        {
            var chunk = value.Slice(i, 4);
            if (chunk.ContainsAnyExcept(AsciiLettersAndDigits) || !chunk.ContainsAnyExcept(chunk[0])) continue; // "QQQQ": one character, judged by its entropy
            if (Occurrences(value[i..], chunk) >= 3) return true;
        }
        return false;
    }

    /// <summary>
    /// A regular expression's character class with a range ("[A-Za-z0-9._~+/-]+", "^[a-f0-9]{40}$"): a pattern that
    /// describes tokens, not one. Brackets are in no token alphabet, and a range needs both ends in order.
    /// </summary>
    public static bool HoldsCharacterClass(ReadOnlySpan<char> value)
    {
        var open = value.IndexOf('[');
        if (open < 0) return false;
        var close = value[(open + 1)..].IndexOf(']');
        if (close < 0) return false;
        var inside = value.Slice(open + 1, close);
        for (var i = 1; i + 1 < inside.Length; i++)
            if (inside[i] == '-' && IsRange(inside[i - 1], inside[i + 1])) return true;
        return false;
    }

    private static bool IsRange(char from, char to) =>
        from < to && ((char.IsAsciiDigit(from) && char.IsAsciiDigit(to)) || (char.IsAsciiLetterLower(from) && char.IsAsciiLetterLower(to))
                      || (char.IsAsciiLetterUpper(from) && char.IsAsciiLetterUpper(to)));

    private static int Occurrences(ReadOnlySpan<char> text, ReadOnlySpan<char> chunk)
    {
        var count = 0;
        for (var at = text.IndexOf(chunk, StringComparison.Ordinal); at >= 0; at = text.IndexOf(chunk, StringComparison.Ordinal))
        {
            count++;
            text = text[(at + chunk.Length)..];
        }
        return count;
    }

    private static readonly System.Buffers.SearchValues<char> AsciiLettersAndDigits =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");
}
