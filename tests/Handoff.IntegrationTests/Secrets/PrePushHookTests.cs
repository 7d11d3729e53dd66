namespace Handoff.IntegrationTests.Secrets;

/// <summary>Real `git push` to a local bare repository with the hook installed by `devin-handoff hook install`.</summary>
[Parallelizable(ParallelScope.All)]
public class PrePushHookTests
{
    [SetUp]
    public void OnlyWithPosixShell()
    {
        if (OperatingSystem.IsWindows()) Assert.Ignore("these tests drive the POSIX hook through the wrapper script on PATH");
    }

    private static async Task<GitSandbox> InstalledSandbox()
    {
        var sandbox = await new GitSandbox().WithPushedMain();
        var install = await sandbox.Run("hook", "install");
        Assert.That(install.ExitCode, Is.Zero, install.ToString());
        Assert.That(install.StandardError, Does.Contain("pre-push hook installed"));
        return sandbox;
    }

    private static void AssertBlocked(CliResultLike push, params string[] secrets)
    {
        Assert.That(push.ExitCode, Is.Not.Zero, push.Text);
        Assert.That(push.Text, Does.Contain("push blocked"));
        foreach (var secret in secrets) Assert.That(push.Text, Does.Not.Contain(secret), "the report is redacted");
    }

    private sealed record CliResultLike(int ExitCode, string Text);

    private static async Task<CliResultLike> Push(GitSandbox s, params string[] args)
    {
        var result = await s.Git(["push", .. args]);
        return new CliResultLike(result.ExitCode, result.StandardOutput + result.StandardError);
    }

    [Test]
    public async Task A_pushed_commit_that_adds_a_secret_blocks_the_push_with_a_redacted_report()
    {
        using var s = await InstalledSandbox();
        var before = await s.RemoteRef("main");
        var key = TestSecrets.AwsKeyId();
        var commit = await s.CommitFile("src/settings.py", $"DEBUG = True\naws_access_key_id = \"{key}\"\n", "settings");

        var push = await Push(s, "origin", "main");

        AssertBlocked(push, key);
        Assert.That(push.Text, Does.Contain("src/settings.py:2  aws-access-key-id"));
        Assert.That(push.Text, Does.Contain($"(commit {commit[..12]})"));
        Assert.That(push.Text, Does.Contain("AKIA…"));
        Assert.That(push.Text, Does.Contain("git push --no-verify"));
        Assert.That(await s.RemoteRef("main"), Is.EqualTo(before), "the remote was not updated");
    }

    [Test]
    public async Task A_clean_push_goes_through_and_no_verify_bypasses_the_hook()
    {
        using var s = await InstalledSandbox();
        var clean = await s.CommitFile("src/app.py", "print('hello')\n", "app");
        var push = await Push(s, "origin", "main");
        Assert.That(push.ExitCode, Is.Zero, push.Text);
        Assert.That(push.Text, Does.Contain("1 commit scanned, no secrets"));
        Assert.That(await s.RemoteRef("main"), Is.EqualTo(clean));

        var dirty = await s.CommitFile("deploy.sh", $"export STRIPE_KEY={TestSecrets.StripeKey()}\n", "deploy");
        Assert.That((await Push(s, "origin", "main")).ExitCode, Is.Not.Zero);
        var bypass = await Push(s, "--no-verify", "origin", "main");
        Assert.That(bypass.ExitCode, Is.Zero, bypass.Text);
        Assert.That(await s.RemoteRef("main"), Is.EqualTo(dirty));
    }

    [Test]
    public async Task A_secret_added_by_one_commit_and_removed_by_a_later_one_is_still_blocked()
    {
        using var s = await InstalledSandbox();
        var key = TestSecrets.StripeKey();
        var adding = await s.CommitFile("config/pay.yml", $"stripe:\n  secret: {key}\n", "add payment config");
        await s.CommitRemoval("config/pay.yml", "oops, remove it");

        var push = await Push(s, "origin", "main");

        AssertBlocked(push, key);
        Assert.That(push.Text, Does.Contain("stripe-secret-key"));
        Assert.That(push.Text, Does.Contain(adding[..12]));
    }

