using Handoff.Core;
using Handoff.Core.Hooks;
using Handoff.Core.Secrets;

namespace Handoff.Tests.Hooks;

public class GitDiffScanTests
{
    private static readonly string Sha = new('a', 40);

    private static string PatchWithKey(string key) =>
        $"commit {Sha}\n\ndiff --git a/p.py b/p.py\n--- /dev/null\n+++ b/p.py\n@@ -0,0 +1,2 @@\n+x = 1\n+KEY = '{key}'\n";

    private static string StripeKey() => "sk_" + "live_" + "Q7mZ2kR9xB4nT8vW1cY6pL3s";

    [Test]
    public async Task Commits_are_passed_on_stdin_to_one_git_log_that_shows_each_commits_own_patch()
    {
        var git = new FakeGit().On(a => a.Contains("log"), 0, PatchWithKey(StripeKey()));
        var findings = await new GitDiffScan(git, new SecretScanner(SecretScanConfig.Default), "/repo").Commits([Sha, "b"]);

        var (arguments, stdin) = git.Calls.Single();
        Assert.That(arguments.SkipWhile(a => a != "log"), Is.EqualTo(new[] { "log", "-p", "-U0", "--no-ext-diff", "--no-textconv", "--no-color",
            "--src-prefix=a/", "--dst-prefix=b/", "--full-index", "--format=commit %H", "--diff-merges=remerge", "--no-walk=unsorted", "--stdin" }));
        Assert.That(arguments.TakeWhile(a => a != "log"), Does.Contain("core.quotePath=false"), "the same git settings as create's diff");
        Assert.That(stdin, Is.EqualTo($"{Sha}\nb\n"));
        var finding = findings.Single();
        Assert.That((finding.RuleId, finding.File, finding.Line, finding.Commit), Is.EqualTo(("stripe-secret-key", "p.py", 2, Sha)));
    }

    [Test]
    public async Task A_git_without_remerge_diff_is_asked_again_for_merges_against_their_first_parent()
    {
        var git = new FakeGit()
            .On(a => a.Contains("--diff-merges=remerge"), 128, stderr: "fatal: unknown value for --diff-merges: remerge\n")
            .On(a => a.Contains("--diff-merges=first-parent"), 0, PatchWithKey(StripeKey()));
        var findings = await new GitDiffScan(git, new SecretScanner(SecretScanConfig.Default), "/repo").Range("main..topic");

        Assert.That(git.Calls.Select(c => c.Arguments.Single(a => a.StartsWith("--diff-merges"))), Is.EqualTo(new[] { "--diff-merges=remerge", "--diff-merges=first-parent" }));
        Assert.That(git.Calls[1].Arguments.TakeLast(2), Is.EqualTo(new[] { "main..topic", "--" }));
        Assert.That(findings.Single().RuleId, Is.EqualTo("stripe-secret-key"));
    }

    [Test]
    public async Task A_git_that_knows_no_merge_diff_option_at_all_still_scans_the_other_commits()
    {
        var git = new FakeGit()
            .On(a => a.Any(x => x.StartsWith("--diff-merges")), 129, stderr: "fatal: unrecognized argument: --diff-merges=x\n")
            .On(_ => true, 0, PatchWithKey(StripeKey()));
        var findings = await new GitDiffScan(git, new SecretScanner(SecretScanConfig.Default), "/repo").Commits([Sha]);

        Assert.That(git.Calls, Has.Count.EqualTo(3));
        Assert.That(git.Calls[2].Arguments.Any(a => a.StartsWith("--diff-merges")), Is.False);
        Assert.That(findings.Single().RuleId, Is.EqualTo("stripe-secret-key"));
    }

