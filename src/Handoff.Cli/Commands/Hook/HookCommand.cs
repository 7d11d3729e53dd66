using System.CommandLine;

namespace Handoff.Cli.Commands.Hook;

/// <summary>`devin-handoff hook pre-push | install | uninstall`: the pre-push secret gate.</summary>
public sealed class HookCommand(AppServices services) : ICliCommand
{
    public Command Build()
    {
        var command = new Command("hook", "The pre-push hook that blocks a push when a pushed commit adds a secret");
        command.Subcommands.Add(new HookPrePushCommand(services).Build());
        command.Subcommands.Add(new HookInstallCommand(services).Build());
        command.Subcommands.Add(new HookUninstallCommand(services).Build());
        return command;
    }
}
