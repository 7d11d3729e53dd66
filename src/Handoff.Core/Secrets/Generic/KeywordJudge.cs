namespace Handoff.Core.Secrets.Generic;

/// <summary>
/// Where a line comes from: its file's kind, whether that path lowers confidence, whether the line is in a code block, and
/// whether it is free text the user wrote (a task, a context: <see cref="FileKinds.IsFreeText"/>).
/// </summary>
internal readonly record struct LineFacts(FileKind Kind, bool Lowered, bool InCodeBlock, bool FreeText = false);

/// <summary>
/// A match of a generic rule on one line: the name a value is assigned to (from its first character, which may lie
/// before the regex's own name group: "DB_" of DB_PASSWORD), the value, and the quote around it ('\0' when bare).
/// <see cref="HasAssignment"/> is false for generic rules that capture no assignment (a bearer header, an XML element):
/// only their value and name are judged.
/// </summary>
internal readonly record struct KeywordMatch(string Line, int NameStart, int NameEnd, int ValueStart, int ValueEnd, char Quote, bool HasAssignment);

/// <summary>
/// The decision for keyword (generic) findings: is the value a literal, and does it look like a secret?
/// <list type="number">
/// <item>A literal: a quoted string that is a whole literal (not concatenated, not interpolated, not a call's message
/// argument), or an unquoted value where one is a literal (env, ini, yaml, properties, toml, shell), or a URL query value.
/// In Markdown and other docs, prose lines never count; code blocks, inline code and key=value lines do.</item>
/// <item>Not code, not prose, not a name made of words, not a public key, not a placeholder or documented example.</item>
/// <item>Random enough for its length (<see cref="ValueShape.Judge"/>), and assigned to a name that means a secret
/// (<see cref="SecretName"/>).</item>
/// </list>
/// The confidence is Medium when both the name and the value are strong and the path is not a test, fixture, example or
/// doc; else Low. Provider rules (unique prefixes, checksums) never come here.
/// </summary>
internal static class KeywordJudge
{
    // Method calls that keep a string literal a literal: "…".to_string(), '…'.freeze, "…".getBytes(), "…".encode().
    private static readonly string[] LiteralMethods =
    [
        ".to_string()", ".to_owned()", ".into()", ".as_bytes()", ".as_str()", ".to_vec()", ".freeze", ".b", ".dup", ".encode(",
        ".getBytes(", ".toCharArray()", ".ToCharArray()", ".strip()", ".trim()", ".Trim()", ".bytes", ".unwrap()",
    ];

    private static readonly string[] CommentStarts = ["//", "/*", "#", "--", "?>", "%>", "/>", ";"];

    /// <returns>The confidence, or null when it is not a secret. The value span may narrow (a URL query value, a YAML tag skipped).</returns>
    public static FindingConfidence? Judge(in KeywordMatch match, in LineFacts facts, ref int valueStart, ref int valueEnd)
    {
        var commandPrefix = false;
        if (match.HasAssignment && !IsLiteral(match, facts, ref valueStart, ref valueEnd, ref commandPrefix)) return null;
        ReadOnlySpan<char> value = match.Line.AsSpan(valueStart, valueEnd - valueStart);
        if (value.Length < ValueShape.MinLength || HasInterpolation(value, match.Quote)) return null;
        if (value.Contains('%') && match.Quote == '\0') value = Uri.UnescapeDataString(value.ToString()).Replace('+', ' '); // value%20with%20spaces
        var name = match.NameEnd > match.NameStart ? SecretName.Of(match.Line.AsSpan(match.NameStart, match.NameEnd - match.NameStart), out var password) : Default(out password);
        if (name == NameStrength.NotSecret) return null;
        if (!CouldBeSecret(value, password)) return null;
        var randomness = ValueShape.Judge(value, password);
        // A bare "key" is a map key, a registry key or a cache key as often as a secret: only a generated value counts.
        if (randomness == Randomness.None || ((name == NameStrength.Weak || (commandPrefix && !password)) && randomness != Randomness.Strong)) return null;
        // placeholders and documented examples: HitEvaluator, for every rule
        return Confidence(randomness == Randomness.Strong, name, facts);
    }

