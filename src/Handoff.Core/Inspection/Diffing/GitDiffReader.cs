using LibGit2Sharp;

namespace Handoff.Core.Inspection.Diffing;

/// <summary>
/// Reads the unpushed commits' changes and the working changes through git's own diff engine (see
/// docs/architecture.md, "One diff engine"), streaming git's output and stopping once the read budget is spent:
/// what was not read is still listed, from git's raw entries, with its size.
/// </summary>
internal sealed class GitDiffReader(Repository repo, string gitDirectory, InspectOptions options, ReadBudget budget, List<string> warnings)
{
    /// <summary>git's empty tree: what an unborn branch is compared with.</summary>
    private const string EmptyTree = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";

    /// <summary>One commit to diff, against its first parent (null for a root commit).</summary>
    public sealed record CommitToDiff(string Sha, string? FirstParent);

    /// <summary>The files each commit changed, in the order given.</summary>
    public List<List<FileChange>> Commits(IReadOnlyList<CommitToDiff> commits)
    {
        var git = new GitProcess(gitDirectory, GitDiffOptions.Environment(gitDirectory, null));
        var builder = new FileChangeBuilder(repo, options, workingDirectory: null);
        var files = new Dictionary<string, List<FileChange>>(StringComparer.Ordinal);
        var read = budget.IsExhausted ? 0 : ReadCommits(git, builder, commits, withPatch: true, files);
        // Once the budget is spent, the remaining commits' files are listed from git's raw output only.
        if (read < commits.Count) ReadCommits(git, builder, commits.Skip(read).ToList(), withPatch: false, files);
        return commits.Select(c => files.GetValueOrDefault(c.Sha) ?? []).ToList();
    }

    /// <summary>Runs diff-tree over the commits; returns how many it reached (all of them unless the budget ran out).</summary>
    private int ReadCommits(GitProcess git, FileChangeBuilder builder, IReadOnlyList<CommitToDiff> commits, bool withPatch, Dictionary<string, List<FileChange>> files)
    {
        if (commits.Count == 0) return 0;
        var input = string.Concat(commits.Select(c => c.FirstParent is null ? $"{c.Sha}\n" : $"{c.Sha} {c.FirstParent}\n"));
        string[] arguments = [.. GitDiffOptions.Config, .. GitDiffOptions.BigFileThreshold(options.MaxFileBytes),
            "diff-tree", "--stdin", "-r", "-M", "--root", "--always", withPatch ? "--patch-with-raw" : "--raw", "-z", .. GitDiffOptions.Patch];
        var reached = 0;
        git.Run(arguments, input, stream =>
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
                    (sha, current) = (commit.Sha, new DiffCollector());
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
    /// The index copy is not refreshed first: a file whose stat data is stale but whose content is unchanged is a raw
    /// entry git prints no text for, and is dropped. Only when reading stops early, so that raw entries stand for
    /// themselves, is the copy refreshed and the raw list read again to tell those files apart.
    /// </remarks>
    public List<FileChange> WorkingTree(string workTree, string? headSha, IReadOnlyList<string> conflictedPaths)
    {
        using var index = TemporaryIndex.CopyOf(gitDirectory);
        var git = new GitProcess(workTree, GitDiffOptions.Environment(gitDirectory, workTree, index.Path));
        index.Prepare(git, conflictedPaths, headSha is not null, warnings);
        var builder = new FileChangeBuilder(repo, options, workTree);
        var tree = headSha ?? EmptyTree;

        var read = new DiffCollector();
        var anyRead = !budget.IsExhausted;
        if (anyRead && ReadWorkingTree(git, tree, withPatch: true, read))
            return read.Build(builder, complete: true).ToList();

        TemporaryIndex.Refresh(git);
        var listed = new DiffCollector();
        ReadWorkingTree(git, tree, withPatch: false, listed);
        return (anyRead ? read.Build(builder, complete: false, listed.Contains) : listed.Build(builder, complete: false)).ToList();
    }

    /// <summary>Runs diff-index against the working tree; false when it stopped early because the budget ran out.</summary>
    private bool ReadWorkingTree(GitProcess git, string tree, bool withPatch, DiffCollector collector)
    {
        string[] arguments = [.. GitDiffOptions.Config, .. GitDiffOptions.BigFileThreshold(options.MaxFileBytes),
            "diff-index", withPatch ? "--patch-with-raw" : "--raw", "-z", "-M", "--ignore-submodules=dirty", .. GitDiffOptions.Patch,
            tree, "--"];
        var complete = false;
        git.Run(arguments, null, stream => complete = Consume(GitDiffParser.Parse(stream), _ => collector));
        return complete;
    }

    /// <summary>
    /// Feeds records to the collector <paramref name="collectorFor"/> names for each; stops after the section that
    /// spends the last of the read budget. Returns false when it stopped early.
    /// </summary>
    private bool Consume(IEnumerable<DiffRecord> records, Func<DiffRecord, DiffCollector?> collectorFor)
    {
        foreach (var record in records)
        {
            var collector = collectorFor(record);
            switch (record)
            {
                case RawEntry entry:
                    collector?.Add(entry);
                    break;
                case PatchSection section:
                    collector?.Add(section);
                    if (!section.IsBinary) budget.Spend(section.Bytes);
                    if (budget.IsExhausted) return false;
                    break;
            }
        }
        return true;
    }
}
