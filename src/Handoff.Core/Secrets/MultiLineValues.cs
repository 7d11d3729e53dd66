namespace Handoff.Core.Secrets;

/// <summary>
/// Finds values that sit on a line of their own below the name they belong to, which a line scanner alone cannot
/// tie to that name: a multi-line XML element (<c>&lt;apiToken&gt;</c>, the value, <c>&lt;/apiToken&gt;</c>), nested
/// YAML (<c>password:</c> then an indented <c>secure: VALUE</c>), and continuation lines (an INI <c>key =</c> or a
/// code <c>token = (</c> followed by indented bare values). Only names holding a secret word are tracked, so
/// ordinary nesting costs a few character checks per line. Not thread-safe; one per fragment scanner.
/// </summary>
internal sealed class MultiLineValues
{
    private static readonly string[] SecretWords = ["pass", "pwd", "secret", "token", "key", "cred"];

    // Open names by indentation, innermost last: Name is null for a name without a secret word (kept for its indent).
    private readonly List<(int Indent, string? Name)> _open = [];
    private string? _xmlElement;

    public void Reset()
    {
        _open.Clear();
        _xmlElement = null;
    }

    /// <summary>
    /// Reads one line (call for every line, in order). When the line is a value below a tracked name, returns that
    /// name (a nested key is appended: "password_secure") and where the value starts and how long it is.
    /// </summary>
    public (string Name, int Start, int Length)? Observe(ReadOnlySpan<char> line)
    {
        var indent = 0;
        while (indent < line.Length && line[indent] is ' ' or '\t') indent++;
        var text = line[indent..].TrimEnd();
        if (text.IsEmpty || text[0] is '#' or ';' || text.StartsWith("//")) return null;

        var xml = _xmlElement;
        _xmlElement = null;
        if (xml is not null && IsBareValue(text)) return (xml, indent, text.Length);
        if (text[0] == '<') return OpenXml(text);

        while (_open.Count > 0 && _open[^1].Indent >= indent) _open.RemoveAt(_open.Count - 1);
        var owner = Owner();
        var (keyStart, keyLength, valueStart) = SplitKey(text);
        var key = text.Slice(keyStart, keyLength);
        var value = text[valueStart..];
        if (key.IsEmpty)
        {
            if (owner is not null && IsBareValue(text))
            {
                var skip = text.StartsWith("- ") ? 2 : 0;
                return (owner, indent + skip, text.Length - skip);
            }
            return null;
        }
        Open(indent, key);
        if (owner is null || value.IsEmpty || HasSecretWord(key)) return null;
        return (owner + "_" + key.ToString(), indent + valueStart, value.Length);
    }

    private (string, int, int)? OpenXml(ReadOnlySpan<char> text)
    {
        // <name> or <name attr="..."> alone on its line: its value may be the next line.
        if (text.Length < 3 || text[1] is '/' or '!' or '?' || text[^1] != '>' || text[^2] == '/' || text[1..].Contains('<')) return null;
        var end = text.IndexOfAny(' ', '>');
        var name = text[1..end];
        if (HasSecretWord(name)) _xmlElement = name.ToString();
        return null;
    }

    private void Open(int indent, ReadOnlySpan<char> key) => _open.Add((indent, HasSecretWord(key) ? key.ToString() : null));

    private string? Owner()
    {
        for (var i = _open.Count - 1; i >= 0; i--)
            if (_open[i].Name is { } name) return name;
        return null;
    }

    /// <summary>"name: value", "name = value", "- name: value" (a YAML list item) or "name:" / "name =" alone; a zero key length when none.</summary>
    private static (int KeyStart, int KeyLength, int ValueStart) SplitKey(ReadOnlySpan<char> text)
    {
        var i = text.StartsWith("- ") ? 2 : 0;
        if (i < text.Length && text[i] is '"' or '\'') i++;
        var keyStart = i;
        while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '-' or '.')) i++;
        var keyLength = i - keyStart;
        if (keyLength == 0) return default;
        if (i < text.Length && text[i] is '"' or '\'') i++;
        while (i < text.Length && text[i] == ' ') i++;
        if (i >= text.Length || text[i] is not (':' or '=')) return default;
        i++;
        if (i < text.Length && text[i] is '=' or ':') return default; // ==, :=, ::
        while (i < text.Length && text[i] == ' ') i++;
        return (keyStart, keyLength, i);
    }

    /// <summary>One token alone: no inner space and no assignment, tag or call.</summary>
    private static bool IsBareValue(ReadOnlySpan<char> text)
    {
        if (text.StartsWith("- ")) text = text[2..];
        return text.Length >= 8 && text.IndexOfAny(" \t<>=(){}") < 0;
    }

    private static bool HasSecretWord(ReadOnlySpan<char> name)
    {
        foreach (var word in SecretWords)
            if (name.Contains(word, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }
}
