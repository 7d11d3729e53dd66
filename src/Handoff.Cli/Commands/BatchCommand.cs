using System.CommandLine;
using Handoff.Core;
using Handoff.Core.Handoffs;
using Handoff.Core.Secrets;

namespace Handoff.Cli.Commands;

/// <summary>
/// `devin-handoff batch FILE`: one session per task of FILE (one task per line, or YAML/JSON entries with their
/// own context, tags, playbook …), from one inspection and scan of the repository. See <see cref="FanOut"/>.
/// </summary>
public sealed class BatchCommand(AppServices services) : ICliCommand
{
    private readonly Argument<string> _file = new("FILE") { Description = "Tasks: one per line, or a YAML/JSON list of {task, context, title, tags, playbook, knowledge, max_acu}; '-' reads stdin" };
    private readonly Option<string?> _context = new("--context") { Description = "Context every task gets (an entry's own context follows it)" };
    private readonly Option<string[]> _tags = new("--tag") { Description = "Extra tag for every session (repeatable); 'handoff' and 'handoff-batch:ID' are always added" };
    private readonly Option<string?> _playbook = new("--playbook") { Description = "Playbook id for entries that name none" };
    private readonly Option<string[]> _knowledge = new("--knowledge") { Description = "Knowledge note id (repeatable) for entries that name none" };
    private readonly Option<int?> _maxAcu = new("--max-acu") { Description = "ACU limit for entries that set none" };
    private readonly Option<string?> _repo = new("--repo") { Description = "Repository to name in the prompts (HOST/PATH), instead of the remote's" };
    private readonly Option<string?> _remote = new("--remote") { Description = "Remote to read (default: upstream's, else origin, else the only one)" };
    private readonly Option<string?> _maxBytes = new("--max-bytes") { Description = "Prompt budget per task in bytes (default 200KB)" };
    private readonly Option<bool> _noDiff = new("--no-diff") { Description = "Send only repository metadata, no diff or patches" };
    private readonly Option<bool> _redact = new("--redact") { Description = "Replace only the secret with [REDACTED:rule] instead of withholding its hunk" };
    private readonly Option<bool> _dryRun = new("--dry-run") { Description = "Print every prompt that would be sent; send nothing" };
    private readonly Option<int> _concurrency = new("--concurrency") { Description = "Sessions created at a time (1-16, default 4)", DefaultValueFactory = _ => FanOut.DefaultConcurrency };
    private readonly Option<bool> _json = new("--json") { Description = "Machine-readable output: every task's outcome" };
    private readonly ApiOptions _api = new();

    public Command Build()
    {
        var command = new Command("batch", "Create one Devin session per task in FILE, from one scan of the repository (bounded concurrency; a failed task never stops the others)");
        command.Arguments.Add(_file);
        foreach (var option in new Option[] { _context, _tags, _playbook, _knowledge, _maxAcu, _repo, _remote, _maxBytes, _noDiff, _redact, _dryRun, _concurrency, _json })
            command.Options.Add(option);
        _api.AddTo(command);
        command.SetAction((parse, ct) => CommandRunner.Run(services, parse.GetValue(_json), token => Execute(parse, token), ct));
        return command;
    }

    private async Task<int> Execute(ParseResult parse, CancellationToken cancellationToken)
    {
        var file = parse.GetValue(_file)!;
        var cwd = services.Environment.CurrentDirectory;
        string text;
        if (file == "-")
        {
            if (services.Console.IsInputTerminal)
                throw new HandoffException("batch -: pipe the tasks on stdin (or pass a FILE)", ExitCodes.Usage);
            text = await services.Console.In.ReadToEndAsync(cancellationToken);
        }
        else
        {
            var path = Path.GetFullPath(file, cwd);
            if (!File.Exists(path))
                throw new HandoffException($"batch: no such file: {file}", ExitCodes.Usage);
            text = await File.ReadAllTextAsync(path, cancellationToken);
        }
        var entries = BatchFile.Parse(text, file);
        var context = parse.GetValue(_context);
        if (context == "-")
            throw new HandoffException("--context -: stdin is not available to batch; put the context in the file or pass it as text", ExitCodes.Usage);

        var settings = services.Settings(cwd);
        return await new FanOut(services).Run(new FanOutRequest
        {
            Entries = entries,
            Context = string.IsNullOrWhiteSpace(context) ? null : context,
            Tags = parse.GetValue(_tags) ?? [],
            Playbook = parse.GetValue(_playbook),
            Knowledge = parse.GetValue(_knowledge) is { Length: > 0 } k ? k : null,
            MaxAcu = parse.GetValue(_maxAcu),
            Repo = parse.GetValue(_repo),
            Remote = settings.Resolve(parse.GetValue(_remote), null, "remote").Value,
            MaxBytes = ByteSize.Parse(settings.Resolve(parse.GetValue(_maxBytes), "DEVIN_HANDOFF_MAX_BYTES", "maxBytes").Value, HandoffOptions.DefaultMaxBytes, "--max-bytes"),
            IncludeChanges = !parse.GetValue(_noDiff),
            SecretMode = parse.GetValue(_redact) || settings.GetBool(null, "redact", false) ? SecretMode.Redact : SecretMode.Withhold,
            DryRun = parse.GetValue(_dryRun),
            Json = parse.GetValue(_json),
            Concurrency = parse.GetValue(_concurrency),
            Api = _api.Read(parse),
        }, cancellationToken);
    }
}