    // Medium only for a generated value under a strong name, outside tests, fixtures, examples and docs.
    private static FindingConfidence Confidence(bool generated, NameStrength name, in LineFacts facts) =>
        generated && name == NameStrength.Strong && !facts.Lowered && facts.Kind != FileKind.Docs ? FindingConfidence.Medium : FindingConfidence.Low;

    /// <summary>
    /// A further value of a keyword's list (<c>KEYS = 'a', 'b'</c>, see <see cref="ValueLists"/>): its name and literal form
    /// were judged with the first value, so only the value itself is, and it takes the first value's confidence at most.
    /// </summary>
    /// <param name="needsStrong">only a generated value counts (the list's name is a weak one, see <see cref="ListCap"/>)</param>
    public static FindingConfidence? JudgeListed(ReadOnlySpan<char> value, char quote, FindingConfidence first, bool needsStrong = false)
    {
        if (value.Length < ValueShape.MinLength || HasInterpolation(value, quote) || !CouldBeSecret(value, password: false)) return null;
        return ValueShape.Judge(value, false) switch
        {
            Randomness.Strong => first,
            Randomness.Weak when !needsStrong => FindingConfidence.Low,
            _ => null,
        };
    }

    /// <summary>
    /// The first value of a keyword's list was no secret (<c>API_KEYS = ["changeme", "…"]</c>): whether the further values
    /// are still judged, as values of a secret name written literally, the confidence they take at most, and whether only
    /// a generated value counts (after a weak name). Null when the name or the literal form rules the whole list out.
    /// </summary>
    public static (FindingConfidence Cap, bool NeedsStrong)? ListCap(in KeywordMatch match, in LineFacts facts)
    {
        int valueStart = match.ValueStart, valueEnd = match.ValueEnd;
        var commandPrefix = false; // stays false: a comma after the value ends the literal before any command
        if (!match.HasAssignment || !IsLiteral(match, facts, ref valueStart, ref valueEnd, ref commandPrefix)) return null;
        var name = SecretName.Of(match.Line.AsSpan(match.NameStart, match.NameEnd - match.NameStart), out _);
        if (name == NameStrength.NotSecret) return null;
        return (Confidence(generated: true, name, facts), name == NameStrength.Weak);
    }

    // Not prose, not a name made of words, not a public key, path, hash, address or placeholder.
    private static bool CouldBeSecret(ReadOnlySpan<char> value, bool password) =>
        !(ValueShape.IsWordsOnly(value, anySymbol: !password) || ValueShape.IsProse(value) || ValueShape.IsPublicKey(value) || IsUuid(value)
          || IsUrl(value) || ValueShape.IsPath(value) || ValueShape.IsPasswordHash(value) || ValueShape.HasIpAddress(value)
          || ValueShape.IsResourceName(value) || ValueShape.IsLeetPlaceholder(value) || ValueShape.NamesItself(value) || ValueShape.IsEncodedText(value) || HandTypedValue.RepeatsAChunk(value)
          || HandTypedValue.HoldsCharacterClass(value));

    // A rule without a name (a bearer header) puts the value where a secret goes.
    private static NameStrength Default(out bool password)
    {
        password = false;
        return NameStrength.Strong;
    }

