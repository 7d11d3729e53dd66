using System.CommandLine;

namespace Handoff.Cli.Commands.Auth;

/// <summary>`devin-handoff auth login|status|logout`: the API key in the user's git credential helpers.</summary>
public sealed class AuthCommand(AppServices services) : ICliCommand
{
    public Command Build()
    {
        var command = new Command("auth", "Store, check or remove the Devin API key (kept in your git credential helper, never in a file of ours)");
        command.Subcommands.Add(new AuthLoginCommand(services).Build());
        command.Subcommands.Add(new AuthStatusCommand(services).Build());
        command.Subcommands.Add(new AuthLogoutCommand(services).Build());
        return command;
    }
}
