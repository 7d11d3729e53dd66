namespace Handoff.IntegrationTests.Secrets;

/// <summary>
/// The pre-push hook's exit codes (3: a secret blocked the push, as the README documents) and its fail-closed
/// setting, which must never fail open because it could not be read.
/// </summary>
[Parallelizable(ParallelScope.All)]
public class HookFailClosedTests
{
    [SetUp]
    public void OnlyWithPosixShell()
    {
        if (OperatingSystem.IsWindows()) Assert.Ignore("these tests drive the POSIX hook through the wrapper script on PATH");
    }

    /// <summary>Runs `hook pre-push` as the hook script does, for the commit at HEAD that the remote lacks.</summary>
    private static async Task<Support.CliResult> PrePush(GitSandbox s)
    {
        var remote = (await s.Git("rev-parse", "origin/main")).StandardOutput.Trim();
        var head = (await s.Git("rev-parse", "HEAD")).StandardOutput.Trim();
        return await s.Cli.RunWithInput(s.Repo, $"refs/heads/main {head} refs/heads/main {remote}\n", "hook", "pre-push", "origin", s.Remote);
    }

    /// <summary>A commit to push, and a scanner config the scan cannot read, so the scan itself fails.</summary>
    private static async Task<GitSandbox> SandboxWhereTheScanFails()
    {
        var s = await new GitSandbox().WithPushedMain();
        await s.CommitFile(".devin-handoff/secrets.json", "{ not json", "a broken scanner config");
        return s;
    }

    [Test]
    public async Task A_secret_blocks_with_exit_3_as_the_README_documents()
    {
        using var s = await new GitSandbox().WithPushedMain();
        await s.CommitFile("k.py", $"k = \"{TestSecrets.AwsKeyId()}\"\n", "k");

        var result = await PrePush(s);

        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
        Assert.That(result.StandardError, Does.Contain("push blocked"));
    }

    [TestCase("maybe", TestName = "A failClosed value that is not a boolean blocks when the scan fails")]
    [TestCase(null, TestName = "A failClosed key with no value (true to git) blocks when the scan fails")]
    public async Task An_unusual_failClosed_value_fails_closed(string? value)
    {
        using var s = await SandboxWhereTheScanFails();
        var config = Path.Combine(s.Repo, ".git", "config");
        File.AppendAllText(config, value is null ? "[devin-handoff \"hook\"]\n\tfailClosed\n" : $"[devin-handoff \"hook\"]\n\tfailClosed = {value}\n");

        var result = await PrePush(s);

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.StandardError, Does.Contain("push blocked"));
    }

    [Test]
    public async Task A_git_config_that_cannot_be_read_fails_closed()
    {
        using var s = await SandboxWhereTheScanFails();
        var folder = Directory.CreateDirectory(Path.Combine(s.Cli.Home, "not-a-file")).FullName;
        File.AppendAllText(Path.Combine(s.Repo, ".git", "config"), $"[include]\n\tpath = {folder}\n");

        var result = await PrePush(s);

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.StandardError, Does.Contain("devin-handoff.hook.failClosed could not be read").And.Contain("push blocked"));
    }

    [Test]
    public async Task An_environment_value_that_is_not_a_boolean_fails_closed_and_false_fails_open()
    {
        using var s = await SandboxWhereTheScanFails();

        s.Cli.Environment["DEVIN_HANDOFF_HOOK_FAIL_CLOSED"] = "sometimes";
        var closed = await PrePush(s);
        Assert.That(closed.ExitCode, Is.EqualTo(1), closed.ToString());
        Assert.That(closed.StandardError, Does.Contain("DEVIN_HANDOFF_HOOK_FAIL_CLOSED='sometimes' is not true or false"));

        s.Cli.Environment["DEVIN_HANDOFF_HOOK_FAIL_CLOSED"] = "false";
        var open = await PrePush(s);
        Assert.That(open.ExitCode, Is.Zero, open.ToString());
        Assert.That(open.StandardError, Does.Contain("warning: the pre-push secret scan failed"));
    }

    [Test]
    public async Task Without_the_binary_the_script_fails_closed_on_a_value_it_cannot_read()
    {
        using var s = await new GitSandbox().WithPushedMain();
        Assert.That((await s.Run("hook", "install")).ExitCode, Is.Zero);
        s.SetWrapperOnPath(false);
        await s.CommitFile("a.txt", "a\n", "a");
        await s.GitOk(s.Repo, "config", "devin-handoff.hook.failClosed", "maybe");

        var push = await s.Git("push", "origin", "main");

        Assert.That(push.ExitCode, Is.Not.Zero, push.ToString());
        Assert.That(push.StandardError, Does.Contain("not found on PATH; push blocked"));
    }
}
