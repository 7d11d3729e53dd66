using Handoff.IntegrationTests.Support;

namespace Handoff.IntegrationTests.Commands;

public class InstallTests
{
    [Test]
    public async Task Install_registers_a_git_alias_that_runs_the_binary_from_a_subfolder_and_is_idempotent()
    {
        using var cli = new CliRunner();
        var repo = Path.Combine(cli.Home, "repo");
        Directory.CreateDirectory(Path.Combine(repo, "sub"));
        Assert.That((await cli.Git(repo, "init", "-q")).ExitCode, Is.Zero);

        var first = await cli.Run(cli.Home, "install", "--path", CliRunner.BinaryPath);
        var second = await cli.Run(cli.Home, "install", "--path", CliRunner.BinaryPath);
        Assert.That(first.ExitCode, Is.Zero, first.ToString());
        Assert.That(second.ExitCode, Is.Zero, second.ToString());
        Assert.That(second.StandardError, Does.Contain("already installed"));
        Assert.That(File.ReadAllText(cli.GlobalGitConfig).Split("devin-handoff =").Length - 1, Is.EqualTo(1), "one alias entry");

        var viaGit = await cli.Git(Path.Combine(repo, "sub"), "devin-handoff", "--version");
        Assert.That(viaGit.ExitCode, Is.Zero, viaGit.ToString());
        Assert.That(viaGit.StandardOutput, Does.Match(@"^\d+\.\d+"));
    }

    [Test]
    public async Task Uninstall_removes_only_our_alias()
    {
        using var cli = new CliRunner();
        Assert.That((await cli.Run(cli.Home, "install", "--path", CliRunner.BinaryPath)).ExitCode, Is.Zero);
        var removed = await cli.Run(cli.Home, "uninstall");
        Assert.That(removed.ExitCode, Is.Zero, removed.ToString());
        Assert.That(File.ReadAllText(cli.GlobalGitConfig), Does.Not.Contain("devin-handoff"));

        await cli.Git(cli.Home, "config", "--global", "alias.devin-handoff", "!echo someone-else");
        var refused = await cli.Run(cli.Home, "uninstall");
        Assert.That(refused.ExitCode, Is.EqualTo(1));
        Assert.That(File.ReadAllText(cli.GlobalGitConfig), Does.Contain("someone-else"));
    }

    [Test]
    public async Task Unknown_command_is_a_usage_error_with_exit_2_and_no_stack_trace()
    {
        using var cli = new CliRunner();
        var result = await cli.Run(cli.Home, "no-such-command");
        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.StandardError, Does.StartWith("devin-handoff: "));
        Assert.That(result.StandardError, Does.Not.Contain("   at "));
    }
}
