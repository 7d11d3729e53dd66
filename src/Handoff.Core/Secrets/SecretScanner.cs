using Handoff.Core.Inspection;
using Handoff.Core.Secrets.Archives;

namespace Handoff.Core.Secrets;

/// <summary>
/// The secret scanner: filters a <see cref="RepoSnapshot"/> before it leaves the machine, redacts free text,
/// and scans unified-diff streams and files (for the <c>scan</c> command and the pre-push hook).
/// Fails closed: a hunk whose scan throws or times out is withheld with rule <see cref="ScanErrorRuleId"/>.
/// Not thread-safe; use one instance per thread.
/// </summary>
public sealed class SecretScanner : ISecretScanner
{
    public const string ScanErrorRuleId = "scan-error";

    private readonly ISecretConfigLoader? _loader;
    private readonly Dictionary<string, ScanContext> _byRoot = new(StringComparer.Ordinal);
    private ScanContext _current;
    private readonly List<string> _notices = [];

    /// <summary>Built-in rules; each repository's config and ignore file are read from its root when it is first scanned.</summary>
    public SecretScanner() : this(new FileSecretConfigLoader())
    {
    }

    /// <param name="loader">reads a repository's config (Filter loads the snapshot's; ScanFiles the given root's).</param>
    /// <param name="repoRoot">when set, its config is loaded now and used by <see cref="Redact"/> and <see cref="ScanDiff"/>.</param>
    public SecretScanner(ISecretConfigLoader loader, string? repoRoot = null)
    {
        _loader = loader;
        _current = ScanContext.For(SecretScanConfig.Default);
        if (repoRoot is not null) _current = ContextFor(repoRoot);
    }

    /// <summary>A scanner with a fixed config (no files are read).</summary>
    public SecretScanner(SecretScanConfig config)
    {
        _current = ScanContext.For(config);
    }

    /// <summary>Notes for the user's stderr: parts of archives left unscanned that the repository's policy lets through.</summary>
    public IReadOnlyList<string> Notices => _notices;

    /// <summary>Built-in content rules followed by the active config's extra rules, minus disabled ones.</summary>
    public IReadOnlyList<SecretRule> ActiveRules => _current.Rules.Rules.Select(r => r.Rule).ToList();

    public FilteredChanges Filter(RepoSnapshot snapshot, SecretMode mode)
    {
        var context = _current = ContextFor(snapshot.WorkingDirectory);
        var findings = new List<Finding>();
        var withheld = new List<WithheldItem>();
        var scanner = new FragmentScanner(context);
        var working = FilterFiles(snapshot.WorkingChanges, null, mode, scanner, findings, withheld);
        var commits = snapshot.UnpushedCommits
            .Select(c => c with { Files = FilterFiles(c.Files, c.Sha, mode, scanner, findings, withheld) })
            .ToList();
        return new FilteredChanges(working, commits, findings, withheld);
    }

    public RedactedText Redact(string label, string text)
    {
        var findings = new List<Finding>();
        var scanner = new FragmentScanner(_current);
        var output = new System.Text.StringBuilder(text.Length);
        var lineNumber = 0;
        var pos = 0;
        while (pos <= text.Length)
        {
            var newline = text.IndexOf('\n', pos);
            var end = newline < 0 ? text.Length : newline;
            var lineEnd = end > pos && text[end - 1] == '\r' ? end - 1 : end;
            lineNumber++;
            var line = text.AsSpan(pos, lineEnd - pos);
            try
            {
                output.Append(scanner.ScanLine(line, label, lineNumber, null, findings, true, out var redacted) ? redacted : line);
            }
            catch (Exception)
            {
                // Fail closed: a line we could not scan is not passed on.
                findings.Add(new Finding(ScanErrorRuleId, label, lineNumber, $"{label}:{ScanErrorRuleId}:{lineNumber}", "(line could not be scanned)"));
                output.Append($"[REDACTED:{ScanErrorRuleId}]");
            }
            output.Append(text, lineEnd, end - lineEnd);
            if (newline < 0) break;
            output.Append('\n');
            pos = newline + 1;
        }
        return new RedactedText(output.ToString(), findings);
    }

