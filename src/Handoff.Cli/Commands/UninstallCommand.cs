using System.CommandLine;
using Handoff.Core;
using Handoff.Core.Git;

namespace Handoff.Cli.Commands;

/// <summary>`devin-handoff uninstall`: removes the git alias if it is ours.</summary>
public sealed class UninstallCommand(AppServices services) : CliCommand(services, "uninstall",
    "Remove the `git devin-handoff` alias (only if it is ours)")
{
    protected override string? JsonHelp => null;
    protected override IEnumerable<Symbol> Symbols() => [];

    protected override async Task<int> Execute(ParseResult parse, bool json, CancellationToken ct)
    {
        var git = new GitConfigWriter(Services.Processes, Services.Environment.CurrentDirectory);
        var current = await git.GetGlobal(InstallCommand.AliasKey, ct);
        if (current is null)
        {
            Status("git alias not installed; nothing to do");
            return ExitCodes.Ok;
        }
        if (!current.Contains("devin-handoff"))
            throw new HandoffException($"{InstallCommand.AliasKey} is not ours ({current}); left alone");
        await git.UnsetGlobal(InstallCommand.AliasKey, ct);
        Status("removed git alias: git devin-handoff");
        return ExitCodes.Ok;
    }
}
