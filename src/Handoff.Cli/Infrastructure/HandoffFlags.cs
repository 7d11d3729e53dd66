using System.CommandLine;
using Handoff.Core.Handoffs;
using Handoff.Core.Secrets;
using Handoff.Core.Settings;

namespace Handoff.Cli;

/// <summary>
/// The flags that shape a handoff, shared by `create` (one or several --task) and `batch`: declared once here and
/// resolved once into <see cref="HandoffOptions"/> (flag &gt; environment &gt; git config devin-handoff.* &gt; default).
/// </summary>
public sealed class HandoffFlags
{
    private readonly Option<string?> _context = new("--context") { Description = "What you already know (files read, findings, partial fixes), for every task; create: '-' reads stdin" };
    private readonly Option<string[]> _tags = new("--tag") { Description = "Extra tag (repeatable); 'handoff' is always added, and 'handoff-batch:ID' to the sessions of a batch" };
    private readonly Option<string?> _playbook = new("--playbook") { Description = "Playbook id to run (a batch entry's own wins)" };
    private readonly Option<string[]> _knowledge = new("--knowledge") { Description = "Knowledge note id (repeatable; default: all; a batch entry's own win)" };
    private readonly Option<int?> _maxAcu = new("--max-acu") { Description = "ACU limit per session (a batch entry's own wins)" };
    private readonly Option<string?> _repo = new("--repo") { Description = "Repository to name in the prompt (HOST/PATH), instead of the remote's" };
    private readonly Option<string?> _remote = new("--remote") { Description = "Remote to read (default: upstream's, else origin, else the only one)" };
    private readonly Option<string?> _maxBytes = new("--max-bytes") { Description = "Prompt budget per task in bytes (default 200KB; accepts 300KB, 1MB)" };
    private readonly Option<bool> _noDiff = new("--no-diff") { Description = "Send only repository metadata, no diff or patches" };
    private readonly Option<bool> _redact = new("--redact") { Description = "Replace only the secret with [REDACTED:rule] instead of withholding its hunk" };
    private readonly Option<bool> _dryRun = new("--dry-run") { Description = "Print exactly what would be sent; send nothing (no key needed)" };
    private readonly Option<int> _concurrency = new("--concurrency")
    {
        Description = $"With several tasks: sessions created at a time (1-{BatchSender.MaxConcurrency}, default {BatchSender.DefaultConcurrency})",
        DefaultValueFactory = _ => BatchSender.DefaultConcurrency,
    };

    public IEnumerable<Symbol> Symbols() =>
        [_context, _tags, _playbook, _knowledge, _maxAcu, _repo, _remote, _maxBytes, _noDiff, _redact, _dryRun, _concurrency];

    /// <summary>--context as given ('-' included: reading stdin is the command's call).</summary>
    public string? Context(ParseResult parse) => parse.GetValue(_context);

    public bool DryRun(ParseResult parse) => parse.GetValue(_dryRun);

    public int Concurrency(ParseResult parse) => parse.GetValue(_concurrency);

    /// <summary>Every handoff flag, resolved; <paramref name="context"/> is the context text (stdin already read). No task yet.</summary>
    public HandoffOptions Resolve(ParseResult parse, SettingsResolver settings, string startDirectory, string? context) => new()
    {
        Context = string.IsNullOrWhiteSpace(context) ? null : context,
        Tags = parse.GetValue(_tags) ?? [],
        StartDirectory = startDirectory,
        RemoteName = settings.Remote(parse.GetValue(_remote)),
        RepoOverride = parse.GetValue(_repo),
        MaxBytes = settings.MaxBytes(parse.GetValue(_maxBytes), "--max-bytes"),
        IncludeChanges = !parse.GetValue(_noDiff),
        SecretMode = settings.Redact(parse.GetValue(_redact)) ? SecretMode.Redact : SecretMode.Withhold,
        PlaybookId = parse.GetValue(_playbook),
        KnowledgeIds = parse.GetValue(_knowledge) is { Length: > 0 } k ? k : null,
        MaxAcuLimit = parse.GetValue(_maxAcu),
    };
}
