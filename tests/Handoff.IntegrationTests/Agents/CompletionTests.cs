using System.Text;
using CliWrap;
using CliWrap.Buffered;
using Handoff.IntegrationTests.Support;

namespace Handoff.IntegrationTests.Agents;

public class CompletionTests
{
    [TestCase("bash", "complete -o default -F _devin_handoff devin-handoff")]
    [TestCase("zsh", "#compdef devin-handoff")]
    [TestCase("fish", "complete -c devin-handoff")]
    [TestCase("powershell", "Register-ArgumentCompleter -Native -CommandName devin-handoff")]
    public async Task Every_shell_gets_a_script_naming_the_commands_and_their_options(string shell, string marker)
    {
        using var cli = new CliRunner();
        var result = await cli.Run(cli.Home, "completion", shell);
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.StandardOutput, Does.Contain(marker));
        foreach (var word in new[] { "create", "batch", "auth", "login", "completion", "--task", "--with-token", "--concurrency" })
            Assert.That(result.StandardOutput, Does.Contain(shell == "fish" ? word.TrimStart('-') : word), $"{shell} script lacks {word}");
    }

    [Test]
    public async Task The_bash_script_parses_loads_and_completes_subcommands_options_and_the_git_alias()
    {
        using var cli = new CliRunner();
        var script = Path.Combine(cli.Home, "devin-handoff.bash");
        File.WriteAllText(script, (await cli.Run(cli.Home, "completion", "bash")).StandardOutput);

        Assert.That((await Bash("bash", "-n", script)).ExitCode, Is.Zero, "bash -n");
        var probe = $$"""
            set -e
            source '{{script}}'
            complete -p devin-handoff
            COMP_WORDS=(devin-handoff au); COMP_CWORD=1; _devin_handoff; echo "1:${COMPREPLY[*]}"
            COMP_WORDS=(devin-handoff auth lo); COMP_CWORD=2; _devin_handoff; echo "2:${COMPREPLY[*]}"
            COMP_WORDS=(devin-handoff batch --conc); COMP_CWORD=2; _devin_handoff; echo "3:${COMPREPLY[*]}"
            COMP_WORDS=(git devin-handoff cre); COMP_CWORD=2; _git_devin_handoff; echo "4:${COMPREPLY[*]}"
            """;
        var result = await Bash("bash", "-c", probe);
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.StandardError, Is.Empty, result.ToString());
        Assert.That(result.StandardOutput, Does.Contain("1:auth\n").And.Contain("2:login logout\n").And.Contain("3:--concurrency\n").And.Contain("4:create\n"));
    }

    [Test]
    public async Task An_unknown_shell_is_a_usage_error()
    {
        using var cli = new CliRunner();
        var result = await cli.Run(cli.Home, "completion", "tcsh");
        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
    }

    private static async Task<CliResult> Bash(string program, params string[] args)
    {
        var result = await CliWrap.Cli.Wrap(program).WithArguments(args).WithValidation(CommandResultValidation.None)
            .WithEnvironmentVariables(new Dictionary<string, string?> { ["HOME"] = Path.GetTempPath(), ["BASH_ENV"] = null })
            .ExecuteBufferedAsync(Encoding.UTF8);
        return new CliResult(result.ExitCode, result.StandardOutput, result.StandardError);
    }
}