    /// <param name="commandPrefix">set for NAME=value followed by a command (<c>API_TOKEN=… ./serve</c>): only a generated value counts there</param>
    private static bool IsLiteral(in KeywordMatch match, in LineFacts facts, ref int valueStart, ref int valueEnd, ref bool commandPrefix)
    {
        var line = match.Line;
        if (facts.Kind == FileKind.Docs && !facts.InCodeBlock && !IsCodeInDocs(match)) return false;
        if (match.Quote != '\0')
        {
            // define('DB_PASSWORD', '…') and setenv("TOKEN", "…") are pairs; hasActiveToken, "expected …" is a message
            // argument, and {'AuthToken', 'Other'} a set of names.
            if (Operator(line.AsSpan(match.NameEnd, valueStart - 1 - match.NameEnd)) == ',' && !IsCallPair(match)) return false;
            // f"…{x}", $"…{x}": interpolated
            if (valueStart >= 2 && line[valueStart - 2] is 'f' or 'F' or '$' && line.AsSpan(valueStart, valueEnd - valueStart).Contains('{')) return false;
            return EndsLiteral(line.AsSpan(Math.Min(line.Length, valueEnd + 1)));
        }
        if (IsUrlQuery(line, match.NameStart))
        {
            // ?access_token=…&x=1: a URL query value is written literally, whatever the file
            var stop = line.AsSpan(valueStart, valueEnd - valueStart).IndexOfAny('&', '#');
            if (stop >= 0) valueEnd = valueStart + stop;
            return true;
        }
        if (facts.Kind == FileKind.Code)
        {
            if (!StartsEmbeddedEntry(line, match.NameStart)) return false;
            var escape = line.AsSpan(valueStart, valueEnd - valueStart).IndexOf('\\'); // "token: abc\n": the escape ends it
            if (escape >= 0) valueEnd = valueStart + escape;
            return !StartsLikeCode(line.AsSpan(valueStart, valueEnd - valueStart));
        }
        var lineStart = facts.Kind == FileKind.Docs ? InlineCodeStart(line, match.NameStart) : 0;
        if (facts.Kind != FileKind.Config && !IsKeyValueLine(match, lineStart, allowBullet: facts.Kind == FileKind.Text)
            && !(facts.Kind == FileKind.Text && (facts.FreeText || IsFlowMappingKey(line, match.NameStart)))) return false;
        if (line[valueStart] == '[') valueStart = FirstFlowItem(line, valueStart, valueEnd);
        if (valueStart == valueEnd) return false; // "api_keys: [" opens a sequence whose items follow on the next lines
        if (facts.Kind == FileKind.Config && line[valueStart] is '!' or '&' && !SkipYamlTag(line, ref valueStart, ref valueEnd)) return false;
        if (StartsLikeCode(line.AsSpan(valueStart, valueEnd - valueStart))) return false;
        var rest = line.AsSpan(valueEnd).TrimStart(" \t");
        if (rest.IsEmpty || rest[0] is ',' or '}' or ']' or '`' || StartsWithAny(rest, CommentStarts)) return true;
        commandPrefix = rest.Length < line.Length - valueEnd && IsKeyValueLine(match, lineStart, allowBullet: false);
        // free text: "I set api_key = … yesterday" (a word that follows a value ends it)
        return commandPrefix || (facts.FreeText && rest.Length < line.Length - valueEnd);
    }

    /// <summary>
    /// The name starts an entry of text embedded in a string literal of code: <c>'''api_secret: !!binary …'''</c>,
    /// <c>"user=app;password=…"</c>, <c>"hosts:\n  token: …"</c>. Such text (YAML, env, a connection string) holds literals
    /// of its own; a name after a word is prose ("Unexpected token: StartObject.").
    /// </summary>
    private static bool StartsEmbeddedEntry(string line, int nameStart)
    {
        var open = -1;
        for (var i = 0; i < nameStart; i++)
        {
            var c = line[i];
            if (open >= 0 && c == '\\') i++;
            else if (c is '"' or '\'' or '`') open = open < 0 ? i : c == line[open] ? -1 : open;
        }
        if (open < 0) return false;
        var before = line.AsSpan(open + 1, nameStart - open - 1).TrimEnd(" \t");
        return before.IsEmpty || before[^1] is ';' or '&' or ',' or '{' or '[' or '(' or '|' or '\'' or '"' or '`'
            || (before.Length >= 2 && before[^2] == '\\' && before[^1] is 'n' or 'r' or 't');
    }

    /// <summary>The name follows the '?' or '&amp;' of a URL's query: "https://host/path?token=", "…?a=1&amp;key=".</summary>
    private static bool IsUrlQuery(string line, int nameStart)
    {
        if (nameStart < 2 || line[nameStart - 1] is not ('?' or '&')) return false;
        var query = line.LastIndexOf('?', nameStart - 1);
        if (query < 1 || line[query - 1] is ' ' or '\t' or '(' or '"' or '\'' or '`') return false;
        var url = line.AsSpan(0, nameStart);
        var start = url[..query].LastIndexOfAny(" \t\"'`(=<>");
        return url[(start + 1)..].IndexOfAny(" \t\"'`") < 0 && url[(start + 1)..query].Contains('/');
    }

