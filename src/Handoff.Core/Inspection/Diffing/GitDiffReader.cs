using LibGit2Sharp;

namespace Handoff.Core.Inspection.Diffing;

/// <summary>
/// Reads the unpushed commits' changes and the working changes through git's own diff engine (see
/// docs/architecture.md, "One diff engine"). It plans before it reads: git's raw list gives every change with its
/// size and category first, then git is asked for the text of the working changes in the order of value
/// (<see cref="FillOrder"/>), and reading stops once the read budget is spent. What was not read is still listed.
/// Generated, vendored and lock files the task does not name are never read.
/// </summary>
internal sealed class GitDiffReader(Repository repo, string gitDirectory, string workTree, InspectOptions options, ReadBudget budget, List<string> warnings)
{
    /// <summary>git's empty tree: what an unborn branch is compared with.</summary>
    private const string EmptyTree = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";

    private readonly ChangeClassifier _classifier = new(gitDirectory, workTree);

    /// <summary>One commit to diff, against its first parent (null for a root commit).</summary>
    public sealed record CommitToDiff(string Sha, string? FirstParent);

    /// <summary>The files each commit changed, in the order given.</summary>
    public List<List<FileChange>> Commits(IReadOnlyList<CommitToDiff> commits)
    {
        if (commits.Count == 0) return [];
        var git = new GitProcess(gitDirectory, GitDiffOptions.Environment(gitDirectory, null));
        var paths = new List<(string, bool)>();
        ListCommits(git, commits, paths);
        var builder = new FileChangeBuilder(repo, options, workingDirectory: null, _classifier.Categorize(paths));
        var files = new Dictionary<string, List<FileChange>>(StringComparer.Ordinal);
        var read = budget.IsExhausted ? 0 : ReadCommits(git, builder, commits, withPatch: true, files);
        // Once the budget is spent, the remaining commits' files are listed from git's raw output only.
        if (read < commits.Count) ReadCommits(git, builder, commits.Skip(read).ToList(), withPatch: false, files);
        return commits.Select(c => files.GetValueOrDefault(c.Sha) ?? []).ToList();
    }

    private static string[] CommitArguments(InspectOptions options, bool withPatch) =>
        [.. GitDiffOptions.Config, .. GitDiffOptions.BigFileThreshold(options.MaxFileBytes),
            "diff-tree", "--stdin", "-r", "-M", "--root", "--always", withPatch ? "--patch-with-raw" : "--raw", "-z", .. GitDiffOptions.Patch];

    private static string CommitInput(IEnumerable<CommitToDiff> commits) =>
        string.Concat(commits.Select(c => c.FirstParent is null ? $"{c.Sha}\n" : $"{c.Sha} {c.FirstParent}\n"));

    /// <summary>Every path the commits change (git's raw list, no text), to categorise before reading.</summary>
    private void ListCommits(GitProcess git, IReadOnlyList<CommitToDiff> commits, List<(string, bool)> paths) =>
        git.Run(CommitArguments(options, withPatch: false), CommitInput(commits), stream =>
        {
            foreach (var record in GitDiffParser.Parse(stream))
                if (record is RawEntry entry) paths.Add((entry.Path, false));
            return true;
        });

    /// <summary>Runs diff-tree over the commits; returns how many it reached (all of them unless the budget ran out).</summary>
    private int ReadCommits(GitProcess git, FileChangeBuilder builder, IReadOnlyList<CommitToDiff> commits, bool withPatch, Dictionary<string, List<FileChange>> files)
    {
        if (commits.Count == 0) return 0;
        var reached = 0;
        git.Run(CommitArguments(options, withPatch), CommitInput(commits), stream =>
        {
            string? sha = null;
            DiffCollector? current = null;
            void Finish(bool complete)
            {
                if (sha is null || current is null) return;
                files[sha] = current.Build(builder, complete).ToList();
                reached++;
            }
            var complete = Consume(GitDiffParser.Parse(stream), record =>
            {
                if (record is CommitRecord commit)
                {
                    Finish(withPatch);
                    (sha, current) = (commit.Sha, new DiffCollector(builder.IsListedOnly));
                }
                return current;
            });
            Finish(complete && withPatch);
            return complete;
        });
        return reached;
    }