    [Test]
    public void A_failure_that_is_not_about_merge_diffs_is_not_retried()
    {
        var git = new FakeGit().On(_ => true, 128, stderr: "fatal: bad object deadbeef\n");
        Assert.ThrowsAsync<HandoffException>(() => new GitDiffScan(git, new SecretScanner(SecretScanConfig.Default), "/repo").Commits(["deadbeef"]));
        Assert.That(git.Calls, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task No_commits_means_git_is_not_run()
    {
        var git = new FakeGit();
        Assert.That(await new GitDiffScan(git, new SecretScanner(SecretScanConfig.Default), "/repo").Commits([]), Is.Empty);
        Assert.That(git.Calls, Is.Empty);
    }

    [TestCase("--output=/tmp/x")]
    [TestCase("")]
    [TestCase("a b")]
    public void A_range_that_could_be_an_option_or_is_empty_is_refused_before_git_runs(string range)
    {
        var git = new FakeGit();
        var e = Assert.ThrowsAsync<HandoffException>(() => new GitDiffScan(git, new SecretScanner(SecretScanConfig.Default), "/repo").Range(range));
        Assert.That(e!.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(git.Calls, Is.Empty);
    }

    [Test]
    public void An_unknown_revision_is_a_usage_error_and_other_git_failures_are_errors()
    {
        var unknown = new FakeGit().On(_ => true, 128, stderr: "fatal: ambiguous argument 'nope..HEAD': unknown revision or path not in the working tree.\n");
        var e = Assert.ThrowsAsync<HandoffException>(() => new GitDiffScan(unknown, new SecretScanner(SecretScanConfig.Default), "/repo").Range("nope..HEAD"));
        Assert.That(e!.ExitCode, Is.EqualTo(ExitCodes.Usage));

        var broken = new FakeGit().On(_ => true, 128, stderr: "fatal: not a git repository\n");
        e = Assert.ThrowsAsync<HandoffException>(() => new GitDiffScan(broken, new SecretScanner(SecretScanConfig.Default), "/repo").Staged());
        Assert.That(e!.ExitCode, Is.EqualTo(ExitCodes.Error));
        Assert.That(e.Message, Does.Contain("not a git repository"));
    }

    [Test]
    public void A_refused_range_is_named_in_the_error()
    {
        var e = Assert.ThrowsAsync<HandoffException>(() => new GitDiffScan(new FakeGit(), new SecretScanner(SecretScanConfig.Default), "/repo").Range("-x"));
        Assert.That(e!.Message, Is.EqualTo("invalid --range '-x': want A..B (two commits, branches or tags)"));
    }

    [Test]
    public void When_even_the_plain_log_fails_on_diff_merges_the_error_is_gits_and_nothing_more_is_tried()
    {
        var git = new FakeGit().On(_ => true, 129, stderr: "fatal: --diff-merges broken\n");
        var e = Assert.ThrowsAsync<HandoffException>(() => new GitDiffScan(git, new SecretScanner(SecretScanConfig.Default), "/repo").Commits([Sha]));
        Assert.That(e!.Message, Is.EqualTo("git log failed: fatal: --diff-merges broken"));
        Assert.That(git.Calls, Has.Count.EqualTo(3));
    }

    [Test]
    public async Task The_staged_scan_diffs_the_index_with_added_lines_only_and_full_blob_ids()
    {
        var git = new FakeGit().On(_ => true, 0, "diff --git a/p.py b/p.py\n--- /dev/null\n+++ b/p.py\n@@ -0,0 +1,1 @@\n+KEY = '" + StripeKey() + "'\n");
        var findings = await new GitDiffScan(git, new SecretScanner(SecretScanConfig.Default), "/repo").Staged();

        Assert.That(git.Calls.Single().Arguments.SkipWhile(a => a != "diff"), Is.EqualTo(new[] { "diff", "--cached", "-U0", "--no-ext-diff", "--no-textconv",
            "--no-color", "--src-prefix=a/", "--dst-prefix=b/", "--full-index" }));
        Assert.That(findings.Single().RuleId, Is.EqualTo("stripe-secret-key"));
    }

    [TestCase("fatal: bad revision 'nope'")]
    [TestCase("fatal: ambiguous argument 'x': both revision and filename")]
    [TestCase("fatal: Unknown Revision 'x'")]
    public void Each_kind_of_revision_git_does_not_know_is_a_usage_error(string stderr)
    {
        var git = new FakeGit().On(_ => true, 128, stderr: stderr + "\n");
        var e = Assert.ThrowsAsync<HandoffException>(() => new GitDiffScan(git, new SecretScanner(SecretScanConfig.Default), "/repo").Range("a..b"));
        Assert.That(e!.ExitCode, Is.EqualTo(ExitCodes.Usage));
    }
}
