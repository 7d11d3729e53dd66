using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace Handoff.Core.Secrets.Archives;

/// <summary>
/// Scans the members of zip (jar, whl, nupkg…), tar and gzip archives, nested ones too, as files: path rules on each
/// member's own name (a .env or id_rsa inside a zip), content rules on its text. Findings name a member as
/// <c>outer.zip!dir/inner.tar!file</c> (a gzip adds no level: <c>a.tar.gz!file</c>). Within the bounds of
/// <see cref="ArchivePolicy"/>; what is left unscanned (a bound reached, a corrupt or encrypted member) is, per the
/// policy, an <see cref="UnscannedRuleId"/> finding (fail closed) or a note.
/// </summary>
internal sealed class ArchiveScanner(FragmentScanner scanner, List<string> notices)
{
    public const string UnscannedRuleId = "archive-unscanned";

    /// <summary>Bytes sniffed to tell an archive, a binary and text apart (git's own binary test looks at 8000).</summary>
    private const int SniffBytes = 8000;

    /// <summary>A zip read from a pipe is buffered (zip needs to seek): in memory up to this size, beyond it in a temp file.</summary>
    private const int InMemoryZipBytes = 16 << 20;

    private ScanContext Context => scanner.Context;
    private ArchivePolicy Policy => Context.Config.Archives;

    /// <summary>Scans <paramref name="content"/> when it is an archive (by its first bytes); does nothing otherwise.</summary>
    public void Scan(Stream content, string path, string? commit, List<Finding> findings)
    {
        if (!Policy.Scan) return;
        var budget = new ArchiveBudget(Policy);
        try
        {
            var (head, length, stream) = PrefixedStream.Sniff(content, ArchiveFormat.MagicBytes);
            if (content.CanSeek) (stream, content.Position) = (content, 0); // a file: zip reads it in place
            var kind = ArchiveFormat.FromMagic(head.AsSpan(0, length));
            // Decompressed bytes are charged as they are produced (zip members, gzip output); a plain tar's as they are read.
            if (kind == ArchiveKind.Tar) stream = new BoundedStream(stream, budget, path);
            if (kind is not null) Archive(kind.Value, stream, path, 1, budget, commit, findings);
        }
        catch (ArchiveLimitException e)
        {
            Unscanned(e.Display, e.Kind, e.Message, commit, findings);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or FormatException or NotSupportedException or IOException)
        {
            Unscanned(path, "unreadable", $"cannot be read: {e.Message}", commit, findings);
        }
    }

    private void Archive(ArchiveKind kind, Stream stream, string display, int depth, ArchiveBudget budget, string? commit, List<Finding> findings)
    {
        switch (kind)
        {
            case ArchiveKind.Zip: Zip(stream, display, depth, budget, commit, findings); break;
            case ArchiveKind.Tar: Tar(stream, display, depth, budget, commit, findings); break;
            case ArchiveKind.Gzip: Gzip(stream, display, depth, budget, commit, findings); break;
        }
    }

    private void Zip(Stream stream, string display, int depth, ArchiveBudget budget, string? commit, List<Finding> findings)
    {
        using var seekable = stream.CanSeek ? null : Buffer(stream, display);
        using var zip = new ZipArchive(seekable ?? stream, ZipArchiveMode.Read, leaveOpen: true);
        foreach (var entry in zip.Entries)
        {
            if (entry.FullName.EndsWith('/')) continue; // a folder
            var member = $"{display}!{entry.FullName}";
            budget.AddMember(member);
            if (entry.IsEncrypted)
            {
                Unscanned(member, "encrypted", "encrypted, so its content cannot be scanned", commit, findings);
                continue;
            }
            var data = Open(entry, member, commit, findings);
            if (data is null) continue;
            var compressed = entry.CompressedLength;
            using (data) Member(new BoundedStream(data, budget, member, () => compressed), entry.FullName, member, depth, budget, commit, findings);
        }
    }

    /// <summary>A zip member's data, or null (and an unscanned finding) when its compression cannot be read.</summary>
    /// <remarks>Not a local assigned in a try in <see cref="Zip"/>: with the catch's <c>continue</c> removed that would not compile, and Stryker would drop every mutant of Zip.</remarks>
    private Stream? Open(ZipArchiveEntry entry, string member, string? commit, List<Finding> findings)
    {
        try
        {
            return entry.Open();
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException)
        {
            Unscanned(member, "unreadable", $"cannot be read: {e.Message}", commit, findings);
            return null;
        }
    }

