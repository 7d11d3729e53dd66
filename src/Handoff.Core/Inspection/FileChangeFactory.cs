using System.Security.Cryptography;
using System.Text;
using Handoff.Core.Inspection.Diffing;
using LibGit2Sharp;
using GitChangeKind = LibGit2Sharp.ChangeKind;

namespace Handoff.Core.Inspection;

/// <summary>
/// Turns one LibGit2Sharp tree entry change into a <see cref="FileChange"/> with git-style headers and
/// exact hunks. Content is read only for files that fit <see cref="InspectOptions.MaxFileBytes"/> and the
/// read budget; everything else is listed with its size. The old side always comes from a blob; the new
/// side from a blob (commits) or from the working tree file (working changes).
/// </summary>
internal sealed class FileChangeFactory(Repository repo, Configuration config, InspectOptions options, ReadBudget budget, string? workingDirectory, List<string> warnings)
{
    private const int ContextLines = 3;
    private static readonly string ZeroId = new('0', 40);

    /// <summary>True when the new side is the working tree; only then is core.autocrlf applied.</summary>
    private bool NewSideIsWorkingTree => workingDirectory is not null;

    private readonly bool _autoCrlf = workingDirectory is not null && IsAutoCrlfOn(config);

    /// <summary>One side-by-side entry of a diff, detached from LibGit2Sharp's type so type changes can be split.</summary>
    private sealed record Entry(GitChangeKind Status, string Path, string OldPath, ObjectId OldOid, Mode OldMode, ObjectId Oid, Mode Mode);

    /// <summary>The file changes for one diff entry: usually one; two (deletion, addition) when the type changed.</summary>
    public IEnumerable<FileChange> Create(TreeEntryChanges change, Tree? oldTree)
    {
        var entry = new Entry(change.Status, change.Path, change.OldPath, change.OldOid, change.OldMode, change.Oid, change.Mode);
        // A conflicted entry has no stage-0 blob; compare against HEAD's version of the file.
        if (entry.Status == GitChangeKind.Conflicted && oldTree?[entry.Path] is { Target: Blob headBlob } headEntry)
            entry = entry with { OldOid = headBlob.Id, OldMode = headEntry.Mode };

        // git cannot express "file became symlink" as one patch; like `git diff`, emit a deletion and an addition.
        var bothSidesExist = entry.OldMode != Mode.Nonexistent && entry.Mode != Mode.Nonexistent && entry.Status != GitChangeKind.Deleted;
        if (bothSidesExist && ObjectKind(entry.OldMode) != ObjectKind(entry.Mode))
        {
            var deletion = Create(entry with { Status = GitChangeKind.Deleted, Path = entry.OldPath, Oid = ObjectId.Zero, Mode = Mode.Nonexistent });
            var addition = Create(entry with { Status = GitChangeKind.Added, OldPath = entry.Path, OldOid = ObjectId.Zero, OldMode = Mode.Nonexistent });
            return new[] { deletion, addition }.OfType<FileChange>();
        }
        return Create(entry) is { } single ? [single] : [];
    }

    /// <summary>Regular file (any permission), symlink or submodule: changing between these is a type change.</summary>
    private static Mode ObjectKind(Mode mode) => mode is Mode.SymbolicLink or Mode.GitLink ? mode : Mode.NonExecutableFile;