    /// <summary>Staged, unstaged and untracked changes against HEAD (the empty tree when unborn), as one diff.</summary>
    /// <remarks>
    /// The index copy's stat data is refreshed first, so every raw entry is a real change (a touched but unchanged file
    /// is none) and the raw list can be planned on.
    /// </remarks>
    public List<FileChange> WorkingTree(string? headSha, IReadOnlyList<string> conflictedPaths)
    {
        using var index = TemporaryIndex.CopyOf(gitDirectory);
        var git = new GitProcess(workTree, GitDiffOptions.Environment(gitDirectory, workTree, index.Path));
        index.Prepare(git, conflictedPaths, headSha is not null, warnings);
        TemporaryIndex.Refresh(git);
        var tree = headSha ?? EmptyTree;

        var listed = new DiffCollector();
        ReadWorkingTree(git, tree, withPatch: false, listed, orderFile: null, readable: null);
        var plain = new FileChangeBuilder(repo, options, workTree);
        var categories = _classifier.Categorize(listed.Entries.Select(e => (e.Path, plain.IsUntracked(e))).ToList());
        var builder = new FileChangeBuilder(repo, options, workTree, categories);

        var order = listed.Entries.Where(e => !builder.IsListedOnly(e))
            .OrderBy(e => FillOrder.Rank(options.Mentions.Names(e.Path), builder.IsUntracked(e)))
            .ThenBy(builder.SizeOf).ThenBy(e => e.Path, StringComparer.Ordinal).ToList();
        if (budget.IsExhausted || order.Count == 0) return listed.Build(builder, complete: false).ToList();

        using var orderFile = OrderFile.Write(order.Select(e => e.Path));
        var read = new DiffCollector(builder.IsListedOnly);
        var complete = ReadWorkingTree(git, tree, withPatch: true, read, orderFile?.Path, order.Count);
        return read.Build(builder, complete).ToList();
    }

    /// <summary>Runs diff-index against the working tree; false when it stopped early (budget spent, or only listed-only files left).</summary>
    /// <param name="orderFile">git prints the diffs in this file's order (-O), the files it does not name last.</param>
    /// <param name="readable">how many entries are to be read; reading stops at the first other section after them.</param>
    private bool ReadWorkingTree(GitProcess git, string tree, bool withPatch, DiffCollector collector, string? orderFile, int? readable)
    {
        string[] arguments = [.. GitDiffOptions.Config, .. GitDiffOptions.BigFileThreshold(options.MaxFileBytes),
            "diff-index", withPatch ? "--patch-with-raw" : "--raw", "-z", "-M", "--ignore-submodules=dirty", .. GitDiffOptions.Patch,
            .. orderFile is null ? Array.Empty<string>() : ["-O" + orderFile], tree, "--"];
        var complete = false;
        git.Run(arguments, null, stream => complete = Consume(GitDiffParser.Parse(stream), _ => collector, readable));
        return complete;
    }

    /// <summary>
    /// Feeds records to the collector <paramref name="collectorFor"/> names for each; stops after the section that
    /// spends the last of the read budget, or, once <paramref name="readable"/> entries were read, at the next section of
    /// a listed-only file (all that is left, in -O order). Listed-only sections cost no budget. Returns false when it stopped early.
    /// </summary>
    private bool Consume(IEnumerable<DiffRecord> records, Func<DiffRecord, DiffCollector?> collectorFor, int? readable = null)
    {
        var seen = new HashSet<RawEntry>(ReferenceEqualityComparer.Instance);
        foreach (var record in records)
        {
            var collector = collectorFor(record);
            switch (record)
            {
                case RawEntry entry:
                    collector?.Add(entry);
                    break;
                case PatchSection section:
                    if (collector?.Add(section) is not { } owner) break;
                    if (collector.IsListedOnly(owner))
                    {
                        if (seen.Count >= readable) return false;
                        break;
                    }
                    seen.Add(owner);
                    if (!section.IsBinary) budget.Spend(section.Bytes);
                    if (budget.IsExhausted) return false;
                    break;
            }
        }
        return true;
    }
}