    [Test]
    public async Task A_secret_added_while_resolving_a_merge_conflict_blocks_the_push()
    {
        using var s = await InstalledSandbox();
        await s.CommitFile("app.cfg", "mode = base\n", "base");
        await s.GitOk(s.Repo, "checkout", "-q", "-b", "side");
        await s.CommitFile("app.cfg", "mode = side\n", "side");
        await s.GitOk(s.Repo, "checkout", "-q", "main");
        await s.CommitFile("app.cfg", "mode = main\n", "main");
        Assert.That((await s.Git("merge", "-q", "side")).ExitCode, Is.Not.Zero, "the merge conflicts");
        var key = TestSecrets.StripeKey();
        await File.WriteAllTextAsync(Path.Combine(s.Repo, "app.cfg"), $"mode = merged\nstripe_key = {key}\n");
        await s.GitOk(s.Repo, "commit", "-q", "-a", "-m", "merge side");
        var merge = (await s.GitOk(s.Repo, "rev-parse", "HEAD")).StandardOutput.Trim();

        var push = await Push(s, "origin", "main");

        AssertBlocked(push, key);
        Assert.That(push.Text, Does.Contain("app.cfg:2  stripe-secret-key"));
        Assert.That(push.Text, Does.Contain($"(commit {merge[..12]})"), "found in the merge commit itself");
    }

    [Test]
    public async Task A_clean_merge_goes_through()
    {
        using var s = await InstalledSandbox();
        await s.GitOk(s.Repo, "checkout", "-q", "-b", "side");
        await s.CommitFile("side.txt", "side\n", "side");
        await s.GitOk(s.Repo, "checkout", "-q", "main");
        await s.CommitFile("main.txt", "main\n", "main");
        await s.GitOk(s.Repo, "merge", "-q", "--no-edit", "side");

        var push = await Push(s, "origin", "main");

        Assert.That(push.ExitCode, Is.Zero, push.Text);
        Assert.That(push.Text, Does.Contain("3 commits scanned, no secrets"));
    }

    [Test]
    public async Task A_new_branch_is_checked_on_the_commits_the_remote_lacks_only()
    {
        using var s = await InstalledSandbox();
        // A secret already on the remote (pushed with --no-verify) is not reported again for a new branch built on it.
        await s.CommitFile("old.env.py", $"aws_access_key_id = \"{TestSecrets.AwsKeyId()}\"\n", "old secret");
        Assert.That((await Push(s, "--no-verify", "origin", "main")).ExitCode, Is.Zero);
        await s.GitOk(s.Repo, "checkout", "-q", "-b", "feature");
        await s.CommitFile("src/feature.py", "def feature():\n    return 42\n", "feature");
        var clean = await Push(s, "-u", "origin", "feature");
        Assert.That(clean.ExitCode, Is.Zero, clean.Text);
        Assert.That(clean.Text, Does.Contain("1 commit scanned"));

        await s.GitOk(s.Repo, "checkout", "-q", "-b", "feature2");
        var key = TestSecrets.AwsKeyId();
        await s.CommitFile("src/feature2.py", $"KEY = \"{key}\"\n", "feature2 with a key");
        var blocked = await Push(s, "origin", "feature2");
        AssertBlocked(blocked, key);
        Assert.That(await s.RemoteRef("feature2"), Is.Null);
    }

    [Test]
    public async Task A_force_push_is_checked_on_the_rewritten_commits()
    {
        using var s = await InstalledSandbox();
        await s.CommitFile("src/a.py", "a = 1\n", "a");
        Assert.That((await Push(s, "origin", "main")).ExitCode, Is.Zero);

        await s.GitOk(s.Repo, "reset", "-q", "--hard", "HEAD~1");
        var key = TestSecrets.StripeKey();
        await s.CommitFile("src/a.py", $"a = '{key}'\n", "a, rewritten with a key");
        AssertBlocked(await Push(s, "--force", "origin", "main"), key);

        await s.GitOk(s.Repo, "reset", "-q", "--hard", "HEAD~1");
        var rewritten = await s.CommitFile("src/a.py", "a = 2\n", "a, rewritten clean");
        var ok = await Push(s, "--force", "origin", "main");
        Assert.That(ok.ExitCode, Is.Zero, ok.Text);
        Assert.That(await s.RemoteRef("main"), Is.EqualTo(rewritten));
    }

    [Test]
    public async Task Deleting_a_remote_branch_is_not_scanned_and_goes_through()
    {
        using var s = await InstalledSandbox();
        await s.GitOk(s.Repo, "checkout", "-q", "-b", "leaky");
        await s.CommitFile("k.py", $"k = \"{TestSecrets.AwsKeyId()}\"\n", "leaky");
        Assert.That((await Push(s, "--no-verify", "origin", "leaky")).ExitCode, Is.Zero);

        var delete = await Push(s, "origin", "--delete", "leaky");
        Assert.That(delete.ExitCode, Is.Zero, delete.Text);
        Assert.That(await s.RemoteRef("leaky"), Is.Null);
    }

