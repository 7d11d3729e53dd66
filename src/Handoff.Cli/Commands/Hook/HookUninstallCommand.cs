using System.CommandLine;
using Handoff.Core;
using Handoff.Core.Git;
using Handoff.Core.Hooks;

namespace Handoff.Cli.Commands.Hook;

/// <summary>
/// `devin-handoff hook uninstall [--global]`: removes our pre-push hook only (a foreign one is left alone, exit 1),
/// puts back a hook that was chained as pre-push.local, and undoes a core.hooksPath that `install --global` set.
/// </summary>
public sealed class HookUninstallCommand(AppServices services) : CliCommand(services, "uninstall",
    "Remove devin-handoff's pre-push hook (restores a hook it had chained)")
{
    private readonly Option<bool> _global = new("--global") { Description = "Remove the hook from the global hooks folder (core.hooksPath)" };

    protected override string? JsonHelp => null;
    protected override IEnumerable<Symbol> Symbols() => [_global];

    protected override async Task<int> Execute(ParseResult parse, bool json, CancellationToken cancellationToken)
    {
        var global = parse.GetValue(_global);
        var cwd = Services.Environment.CurrentDirectory;
        var error = Services.Console.Error;
        var locator = new HooksLocator(Services.Processes, cwd, Services.Environment.HomeDirectory);
        var directory = global ? await locator.ConfiguredGlobalHooks(cancellationToken) : await locator.RepositoryHooks(cancellationToken);
        if (directory is null)
        {
            error.WriteLine("no global hooks folder (core.hooksPath) is set; nothing to do");
            return ExitCodes.Ok;
        }
        var hook = Path.Combine(directory, HookScript.HookName);
        var outcome = HookInstaller.Uninstall(directory);
        error.WriteLine(outcome switch
        {
            HookUninstallOutcome.NotInstalled => $"no pre-push hook at {hook}; nothing to do",
            HookUninstallOutcome.RestoredChained => $"removed the pre-push hook; {HookScript.ChainedName} is pre-push again",
            _ => $"removed the pre-push hook: {hook}",
        });
        if (global) await UndoManagedHooksPath(directory, cancellationToken);
        return ExitCodes.Ok;
    }

    /// <summary>Unsets core.hooksPath when install --global set it and the folder is now empty.</summary>
    private async Task UndoManagedHooksPath(string directory, CancellationToken cancellationToken)
    {
        var git = new GitConfigWriter(Services.Processes, Services.Environment.CurrentDirectory);
        var managed = await git.GetGlobal(HooksLocator.ManagedHooksPathKey, cancellationToken);
        if (managed is null || !SamePath(managed, directory)) return;
        if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any())
        {
            Services.Console.Error.WriteLine($"  kept core.hooksPath: {directory} still holds other hooks");
            return;
        }
        if (Directory.Exists(directory)) Directory.Delete(directory);
        await git.UnsetGlobal(HooksLocator.HooksPathKey, cancellationToken);
        await git.UnsetGlobal(HooksLocator.ManagedHooksPathKey, cancellationToken);
        Services.Console.Error.WriteLine("unset git config --global core.hooksPath (install --global had set it)");
    }

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.GetFullPath(a).TrimEnd('/', '\\'), Path.GetFullPath(b).TrimEnd('/', '\\'),
            OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
}
