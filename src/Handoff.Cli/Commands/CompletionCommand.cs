using System.CommandLine;
using Handoff.Cli.Completion;
using Handoff.Core;

namespace Handoff.Cli.Commands;

/// <summary>`devin-handoff completion bash|zsh|fish|powershell`: prints a static completion script for the shell.</summary>
public sealed class CompletionCommand(AppServices services) : CliCommand(services, "completion",
    "Print a shell completion script: source <(devin-handoff completion bash), … | source for fish, … | Invoke-Expression for PowerShell")
{
    private readonly Argument<string> _shell = CreateShellArgument();

    protected override string? JsonHelp => null;
    protected override IEnumerable<Symbol> Symbols() => [_shell];

    protected override Task<int> Execute(ParseResult parse, bool json, CancellationToken ct)
    {
        var nodes = CommandTree.Flatten(CliApp.BuildRoot(Services));
        Services.Console.Out.Write(CompletionScripts.For(parse.GetValue(_shell)!, nodes));
        return Task.FromResult(ExitCodes.Ok);
    }

    private static Argument<string> CreateShellArgument()
    {
        var shell = new Argument<string>("SHELL") { Description = "bash, zsh, fish or powershell" };
        shell.AcceptOnlyFromAmong([.. CompletionScripts.Shells, "pwsh"]);
        return shell;
    }
}
