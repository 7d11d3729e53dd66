using Handoff.Core.Inspection;
using Handoff.Core.Prompting;
using Handoff.Core.Secrets;

namespace Handoff.Tests.Prompting;

/// <summary>
/// Proves with the real git CLI that what the prompt carries reproduces the local work:
/// the patch block goes through `git am`, the diff block through `git apply`.
/// </summary>
public class GitRoundTripTests
{
    private GitSandbox _git = null!;
    private string _work = null!, _origin = null!;

    private sealed record KnownCommit(string Sha, string Subject, string Message, string Name, string Email, DateTimeOffset Date);

    [SetUp]
    public void SetUp()
    {
        _git = new GitSandbox();
        _origin = _git.Dir("origin.git");
        _work = _git.Dir("work");
        _git.Git(_git.Root, "init", "--bare", "-q", _origin);
        _git.Git(_git.Root, "init", "-q", _work);
    }

    [TearDown]
    public void TearDown() => _git.Dispose();

    private string BaseCommit()
    {
        _git.Write(_work, "a.txt", "line 1\n```\nline 3\n````\nline 5\nline 6\nline 7\nline 8\n");
        _git.Write(_work, "old.txt", "one\ntwo\nthree\nfour\nfive\nsix\n");
        _git.Write(_work, "gone.txt", "going away\n");
        _git.Write(_work, "noeol.txt", "no newline at the end");
        _git.Git(_work, "add", "-A");
        _git.Git(_work, "commit", "-q", "-m", "base");
        _git.Git(_work, "remote", "add", "origin", _origin);
        _git.Git(_work, "push", "-q", "origin", "main");
        return _git.Git(_work, "rev-parse", "HEAD").Trim();
    }

    private KnownCommit Commit(string subject, string message, string name, string email, DateTimeOffset date)
    {
        _git.AuthorName = name;
        _git.AuthorEmail = email;
        _git.AuthorDate = date.ToString("yyyy-MM-ddTHH:mm:sszzz");
        _git.GitWithInput(_work, message, "commit", "-q", "--cleanup=verbatim", "-F", "-");
        return new KnownCommit(_git.Git(_work, "rev-parse", "HEAD").Trim(), subject, message, name, email, date);
    }

    /// <summary>The CommitPatch the inspector would produce, built from `git show` and the values the test used.</summary>
    private CommitPatch PatchOf(KnownCommit c) => new(
        c.Sha, c.Subject, c.Message, c.Name, c.Email, c.Date,
        UnifiedDiffParser.Parse(_git.Git(_work, "show", "--format=", "-M", "--no-color", c.Sha)));

    private string History(string repo, string range) =>
        _git.Git(repo, "log", "--reverse", "--format=%an|%ae|%ad|%B%x00", "--date=raw", range);

