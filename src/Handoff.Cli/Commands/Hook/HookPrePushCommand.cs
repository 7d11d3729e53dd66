using System.CommandLine;
using Handoff.Core;
using Handoff.Core.Hooks;
using Handoff.Core.Secrets;
using Handoff.Core.Secrets.Output;

namespace Handoff.Cli.Commands.Hook;

/// <summary>
/// `devin-handoff hook pre-push REMOTE [URL]`, called by the hook script with git's ref lines on stdin. Scans each
/// commit being pushed that the remote lacks, on its own diff; exit 3 with a redacted report when one adds a secret
/// of medium or high confidence (FindingPolicy); low-confidence findings are shown as a warning and the push goes on.
/// When the tool itself fails, the push goes on with a warning (exit 0) unless devin-handoff.hook.failClosed is true
/// or cannot be read (exit 1). Never prompts.
/// </summary>
public sealed class HookPrePushCommand(AppServices services) : CliCommand(services, "pre-push",
    "Run by the pre-push hook: reads git's ref lines on stdin and blocks the push (exit 3) when a pushed commit adds a secret")
{
    private readonly Argument<string> _remote = new("REMOTE") { Description = "Name of the remote (git's first hook argument)" };
    private readonly Argument<string?> _url = new("URL") { Arity = ArgumentArity.ZeroOrOne, Description = "URL of the remote (git's second hook argument)" };

    protected override string? JsonHelp => null;
    protected override IEnumerable<Symbol> Symbols() => [_remote, _url];

    /// <remarks>Handles its own failures: the tool failing must not block a push unless failClosed says so.</remarks>
    protected override async Task<int> Execute(ParseResult parse, bool json, CancellationToken cancellationToken)
    {
        var remote = parse.GetValue(_remote)!;
        var error = Services.Console.Error;
        var cwd = Services.Environment.CurrentDirectory;
        if (Services.Console.IsInputTerminal)
        {
            error.WriteLine("devin-handoff: hook pre-push reads git's ref lines on stdin; it is run by the pre-push hook (try: devin-handoff scan --range @{u}..HEAD)");
            return ExitCodes.Usage;
        }
        var failClosed = await FailClosedSetting.Read(Services.Environment, Services.Processes, cwd, cancellationToken);
        try
        {
            var refs = PushedRef.Parse(Services.Console.In);
            var commits = await new PushedCommits(Services.Processes, cwd).Select(remote, refs, cancellationToken);
            if (commits.Count == 0) return ExitCodes.Ok;

            var scanner = Services.Scanner(Handoff.Core.Git.WorkTreeFinder.Find(cwd));
            var findings = await new GitDiffScan(Services.Processes, scanner, cwd).Commits(commits, cancellationToken);
            foreach (var note in scanner.Notices) error.WriteLine($"devin-handoff: note: {note}");
            var blocking = findings.Where(FindingPolicy.Blocks).ToList();
            var low = findings.Where(f => !FindingPolicy.Blocks(f)).ToList();
            if (blocking.Count == 0)
            {
                if (low.Count > 0) Warn(error, low);
                else error.WriteLine($"devin-handoff: {Plural(commits.Count, "commit")} scanned, no secrets");
                return ExitCodes.Ok;
            }
            Report(error, blocking);
            if (low.Count > 0) Warn(error, low);
            return ExitCodes.SecretsFound;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            error.WriteLine("devin-handoff: interrupted; push blocked");
            return ExitCodes.Interrupted;
        }
        catch (Exception e)
        {
            var message = e is HandoffException ? e.Message : $"{e.GetType().Name}: {e.Message}";
            message = message.ReplaceLineEndings(" ");
            if (Services.TraceEnabled) error.WriteLine(e.ToString());
            if (failClosed.FailClosed)
            {
                var why = failClosed.Problem is null ? "devin-handoff.hook.failClosed is true" : $"{failClosed.Problem}, so the hook fails closed";
                error.WriteLine($"devin-handoff: the pre-push secret scan failed ({message}); push blocked because {why} (skip once: git push --no-verify)");
                return ExitCodes.Error;
            }
            error.WriteLine($"devin-handoff: warning: the pre-push secret scan failed ({message}); pushing without it (to block instead: git config devin-handoff.hook.failClosed true)");
            return ExitCodes.Ok;
        }
    }

    private static void Report(TextWriter error, IReadOnlyList<Finding> findings)
    {
        error.WriteLine($"devin-handoff: push blocked: {FindingsText.Summary(findings)} being pushed");
        FindingsText.Write(error, findings);
        error.WriteLine();
        error.WriteLine("Each commit is checked on its own changes, so removing the secret in a later commit is not enough:");
        error.WriteLine("  rewrite those commits (git rebase -i, git commit --amend) and rotate the secret.");
        error.WriteLine("Not a secret? Add `devin-handoff:allow` on the line, or the fingerprint to .devin-handoff-ignore.");
        error.WriteLine("Push anyway, this once: git push --no-verify");
    }

    // Low confidence (FindingPolicy): shown, never blocking.
    private static void Warn(TextWriter error, IReadOnlyList<Finding> low)
    {
        error.WriteLine($"devin-handoff: warning: {FindingsText.Summary(low)} of low confidence being pushed (not blocking; check them):");
        FindingsText.Write(error, low);
    }

    private static string Plural(int n, string word) => n == 1 ? $"1 {word}" : $"{n} {word}s";
}
