using System.CommandLine;
using Handoff.Cli.Completion;
using Handoff.Core;

namespace Handoff.Cli.Commands;

/// <summary>`devin-handoff completion bash|zsh|fish|powershell`: prints a static completion script for the shell.</summary>
public sealed class CompletionCommand(AppServices services) : ICliCommand
{
    public Command Build()
    {
        var shell = new Argument<string>("SHELL") { Description = "bash, zsh, fish or powershell" };
        shell.AcceptOnlyFromAmong([.. CompletionScripts.Shells, "pwsh"]);
        var command = new Command("completion", "Print a shell completion script: source <(devin-handoff completion bash), … | source for fish, … | Invoke-Expression for PowerShell");
        command.Arguments.Add(shell);
        command.SetAction((parse, ct) => CommandRunner.Run(services, false, _ =>
        {
            var nodes = CommandTree.Flatten(CliApp.BuildRoot(services));
            services.Console.Out.Write(CompletionScripts.For(parse.GetValue(shell)!, nodes));
            return Task.FromResult(ExitCodes.Ok);
        }, ct));
        return command;
    }
}
