using System.CommandLine;
using Handoff.Core;
using Handoff.Core.Handoffs;

namespace Handoff.Cli.Commands;

/// <summary>
/// `devin-handoff batch FILE`: one session per task of FILE (one task per line, or YAML/JSON entries with their
/// own context, tags, playbook …), from one inspection and scan of the repository. See <see cref="FanOutRun"/>.
/// </summary>
public sealed class BatchCommand(AppServices services) : ApiCommand(services, "batch",
    "Create one Devin session per task in FILE, from one scan of the repository (bounded concurrency; a failed task never stops the others)")
{
    private readonly Argument<string> _file = new("FILE") { Description = "Tasks: one per line, or a YAML/JSON list of {task, context, title, tags, playbook, knowledge, max_acu}; '-' reads stdin" };
    private readonly HandoffFlags _handoff = new();

    protected override string JsonHelp => "Machine-readable output: every task's outcome";
    protected override IEnumerable<Symbol> Symbols() => [_file, .. _handoff.Symbols()];

    protected override async Task<int> Execute(ParseResult parse, bool json, CancellationToken ct)
    {
        var file = parse.GetValue(_file)!;
        var entries = BatchFile.Parse(await ReadFile(file, ct), file);
        var context = _handoff.Context(parse);
        if (context == "-")
            throw new HandoffException("--context -: stdin is not available to batch; put the context in the file or pass it as text", ExitCodes.Usage);
        var cwd = Services.Environment.CurrentDirectory;
        var request = new BatchRequest
        {
            Entries = entries,
            Options = _handoff.Resolve(parse, Services.Settings(cwd), cwd, context),
            DryRun = _handoff.DryRun(parse),
            Concurrency = _handoff.Concurrency(parse),
        };
        return await new FanOutRun(Services).Run(request, Connector, json, ct);
    }

    private async Task<string> ReadFile(string file, CancellationToken ct)
    {
        if (file == "-")
        {
            if (Services.Console.IsInputTerminal)
                throw new HandoffException("batch -: pipe the tasks on stdin (or pass a FILE)", ExitCodes.Usage);
            return await Services.Console.In.ReadToEndAsync(ct);
        }
        var path = Path.GetFullPath(file, Services.Environment.CurrentDirectory);
        if (!File.Exists(path))
            throw new HandoffException($"batch: no such file: {file}", ExitCodes.Usage);
        return await File.ReadAllTextAsync(path, ct);
    }
}