    private void Tar(Stream stream, string display, int depth, ArchiveBudget budget, string? commit, List<Finding> findings)
    {
        using var reader = new TarReader(stream, leaveOpen: true);
        while (reader.GetNextEntry(copyData: false) is { } entry)
        {
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile) || entry.DataStream is null) continue;
            var member = $"{display}!{entry.Name}";
            budget.AddMember(member);
            Member(entry.DataStream, entry.Name, member, depth, budget, commit, findings); // its bytes are charged by the stream it comes from
        }
    }

    private void Gzip(Stream stream, string display, int depth, ArchiveBudget budget, string? commit, List<Finding> findings)
    {
        var counting = new CountingStream(stream);
        using var gzip = new GZipStream(counting, CompressionMode.Decompress, leaveOpen: true);
        var name = ArchiveFormat.GzipContentName(display[(display.LastIndexOfAny(['/', '!']) + 1)..]);
        Member(new BoundedStream(gzip, budget, display, () => counting.BytesRead), name, display, depth, budget, commit, findings);
    }

    /// <summary>One member: path rules on its name, then its data as a nested archive, a binary (left alone) or text.</summary>
    private void Member(Stream data, string name, string display, int depth, ArchiveBudget budget, string? commit, List<Finding> findings)
    {
        if (Context.Allowlist.AllowsPath(display)) return;
        var pathRule = Context.MatchPath(name, null);
        if (pathRule is not null) SecretScanner.AddWholeFileFinding(pathRule, display, commit, Context, findings);
        var (head, length, stream) = PrefixedStream.Sniff(data, SniffBytes);
        var sniffed = head.AsSpan(0, length);
        if (ArchiveFormat.FromMagic(sniffed) is { } kind)
        {
            if (depth >= Policy.MaxDepth) Unscanned(display, "depth", $"an archive nested more than {Policy.MaxDepth} levels deep", commit, findings);
            else Archive(kind, stream, display, depth + 1, budget, commit, findings);
            return;
        }
        if (sniffed.Contains((byte)0)) return; // binary: its name was checked
        Text(stream, name, display, commit, findings);
    }

    private void Text(Stream stream, string name, string display, string? commit, List<Finding> findings)
    {
        scanner.Reset();
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, 1 << 16, leaveOpen: true);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            try
            {
                scanner.ScanLine(line, display, lineNumber, commit, findings, false, out _, rulePath: name);
            }
            catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
            {
                findings.Add(new Finding(SecretScanner.ScanErrorRuleId, display, lineNumber, $"{display}:{SecretScanner.ScanErrorRuleId}:{lineNumber}", "(line could not be scanned)", commit));
            }
        }
    }

    /// <summary>Copies a zip read from a pipe where it can seek, charging its compressed size against the byte bound.</summary>
    private Stream Buffer(Stream stream, string display)
    {
        var buffer = new MemoryStream();
        var block = new byte[1 << 16];
        Stream target = buffer;
        int n;
        while ((n = stream.Read(block)) > 0)
        {
            if (target.Length + n > Policy.MaxBytes) throw new ArchiveLimitException(display, "bytes", $"more than {Policy.MaxBytes >> 20} MB");
            if (target == buffer && buffer.Length + n > InMemoryZipBytes)
            {
                target = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
                buffer.Position = 0;
                buffer.CopyTo(target);
            }
            target.Write(block, 0, n);
        }
        target.Position = 0;
        return target;
    }

    private void Unscanned(string display, string kind, string reason, string? commit, List<Finding> findings)
    {
        if (Policy.OverLimit == ArchiveOverLimit.Warn)
        {
            notices.Add($"{display}: not fully scanned ({reason}); allowed by \"archives\": {{\"overLimit\": \"warn\"}}");
            return;
        }
        var fingerprint = Fingerprint.Of(display, UnscannedRuleId, kind);
        if (Context.IsIgnored(fingerprint)) return;
        findings.Add(new Finding(UnscannedRuleId, display, 0, fingerprint, $"(archive not fully scanned: {reason})", commit, FindingConfidence.High));
    }
}
