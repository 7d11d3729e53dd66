using System.CommandLine;
using Handoff.Core;
using Handoff.Core.Git;
using Handoff.Core.Output;
using Handoff.Core.Secrets;
using Handoff.Core.Secrets.Output;

namespace Handoff.Cli.Commands;

/// <summary>
/// `devin-handoff scan`: runs the secret scanner over what a handoff would send (default), the staged changes,
/// the added lines of a commit range, files and folders, or stdin. Exit 3 when a finding of medium or high confidence
/// remains (what would block the pre-push hook, FindingPolicy); low-confidence findings are reported with exit 0.
/// </summary>
public sealed class ScanCommand(AppServices services) : CliCommand(services, "scan",
    "Scan for secrets: by default what `create` would send (working changes and unpushed commits); exit 3 when one of medium or high confidence is found")
{
    private readonly Argument<string[]> _paths = new("PATH") { Arity = ArgumentArity.ZeroOrMore, Description = "Files or folders to scan (whole content)" };
    private readonly Option<bool> _staged = new("--staged") { Description = "Scan the staged changes (index against HEAD)" };
    private readonly Option<string?> _range = new("--range") { Description = "Scan the lines added by each commit of A..B (every commit's own diff)" };
    private readonly Option<bool> _stdin = new("--stdin") { Description = "Scan stdin: a unified diff (git diff, git log -p) or plain text" };
    private readonly Option<string?> _stdinName = new("--stdin-name") { Description = "File name to report for plain text on stdin (default: stdin)" };
    private readonly Option<bool> _sarif = new("--sarif") { Description = "Findings as SARIF 2.1.0 (for code-scanning services)" };

    protected override string? JsonHelp => "Findings as JSON";
    protected override IEnumerable<Symbol> Symbols() => [_paths, _staged, _range, _stdin, _stdinName, _sarif];

    protected override async Task<int> Execute(ParseResult parse, bool json, CancellationToken cancellationToken)
    {
        var sarif = parse.GetValue(_sarif);
        if (json && sarif) throw new HandoffException("--json and --sarif cannot be combined", ExitCodes.Usage);
        var paths = parse.GetValue(_paths) ?? [];
        var range = parse.GetValue(_range);
        var modes = new[] { parse.GetValue(_staged), range is not null, parse.GetValue(_stdin), paths.Length > 0 }.Count(m => m);
        if (modes > 1) throw new HandoffException("choose one of --staged, --range, --stdin or PATH…", ExitCodes.Usage);
        if (parse.GetValue(_stdinName) is not null && !parse.GetValue(_stdin))
            throw new HandoffException("--stdin-name needs --stdin", ExitCodes.Usage);

        var cwd = Services.Environment.CurrentDirectory;
        string mode;
        IReadOnlyList<Finding> findings;
        SecretScanner scanner;
        if (parse.GetValue(_stdin))
        {
            mode = "stdin";
            scanner = Services.Scanner(WorkTreeFinder.Find(cwd));
            findings = await ScanStdin(scanner, parse.GetValue(_stdinName) ?? "stdin", cancellationToken);
        }
        else
        {
            var request = new LocalScanRequest { Directory = cwd, Staged = parse.GetValue(_staged), Range = range, Paths = paths };
            (mode, findings, scanner) = await new LocalScan(Services.Processes, Services.Inspector(), Services.Scanner).Run(request, cancellationToken);
        }

        Write(findings, mode, json, sarif, scanner);
        return FindingPolicy.AnyBlocks(findings) ? ExitCodes.SecretsFound : ExitCodes.Ok;
    }

    private void Write(IReadOnlyList<Finding> findings, string mode, bool json, bool sarif, SecretScanner scanner)
    {
        var output = Services.Console.Out;
        if (json)
            output.WriteLine(Json.Serialize(FindingsReport.From(mode, findings), Json.Context.FindingsReport));
        else if (sarif)
            output.WriteLine(SarifLog.Serialize(findings, SarifLog.Catalogue(scanner.ActiveRules), ToolVersion));
        else
            FindingsText.Write(output, findings);

        var status = Services.Console.Error;
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
        if (Services.Console.IsInputTerminal)
            throw new HandoffException("--stdin: pipe a diff or text into the command (stdin is a terminal)", ExitCodes.Usage);
        var (isDiff, reader) = StdinDiffDetector.Detect(Services.Console.In);
        if (isDiff) return scanner.ScanDiff(reader).ToList();
        var text = await reader.ReadToEndAsync(cancellationToken);
        return scanner.ScanText(name, text);
    }

    private static string ToolVersion =>
        typeof(ScanCommand).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "0.0.0";
}