    /// <summary>The assignment operator between a name and its value: '=', ':' (also for :=, =>) or ','.</summary>
    private static char Operator(ReadOnlySpan<char> between)
    {
        var at = between.IndexOfAny("=:,");
        return at < 0 ? '\0' : between[at];
    }

    /// <summary>A call's first two arguments, name then value: define('NAME', …), setenv("NAME", …), put("NAME", …).</summary>
    private static bool IsCallPair(in KeywordMatch match)
    {
        var line = match.Line;
        if (match.NameStart < 2 || match.NameEnd >= line.Length || line[match.NameStart - 1] is not ('"' or '\'' or '`')
            || line[match.NameEnd] != line[match.NameStart - 1]) return false;
        var before = line.AsSpan(0, match.NameStart - 1).TrimEnd(" \t");
        return before.Length > 0 && before[^1] == '(';
    }

    /// <summary>What may follow a closing quote for the string to be the whole value: an end, a separator, a comment, the next attribute.</summary>
    private static bool EndsLiteral(ReadOnlySpan<char> rest)
    {
        var trimmed = rest.TrimStart(" \t");
        if (trimmed.IsEmpty || trimmed[0] is ',' or ';' or ')' or ']' or '}' or '>' || StartsWithAny(trimmed, CommentStarts)) return true;
        if (trimmed[0] == '.') return rest[0] == '.' && StartsWithAny(trimmed, LiteralMethods);
        if (trimmed.Length == rest.Length || !(char.IsAsciiLetter(trimmed[0]) || trimmed[0] == '_')) return false;
        // the next attribute or assignment: <add key="…" value="…"/>, a="1" b="2"
        var name = 1;
        while (name < trimmed.Length && (char.IsAsciiLetterOrDigit(trimmed[name]) || trimmed[name] is '_' or '-' or ':' or '.')) name++;
        var after = trimmed[name..].TrimStart(" \t");
        return after.Length > 0 && after[0] == '=' && (after.Length == 1 || after[1] != '=');
    }

