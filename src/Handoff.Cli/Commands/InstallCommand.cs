using System.CommandLine;
using Handoff.Core;

namespace Handoff.Cli.Commands;

/// <summary>
/// `devin-handoff install`: registers the global git alias so `git devin-handoff …` works. Idempotent.
/// The alias is a shell alias that first returns to the folder the user typed it in (git runs shell
/// aliases from the top of the work tree and passes the original subfolder as GIT_PREFIX).
/// </summary>
public sealed class InstallCommand(AppServices services) : ICliCommand
{
    public const string AliasKey = "alias.devin-handoff";

    public Command Build()
    {
        var path = new Option<string?>("--path") { Description = "Program the alias runs (default: this program)" };
        var command = new Command("install", "Register the git alias `git devin-handoff` (global git config); safe to run twice");
        command.Options.Add(path);
        command.SetAction((parse, ct) => CommandRunner.Run(services, false, async token =>
        {
            var program = parse.GetValue(path) ?? services.ExecutablePath
                ?? throw new HandoffException("cannot tell where this program is; pass --path", ExitCodes.Usage);
            var value = AliasValue(program);
            var git = new Handoff.Core.Git.GitConfigWriter(services.Processes, services.Environment.CurrentDirectory);
            var current = await git.GetGlobal(AliasKey, token);
            if (current == value)
            {
                services.Console.Error.WriteLine("git alias already installed: git devin-handoff");
                return ExitCodes.Ok;
            }
            await git.SetGlobal(AliasKey, value, token);
            services.Console.Error.WriteLine($"installed git alias: git devin-handoff → {program}");
            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    public static string AliasValue(string program) =>
        $"!cd \"${{GIT_PREFIX:-.}}\" && '{program.Replace("'", "'\\''")}'";
}

/// <summary>`devin-handoff uninstall`: removes the git alias if it is ours.</summary>
public sealed class UninstallCommand(AppServices services) : ICliCommand
{
    public Command Build()
    {
        var command = new Command("uninstall", "Remove the `git devin-handoff` alias (only if it is ours)");
        command.SetAction((parse, ct) => CommandRunner.Run(services, false, async token =>
        {
            var git = new Handoff.Core.Git.GitConfigWriter(services.Processes, services.Environment.CurrentDirectory);
            var current = await git.GetGlobal(InstallCommand.AliasKey, token);
            if (current is null)
            {
                services.Console.Error.WriteLine("git alias not installed; nothing to do");
                return ExitCodes.Ok;
            }
            if (!current.Contains("devin-handoff"))
                throw new HandoffException($"{InstallCommand.AliasKey} is not ours ({current}); left alone");
            await git.UnsetGlobal(InstallCommand.AliasKey, token);
            services.Console.Error.WriteLine("removed git alias: git devin-handoff");
            return ExitCodes.Ok;
        }, ct));
        return command;
    }
}
