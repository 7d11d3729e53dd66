using System.CommandLine;
using Handoff.Core;
using Handoff.Core.Hooks;
using Handoff.Core.Inspection;
using Handoff.Core.Output;
using Handoff.Core.Secrets;
using Handoff.Core.Secrets.Output;

namespace Handoff.Cli.Commands;

/// <summary>
/// `devin-handoff scan`: runs the secret scanner over what a handoff would send (default), the staged changes,
/// the added lines of a commit range, files and folders, or stdin. Exit 3 when a finding of medium or high confidence
/// remains (what would block the pre-push hook, FindingPolicy); low-confidence findings are reported with exit 0.
/// </summary>
public sealed class ScanCommand(AppServices services) : ICliCommand
{
    private readonly Argument<string[]> _paths = new("PATH") { Arity = ArgumentArity.ZeroOrMore, Description = "Files or folders to scan (whole content)" };
    private readonly Option<bool> _staged = new("--staged") { Description = "Scan the staged changes (index against HEAD)" };
    private readonly Option<string?> _range = new("--range") { Description = "Scan the lines added by each commit of A..B (every commit's own diff)" };
    private readonly Option<bool> _stdin = new("--stdin") { Description = "Scan stdin: a unified diff (git diff, git log -p) or plain text" };
    private readonly Option<string?> _stdinName = new("--stdin-name") { Description = "File name to report for plain text on stdin (default: stdin)" };
    private readonly Option<bool> _json = new("--json") { Description = "Findings as JSON" };
    private readonly Option<bool> _sarif = new("--sarif") { Description = "Findings as SARIF 2.1.0 (for code-scanning services)" };

    public Command Build()
    {
        var command = new Command("scan",
            "Scan for secrets: by default what `create` would send (working changes and unpushed commits); exit 3 when one of medium or high confidence is found");
        command.Arguments.Add(_paths);
        foreach (var option in new Option[] { _staged, _range, _stdin, _stdinName, _json, _sarif })
            command.Options.Add(option);
        command.SetAction((parse, ct) => CommandRunner.Run(services, parse.GetValue(_json), token => Execute(parse, token), ct));
        return command;
    }

    private async Task<int> Execute(ParseResult parse, CancellationToken cancellationToken)
    {
        var json = parse.GetValue(_json);
        var sarif = parse.GetValue(_sarif);
        if (json && sarif) throw new HandoffException("--json and --sarif cannot be combined", ExitCodes.Usage);
        var paths = parse.GetValue(_paths) ?? [];
        var range = parse.GetValue(_range);
        var modes = new[] { parse.GetValue(_staged), range is not null, parse.GetValue(_stdin), paths.Length > 0 }.Count(m => m);
        if (modes > 1) throw new HandoffException("choose one of --staged, --range, --stdin or PATH…", ExitCodes.Usage);
        if (parse.GetValue(_stdinName) is not null && !parse.GetValue(_stdin))
            throw new HandoffException("--stdin-name needs --stdin", ExitCodes.Usage);

        var cwd = services.Environment.CurrentDirectory;
        var workTree = Hook.HookCommand.WorkTree(cwd);
        var scanner = new SecretScanner(new FileSecretConfigLoader(), workTree);
        string mode;
        IReadOnlyList<Finding> findings;
        if (parse.GetValue(_stdin))
        {
            mode = "stdin";
            findings = await ScanStdin(scanner, parse.GetValue(_stdinName) ?? "stdin", cancellationToken);
        }
        else if (paths.Length > 0)
        {
            mode = "paths";
            findings = scanner.ScanFiles(paths.Select(p => Path.GetFullPath(p, cwd)), workTree ?? cwd);
        }
        else if (range is not null)
        {
            mode = "range";
            findings = await new GitDiffScan(services.Processes, scanner, RequireRepo(workTree, cwd, "--range")).Range(range, cancellationToken);
        }
        else if (parse.GetValue(_staged))
        {
            mode = "staged";
            findings = await new GitDiffScan(services.Processes, scanner, RequireRepo(workTree, cwd, "--staged")).Staged(cancellationToken);
        }
        else
        {
            mode = "working";
            RequireRepo(workTree, cwd, "scan (working changes)");
            var snapshot = services.Inspector().Inspect(new InspectOptions { StartDirectory = cwd, IncludeChanges = true });
            findings = scanner.Filter(snapshot, SecretMode.Withhold).Findings;
        }

        Write(findings, mode, json, sarif, scanner);
        return FindingPolicy.AnyBlocks(findings) ? ExitCodes.SecretsFound : ExitCodes.Ok;
    }

    private void Write(IReadOnlyList<Finding> findings, string mode, bool json, bool sarif, SecretScanner scanner)
    {
        var output = services.Console.Out;
        if (json)
            output.WriteLine(Json.Serialize(FindingsReport.From(mode, findings), Json.Context.FindingsReport));
        else if (sarif)
            output.WriteLine(SarifLog.Serialize(findings, SarifLog.Catalogue(scanner.ActiveRules), ToolVersion));
        else
            FindingsText.Write(output, findings);

        var status = services.Console.Error;
        foreach (var note in scanner.Notices) status.WriteLine($"devin-handoff: note: {note}");
        if (findings.Count == 0)
        {
            status.WriteLine("devin-handoff: no secrets found");
            return;
        }
        var low = findings.Count(f => !FindingPolicy.Blocks(f));
        var lowNote = low == 0 ? "" : low == findings.Count ? " (low confidence: not blocking)" : $" ({low} of low confidence: not blocking)";
        status.WriteLine($"devin-handoff: {FindingsText.Summary(findings)} found{lowNote}");
        if (!json && !sarif)
            status.WriteLine("  false positive? add `devin-handoff:allow` on the line, or its fingerprint to .devin-handoff-ignore");
    }

    private async Task<IReadOnlyList<Finding>> ScanStdin(SecretScanner scanner, string name, CancellationToken cancellationToken)
    {
        if (services.Console.IsInputTerminal)
            throw new HandoffException("--stdin: pipe a diff or text into the command (stdin is a terminal)", ExitCodes.Usage);
        var (isDiff, reader) = StdinDiffDetector.Detect(services.Console.In);
        if (isDiff) return scanner.ScanDiff(reader).ToList();
        var text = await reader.ReadToEndAsync(cancellationToken);
        return scanner.ScanText(name, text);
    }

    private static string RequireRepo(string? workTree, string cwd, string what) =>
        workTree ?? throw new HandoffException($"{what}: not inside a git repository: {cwd}");

    private static string ToolVersion =>
        typeof(ScanCommand).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "0.0.0";
}
