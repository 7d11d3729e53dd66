using Handoff.Core.Secrets.Archives;

namespace Handoff.Core.Secrets;

/// <summary>
/// Walks unified-diff text line by line (git diff / git log -p / git show / diff -u, combined merge diffs too) and
/// scans the added lines of each hunk. Hunk bodies are delimited by the counts in their "@@ -a,b +c,d @@" header, so an
/// added line that happens to start with "++", "diff --git" or "commit " is never mistaken for a header.
/// Fails closed: a diff whose structure does not add up is still scanned line by line. A hunk that runs past its counts
/// goes on (its lines keep their numbers), one cut short ends at the next header, and any other line that is not diff
/// syntax is scanned as added text. The first such break in each file yields a <see cref="MalformedRuleId"/> finding.
/// Commit headers and messages (git log) are not scanned.
/// </summary>
internal sealed class DiffStreamScanner(FragmentScanner scanner, Action<ArchiveBlob>? onArchive = null)
{
    public const string MalformedRuleId = "malformed-diff";

    private enum Where { Preamble, CommitHeader, FileHeader, Hunk, AfterHunk, BinaryData }

    private Where _where = Where.Preamble;
    private string _path = "";
    private string? _commit;
    private string? _newBlob;
    private string _hunkHeader = "";
    private int _oldRemaining, _newRemaining, _newLine;
    private int[]? _parentsRemaining; // combined diffs: one old count per parent
    private bool _pathRuleChecked = true;
    private bool _pathAllowed;
    private bool _pendingMinus; // a "--- " line after a hunk: the next file's header or a removed line, told by the next line
    private bool _malformedReported;
    private long _inputLine;

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
        _inputLine++;
        if (!line.IsEmpty && line[^1] == '\r') line = line[..^1];
        if (_where == Where.Hunk)
        {
            if (_parentsRemaining is null ? HunkLine(line, findings) : CombinedLine(line, findings)) return;
            Malformed(findings, $"hunk \"{_hunkHeader}\" ends at input line {_inputLine}, short of the lines its header counts");
            _where = Where.AfterHunk;
        }
        OutsideHunk(line, findings);
    }

    /// <summary>Call at the end of the stream: a pending path rule (a file with no hunks) is checked, a cut-off hunk reported.</summary>
    public void Flush(List<Finding> findings)
    {
        if (_where == Where.Hunk && (_newRemaining > 0 || _oldRemaining > 0))
            Malformed(findings, $"the diff ends inside a hunk, short of the lines \"{_hunkHeader}\" counts (truncated?)");
        if (!_pathRuleChecked) CheckPathRule(findings);
    }

    /// <returns>False when the line cannot belong to a hunk (it is the next header: the hunk was cut short).</returns>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private bool HunkLine(ReadOnlySpan<char> line, List<Finding> findings)
    {
        switch (line.IsEmpty ? ' ' : line[0])
        {
            case '+':
                Added(line[1..], findings);
                _newRemaining--;
                break;
            case '-':
                _oldRemaining--;
                break;
            case ' ':
                _newLine++;
                _newRemaining--;
                _oldRemaining--;
                break;
            case '\\':
                return true;
            default:
                return false;
        }
        if (_newRemaining <= 0 && _oldRemaining <= 0) EndHunk(findings);
        return true;
    }

    /// <summary>A line of a combined diff (diff --cc): one column per parent, then the text.</summary>
    private bool CombinedLine(ReadOnlySpan<char> line, List<Finding> findings)
    {
        var parents = _parentsRemaining!;
        if (!line.IsEmpty && line[0] == '\\') return true;
        var columns = line.Length < parents.Length ? line : line[..parents.Length];
        if (columns.ContainsAnyExcept(" +-")) return false;
        var removed = columns.Contains('-');
        for (var i = 0; i < parents.Length; i++)
        {
            var column = i < columns.Length ? columns[i] : ' ';
            if (removed ? column == '-' : column == ' ') parents[i]--;
        }
        if (!removed)
        {
            if (columns.Contains('+')) Added(line[columns.Length..], findings);
            else _newLine++;
            _newRemaining--;
        }
        _oldRemaining = parents.Max();
        if (_newRemaining <= 0 && _oldRemaining <= 0) EndHunk(findings);
        return true;
    }

    private void EndHunk(List<Finding> findings)
    {
        _where = Where.AfterHunk;
        if (_newRemaining < 0 || _oldRemaining < 0)
            Malformed(findings, $"hunk \"{_hunkHeader}\" has more lines than its header counts");
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void Added(ReadOnlySpan<char> text, List<Finding> findings)
    {
        if (!_pathRuleChecked) CheckPathRule(findings);
        if (!_pathAllowed) // allowlist.paths: content not scanned either
        {
            try
            {
                scanner.ScanLine(text, _path, _newLine, _commit, findings, false, out _);
            }
            catch (Exception)
            {
                findings.Add(new Finding(SecretScanner.ScanErrorRuleId, _path, _newLine, $"{_path}:{SecretScanner.ScanErrorRuleId}:{_newLine}", "(line could not be scanned)", _commit));
            }
        }
        _newLine++;
    }

    private void OutsideHunk(ReadOnlySpan<char> line, List<Finding> findings)
    {
        if (_pendingMinus)
        {
            _pendingMinus = false;
            if (line.StartsWith("+++ ")) { _where = Where.FileHeader; PlusPlusPlus(line); return; }
            Malformed(findings, $"a removed line at input line {_inputLine - 1} follows hunk \"{_hunkHeader}\" beyond its count");
        }
        if (line.StartsWith("@@")) StartHunk(line, findings);
        else if (line.StartsWith("diff --git ")) NewFile(DiffHeaders.PathFromDiffGit(line), findings);
        else if (line.StartsWith("diff --cc ") || line.StartsWith("diff --combined ")) NewFile(DiffHeaders.Unquote(line[(line[5..].IndexOf(' ') + 6)..].ToString()), findings);
        else if (DiffHeaders.CommitSha(line) is { } sha) NewCommit(sha, findings);
        else if (_where == Where.AfterHunk) AfterHunk(line, findings);
        else if (_where == Where.BinaryData && DiffHeaders.IsBinaryPatchLine(line)) { }
        else if (_where is Where.FileHeader or Where.BinaryData) FileHeader(line, findings);
        else if (line.StartsWith("--- ")) _where = Where.FileHeader; // plain diff -u: the old file's name
        else if (line.StartsWith("+")) Unplaced(line[1..], findings, report: false); // a hunk line with no header above it
        // else: a commit header or message, or text before the diff
    }

    private void AfterHunk(ReadOnlySpan<char> line, List<Finding> findings)
    {
        if (line.IsEmpty || line[0] == '\\' || line.StartsWith("Only in ")) return;
        if (line.SequenceEqual("-- ")) { _where = Where.Preamble; return; } // git format-patch signature
        if (line.StartsWith("--- ")) { _pendingMinus = true; return; }
        if (line.StartsWith("diff ")) { _where = Where.FileHeader; return; } // diff -r: "diff -u a/x b/x"
        switch (line[0])
        {
            case '+':
                Malformed(findings, $"hunk \"{_hunkHeader}\" goes on past its header's count at input line {_inputLine}");
                Added(line[1..], findings);
                break;
            case ' ':
                Malformed(findings, $"hunk \"{_hunkHeader}\" goes on past its header's count at input line {_inputLine}");
                _newLine++;
                break;
            case '-':
                Malformed(findings, $"hunk \"{_hunkHeader}\" goes on past its header's count at input line {_inputLine}");
                break;
            default:
                Unplaced(line, findings, report: true);
                break;
        }
    }

    private void FileHeader(ReadOnlySpan<char> line, List<Finding> findings)
    {
        _where = Where.FileHeader;
        if (line.StartsWith("+++ ")) PlusPlusPlus(line);
        else if (line.StartsWith("index ")) _newBlob = DiffHeaders.NewBlob(line);
        else if (line.StartsWith("deleted file mode")) _pathRuleChecked = true; // nothing is added
        else if (line.StartsWith("Binary files ")) BinaryFile(findings);
        else if (line.StartsWith("GIT binary patch")) { BinaryFile(findings); _where = Where.BinaryData; }
        else if (line.StartsWith("+")) Unplaced(line[1..], findings, report: true); // an added line with no hunk header
        else if (!DiffHeaders.IsExtendedHeader(line)) Unplaced(line, findings, report: false); // a header we do not know: scanned all the same
    }

    /// <summary>A line the parser cannot place: scanned as if added at the current position of the current file.</summary>
    private void Unplaced(ReadOnlySpan<char> text, List<Finding> findings, bool report)
    {
        if (report) Malformed(findings, $"input line {_inputLine} is not diff syntax; scanned as added text");
        var line = Math.Max(_newLine, 1); // before any hunk: line 1, never 0 (a whole-file finding's line)
        _newLine = line;
        Added(text, findings);
        _newLine = line;
    }

    private void StartHunk(ReadOnlySpan<char> header, List<Finding> findings)
    {
        if (!DiffHeaders.TryParseHunk(header, out var oldCounts, out var newStart, out var newCount))
        {
            Unplaced(header, findings, report: true);
            return;
        }
        _hunkHeader = header.ToString();
        _parentsRemaining = oldCounts.Length > 1 ? oldCounts : null;
        _oldRemaining = oldCounts.Max();
        _newLine = newStart;
        _newRemaining = newCount;
        _where = _newRemaining > 0 || _oldRemaining > 0 ? Where.Hunk : Where.AfterHunk;
        scanner.Reset();
    }

    private void Malformed(List<Finding> findings, string what)
    {
        if (_malformedReported) return;
        _malformedReported = true;
        var path = _path.Length > 0 ? _path : "(diff)";
        var fingerprint = Fingerprint.Of(path, MalformedRuleId, what);
        if (scanner.Context.IsIgnored(fingerprint)) return;
        findings.Add(new Finding(MalformedRuleId, path, Math.Max(_newLine, 1), fingerprint,
            $"(malformed diff: {what}; every line was scanned, but line numbers may be off)", _commit, FindingConfidence.High));
    }

    private void NewCommit(string sha, List<Finding> findings)
    {
        Flush(findings);
        _commit = sha;
        _where = Where.CommitHeader;
        _path = "";
        _pathRuleChecked = true;
        _malformedReported = false;
    }

    private void NewFile(string path, List<Finding> findings)
    {
        Flush(findings);
        _where = Where.FileHeader;
        _path = path;
        _newBlob = null;
        _pathAllowed = scanner.Context.Allowlist.AllowsPath(path);
        _pathRuleChecked = false;
        _malformedReported = false;
    }

    private void PlusPlusPlus(ReadOnlySpan<char> line)
    {
        var target = line[4..];
        var tab = target.IndexOf('\t'); // diff -u: "+++ name<TAB>timestamp"
        if (tab >= 0) target = target[..tab];
        target = target.Trim();
        if (target.SequenceEqual("/dev/null")) { _pathRuleChecked = true; return; } // deleted: nothing is added
        var path = DiffHeaders.StripPrefix(DiffHeaders.Unquote(target.ToString()));
        if (path == _path) return;
        _path = path;
        _pathAllowed = scanner.Context.Allowlist.AllowsPath(path);
        _pathRuleChecked = false;
        _malformedReported = false;
    }

    private void BinaryFile(List<Finding> findings)
    {
        CheckPathRule(findings);
        if (onArchive is not null && !_pathAllowed && _newBlob is not null && ArchiveFormat.FromName(_path) is not null)
            onArchive(new ArchiveBlob(_path, _newBlob, _commit));
    }

    private void CheckPathRule(List<Finding> findings)
    {
        _pathRuleChecked = true;
        var context = scanner.Context;
        if (context.Allowlist.AllowsPath(_path)) return;
        var rule = context.MatchPath(_path, null);
        if (rule is not null) SecretScanner.AddWholeFileFinding(rule, _path, _commit, context, findings);
    }
}

/// <summary>A binary file of a diff that is an archive, by its new blob id (git diff --full-index), to be scanned from git.</summary>
public sealed record ArchiveBlob(string Path, string BlobId, string? Commit);