    [Test]
    public async Task Several_refs_at_once_are_all_checked_and_one_secret_blocks_the_whole_push()
    {
        using var s = await InstalledSandbox();
        await s.GitOk(s.Repo, "checkout", "-q", "-b", "one");
        await s.CommitFile("one.py", "one = 1\n", "one");
        await s.GitOk(s.Repo, "checkout", "-q", "-b", "two", "main");
        var key = TestSecrets.StripeKey();
        await s.CommitFile("two.py", $"two = '{key}'\n", "two");
        await s.GitOk(s.Repo, "checkout", "-q", "main");
        var three = await s.CommitFile("three.py", "three = 3\n", "three");

        var push = await Push(s, "origin", "one", "two", "main");
        AssertBlocked(push, key);
        Assert.That(push.Text, Does.Contain("two.py:1"));
        Assert.That(await s.RemoteRef("one"), Is.Null);
        Assert.That(await s.RemoteRef("main"), Is.Not.EqualTo(three));

        await s.GitOk(s.Repo, "branch", "-q", "-D", "two");
        var ok = await Push(s, "origin", "one", "main");
        Assert.That(ok.ExitCode, Is.Zero, ok.Text);
        Assert.That(ok.Text, Does.Contain("2 commits scanned"));
        Assert.That(await s.RemoteRef("main"), Is.EqualTo(three));
    }

    [Test]
    public async Task Without_the_binary_on_PATH_the_push_goes_on_with_a_warning_unless_fail_closed()
    {
        using var s = await InstalledSandbox();
        s.SetWrapperOnPath(false);
        await s.CommitFile("k.py", $"k = \"{TestSecrets.AwsKeyId()}\"\n", "k");

        await s.GitOk(s.Repo, "config", "devin-handoff.hook.failClosed", "true");
        var closed = await Push(s, "origin", "main");
        Assert.That(closed.ExitCode, Is.Not.Zero, closed.Text);
        Assert.That(closed.Text, Does.Contain("not found on PATH; push blocked"));

        await s.GitOk(s.Repo, "config", "--unset", "devin-handoff.hook.failClosed");
        var open = await Push(s, "origin", "main");
        Assert.That(open.ExitCode, Is.Zero, open.Text);
        Assert.That(open.Text, Does.Contain("devin-handoff: not found on PATH; pushing without a secret scan"));
    }

    [Test]
    public async Task When_the_scan_itself_fails_the_push_goes_on_with_a_warning_unless_fail_closed()
    {
        using var s = await InstalledSandbox();
        await s.CommitFile(".devin-handoff/secrets.json", "{ not json", "a broken scanner config");

        await s.GitOk(s.Repo, "config", "devin-handoff.hook.failClosed", "true");
        var closed = await Push(s, "origin", "main");
        Assert.That(closed.ExitCode, Is.Not.Zero, closed.Text);
        Assert.That(closed.Text, Does.Contain("secret scan failed").And.Contain("push blocked"));

        await s.GitOk(s.Repo, "config", "devin-handoff.hook.failClosed", "false");
        var open = await Push(s, "origin", "main");
        Assert.That(open.ExitCode, Is.Zero, open.Text);
        Assert.That(open.Text, Does.Contain("warning: the pre-push secret scan failed"));
    }

    [Test]
    public async Task An_existing_hook_is_chained_first_with_the_same_input_and_restored_by_uninstall()
    {
        using var s = await new GitSandbox().WithPushedMain();
        var hooks = Path.Combine(s.Repo, ".git", "hooks");
        var seen = Path.Combine(s.Cli.Home, "seen.txt");
        var theirs = $"#!/bin/sh\necho \"args: $*\" > '{seen}'\ncat >> '{seen}'\nexit ${{THEIR_EXIT:-0}}\n";
        File.WriteAllText(Path.Combine(hooks, "pre-push"), theirs);
        GitSandbox.MakeExecutable(Path.Combine(hooks, "pre-push"));

        var install = await s.Run("hook", "install");
        Assert.That(install.ExitCode, Is.Zero, install.ToString());
        Assert.That(install.StandardError, Does.Contain("pre-push.local"));

        var head = await s.CommitFile("a.py", "a = 1\n", "a");
        var push = await Push(s, "origin", "main");
        Assert.That(push.ExitCode, Is.Zero, push.Text);
        var lines = File.ReadAllLines(seen);
        Assert.That(lines[0], Is.EqualTo($"args: origin {s.Remote}"));
        Assert.That(lines[1], Does.StartWith($"refs/heads/main {head} refs/heads/main "));
        Assert.That(push.Text, Does.Contain("1 commit scanned"), "ours ran after theirs, with the same stdin");

        s.Cli.Environment["THEIR_EXIT"] = "7";
        await s.CommitFile("b.py", "b = 1\n", "b");
        var blockedByTheirs = await Push(s, "origin", "main");
        Assert.That(blockedByTheirs.ExitCode, Is.Not.Zero, "their hook still blocks");
        Assert.That(blockedByTheirs.Text, Does.Not.Contain("commit scanned"));

        var uninstall = await s.Run("hook", "uninstall");
        Assert.That(uninstall.ExitCode, Is.Zero, uninstall.ToString());
        Assert.That(File.ReadAllText(Path.Combine(hooks, "pre-push")), Is.EqualTo(theirs));
        Assert.That(File.Exists(Path.Combine(hooks, "pre-push.local")), Is.False);
    }

