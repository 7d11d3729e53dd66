using System.CommandLine;
using Handoff.Core;
using Handoff.Core.Git;
using Handoff.Core.Hooks;

namespace Handoff.Cli.Commands.Hook;

/// <summary>
/// `devin-handoff hook install [--global]`: writes the pre-push hook where git looks for it (core.hooksPath honoured).
/// A foreign pre-push hook is kept as pre-push.local and run first. Idempotent.
/// </summary>
public sealed class HookInstallCommand(AppServices services) : CliCommand(services, "install",
    "Install the pre-push secret hook in this repository (or --global); keeps an existing hook and runs it first")
{
    private readonly Option<bool> _global = new("--global") { Description = "Install for every repository (a global core.hooksPath, set only if none is)" };

    protected override string? JsonHelp => null;
    protected override IEnumerable<Symbol> Symbols() => [_global];

    protected override async Task<int> Execute(ParseResult parse, bool json, CancellationToken cancellationToken)
    {
        var global = parse.GetValue(_global);
        var cwd = Services.Environment.CurrentDirectory;
        var locator = new HooksLocator(Services.Processes, cwd, Services.Environment.HomeDirectory);
        var error = Services.Console.Error;
        string directory;
        if (global)
        {
            var configured = await locator.ConfiguredGlobalHooks(cancellationToken);
            if (configured is null)
            {
                directory = locator.DefaultGlobalHooks();
                var git = new GitConfigWriter(Services.Processes, cwd);
                await git.SetGlobal(HooksLocator.HooksPathKey, directory.Replace('\\', '/'), cancellationToken);
                await git.SetGlobal(HooksLocator.ManagedHooksPathKey, directory.Replace('\\', '/'), cancellationToken);
                error.WriteLine($"set git config --global core.hooksPath {directory}");
                error.WriteLine("  note: git now runs hooks from there, not from each repository's .git/hooks; our pre-push still runs a repository's own .git/hooks/pre-push first");
            }
            else
            {
                directory = configured;
            }
        }
        else
        {
            directory = await locator.RepositoryHooks(cancellationToken);
        }

        var hook = Path.Combine(directory, HookScript.HookName);
        var outcome = HookInstaller.Install(directory, global);
        error.WriteLine(outcome switch
        {
            HookInstallOutcome.AlreadyInstalled => $"pre-push hook already installed: {hook}",
            HookInstallOutcome.Updated => $"pre-push hook updated: {hook}",
            HookInstallOutcome.Chained => $"pre-push hook installed: {hook} (the existing hook is now {HookScript.ChainedName} and runs first)",
            _ => $"pre-push hook installed: {hook}",
        });
        if (!OnPath("devin-handoff"))
            error.WriteLine("  warning: devin-handoff is not on PATH, so the hook will let pushes through unscanned; add its folder to PATH");
        return ExitCodes.Ok;
    }

    private bool OnPath(string program)
    {
        var path = Services.Environment.Get("PATH");
        if (path is null) return false;
        var names = OperatingSystem.IsWindows() ? new[] { program + ".exe", program + ".cmd", program } : [program];
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => names.Any(n => File.Exists(Path.Combine(dir, n))));
    }
}
