namespace Handoff.Core.Secrets;

/// <summary>
/// Walks unified-diff text line by line (git diff / git log -p / git show) and scans the added lines of
/// each hunk. Hunk bodies are delimited by the counts in their "@@ -a,b +c,d @@" header, so an added
/// line that happens to start with "++" or "commit " is never mistaken for a header.
/// </summary>
internal sealed class DiffStreamScanner(FragmentScanner scanner)
{
    private string _path = "";
    private string? _commit;
    private int _oldRemaining, _newRemaining, _newLine;
    private bool _pathRuleChecked = true;
    private bool _pathAllowed;

    /// <summary>Processes every complete line in buffer[start..end); returns the start of the unfinished last line.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public int Lines(char[] buffer, int start, int end, List<Finding> findings, int maxLine)
    {
        while (start < end)
        {
            var span = buffer.AsSpan(start, end - start);
            var newline = span.IndexOf('\n');
            if (newline < 0)
            {
                if (span.Length < maxLine) return start;
                newline = span.Length; // an absurdly long line: scan what we have
            }
            Line(span[..newline], findings);
            start += Math.Min(newline + 1, span.Length);
        }
        return start;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void Line(ReadOnlySpan<char> line, List<Finding> findings)
    {
        if (!line.IsEmpty && line[^1] == '\r') line = line[..^1];
        if (_oldRemaining > 0 || _newRemaining > 0)
        {
            HunkLine(line, findings);
            return;
        }
        if (line.StartsWith("@@ ")) StartHunk(line);
        else if (line.StartsWith("diff --git ")) NewFile(PathFromDiffGit(line), findings);
        else if (line.StartsWith("+++ ")) PlusPlusPlus(line);
        else if (line.StartsWith("deleted file mode")) _pathRuleChecked = true; // nothing is added
        else if (line.StartsWith("Binary files ") || line.StartsWith("GIT binary patch")) CheckPathRule(findings);
        else if (line.StartsWith("commit ") && line.Length >= 47)
        {
            Flush(findings);
            _commit = line.Slice(7, 40).ToString();
        }
    }

    /// <summary>Call at the end of the stream: a pending path rule (a file with no hunks) is checked.</summary>
    public void Flush(List<Finding> findings)
    {
        if (!_pathRuleChecked) CheckPathRule(findings);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void HunkLine(ReadOnlySpan<char> line, List<Finding> findings)
    {
        var kind = line.IsEmpty ? ' ' : line[0];
        switch (kind)
        {
            case '+':
                if (!_pathRuleChecked) CheckPathRule(findings);
                if (_pathAllowed) { _newLine++; _newRemaining--; break; } // allowlist.paths: content not scanned either
                try
                {
                    scanner.ScanLine(line[1..], _path, _newLine, _commit, findings, false, out _);
                }
                catch (Exception)
                {
                    findings.Add(new Finding(SecretScanner.ScanErrorRuleId, _path, _newLine, $"{_path}:{SecretScanner.ScanErrorRuleId}:{_newLine}", "(line could not be scanned)", _commit));
                }
                _newLine++;
                _newRemaining--;
                break;
            case '-':
                _oldRemaining--;
                break;
            case '\\':
                break;
            default:
                _newLine++;
                _newRemaining--;
                _oldRemaining--;
                break;
        }
        if (_oldRemaining < 0) _oldRemaining = 0;
        if (_newRemaining < 0) _newRemaining = 0;
    }

    private void StartHunk(ReadOnlySpan<char> header)
    {
        // @@ -a[,b] +c[,d] @@
        var rest = header[3..];
        var space = rest.IndexOf(' ');
        if (space < 0 || rest[0] != '-') return;
        ParseRange(rest[1..space], out _, out _oldRemaining);
        rest = rest[(space + 1)..];
        if (rest.IsEmpty || rest[0] != '+') return;
        space = rest.IndexOf(' ');
        ParseRange(space < 0 ? rest[1..] : rest[1..space], out _newLine, out _newRemaining);
        scanner.Reset();
    }

    private static void ParseRange(ReadOnlySpan<char> range, out int start, out int count)
    {
        var comma = range.IndexOf(',');
        start = int.TryParse(comma < 0 ? range : range[..comma], out var s) ? s : 0;
        count = comma < 0 ? 1 : int.TryParse(range[(comma + 1)..], out var c) ? c : 0;
    }

    private void NewFile(string path, List<Finding> findings)
    {
        Flush(findings);
        _path = path;
        _pathAllowed = scanner.Context.Allowlist.AllowsPath(path);
        _pathRuleChecked = false;
    }

    private void PlusPlusPlus(ReadOnlySpan<char> line)
    {
        var target = line[4..].Trim();
        if (target.SequenceEqual("/dev/null")) { _pathRuleChecked = true; return; } // deleted: nothing is added
        var path = StripPrefix(Unquote(target.ToString()));
        if (path != _path) { _path = path; _pathAllowed = scanner.Context.Allowlist.AllowsPath(path); _pathRuleChecked = false; }
    }

    private void CheckPathRule(List<Finding> findings)
    {
        _pathRuleChecked = true;
        var context = scanner.Context;
        if (context.Allowlist.AllowsPath(_path)) return;
        var rule = context.MatchPath(_path, null);
        if (rule is not null) SecretScanner.AddWholeFileFinding(rule, _path, _commit, context, findings);
    }

    private static string PathFromDiffGit(ReadOnlySpan<char> line)
    {
        var rest = line["diff --git ".Length..].ToString();
        var b = rest.LastIndexOf(" b/", StringComparison.Ordinal);
        if (b >= 0) return rest[(b + 3)..].Trim('"');
        var quoted = rest.LastIndexOf(" \"b/", StringComparison.Ordinal);
        return quoted >= 0 ? rest[(quoted + 4)..].TrimEnd('"') : rest;
    }

    private static string Unquote(string path) => path.Length >= 2 && path[0] == '"' && path[^1] == '"' ? path[1..^1] : path;

    private static string StripPrefix(string path) => path.StartsWith("b/", StringComparison.Ordinal) ? path[2..] : path;
}
