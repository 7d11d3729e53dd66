namespace Handoff.Core.Secrets;

/// <summary>
/// Finds values that sit on a line of their own below the name they belong to, which a line scanner alone cannot
/// tie to that name: a multi-line XML element (<c>&lt;apiToken&gt;</c>, the value, <c>&lt;/apiToken&gt;</c>), nested
/// YAML (<c>password:</c> then an indented <c>secure: VALUE</c>), and continuation lines (an INI <c>key =</c> or a
/// code <c>token = (</c> followed by indented bare values). Only names holding a secret word are tracked, so
/// ordinary nesting costs a few character checks per line. Each form is looked for only in the files that use it
/// (XML in .xml/.config/…, nesting in YAML, continuation lines in INI-like files, all in text files): in code, nested
/// braces and wrapped expressions would read as values. Not thread-safe; one per fragment scanner.
/// </summary>
internal sealed class MultiLineValues
{
    private static readonly string[] SecretWords = ["pass", "pwd", "secret", "token", "key", "cred"];

    // Open names by indentation, innermost last: Name is null for a name without a secret word (kept for its indent).
    private readonly List<(int Indent, string? Name)> _open = [];
    private string? _xmlElement;
    private string? _path;
    private Forms _forms;

    [Flags]
    private enum Forms { None = 0, Xml = 1, Nested = 2, Continuation = 4, All = Xml | Nested | Continuation }

    public void Reset()
    {
        _open.Clear();
        _xmlElement = null;
    }

    /// <summary>
    /// Reads one line (call for every line, in order). When the line is a value below a tracked name, returns that
    /// name (a nested key is appended: "password_secure"), where the value starts and how long it is, and whether it is
    /// an XML element's text.
    /// </summary>
    public (string Name, int Start, int Length, bool Element)? Observe(ReadOnlySpan<char> line, string path)
    {
        if (!ReferenceEquals(path, _path))
        {
            _path = path;
            _forms = FormsFor(path);
            Reset();
        }
        if (_forms == Forms.None) return null;
        var indent = 0;
        while (indent < line.Length && line[indent] is ' ' or '\t') indent++;
        var text = line[indent..].TrimEnd();
        if (text.IsEmpty || text[0] is '#' or ';' || text.StartsWith("//")) return null;

        var xml = _xmlElement;
        _xmlElement = null;
        if (xml is not null && IsBareValue(text)) return (xml, indent, text.Length, true);
        if (text[0] == '<') return (_forms & Forms.Xml) != 0 ? OpenXml(text) : null;

        while (_open.Count > 0 && _open[^1].Indent >= indent) _open.RemoveAt(_open.Count - 1);
        var owner = Owner();
        var (keyStart, keyLength, valueStart, op) = SplitKey(text);
        if (keyLength > 0 && (_forms & (op == ':' ? Forms.Nested : Forms.Continuation)) == 0) keyLength = 0;
        var key = text.Slice(keyStart, keyLength);
        var value = text[valueStart..];
        if (key.IsEmpty)
        {
            if (owner is not null && IsBareValue(text))
            {
                var skip = text.StartsWith("- ") ? 2 : 0;
                return (owner, indent + skip, text.Length - skip, false);
            }
            return null;
        }
        Open(indent, key);
        if (owner is null || value.IsEmpty || HasSecretWord(key)) return null;
        return (owner + "_" + key.ToString(), indent + valueStart, value.Length, false);
    }

    private (string, int, int, bool)? OpenXml(ReadOnlySpan<char> text)
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
    private static (int KeyStart, int KeyLength, int ValueStart, char Op) SplitKey(ReadOnlySpan<char> text)
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
        var op = text[i++];
        if (i < text.Length && text[i] is '=' or ':') return default; // ==, :=, ::
        while (i < text.Length && text[i] == ' ') i++;
        return (keyStart, keyLength, i, op);
    }

    /// <summary>One token alone: no inner space and no assignment, tag or call.</summary>
    private static bool IsBareValue(ReadOnlySpan<char> text)
    {
        if (text.StartsWith("- ")) text = text[2..];
        return text.Length >= 8 && text.IndexOfAny(" \t<>=(){}") < 0;
    }

    private static Forms FormsFor(string path)
    {
        var name = path.AsSpan(path.LastIndexOf('/') + 1);
        var dot = name.LastIndexOf('.');
        var extension = dot <= 0 ? "" : name[(dot + 1)..].ToString().ToLowerInvariant();
        return extension switch
        {
            "" or "txt" or "text" => Forms.All,
            "yml" or "yaml" => Forms.Nested,
            "ini" or "cfg" or "conf" or "cnf" or "properties" or "toml" => Forms.Continuation,
            "xml" or "config" or "csproj" or "vbproj" or "fsproj" or "props" or "targets" or "nuspec" or "plist" or "xaml" => Forms.Xml,
            _ => Forms.None,
        };
    }

    private static bool HasSecretWord(ReadOnlySpan<char> name)
    {
        foreach (var word in SecretWords)
            if (name.Contains(word, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }
}
