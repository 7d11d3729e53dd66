using System.Text;

namespace Handoff.Core.Prompting;

/// <summary>
/// Makes control characters in caller text (--task, --context, --title) visible instead of passing them on, so
/// neither the prompt nor a terminal that shows it is steered by them (an ANSI escape recolouring or hiding text, a
/// bare carriage return writing over a line, a bidi override reordering it). Tabs, newlines and the CR of a CRLF
/// stay. C0 controls and DEL become their Unicode control pictures (ESC is "␛", so "\x1b[31m" reads "␛[31m");
/// C1 controls and the bidi embedding/override/isolate characters become "\u009B"-style text.
/// </summary>
public static class ControlCharacters
{
    public static string Escape(string text)
    {
        if (!text.Any(c => IsEscaped(c))) return text;
        var result = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') result.Append(c);
            else if (!IsEscaped(c)) result.Append(c);
            else if (c < ' ') result.Append((char)(0x2400 + c));
            else if (c == '\u007F') result.Append('\u2421');
            else result.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
        }
        return result.ToString();
    }

    private static bool IsEscaped(char c) =>
        (c < ' ' && c is not '\t' and not '\n')
        || c is >= '\u007F' and <= '\u009F'
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069';
}