    private static bool StartsWithAny(ReadOnlySpan<char> text, string[] starts)
    {
        foreach (var start in starts)
            if (text.StartsWith(start, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>
    /// NAME=value at the start of a line (or of <paramref name="lineStart"/>, an inline code span), optionally after
    /// export/set/ENV or a shell prompt, as in an env file or a shell session.
    /// </summary>
    private static bool IsKeyValueLine(in KeywordMatch match, int lineStart, bool allowBullet)
    {
        var before = match.Line.AsSpan(lineStart, match.NameStart - lineStart).Trim();
        foreach (var range in before.Split(' '))
        {
            var word = before[range];
            if (word.IsEmpty || word is "$" or ">" or "export" or "set" or "setx" or "setenv" or "ENV" or "ARG" or "declare" or "-x" or "local" or "readonly")
                continue;
            if (IsEnvAssignment(word)) continue; // A=1 B=2 on one line
            if (allowBullet && word is "-" or "*" or "+") continue; // a list item; "+" is a diff's added line in a prompt
            return false;
        }
        return true;
    }

    private static bool IsEnvAssignment(ReadOnlySpan<char> word)
    {
        var equals = word.IndexOf('=');
        if (equals <= 0) return false;
        foreach (var c in word[..equals])
            if (!char.IsAsciiLetterOrDigit(c) && c != '_') return false;
        return true;
    }

    /// <summary>Where the inline code span holding this position starts (after its backtick), or 0 when it is not in one.</summary>
    private static int InlineCodeStart(string line, int position)
    {
        var before = line.AsSpan(0, position);
        return before.Count('`') % 2 == 1 ? before.LastIndexOf('`') + 1 : 0;
    }

    /// <summary>Docs: code when indented as a code block, inside inline code, or a key=value line.</summary>
    private static bool IsCodeInDocs(in KeywordMatch match)
    {
        var line = match.Line;
        if (line.StartsWith('\t') || line.StartsWith("    ", StringComparison.Ordinal)) return true;
        if (InlineCodeStart(line, match.NameStart) > 0) return true;
        return IsKeyValueLine(match, 0, allowBullet: false) && !line.AsSpan(0, match.NameStart).TrimStart().StartsWith('[');
    }

    /// <summary>A key inside a YAML flow mapping that opens the line: <c>creds: {user: a, password: b}</c>, <c>- {token: c}</c>.</summary>
    private static bool IsFlowMappingKey(string line, int nameStart)
    {
        var before = line.AsSpan(0, nameStart).TrimEnd(" \t");
        var open = before.IndexOf('{');
        if (before.IsEmpty || before[^1] is not ('{' or ',') || open < 0 || before[open..].Contains('}')) return false;
        var key = before[..open].Trim(" \t+-");
        if (key.IsEmpty) return true;
        if (key[^1] != ':') return false;
        foreach (var c in key[..^1])
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '-' or '.')) return false;
        return true;
    }

    // api_keys: [a, b]: the first item of a YAML flow sequence is the value (ValueLists finds the others).
    private static int FirstFlowItem(string line, int bracket, int valueEnd)
    {
        var start = bracket + 1;
        while (start < valueEnd && line[start] is ' ' or '\t') start++;
        return start;
    }

    // password: !!binary <base64>, token: &anchor <value>: the value is the next word.
    private static bool SkipYamlTag(string line, ref int valueStart, ref int valueEnd)
    {
        var next = valueEnd;
        while (next < line.Length && line[next] is ' ' or '\t') next++;
        var end = next;
        while (end < line.Length && !char.IsWhiteSpace(line[end])) end++;
        if (end == next || next == valueEnd) return false;
        (valueStart, valueEnd) = (next, end);
        return true;
    }

    /// <summary>An unquoted value that is an expression: a variable, a reference, a call, an operator.</summary>
    private static bool StartsLikeCode(ReadOnlySpan<char> value) =>
        value.IsEmpty
        || value[0] is '$' or '&' or '*' or '@' or '!' or '[' or '{' or '(' or '%' or '<' or '`' or '|' or '>' or '\\' or '#' or '=' or '.'
        || (value[0] is '-' or '+' && !IsEncodedRun(value))
        || value.Contains('(') || value.Contains("::", StringComparison.Ordinal) || value.Contains("->", StringComparison.Ordinal)
        || value.Contains("=>", StringComparison.Ordinal) || value.Contains("?.", StringComparison.Ordinal);

    /// <summary>
    /// Base64 or base64url of 20 characters or more with no other character: one in 32 of them starts with '+' or '-',
    /// which is then a sign of the encoding, not an operator or a flag.
    /// </summary>
    private static bool IsEncodedRun(ReadOnlySpan<char> value) =>
        value.Length >= 20 && !value.ContainsAnyExcept(EncodedRunChars);

    private static readonly System.Buffers.SearchValues<char> EncodedRunChars =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_=");

    /// <summary>A template or format string: {0}, {name}, %s, "$var" (in a double-quoted or backtick string).</summary>
    private static bool HasInterpolation(ReadOnlySpan<char> value, char quote)
    {
        var open = value.IndexOf('{');
        if (open >= 0 && value[open..].Contains('}')) return true;
        if (value.Contains("%s", StringComparison.Ordinal) || value.Contains("%d", StringComparison.Ordinal) || value.Contains("%v", StringComparison.Ordinal)) return true;
        if (quote is '"' or '`')
        {
            var dollar = value.IndexOf('$');
            if (dollar >= 0 && dollar + 1 < value.Length && (char.IsAsciiLetter(value[dollar + 1]) || value[dollar + 1] is '_' or '{')) return true;
        }
        return false;
    }

    private static bool IsUuid(ReadOnlySpan<char> value)
    {
        if (value.Length != 36) return false;
        for (var i = 0; i < 36; i++)
        {
            var dash = i is 8 or 13 or 18 or 23;
            if (dash ? value[i] != '-' : !char.IsAsciiHexDigit(value[i])) return false;
        }
        return true;
    }

    // A URL: where a secret is, not the secret. Credentials inside one (scheme://user:password@host) are the URL rules'
    // to judge (url-basic-auth, the connection-string rules), which know a made-up user:password from a real one.
    private static bool IsUrl(ReadOnlySpan<char> value)
    {
        var scheme = value.IndexOf("://", StringComparison.Ordinal);
        if (scheme <= 0 || !char.IsAsciiLetter(value[0])) return false;
        foreach (var c in value[..scheme])
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '.' or '-')) return false;
        return true;
    }
}
