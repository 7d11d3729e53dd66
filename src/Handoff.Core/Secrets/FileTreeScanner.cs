using Handoff.Core.Secrets.Archives;

namespace Handoff.Core.Secrets;

/// <summary>
/// Scans files and folders whole (the <c>scan PATH…</c> mode): walks folders (skipping .git), applies the path rules
/// to every file, the content rules to every text file and to the members of archives, and reports paths relative to a root.
/// </summary>
/// <param name="notices">receives the notes of archive parts left unscanned that the repository's policy lets through</param>
internal sealed class FileTreeScanner(ScanContext context, List<string> notices)
{
    /// <exception cref="HandoffException">a path does not exist (exit 5).</exception>
    public IReadOnlyList<Finding> Scan(IEnumerable<string> paths, string root)
    {
        var scanner = new FragmentScanner(context);
        var archives = new ArchiveScanner(scanner, notices);
        var findings = new List<Finding>();
        foreach (var given in paths)
        {
            var full = Path.GetFullPath(given, root);
            if (Directory.Exists(full))
            {
                foreach (var file in Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    if (!file.Replace('\\', '/').Contains("/.git/", StringComparison.Ordinal)) ScanFile(file, root, scanner, archives, findings);
                }
            }
            else if (File.Exists(full)) ScanFile(full, root, scanner, archives, findings);
            else throw new HandoffException($"no such file or directory: {given}", ExitCodes.NotFound);
        }
        return findings;
    }

    private void ScanFile(string full, string root, FragmentScanner scanner, ArchiveScanner archives, List<Finding> findings)
    {
        var path = Path.GetRelativePath(root, full).Replace('\\', '/');
        if (context.Allowlist.AllowsPath(path)) return;
        var binary = IsBinary(full);
        // An empty file holds no secret, whatever its name (an empty .env, a keystore placeholder).
        var pathRule = new FileInfo(full).Length == 0 ? null
            : context.MatchPath(path, binary ? () => File.ReadAllText(full, System.Text.Encoding.Latin1) : () => File.ReadAllText(full));
        if (pathRule is not null) SecretScanner.AddWholeFileFinding(pathRule, path, null, context, findings);
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
                findings.Add(new Finding(SecretScanner.ScanErrorRuleId, path, lineNumber, $"{path}:{SecretScanner.ScanErrorRuleId}:{lineNumber}", "(line could not be scanned)"));
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
}