    [Test]
    public async Task Install_honours_a_repository_core_hooksPath()
    {
        using var s = await new GitSandbox().WithPushedMain();
        await s.GitOk(s.Repo, "config", "core.hooksPath", ".githooks");
        var install = await s.Run("hook", "install");
        Assert.That(install.ExitCode, Is.Zero, install.ToString());
        Assert.That(File.Exists(Path.Combine(s.Repo, ".githooks", "pre-push")), Is.True);
        Assert.That(File.Exists(Path.Combine(s.Repo, ".git", "hooks", "pre-push")), Is.False);

        var key = TestSecrets.AwsKeyId();
        await s.CommitFile("k.py", $"k = \"{key}\"\n", "k");
        AssertBlocked(await Push(s, "origin", "main"), key);
    }

    [Test]
    public async Task Global_install_sets_core_hooksPath_only_when_unset_runs_the_repositorys_own_hook_and_uninstall_undoes_it()
    {
        using var s = await new GitSandbox().WithPushedMain();
        var seen = Path.Combine(s.Cli.Home, "repo-hook-ran");
        var repoHook = Path.Combine(s.Repo, ".git", "hooks", "pre-push");
        File.WriteAllText(repoHook, $"#!/bin/sh\ncat > '{seen}'\n");
        GitSandbox.MakeExecutable(repoHook);

        var install = await s.Cli.Run(s.Cli.Home, "hook", "install", "--global");
        Assert.That(install.ExitCode, Is.Zero, install.ToString());
        var hooksPath = (await s.Cli.Git(s.Cli.Home, "config", "--global", "core.hooksPath")).StandardOutput.Trim();
        Assert.That(File.Exists(Path.Combine(hooksPath, "pre-push")), Is.True);

        var key = TestSecrets.StripeKey();
        await s.CommitFile("k.py", $"k = '{key}'\n", "k");
        AssertBlocked(await Push(s, "origin", "main"), key);
        Assert.That(File.ReadAllText(seen), Does.StartWith("refs/heads/main "), "the repository's own pre-push still runs");

        var uninstall = await s.Cli.Run(s.Cli.Home, "hook", "uninstall", "--global");
        Assert.That(uninstall.ExitCode, Is.Zero, uninstall.ToString());
        Assert.That((await s.Cli.Git(s.Cli.Home, "config", "--global", "core.hooksPath")).ExitCode, Is.Not.Zero, "core.hooksPath unset again");
        Assert.That(File.Exists(repoHook), Is.True);
    }

    [Test]
    public async Task Global_install_uses_an_existing_core_hooksPath_and_leaves_it_set()
    {
        using var s = new GitSandbox();
        var mine = Path.Combine(s.Cli.Home, "my-hooks");
        await s.GitOk(s.Cli.Home, "config", "--global", "core.hooksPath", mine);

        var install = await s.Cli.Run(s.Cli.Home, "hook", "install", "--global");
        Assert.That(install.ExitCode, Is.Zero, install.ToString());
        Assert.That(File.Exists(Path.Combine(mine, "pre-push")), Is.True);

        Assert.That((await s.Cli.Run(s.Cli.Home, "hook", "uninstall", "--global")).ExitCode, Is.Zero);
        Assert.That(File.Exists(Path.Combine(mine, "pre-push")), Is.False);
        Assert.That((await s.Cli.Git(s.Cli.Home, "config", "--global", "core.hooksPath")).StandardOutput.Trim(), Is.EqualTo(mine));
    }

    [Test]
    public async Task Hook_pre_push_reads_git_ref_lines_from_stdin_directly()
    {
        using var s = await new GitSandbox().WithPushedMain();
        var remote = (await s.Git("rev-parse", "origin/main")).StandardOutput.Trim();
        var key = TestSecrets.AwsKeyId();
        var head = await s.CommitFile("k.py", $"k = \"{key}\"\n", "k");

        var blocked = await s.Cli.RunWithInput(s.Repo, $"refs/heads/main {head} refs/heads/main {remote}\n", "hook", "pre-push", "origin", s.Remote);
        Assert.That(blocked.ExitCode, Is.EqualTo(3), blocked.ToString());
        Assert.That(blocked.StandardError, Does.Not.Contain(key));
        Assert.That(blocked.StandardOutput, Is.Empty);

        var deletion = await s.Cli.RunWithInput(s.Repo, $"(delete) {new string('0', 40)} refs/heads/main {remote}\n", "hook", "pre-push", "origin", s.Remote);
        Assert.That(deletion.ExitCode, Is.Zero, deletion.ToString());
    }
}