    /// <summary>
    /// Scans unified-diff text as a stream (git diff, git log -p, git show): the added lines of each hunk with
    /// their new-file line numbers; "commit &lt;sha&gt;" lines set <see cref="Finding.Commit"/>; files that are
    /// secrets by name alone (.env, id_rsa, *.p12 ...) yield a whole-file finding (line 0).
    /// Memory stays flat: the text is read in blocks and lines are scanned as spans.
    /// </summary>
    /// <param name="onArchive">told of each archive file (zip, jar, tar, gz…) the diff adds or changes, by blob id (git diff --full-index).</param>
    public IEnumerable<Finding> ScanDiff(TextReader diff, Action<ArchiveBlob>? onArchive = null)
    {
        var parser = new DiffStreamScanner(new FragmentScanner(_current), onArchive);
        var buffer = new char[1 << 16];
        int start = 0, end = 0;
        var findings = new List<Finding>();
        var pacer = new GarbagePacer();
        while (true)
        {
            pacer.Tick();
            if (start > 0)
            {
                Array.Copy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
            }
            if (end == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
            var read = diff.Read(buffer, end, buffer.Length - end);
            if (read == 0)
            {
                if (end > start) parser.Line(buffer.AsSpan(start, end - start), findings);
                parser.Flush(findings);
                foreach (var f in findings) yield return f;
                yield break;
            }
            end += read;
            start = parser.Lines(buffer, start, end, findings, maxLine: 1 << 22);
            foreach (var f in findings) yield return f;
            findings.Clear();
        }
    }

    /// <summary>Scans the members of an archive (zip, jar, tar, gz…; told by its first bytes) that is the content of <paramref name="path"/>.</summary>
    public IReadOnlyList<Finding> ScanArchive(Stream content, string path, string? commit = null)
    {
        var findings = new List<Finding>();
        new ArchiveScanner(new FragmentScanner(_current), _notices).Scan(content, path, commit, findings);
        return findings;
    }

    /// <summary>Scans text as the content of <paramref name="path"/> (content rules only; path rules are not applied).</summary>
    public IReadOnlyList<Finding> ScanText(string path, string text)
    {
        var findings = new List<Finding>();
        var scanner = new FragmentScanner(_current);
        var lineNumber = 0;
        foreach (var line in text.Split('\n'))
        {
            lineNumber++;
            scanner.ScanLine(line.AsSpan().TrimEnd('\r'), path, lineNumber, null, findings, false, out _);
        }
        return findings;
    }

    /// <summary>
    /// Scans files or directories (recursively, skipping .git) under <paramref name="repoRoot"/>, whose config is used.
    /// Binary files are checked by path rules only.
    /// </summary>
    /// <exception cref="HandoffException">a path does not exist (exit 5) or the config is invalid (exit 4).</exception>
    public IReadOnlyList<Finding> ScanFiles(IEnumerable<string> paths, string repoRoot)
    {
        var context = _current = ContextFor(repoRoot);
        var scanner = new FragmentScanner(context);
        var archives = new ArchiveScanner(scanner, _notices);
        var findings = new List<Finding>();
        foreach (var given in paths)
        {
            var full = Path.GetFullPath(given, repoRoot);
            if (Directory.Exists(full))
            {
                foreach (var file in Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    if (!file.Replace('\\', '/').Contains("/.git/", StringComparison.Ordinal)) ScanFile(file, repoRoot, scanner, archives, findings);
                }
            }
            else if (File.Exists(full)) ScanFile(full, repoRoot, scanner, archives, findings);
            else throw new HandoffException($"no such file or directory: {given}", ExitCodes.NotFound);
        }
        return findings;
    }

    private static void ScanFile(string full, string repoRoot, FragmentScanner scanner, ArchiveScanner archives, List<Finding> findings)
    {
        var path = Path.GetRelativePath(repoRoot, full).Replace('\\', '/');
        var context = scanner.Context;
        if (context.Allowlist.AllowsPath(path)) return;
        var binary = IsBinary(full);
        var pathRule = context.MatchPath(path, binary ? () => File.ReadAllText(full, System.Text.Encoding.Latin1) : () => File.ReadAllText(full));
        if (pathRule is not null) AddWholeFileFinding(pathRule, path, null, context, findings);
        if (binary)
        {
            using var content = File.OpenRead(full);
            archives.Scan(content, path, null, findings);
            return;
        }
        scanner.Reset();
        using var reader = new StreamReader(full);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            try
            {
                scanner.ScanLine(line, path, lineNumber, null, findings, false, out _);
            }
            catch (Exception)
            {
                findings.Add(new Finding(ScanErrorRuleId, path, lineNumber, $"{path}:{ScanErrorRuleId}:{lineNumber}", "(line could not be scanned)"));
            }
        }
    }

