using Handoff.Core;
using Handoff.Core.Abstractions;
using Handoff.Core.Git;
using Handoff.Tests.TestSupport;
using Moq;

namespace Handoff.Tests.Git;

public class GitCliTests
{
    [Test]
    public async Task Push_sends_HEAD_to_a_real_bare_remote_and_sets_the_upstream()
    {
        using var repo = TempGitRepo.Init();
        repo.Run("checkout", "-q", "-b", "feature");
        var sha = repo.CommitFile("a.txt", "hello\n");
        var bare = repo.CreateBareRemote();
        var git = new GitCli(new CliWrapProcessRunner(), repo.Environment);

        await git.Push(repo.Path, "origin");

        Assert.That(repo.RunIn(bare, "rev-parse", "refs/heads/feature"), Is.EqualTo(sha));
        Assert.That(repo.Run("rev-parse", "--abbrev-ref", "feature@{upstream}"), Is.EqualTo("origin/feature"));
    }

    [Test]
    public void Push_failure_carries_gits_message()
    {
        using var repo = TempGitRepo.Init();
        repo.CommitFile("a.txt", "hello\n");
        repo.Run("remote", "add", "origin", Path.Combine(repo.Root, "missing.git"));
        var git = new GitCli(new CliWrapProcessRunner(), repo.Environment);

        var error = Assert.ThrowsAsync<HandoffException>(() => git.Push(repo.Path, "origin"));

        Assert.That(error!.ExitCode, Is.EqualTo(ExitCodes.Error));
        Assert.That(error.Message, Does.StartWith("git push to 'origin' failed: fatal:"));
        Assert.That(error.Message, Does.Contain("does not appear to be a git repository"));
        Assert.That(error.Message, Does.Not.Contain("\n"));
    }

    [Test]
    public async Task Push_runs_the_users_git_with_arguments_as_a_list()
    {
        var runner = new Mock<IProcessRunner>();
        runner.Setup(r => r.Run(It.IsAny<string>(), It.IsAny<IReadOnlyList<string>>(), It.IsAny<string>(), null, null, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ProcessResult(0, "", ""));

        await new GitCli(runner.Object).Push("/work/dir", "upstream");

        runner.Verify(r => r.Run("git", new[] { "push", "-u", "upstream", "HEAD" }, "/work/dir", null, null, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public void Rejected_push_keeps_the_reason_and_drops_credentials_and_hints()
    {
        const string stderr = """
            To https://me:ghp_S3cr3tT0ken@github.com/acme/widgets.git
             ! [rejected]        HEAD -> main (fetch first)
            error: failed to push some refs to 'https://me:ghp_S3cr3tT0ken@github.com/acme/widgets.git'
            hint: Updates were rejected because the remote contains work that you do
            hint: not have locally.
            """;
        var runner = new Mock<IProcessRunner>();
        runner.Setup(r => r.Run(It.IsAny<string>(), It.IsAny<IReadOnlyList<string>>(), It.IsAny<string>(), null, null, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ProcessResult(1, "", stderr));

        var error = Assert.ThrowsAsync<HandoffException>(() => new GitCli(runner.Object).Push("/w", "origin"));

        Assert.That(error!.Message, Is.EqualTo(
            "git push to 'origin' failed: ! [rejected]        HEAD -> main (fetch first) | error: failed to push some refs to 'https://github.com/acme/widgets.git'"));
        Assert.That(error.Message, Does.Not.Contain("S3cr3t"));
    }

    [Test]
    public void Empty_stderr_still_gives_a_reason()
    {
        var runner = new Mock<IProcessRunner>();
        runner.Setup(r => r.Run(It.IsAny<string>(), It.IsAny<IReadOnlyList<string>>(), It.IsAny<string>(), null, null, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ProcessResult(128, "", ""));

        var error = Assert.ThrowsAsync<HandoffException>(() => new GitCli(runner.Object).Push("/w", "origin"));

        Assert.That(error!.Message, Is.EqualTo("git push to 'origin' failed: git exited with code 128"));
    }

    [TestCase("--upload-pack=evil")]
    [TestCase("-f")]
    [TestCase("")]
    public void Remote_names_that_look_like_options_are_refused(string remote)
    {
        var runner = new Mock<IProcessRunner>(MockBehavior.Strict);

        var error = Assert.ThrowsAsync<HandoffException>(() => new GitCli(runner.Object).Push("/w", remote));

        Assert.That(error!.ExitCode, Is.EqualTo(ExitCodes.Usage));
    }
}
