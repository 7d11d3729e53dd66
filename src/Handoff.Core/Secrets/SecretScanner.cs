using Handoff.Core.Inspection;
using Handoff.Core.Secrets.Archives;

namespace Handoff.Core.Secrets;

/// <summary>
/// The secret scanner of one repository (or of a fixed config): filters a <see cref="RepoSnapshot"/> before it leaves
/// the machine, redacts free text, and scans unified-diff streams and files (for the <c>scan</c> command and the
/// pre-push hook). Its config (the repository's <c>.devin-handoff/secrets.json</c> and ignore file) is read once, when
/// it is made, so every method sees the same rules whatever the order they are called in.
/// Fails closed: a hunk whose scan throws or times out is withheld with rule <see cref="ScanErrorRuleId"/>.
/// Not thread-safe; use one instance per thread.
/// </summary>
public sealed class SecretScanner : ISecretScanner
{
    public const string ScanErrorRuleId = "scan-error";

    private readonly ScanContext _context;
    private readonly List<string> _notices = [];

    /// <summary>The scanner of the repository at <paramref name="repoRoot"/>: built-in rules plus its config and ignore file.</summary>
    /// <exception cref="HandoffException">the repository's config is invalid (exit 4).</exception>
    public SecretScanner(string repoRoot) : this(new FileSecretConfigLoader(), repoRoot)
    {
    }

    /// <param name="loader">reads the repository's config</param>
    /// <param name="repoRoot">the repository whose config is loaded; null outside a repository (built-in rules only)</param>
    /// <exception cref="HandoffException">the repository's config is invalid (exit 4).</exception>
    public SecretScanner(ISecretConfigLoader loader, string? repoRoot)
        : this(repoRoot is null ? SecretScanConfig.Default : loader.Load(repoRoot))
    {
    }

    /// <summary>A scanner with a fixed config (no files are read).</summary>
    public SecretScanner(SecretScanConfig config)
    {
        _context = ScanContext.For(config);
    }

    /// <summary>Notes for the user's stderr: parts of archives left unscanned that the repository's policy lets through.</summary>
    public IReadOnlyList<string> Notices => _notices;

    /// <summary>Built-in content rules followed by the config's extra rules, minus disabled ones.</summary>
    public IReadOnlyList<SecretRule> ActiveRules => _context.Rules.Rules.Select(r => r.Rule).ToList();

    /// <summary>Filters working changes and unpushed commits with this scanner's config.</summary>
    public FilteredChanges Filter(RepoSnapshot snapshot, SecretMode mode) => SnapshotFilter.Filter(snapshot, mode, _context);

    /// <summary>
    /// Redacts free text. The lines of a diff in it (a prompt's uncommitted diff or patches, after "diff --git a/X b/X")
    /// are judged as lines of X, as the hunk scan judged them, so this pass never rewrites code that scan let through.
    /// </summary>
    public RedactedText Redact(string label, string text)
    {
        var findings = new List<Finding>();
        var scanner = new FragmentScanner(_context);
        var output = new System.Text.StringBuilder(text.Length);
        var lineNumber = 0;
        var pos = 0;
        string? diffPath = null;
        while (pos <= text.Length)
        {
            var newline = text.IndexOf('\n', pos);
            var end = newline < 0 ? text.Length : newline;
            var lineEnd = end > pos && text[end - 1] == '\r' ? end - 1 : end;
            lineNumber++;
            var line = text.AsSpan(pos, lineEnd - pos);
            diffPath = PromptDiff.PathAfter(line, diffPath);
            var prefix = diffPath is not null && PromptDiff.IsHunkLine(line) ? 1 : 0;
            try
            {
                output.Append(line[..prefix]);
                output.Append(scanner.ScanLine(line[prefix..], label, lineNumber, null, findings, true, out var redacted, diffPath) ? redacted : line[prefix..]);
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
        var parser = new DiffStreamScanner(new FragmentScanner(_context), onArchive);
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
        new ArchiveScanner(new FragmentScanner(_context), _notices).Scan(content, path, commit, findings);
        return findings;
    }

    /// <summary>Scans text as the content of <paramref name="path"/> (content rules only; path rules are not applied).</summary>
    public IReadOnlyList<Finding> ScanText(string path, string text)
    {
        var findings = new List<Finding>();
        var scanner = new FragmentScanner(_context);
        var lineNumber = 0;
        foreach (var line in text.Split('\n'))
        {
            lineNumber++;
            scanner.ScanLine(line.AsSpan().TrimEnd('\r'), path, lineNumber, null, findings, false, out _);
        }
        return findings;
    }

    /// <summary>
    /// Scans files or directories (recursively, skipping .git) with this scanner's config; paths are resolved against and
    /// reported relative to <paramref name="root"/>. Binary files are checked by path rules only.
    /// </summary>
    /// <exception cref="HandoffException">a path does not exist (exit 5).</exception>
    public IReadOnlyList<Finding> ScanFiles(IEnumerable<string> paths, string root) => new FileTreeScanner(_context, _notices).Scan(paths, root);

    internal static bool AddWholeFileFinding(CompiledPathRule rule, string path, string? commit, ScanContext context, List<Finding> findings)
    {
        var fingerprint = Fingerprint.Of(path, rule.Rule.Id, path);
        if (context.IsIgnored(fingerprint)) return false;
        findings.Add(new Finding(rule.Rule.Id, path, 0, fingerprint, $"(whole file: {rule.Rule.Description})", commit, FindingConfidence.High));
        return true;
    }
}
