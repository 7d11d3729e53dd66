using System.Text;
using Handoff.Core.Inspection;

namespace Handoff.Core.Prompting;

/// <summary>
/// An omitted item with its place in the manifest (commits in order, then working files, then secrets).
/// <paramref name="Groupable"/>: a new file git does not track yet, which a long manifest counts by folder instead of naming.
/// </summary>
internal sealed record ManifestEntry((int Group, int Index) Order, OmittedItem Item, bool Groupable = false, string Class = "")
{
    public long LineBytes { get; } = Encoding.UTF8.GetByteCount(PromptSections.ManifestLine(Item));
}

/// <summary>One unpushed commit rendered as a whole format-patch mail: included whole or not at all.</summary>
internal sealed record PatchUnit(
    CommitPatch Commit,
    string Text,
    IReadOnlyList<FileChange> RenderedFiles,
    IReadOnlyList<ManifestEntry> IfOmitted)
{
    public long Bytes { get; } = Encoding.UTF8.GetByteCount(Text);
    public int BacktickRun { get; } = MarkdownFence.LongestBacktickRun(Text);
    public long IfOmittedBytes { get; } = IfOmitted.Sum(e => e.LineBytes);
}

/// <summary>One working-tree file's diff: included whole or not at all. <paramref name="Rank"/>: its <see cref="FillOrder"/> class.</summary>
internal sealed record DiffUnit(int Position, FileChange File, string Text, ManifestEntry IfOmitted, int Rank)
{
    public long Bytes { get; } = Encoding.UTF8.GetByteCount(Text);
    public int BacktickRun { get; } = MarkdownFence.LongestBacktickRun(Text);
}

/// <summary>Splits the filtered changes into budgetable units and items that are never inlined.</summary>
internal sealed class ChangeUnits
{
    public List<PatchUnit> Patches { get; } = [];
    public List<DiffUnit> Diffs { get; } = [];

    /// <summary>Always in the manifest: binary / LFS / too-large files and secret withholdings.</summary>
    public List<ManifestEntry> AlwaysOmitted { get; } = [];

    /// <summary>The files this task or context names.</summary>
    public PathMentions Mentions { get; }

    public ChangeUnits(PromptInput input)
    {
        Mentions = new PathMentions([input.Task, input.Context]);
        if (input.IncludeChanges) AddChanges(input);
        AddSecrets(input);
    }

    private void AddChanges(PromptInput input)
    {
        var commits = input.Changes.UnpushedCommits;
        for (var c = 0; c < commits.Count; c++)
        {
            var commit = commits[c];
            var rendered = new List<FileChange>();
            var ifOmitted = new List<ManifestEntry>();
            for (var f = 0; f < commit.Files.Count; f++)
            {
                var file = commit.Files[f];
                if (ListedOnly(file) is { } reason)
                {
                    AlwaysOmitted.Add(new((c, f), new(file.Path, file.Size, reason, commit.Sha)));
                    continue;
                }
                rendered.Add(file);
                ifOmitted.Add(new((c, f), new(file.Path, file.DiffBytes, OmittedReasons.Budget, commit.Sha)));
            }
            var text = GitPatchFormat.Commit(commit, c + 1, commits.Count, rendered);
            Patches.Add(new PatchUnit(commit, text, rendered, ifOmitted));
        }

        var files = input.Changes.WorkingChanges;
        for (var f = 0; f < files.Count; f++)
        {
            var file = files[f];
            var order = (commits.Count, f);
            var untracked = file.Kind == ChangeKind.Untracked;
            var named = Mentions.Names(file.Path);
            if (ListedOnly(file) is { } reason)
                AlwaysOmitted.Add(new(order, new(file.Path, file.Size, reason), untracked,
                    file.Category != FileCategory.Source && !named ? reason : FillOrder.ClassName(FillOrder.Rank(named, untracked))));
            else if (file.HeaderLines.Count > 0 || file.Hunks.Count > 0)
                Diffs.Add(new DiffUnit(f, file, GitPatchFormat.FileDiff(file),
                    new ManifestEntry(order, new(file.Path, file.DiffBytes, OmittedReasons.Budget), untracked),
                    FillOrder.Rank(named, untracked)));
            // A change with no diff text at all (a submodule described only by its range) is in the metadata.
        }
    }

    /// <summary>
    /// Why the file is only listed: an omission Inspect found, or a generated / vendored / lock file this task does not
    /// name (Inspect reads one when any task of a fan-out names it). Null when its text can be inlined.
    /// </summary>
    private string? ListedOnly(FileChange file)
    {
        if (file.Omission == ContentOmission.ListedOnly) return OmittedReasons.For(file.Category);
        if (file.Omission != ContentOmission.None) return OmittedReasons.For(file.Omission);
        return FillOrder.IsListedOnly(file.Category, Mentions.Names(file.Path)) ? OmittedReasons.For(file.Category) : null;
    }

    private void AddSecrets(PromptInput input)
    {
        var withheld = input.Changes.Withheld;
        for (var i = 0; i < withheld.Count; i++)
        {
            var item = withheld[i];
            AlwaysOmitted.Add(new((int.MaxValue, i),
                new OmittedItem(item.File, SizeOf(input.Snapshot, item.File, item.Commit), OmittedReasons.Secret, item.Commit)));
        }
    }

    /// <summary>The size of the file the withheld part belongs to (the scanner does not say how much it left out).</summary>
    private static long SizeOf(RepoSnapshot snapshot, string path, string? commit)
    {
        var files = commit is null
            ? snapshot.WorkingChanges
            : snapshot.UnpushedCommits.FirstOrDefault(c => c.Sha == commit)?.Files ?? [];
        return files.FirstOrDefault(f => f.Path == path)?.Size ?? 0;
    }
}