    [Test]
    public void Patches_go_through_git_am_and_the_diff_through_git_apply_reproducing_the_local_tree()
    {
        var baseSha = BaseCommit();

        _git.Write(_work, "a.txt", "line 1\n```\nline 3 changed\n````\nline 5\nline 6\nline 7\nline 8 changed\n");
        _git.Git(_work, "mv", "old.txt", "new.txt");
        _git.Write(_work, "new.txt", "one\ntwo\nthree\nfour\nfive\nsix\nseven\n");
        _git.Git(_work, "rm", "-q", "gone.txt");
        _git.Write(_work, "ünï/cödé.txt", "grüße 🙂\n");
        _git.Write(_work, "noeol.txt", "still no newline, but changed");
        _git.Git(_work, "add", "-A");
        var first = Commit("Fix ünïcode handling",
            "Fix ünïcode handling\n\nFirst paragraph of the body.\n\nA line of backticks follows:\n````\nend.\n",
            "Jörg Müller", "joerg@example.com", new DateTimeOffset(2024, 3, 4, 10, 0, 0, TimeSpan.FromHours(5.5)));

        _git.Write(_work, "a.txt", "line 1 again\n```\nline 3 changed\n````\nline 5\nline 6\nline 7\nline 8 changed\n");
        _git.Git(_work, "add", "-A");
        var second = Commit("Tweak a.txt", "Tweak a.txt\n", "O'Brien, Pat", "pat@example.com",
            new DateTimeOffset(2024, 3, 5, 8, 0, 0, TimeSpan.FromHours(-8)));

        // Uncommitted work: unstaged edit, staged new file, untracked file (with a space), deletion, ``` line.
        _git.Write(_work, "a.txt", "line 1 again\n```\nline 3 changed\n`````\nline 5\nline 6\nline 7 local\nline 8 changed\n");
        _git.Write(_work, "staged.txt", "staged content\n");
        _git.Git(_work, "add", "staged.txt");
        _git.Write(_work, "notes/untracked file.md", "# Notes\n```\ncode\n```\n");
        File.Delete(Path.Combine(_work, "noeol.txt"));
        var untracked = _git.Git(_work, "ls-files", "--others", "--exclude-standard").Split('\n', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        _git.Git(_work, "add", "-A");
        var workingDiff = _git.Git(_work, "diff", "--cached", "-M", "--no-color", "HEAD");
        var expectedTree = _git.Git(_work, "write-tree").Trim();
        var working = UnifiedDiffParser.Parse(workingDiff, untracked);
        Assert.That(working.Select(f => f.Kind), Does.Contain(ChangeKind.Untracked).And.Contain(ChangeKind.Deleted));

        var commits = new[] { PatchOf(first), PatchOf(second) };
        var snapshot = new RepoSnapshot
        {
            WorkingDirectory = _work,
            GitDirectory = Path.Combine(_work, ".git"),
            RemoteName = "origin",
            Remote = new RemoteUrl("github.com", "acme/app"),
            Head = new HeadState("main", second.Sha, false, false),
            Upstream = new UpstreamState("origin/main", true, 2, 0),
            BaseCommit = baseSha,
            UnpushedCommits = commits,
            WorkingChanges = working,
        };
        var result = new PromptComposer().Compose(new PromptInput
        {
            Task = "Continue",
            Snapshot = snapshot,
            Changes = new FilteredChanges(working, commits, [], []),
        });
        Assert.That(result.Prompt, Does.Not.Contain(_work).And.Not.Contain(_git.Root));

        var blocks = Samples.FencedBlocks(result.Prompt);
        Assert.That(blocks, Has.Count.EqualTo(2));
        var patchFile = _git.Dir("unpushed.mbox");
        var diffFile = _git.Dir("working.diff");
        File.WriteAllText(patchFile, blocks[0].Content);
        File.WriteAllText(diffFile, blocks[1].Content);

        var clone = _git.Dir("cloud");
        _git.Git(_git.Root, "clone", "-q", _origin, clone);
        _git.Git(clone, "checkout", "-q", baseSha);
        _git.Git(clone, "am", "-q", patchFile);

        Assert.That(_git.Git(clone, "rev-parse", "HEAD^{tree}"), Is.EqualTo(_git.Git(_work, "rev-parse", "HEAD^{tree}")));
        Assert.That(History(clone, $"{baseSha}..HEAD"), Is.EqualTo(History(_work, $"{baseSha}..HEAD")));

        _git.Git(clone, "apply", "--check", diffFile);
        _git.Git(clone, "apply", "--index", diffFile);
        Assert.That(_git.Git(clone, "write-tree").Trim(), Is.EqualTo(expectedTree));
    }

    [Test]
    public void A_diff_cut_by_the_budget_still_applies_because_files_are_left_out_whole()
    {
        BaseCommit();
        _git.Write(_work, "a.txt", "line 1\n```\nline 3 edited\n````\nline 5\nline 6\nline 7\nline 8 edited\n");
        _git.Write(_work, "old.txt", string.Concat(Enumerable.Range(0, 300).Select(i => $"big line {i}\n")));
        _git.Write(_work, "fresh.txt", "fresh\n");
        var untracked = _git.Git(_work, "ls-files", "--others", "--exclude-standard").Split('\n', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        _git.Git(_work, "add", "-A");
        var working = UnifiedDiffParser.Parse(_git.Git(_work, "diff", "--cached", "--no-color", "HEAD"), untracked);
        _git.Git(_work, "reset", "-q");

        var input = Samples.Input(working, maxBytes: 4000);
        var result = new PromptComposer().Compose(input);
        Assert.That(result.IncludedFiles, Is.EquivalentTo(new[] { "a.txt", "fresh.txt" }));
        Assert.That(result.Omitted.Single(), Is.EqualTo(new OmittedItem("old.txt", working.Single(f => f.Path == "old.txt").DiffBytes, "budget")));

        var diffFile = _git.Dir("partial.diff");
        File.WriteAllText(diffFile, Samples.FencedBlocks(result.Prompt).Single().Content);
        var clone = _git.Dir("cloud");
        _git.Git(_git.Root, "clone", "-q", _origin, clone);
        _git.Git(clone, "apply", "--check", diffFile);
        _git.Git(clone, "apply", diffFile);
        Assert.That(File.ReadAllText(Path.Combine(clone, "a.txt")), Is.EqualTo(File.ReadAllText(Path.Combine(_work, "a.txt"))));
        Assert.That(File.ReadAllText(Path.Combine(clone, "fresh.txt")), Is.EqualTo("fresh\n"));
    }
}
