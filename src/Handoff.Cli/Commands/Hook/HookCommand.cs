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

    /// <summary>The repository's work tree (for its secret-scan config), or null outside one / in a bare repository.</summary>
    internal static string? WorkTree(string cwd)
    {
        try
        {
            var gitDir = Handoff.Core.Git.GitDirectoryFinder.Find(cwd);
            if (gitDir is null) return null;
            using var repo = Handoff.Core.Git.LibGit2Repositories.Open(gitDir);
            return repo.Info.WorkingDirectory is { } dir ? Path.TrimEndingDirectorySeparator(dir) : null;
        }
        catch (LibGit2Sharp.LibGit2SharpException)
        {
            return null;
        }
    }
}
