using System.CommandLine;
using Handoff.Cli.Commands;
using Handoff.Core;

namespace Handoff.Cli;

/// <summary>Builds the command tree and runs it. Parse errors are usage errors (exit 2).</summary>
public static class CliApp
{
    public static RootCommand BuildRoot(AppServices services)
    {
        var root = new RootCommand("Hand a task from your local git repository to a cloud Devin session, and follow it.");
        foreach (var command in Commands(services))
            root.Subcommands.Add(command.Build());
        // `-v` like devin-handoff.sh; prints the InformationalVersion: $(Version) from Directory.Build.props (+sha outside a release; Directory.Build.targets).
        root.Options.OfType<VersionOption>().First().Aliases.Add("-v");
        return root;
    }

    private static IEnumerable<ICliCommand> Commands(AppServices s) =>
    [
        new CreateCommand(s),
        new TailCommand(s),
        new PollCommand(s),
        new StatusCommand(s),
        new SessionsCommand(s),
        new SendCommand(s),
        new ArchiveCommand(s),
        new TerminateCommand(s),
        new PickupCommand(s),
        new InstallCommand(s),
        new UninstallCommand(s),
        new Commands.Auth.AuthCommand(s),
        new BatchCommand(s),
        new CompletionCommand(s),
        new WhoamiCommand(s),
        new OrgsCommand(s),
        new AttachmentsCommand(s),
        new UploadCommand(s),
        new Commands.Knowledge.KnowledgeCommand(s),
        new Commands.Playbooks.PlaybooksCommand(s),
        new Commands.Schedules.SchedulesCommand(s),
        new DoctorCommand(s),
        new ScanCommand(s),
        new Commands.Hook.HookCommand(s),
    ];

    public static async Task<int> Run(string[] args, AppServices services, CancellationToken cancellationToken = default)
    {
        var root = BuildRoot(services);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            var json = args.Contains("--json");
            var command = parse.CommandResult.Command.Name;
            // "Unrecognized command or argument 'x'" says more than "Required command was not provided".
            var error = parse.Errors.FirstOrDefault(e => e.Message.StartsWith("Unrecognized", StringComparison.Ordinal)) ?? parse.Errors[0];
            return CommandRunner.Fail(services, json,
                $"{error.Message} (see 'devin-handoff {(command == root.Name ? "" : command + " ")}--help')",
                ExitCodes.Usage, null);
        }
        var config = new InvocationConfiguration
        {
            Output = services.Console.Out,
            Error = services.Console.Error,
            EnableDefaultExceptionHandler = false,
        };
        return await parse.InvokeAsync(config, cancellationToken);
    }
}