    private static bool IsBinary(string file)
    {
        using var stream = File.OpenRead(file);
        var buffer = new byte[8000];
        var n = stream.Read(buffer, 0, buffer.Length);
        return Array.IndexOf(buffer, (byte)0, 0, n) >= 0;
    }

    internal static bool AddWholeFileFinding(CompiledPathRule rule, string path, string? commit, ScanContext context, List<Finding> findings)
    {
        var fingerprint = Fingerprint.Of(path, rule.Rule.Id, path);
        if (context.IsIgnored(fingerprint)) return false;
        findings.Add(new Finding(rule.Rule.Id, path, 0, fingerprint, $"(whole file: {rule.Rule.Description})", commit, FindingConfidence.High));
        return true;
    }

    private ScanContext ContextFor(string repoRoot)
    {
        if (_loader is null) return _current;
        if (!_byRoot.TryGetValue(repoRoot, out var context))
            _byRoot[repoRoot] = context = ScanContext.For(_loader.Load(repoRoot));
        return context;
    }

    private static List<FileChange> FilterFiles(IReadOnlyList<FileChange> files, string? commit, SecretMode mode, FragmentScanner scanner,
        List<Finding> findings, List<WithheldItem> withheld)
    {
        var context = scanner.Context;
        var kept = new List<FileChange>(files.Count);
        foreach (var file in files)
        {
            if (file.Kind == ChangeKind.Deleted || context.Allowlist.AllowsPath(file.Path))
            {
                kept.Add(file);
                continue;
            }
            var pathRule = context.MatchPath(file.Path, () => AddedText(file));
            if (pathRule is not null && AddWholeFileFinding(pathRule, file.Path, commit, context, findings))
            {
                foreach (var hunk in file.Hunks) TryScanHunk(hunk, file.Path, commit, scanner, findings, false, out _);
                withheld.Add(new WithheldItem(file.Path, null, null, [pathRule.Rule.Id], commit, WholeFile: true));
                continue;
            }
            var hunks = new List<DiffHunk>(file.Hunks.Count);
            foreach (var hunk in file.Hunks)
            {
                var before = findings.Count;
                var ok = TryScanHunk(hunk, file.Path, commit, scanner, findings, mode == SecretMode.Redact, out var redacted);
                if (ok && findings.Count == before)
                {
                    hunks.Add(hunk);
                }
                else if (ok && mode == SecretMode.Redact)
                {
                    hunks.Add(redacted!);
                }
                else
                {
                    var rules = findings.Skip(before).Select(f => f.RuleId).Distinct().ToList();
                    withheld.Add(new WithheldItem(file.Path, hunk.NewStart, LastNewLine(hunk), rules, commit));
                }
            }
            if (hunks.Count > 0 || file.Hunks.Count == 0) kept.Add(hunks.Count == file.Hunks.Count && hunks.SequenceEqual(file.Hunks) ? file : file with { Hunks = hunks });
        }
        return kept;
    }

    /// <returns>False when the hunk could not be scanned (a scan-error finding was added).</returns>
    private static bool TryScanHunk(DiffHunk hunk, string path, string? commit, FragmentScanner scanner, List<Finding> findings, bool redact, out DiffHunk? redacted)
    {
        redacted = null;
        scanner.Reset();
        var line = hunk.NewStart;
        string[]? lines = null;
        try
        {
            for (var i = 0; i < hunk.Lines.Count; i++)
            {
                var text = hunk.Lines[i];
                if (text.Length == 0 || text[0] == ' ') { line++; continue; }
                if (text[0] != '+') continue;
                if (scanner.ScanLine(text.AsSpan(1), path, line, commit, findings, redact, out var replaced) && redact)
                {
                    lines ??= hunk.Lines.ToArray();
                    lines[i] = "+" + replaced;
                }
                line++;
            }
        }
        catch (Exception)
        {
            findings.Add(new Finding(ScanErrorRuleId, path, line, $"{path}:{ScanErrorRuleId}:{hunk.NewStart}", "(hunk could not be scanned)", commit));
            return false;
        }
        if (redact) redacted = lines is null ? hunk : hunk with { Lines = lines };
        return true;
    }

    private static int LastNewLine(DiffHunk hunk)
    {
        var count = hunk.Lines.Count(l => l.Length == 0 || l[0] is '+' or ' ');
        return Math.Max(hunk.NewStart, hunk.NewStart + count - 1);
    }

    private static string AddedText(FileChange file) =>
        string.Join('\n', file.Hunks.SelectMany(h => h.AddedLines()).Select(l => l.Text));
}
