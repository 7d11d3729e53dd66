using System.Text;
using LibGit2Sharp;

namespace Handoff.Core.Inspection.Diffing;

/// <summary>
/// Turns one raw entry of git's diff and the patch sections git printed for it into <see cref="FileChange"/>s: the
/// header lines and hunks exactly as git wrote them, the kind, modes and sizes, and why content is left out
/// (binary or -diff, LFS pointer, too large, not UTF-8, or not read because the read budget ran out).
/// </summary>
internal sealed class FileChangeBuilder(Repository repo, InspectOptions options, string? workingDirectory)
{
    private const string ZeroId = "0000000000000000000000000000000000000000";
    private const string NoMode = "000000";
    private const string GitLinkMode = "160000";

    /// <summary>True when the new side is the working tree (untracked files exist only there).</summary>
    private bool NewSideIsWorkingTree => workingDirectory is not null;

    /// <summary>
    /// The changes of <paramref name="entry"/>: one, or two for a type change git printed as a deletion and an
    /// addition. <paramref name="sections"/> is null when the read budget ran out before git's text for it was read.
    /// </summary>
    public IEnumerable<FileChange> Build(RawEntry entry, IReadOnlyList<PatchSection>? sections)
    {
        if (entry.Status == 'T' && sections is { Count: 2 })
        {
            yield return Build(entry with { Status = 'D', NewMode = NoMode, NewId = ZeroId }, sections[0]);
            yield return Build(entry with { Status = 'A', OldMode = NoMode, OldId = ZeroId }, sections[1]);
            yield break;
        }
        yield return Build(entry, sections?.FirstOrDefault());
    }

    private FileChange Build(RawEntry entry, PatchSection? section)
    {
        var hasOld = entry.OldMode != NoMode;
        var hasNew = entry.NewMode != NoMode;
        var change = new FileChange
        {
            Path = entry.Path,
            OldPath = entry.Status is 'R' or 'C' ? entry.OldPath : null,
            Kind = Kind(entry),
            OldMode = hasOld ? entry.OldMode : null,
            NewMode = hasNew ? entry.NewMode : null,
            HeaderLines = section is null ? [] : section.HeaderLines.Select(Encoding.UTF8.GetString).ToList(),
        };
        if (entry.OldMode == GitLinkMode || entry.NewMode == GitLinkMode)
            return Submodule(change, entry, section);

        var oldSize = hasOld ? BlobSize(entry.OldId) : 0;
        var newSize = hasNew ? NewSize(entry) : 0;
        change = change with { Size = hasNew ? newSize : oldSize };
        if (section is null) return change with { Omission = ContentOmission.ReadBudgetExceeded };
        if (Math.Max(oldSize, newSize) > options.MaxFileBytes) return change with { Omission = ContentOmission.TooLarge };
        if (section.IsBinary) return change with { Omission = ContentOmission.Binary };
        if (!section.Hunks.All(h => h.Lines.All(IsUtf8))) return change with { Omission = ContentOmission.NotUtf8 };

        var hunks = section.Hunks.Select(Decode).ToList();
        if (hunks.Any(h => h.Lines.Any(IsLfsPointerLine))) return change with { Omission = ContentOmission.LfsPointer };
        return change with { Hunks = hunks };
    }

    private ChangeKind Kind(RawEntry entry) => entry.Status switch
    {
        // Against the working tree, files the real index lacks were only marked intent-to-add for the diff: untracked.
        'A' => NewSideIsWorkingTree && repo.Index[entry.Path] is null ? ChangeKind.Untracked : ChangeKind.Added,
        'D' => ChangeKind.Deleted,
        'R' => ChangeKind.Renamed,
        'C' => ChangeKind.Copied,
        'T' => ChangeKind.TypeChanged,
        _ => ChangeKind.Modified,
    };

    private FileChange Submodule(FileChange change, RawEntry entry, PatchSection? section)
    {
        var oldSha = entry.OldMode == GitLinkMode ? entry.OldId : ZeroId;
        var newSha = entry.NewMode != GitLinkMode ? ZeroId
            : entry.NewId != ZeroId ? entry.NewId
            : NewCommitNamedIn(section) ?? repo.Submodules[entry.Path]?.WorkDirCommitId?.Sha ?? ZeroId;
        return change with
        {
            Kind = ChangeKind.Submodule,
            SubmoduleRange = $"{oldSha}..{newSha}",
            Hunks = section?.Hunks.Select(Decode).ToList() ?? [],
        };
    }

    /// <summary>The commit in the "+Subproject commit SHA" line of git's text for a submodule.</summary>
    private static string? NewCommitNamedIn(PatchSection? section)
    {
        const string prefix = "+Subproject commit ";
        var line = section?.Hunks.SelectMany(h => h.Lines).Select(Encoding.UTF8.GetString).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
        return line is null ? null : line[prefix.Length..].Split('-')[0].Trim();
    }

    private long NewSize(RawEntry entry)
    {
        if (entry.NewId != ZeroId || !NewSideIsWorkingTree) return BlobSize(entry.NewId);
        var file = new FileInfo(System.IO.Path.Combine(workingDirectory!, entry.Path));
        if (file.LinkTarget is { } target) return Encoding.UTF8.GetByteCount(target);
        return file.Exists ? file.Length : 0;
    }

    private long BlobSize(string id)
    {
        if (id == ZeroId) return 0;
        try
        {
            return repo.ObjectDatabase.RetrieveObjectMetadata(new ObjectId(id)).Size;
        }
        catch (LibGit2SharpException)
        {
            return 0; // a blob only git can read (e.g. a promisor remote's); the size is information only
        }
    }

    private static DiffHunk Decode(RawHunk hunk) =>
        new(Encoding.UTF8.GetString(hunk.Header), hunk.Lines.Select(Encoding.UTF8.GetString).ToList(), hunk.NewStart, hunk.OldStart);

    private static bool IsUtf8(byte[] line) => System.Text.Unicode.Utf8.IsValid(line);

    /// <summary>The first line of a Git LFS pointer file, as a line of the diff.</summary>
    private static bool IsLfsPointerLine(string line) =>
        line.Length > 1 && line.AsSpan(1).SequenceEqual("version https://git-lfs.github.com/spec/v1");
}
