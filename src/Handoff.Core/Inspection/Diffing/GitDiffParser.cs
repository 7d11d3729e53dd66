using System.Text;

namespace Handoff.Core.Inspection.Diffing;

/// <summary>What git's <c>--patch-with-raw -z</c> output is made of.</summary>
internal abstract record DiffRecord;

/// <summary>diff-tree's line naming the commit whose diff follows.</summary>
internal sealed record CommitRecord(string Sha) : DiffRecord;

/// <summary>
/// One raw entry (":old-mode new-mode old-id new-id status" and its path or paths), with the paths exactly as
/// stored (-z: never quoted). A new id of all zeros means "the working tree file, not hashed".
/// </summary>
internal sealed record RawEntry(string OldMode, string NewMode, string OldId, string NewId, char Status, string Path, string? OldPath) : DiffRecord;

/// <summary>One hunk as bytes: its "@@" header and its lines (each without '\n').</summary>
internal sealed record RawHunk(byte[] Header, List<byte[]> Lines, int OldStart, int NewStart);

/// <summary>One "diff --git" section: its header lines (mode, rename, index, ---/+++, Binary files ...) and hunks.</summary>
internal sealed record PatchSection(List<byte[]> HeaderLines, List<RawHunk> Hunks) : DiffRecord
{
    public bool IsBinary => HeaderLines.Any(l => l.AsSpan().StartsWith("Binary files "u8));

    /// <summary>Bytes of the section's text, line terminators included.</summary>
    public long Bytes => HeaderLines.Sum(l => l.Length + 1L) + Hunks.Sum(h => h.Header.Length + 1L + h.Lines.Sum(l => l.Length + 1L));
}

/// <summary>
/// Reads the output of <c>git diff-index/diff-tree --patch-with-raw -z</c> as records, while git writes it.
/// Under -z the raw part is NUL-separated and the patch part is lines. Hunk bodies are read by the counts of
/// their "@@ -a,b +c,d @@" header, so a content line that looks like a header ("diff --git", "@@", 40 hex digits)
/// is never taken for one.
/// </summary>
internal static class GitDiffParser
{
    private enum Part { Raw, Patch }

    public static IEnumerable<DiffRecord> Parse(Stream stream)
    {
        var reader = new ByteReader(stream);
        var part = Part.Raw;
        PatchSection? section = null;
        while (!reader.AtEnd)
        {
            if (part == Part.Patch && reader.NextIsObjectIdAndNul())
            {
                if (section is not null) yield return section;
                section = null;
                part = Part.Raw;
            }
            if (part == Part.Raw)
            {
                var next = reader.Peek();
                if (next == ':')
                {
                    if (ReadRawEntry(reader) is { } entry) yield return entry;
                    continue;
                }
                if (next == 0) { reader.ReadUntil(0); part = Part.Patch; continue; }
                if (reader.NextIsObjectIdAndNul())
                {
                    yield return new CommitRecord(Encoding.ASCII.GetString(reader.ReadUntil(0)!));
                    continue;
                }
                part = Part.Patch;
            }

            var line = reader.ReadUntil((byte)'\n')!;
            if (line.AsSpan().StartsWith("diff --git "u8))
            {
                if (section is not null) yield return section;
                section = new PatchSection([line], []);
            }
            else if (section is null)
            {
                // Nothing else is expected outside a section; skip it rather than guess.
            }
            else if (line.AsSpan().StartsWith("@@ "u8) && ReadHunk(reader, line) is { } hunk)
            {
                section.Hunks.Add(hunk);
            }
            else if (section.Hunks.Count == 0)
            {
                section.HeaderLines.Add(line);
            }
        }
        if (section is not null) yield return section;
    }

    private static RawEntry? ReadRawEntry(ByteReader reader)
    {
        var fields = Encoding.ASCII.GetString(reader.ReadUntil(0)!)[1..].Split(' ');
        if (fields.Length < 5) return null;
        var status = fields[4].Length > 0 ? fields[4][0] : '?';
        var first = Path(reader.ReadUntil(0));
        return status is 'R' or 'C'
            ? new RawEntry(fields[0], fields[1], fields[2], fields[3], status, Path(reader.ReadUntil(0)), first)
            : new RawEntry(fields[0], fields[1], fields[2], fields[3], status, first, null);
    }

    private static string Path(byte[]? bytes) => bytes is null ? "" : Encoding.UTF8.GetString(bytes);

    private static RawHunk? ReadHunk(ByteReader reader, byte[] header)
    {
        if (!TryParseHeader(Encoding.UTF8.GetString(header), out var oldStart, out var oldCount, out var newStart, out var newCount))
            return null;
        var lines = new List<byte[]>(oldCount + newCount);
        while ((oldCount > 0 || newCount > 0) && reader.ReadUntil((byte)'\n') is { } line)
        {
            lines.Add(line);
            switch (line.Length == 0 ? (byte)' ' : line[0])
            {
                case (byte)'+': newCount--; break;
                case (byte)'-': oldCount--; break;
                case (byte)'\\': break;
                default: oldCount--; newCount--; break;
            }
        }
        if (reader.Peek() == '\\') lines.Add(reader.ReadUntil((byte)'\n')!); // "\ No newline at end of file" after the last line
        return new RawHunk(header, lines, oldStart, newStart);
    }

    /// <summary>"@@ -a[,b] +c[,d] @@ ..."</summary>
    internal static bool TryParseHeader(string header, out int oldStart, out int oldCount, out int newStart, out int newCount)
    {
        oldStart = oldCount = newStart = newCount = 0;
        var parts = header.Split(' ', 4);
        return parts.Length >= 3 && parts[1].StartsWith('-') && parts[2].StartsWith('+')
               && TryParseRange(parts[1][1..], out oldStart, out oldCount)
               && TryParseRange(parts[2][1..], out newStart, out newCount);
    }

    private static bool TryParseRange(string range, out int start, out int count)
    {
        var comma = range.IndexOf(',');
        count = 1;
        return comma < 0
            ? int.TryParse(range, out start)
            : int.TryParse(range[..comma], out start) && int.TryParse(range[(comma + 1)..], out count);
    }
}
