using Handoff.Core.Abstractions;
using Handoff.Core.Secrets;

namespace Handoff.Core.Hooks;

/// <summary>
/// Scans the archives (zip, jar, whl, tar, tgz…) that a diff adds or changes: git shows them only as "Binary files
/// differ", so each blob is streamed from the user's git (<c>git cat-file blob</c>) into
/// <see cref="SecretScanner.ScanArchive"/>. A blob shared by several commits is scanned once, for the first of them.
/// </summary>
public sealed class GitArchiveScan(IProcessRunner processes, SecretScanner scanner, string workDir)
{
    private readonly List<ArchiveBlob> _blobs = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    /// <summary>Pass to <see cref="SecretScanner.ScanDiff"/> to collect the archives of a diff.</summary>
    public void Add(ArchiveBlob blob)
    {
        if (_seen.Add(blob.BlobId)) _blobs.Add(blob);
    }

    /// <exception cref="HandoffException">git cannot read a blob (exit 1).</exception>
    public async Task<IReadOnlyList<Finding>> Scan(CancellationToken cancellationToken = default)
    {
        var findings = new List<Finding>();
        foreach (var blob in _blobs)
        {
            var result = await processes.RunBinaryStreaming("git", ["cat-file", "blob", blob.BlobId], workDir,
                content => findings.AddRange(scanner.ScanArchive(content, blob.Path, blob.Commit)), null, cancellationToken);
            if (result.ExitCode != 0)
                throw new HandoffException($"git cat-file failed for {blob.Path}: {PushedCommits.FirstLine(result.StandardError)}", ExitCodes.Error);
        }
        _blobs.Clear();
        return findings;
    }
}