    private FileChange? Create(Entry entry)
    {
        var kind = MapKind(entry.Status);
        if (kind is null) return null;
        // HEAD-to-working-tree diffs report untracked files as added; the index tells them apart.
        if (kind == ChangeKind.Added && NewSideIsWorkingTree && repo.Index[entry.Path] is null) kind = ChangeKind.Untracked;
        var path = Normalise(entry.Path);
        var oldPath = Normalise(entry.OldPath);
        var oldOid = entry.OldOid;
        var oldMode = entry.OldMode;
        var hasOld = oldMode != Mode.Nonexistent && !IsZero(oldOid);
        var hasNew = entry.Mode != Mode.Nonexistent && entry.Status != GitChangeKind.Deleted;

        if (entry.Mode == Mode.GitLink || oldMode == Mode.GitLink)
            return Submodule(path, oldPath, hasOld ? oldOid.Sha : ZeroId, hasNew ? NewSubmoduleSha(entry) : ZeroId);

        var change = new FileChange
        {
            Path = path,
            OldPath = kind is ChangeKind.Renamed or ChangeKind.Copied ? oldPath : null,
            Kind = kind.Value,
            OldMode = hasOld ? ModeText(oldMode) : null,
            NewMode = hasNew ? ModeText(entry.Mode) : null,
        };

        var oldSize = hasOld ? BlobSize(oldOid) : 0;
        var newSize = hasNew ? NewSize(entry) : 0;
        change = change with { Size = hasNew ? newSize : oldSize };
        var oldId = hasOld ? oldOid.Sha : ZeroId;
        // libgit2 hashes a working file (after clean filters) only when it had to; otherwise it is computed after reading.
        var newKnownId = !hasNew ? ZeroId : IsZero(entry.Oid) ? null : entry.Oid.Sha;

        var contentChanged = !hasOld || !hasNew || NewSideIsWorkingTree || entry.OldOid != entry.Oid;
        if (!contentChanged)
            return Finish(change, oldId, newKnownId, ContentOmission.None, []);

        if (Math.Max(oldSize, newSize) > options.MaxFileBytes)
            return Finish(change, oldId, newKnownId, ContentOmission.TooLarge, []);
        if (budget.IsExhausted)
            return Finish(change, oldId, newKnownId, ContentOmission.ReadBudgetExceeded, []);

        var oldBytes = hasOld ? ReadBlob(oldOid) : null;
        byte[]? newBytes;
        try
        {
            newBytes = hasNew ? ReadNew(entry) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            warnings.Add($"could not read '{path}' ({e.Message}); it is listed without its content");
            return Finish(change, oldId, newKnownId, ContentOmission.None, []);
        }
        if (_autoCrlf && newBytes is not null && (oldBytes is null || Array.IndexOf(oldBytes, (byte)'\r') < 0))
            newBytes = CrlfToLf(newBytes);
        var newId = newKnownId ?? (newBytes is null ? ZeroId : BlobId(newBytes));
        if (NewSideIsWorkingTree && hasOld && hasNew && newId == oldId && oldMode == entry.Mode && oldPath == path)
            return null; // the stat cache flagged it, but the content is the same after all

        if (TextContent.IsLfsPointer(oldBytes) || TextContent.IsLfsPointer(newBytes))
            return Finish(change, oldId, newId, ContentOmission.LfsPointer, []);
        if (TextContent.IsBinary(oldBytes) || TextContent.IsBinary(newBytes))
            return Finish(change, oldId, newId, ContentOmission.Binary, []);

        var encoding = TextContent.ChooseEncoding(oldBytes, newBytes);
        var hunks = HunkBuilder.Build(TextContent.Decode(oldBytes, encoding), TextContent.Decode(newBytes, encoding), ContextLines);
        var result = Finish(change, oldId, newId, ContentOmission.None, hunks) with
        {
            TextEncoding = encoding.CodePage == Encoding.Latin1.CodePage ? TextContent.Latin1Name : null,
        };
        budget.Spend(result.DiffBytes);
        return result;
    }

    private static FileChange Finish(FileChange change, string oldId, string? newId, ContentOmission omission, List<DiffHunk> hunks)
    {
        var oldName = change.OldPath ?? change.Path;
        var header = new List<string> { $"diff --git a/{oldName} b/{change.Path}" };
        if (change.OldMode is null && change.NewMode is not null) header.Add($"new file mode {change.NewMode}");
        else if (change.NewMode is null && change.OldMode is not null) header.Add($"deleted file mode {change.OldMode}");
        else if (change.OldMode != change.NewMode) { header.Add($"old mode {change.OldMode}"); header.Add($"new mode {change.NewMode}"); }
        if (change.Kind == ChangeKind.Renamed) { header.Add($"rename from {oldName}"); header.Add($"rename to {change.Path}"); }
        if (change.Kind == ChangeKind.Copied) { header.Add($"copy from {oldName}"); header.Add($"copy to {change.Path}"); }

        if (newId is not null && oldId != newId)
        {
            var sameMode = change.OldMode is not null && change.OldMode == change.NewMode;
            header.Add($"index {oldId[..7]}..{newId[..7]}" + (sameMode ? $" {change.NewMode}" : ""));
        }
        var from = change.OldMode is null ? "/dev/null" : $"a/{oldName}";
        var to = change.NewMode is null ? "/dev/null" : $"b/{change.Path}";
        if (omission == ContentOmission.Binary) header.Add($"Binary files {from} and {to} differ");
        else if (hunks.Count > 0) { header.Add($"--- {from}"); header.Add($"+++ {to}"); }

        return change with { Omission = omission, HeaderLines = header, Hunks = hunks };
    }

    private FileChange Submodule(string path, string oldPath, string oldSha, string newSha)
    {
        var change = new FileChange
        {
            Path = path,
            OldPath = oldPath != path ? oldPath : null,
            Kind = ChangeKind.Submodule,
            OldMode = oldSha == ZeroId ? null : "160000",
            NewMode = newSha == ZeroId ? null : "160000",
            SubmoduleRange = $"{oldSha}..{newSha}",
        };
        var lines = new List<string>();
        if (oldSha != ZeroId) lines.Add($"-Subproject commit {oldSha}");
        if (newSha != ZeroId) lines.Add($"+Subproject commit {newSha}");
        var hunks = new List<DiffHunk>();
        if (oldSha != newSha)
        {
            var oldRange = oldSha == ZeroId ? "0,0" : "1";
            var newRange = newSha == ZeroId ? "0,0" : "1";
            hunks.Add(new DiffHunk($"@@ -{oldRange} +{newRange} @@", lines, newSha == ZeroId ? 0 : 1, oldSha == ZeroId ? 0 : 1));
        }
        var result = Finish(change, oldSha, newSha, ContentOmission.None, hunks);
        budget.Spend(result.DiffBytes);
        return result;
    }

    private string NewSubmoduleSha(Entry entry)
    {
        if (!IsZero(entry.Oid)) return entry.Oid.Sha;
        return repo.Submodules[entry.Path]?.WorkDirCommitId?.Sha ?? ZeroId;
    }

    private long NewSize(Entry entry)
    {
        if (!NewSideIsWorkingTree) return BlobSize(entry.Oid);
        var file = new FileInfo(WorkingFile(entry.Path));
        if (file.LinkTarget is { } target) return Encoding.UTF8.GetByteCount(target);
        return file.Exists ? file.Length : 0;
    }

    private byte[] ReadNew(Entry entry)
    {
        if (!NewSideIsWorkingTree) return ReadBlob(entry.Oid);
        var file = new FileInfo(WorkingFile(entry.Path));
        // A symlink's content in git is its target, never the file it points to.
        if (entry.Mode == Mode.SymbolicLink && file.LinkTarget is { } target) return Encoding.UTF8.GetBytes(target);
        return File.ReadAllBytes(file.FullName); // a vanished file throws and is reported, never shown as emptied
    }

    private string WorkingFile(string path) => System.IO.Path.Combine(workingDirectory!, path);

    private long BlobSize(ObjectId id) => repo.ObjectDatabase.RetrieveObjectMetadata(id).Size;

    private byte[] ReadBlob(ObjectId id)
    {
        var blob = repo.Lookup<Blob>(id);
        using var stream = blob.GetContentStream();
        using var buffer = new MemoryStream((int)Math.Min(blob.Size, int.MaxValue));
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static string BlobId(byte[] content)
    {
        var header = Encoding.ASCII.GetBytes($"blob {content.Length}\0");
        return Convert.ToHexStringLower(SHA1.HashData([.. header, .. content]));
    }

    private static byte[] CrlfToLf(byte[] bytes)
    {
        if (Array.IndexOf(bytes, (byte)'\r') < 0) return bytes;
        var result = new List<byte>(bytes.Length);
        for (var i = 0; i < bytes.Length; i++)
            if (!(bytes[i] == '\r' && i + 1 < bytes.Length && bytes[i + 1] == '\n')) result.Add(bytes[i]);
        return [.. result];
    }

    private static bool IsAutoCrlfOn(Configuration config)
    {
        var value = config.Get<string>("core.autocrlf")?.Value;
        return value is not null && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("input", StringComparison.OrdinalIgnoreCase));
    }

    private static ChangeKind? MapKind(GitChangeKind status) => status switch
    {
        GitChangeKind.Added => ChangeKind.Added,
        GitChangeKind.Deleted => ChangeKind.Deleted,
        GitChangeKind.Modified => ChangeKind.Modified,
        GitChangeKind.Renamed => ChangeKind.Renamed,
        GitChangeKind.Copied => ChangeKind.Copied,
        GitChangeKind.TypeChanged => ChangeKind.TypeChanged,
        GitChangeKind.Untracked => ChangeKind.Untracked,
        GitChangeKind.Conflicted => ChangeKind.Modified,
        GitChangeKind.Unreadable => ChangeKind.Modified,
        _ => null,
    };

    private static string ModeText(Mode mode) => Convert.ToString((int)mode, 8).PadLeft(6, '0');

    private static bool IsZero(ObjectId? id) => id is null || id == ObjectId.Zero;

    private static string Normalise(string path) =>
        System.IO.Path.DirectorySeparatorChar == '\\' ? path.Replace('\\', '/') : path;
}
