using System.Collections.Concurrent;
using System.Text.Json.Serialization;
using Handoff.Cli.Commands;
using Handoff.Core;
using Handoff.Core.Devin;
using Handoff.Core.Handoffs;
using Handoff.Core.Output;
using Handoff.Core.Prompting;
using Handoff.Core.Secrets;

namespace Handoff.Cli;

/// <summary>What a fan-out (`create --task A --task B`, `batch FILE`) needs besides its tasks: the flags, applied to every task.</summary>
public sealed record FanOutRequest
{
    public required IReadOnlyList<BatchEntry> Entries { get; init; }
    /// <summary>Context every task gets; an entry's own context is appended after it.</summary>
    public string? Context { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public string? Playbook { get; init; }
    public IReadOnlyList<string>? Knowledge { get; init; }
    public int? MaxAcu { get; init; }
    public string? Repo { get; init; }
    public string? Remote { get; init; }
    public long MaxBytes { get; init; } = HandoffOptions.DefaultMaxBytes;
    public bool IncludeChanges { get; init; } = true;
    public SecretMode SecretMode { get; init; } = SecretMode.Withhold;
    public bool DryRun { get; init; }
    public bool Json { get; init; }
    public int Concurrency { get; init; } = FanOut.DefaultConcurrency;
    public required ApiFlags Api { get; init; }
}

/// <summary>How one task of a fan-out ended. Field names are part of the JSON interface (docs/json.md).</summary>
public sealed record FanOutOutcome
{
    public int Index { get; init; }
    public required string Task { get; init; }
    public string? Title { get; init; }
    public string? SessionId { get; init; }
    public string? Url { get; init; }
    public string? Status { get; init; }
    public FanOutError? Error { get; init; }
}

public sealed record FanOutError(string Code, string Message, int ExitCode);

/// <summary>`create --task … --dry-run --json` / `batch --dry-run --json`.</summary>
public sealed record FanOutDryRunReport(bool DryRun, IReadOnlyList<FanOutDryRunTask> Tasks);

/// <summary>
/// One task of a fan-out dry run: index, task, title, prompt, bytes, tags, error (null) when it was prepared;
/// only index, task and error when it could not be.
/// </summary>
public sealed record FanOutDryRunTask(
    int Index,
    string Task,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Title,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Prompt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? Bytes,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Tags,
    FanOutError? Error);

/// <summary>The --json result of a fan-out that sent.</summary>
public sealed record FanOutReport(string BatchId, string Tag, int Succeeded, int Failed, int ExitCode, string Saved, IReadOnlyList<FanOutOutcome> Tasks);

/// <summary>&lt;git dir&gt;/devin-handoff/batches/&lt;id&gt;.json (indented).</summary>
public sealed record BatchStoreFile(IReadOnlyList<SavedHandoff> Handoffs, IReadOnlyList<FanOutOutcome> Outcomes);

/// <summary>
/// Creates one session per task: the repository is inspected and scanned once, each task composed from that,
/// every handoff saved before anything is sent, then sent with bounded concurrency. A 429 pauses all sends
/// (<see cref="ThrottleGate"/>); one task's failure never stops the others.
/// </summary>
public sealed class FanOut(AppServices services)
{
    public const int DefaultConcurrency = 4;
    public const int MaxConcurrency = 16;
    public const string BatchTagPrefix = "handoff-batch:";

    public async Task<int> Run(FanOutRequest request, CancellationToken cancellationToken)
    {
        if (request.Concurrency is < 1 or > MaxConcurrency)
            throw new HandoffException($"--concurrency must be between 1 and {MaxConcurrency}", ExitCodes.Usage);
        var cwd = services.Environment.CurrentDirectory;
        var batchId = Guid.NewGuid().ToString("N")[..10];
        var batchTag = BatchTagPrefix + batchId;

        var preparer = services.Preparer();
        var scanned = preparer.InspectAndScan(Options(request, request.Entries[0], cwd, []));
        var tasks = request.Entries.Select((entry, i) => Prepare(preparer, scanned, request, entry, i + 1, cwd, request.DryRun ? [] : [batchTag])).ToList();
        ReportPreparation(tasks, request.DryRun);

        if (request.DryRun)
            return PrintDryRun(request, tasks);

        var gate = new ThrottleGate();
        using var client = await services.DevinClient(request.Api, cwd, cancellationToken, gate);
        var store = new BatchStore(scanned.Snapshot.GitDirectory, batchId);
        var outcomes = new ConcurrentDictionary<int, FanOutOutcome>();
        foreach (var t in tasks.Where(t => t.Failure is not null))
            outcomes[t.Index] = t.Failure!;
        var ready = tasks.Where(t => t.Saved is not null).ToList();
        store.Save(ready.Select(t => t.Saved! with { CreateAsUserId = t.Saved.CreateAsUserId ?? client.Connection.UserId }).ToList(), outcomes.Values);

        services.Console.Error.WriteLine($"creating {ready.Count} session(s), {request.Concurrency} at a time…");
        await Parallel.ForEachAsync(ready, new ParallelOptions { MaxDegreeOfParallelism = request.Concurrency, CancellationToken = cancellationToken },
            async (task, token) =>
            {
                outcomes[task.Index] = await Send(client, task, token);
                store.Record(outcomes[task.Index]);
            });

        var ordered = outcomes.Values.OrderBy(o => o.Index).ToList();
        var lastCreated = ordered.LastOrDefault(o => o.SessionId is not null);
        if (lastCreated is not null)
            new HandoffStore(scanned.Snapshot.GitDirectory).RecordSession(lastCreated.SessionId!);
        return PrintOutcomes(request, ordered, batchId, batchTag, gate, store.Path);
    }

    private static HandoffOptions Options(FanOutRequest request, BatchEntry entry, string cwd, IReadOnlyList<string> extraTags) => new()
    {
        Task = entry.Task,
        Context = JoinContext(request.Context, entry.Context),
        Title = entry.Title,
        Tags = [.. request.Tags, .. entry.Tags, .. extraTags],
        StartDirectory = cwd,
        RemoteName = request.Remote,
        RepoOverride = request.Repo,
        MaxBytes = request.MaxBytes,
        IncludeChanges = request.IncludeChanges,
        SecretMode = request.SecretMode,
    };

    private static string? JoinContext(string? shared, string? own)
    {
        var parts = new[] { shared, own }.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        return parts.Count == 0 ? null : string.Join("\n\n", parts);
    }

    private sealed record PreparedTask(int Index, BatchEntry Entry, PreparedHandoff? Prepared, SavedHandoff? Saved, FanOutOutcome? Failure);

    private PreparedTask Prepare(HandoffPreparer preparer, ScannedRepository scanned, FanOutRequest request, BatchEntry entry, int index, string cwd, IReadOnlyList<string> extraTags)
    {
        try
        {
            var prepared = preparer.Compose(scanned, Options(request, entry, cwd, extraTags));
            var saved = new SavedHandoff
            {
                ClientToken = Guid.NewGuid().ToString("N")[..16],
                Prompt = prepared.Prompt.Prompt,
                Title = prepared.Prompt.Title,
                Tags = prepared.Tags,
                PlaybookId = entry.Playbook ?? request.Playbook,
                KnowledgeIds = entry.Knowledge is { Count: > 0 } k ? k : request.Knowledge is { Count: > 0 } rk ? rk : null,
                MaxAcuLimit = entry.MaxAcu ?? request.MaxAcu,
                SavedAt = services.Clock.Now,
            };
            return new PreparedTask(index, entry, prepared, saved, null);
        }
        catch (HandoffException e)
        {
            return new PreparedTask(index, entry, null, null, Failed(index, entry.Task, null, e));
        }
    }

    private async Task<FanOutOutcome> Send(IDevinClient client, PreparedTask task, CancellationToken cancellationToken)
    {
        var saved = task.Saved!;
        try
        {
            var created = await client.Sessions.Create(CreateCommand.ToRequest(saved, client.Connection.UserId), saved.ClientToken, cancellationToken);
            return new FanOutOutcome
            {
                Index = task.Index,
                Task = task.Entry.Task,
                Title = created.Session.Title ?? saved.Title,
                SessionId = created.Session.SessionId,
                Url = SessionIds.WebUrl(created.Session),
                Status = created.Session.Status,
            };
        }
        catch (HandoffException e)
        {
            return Failed(task.Index, task.Entry.Task, saved.Title, e);
        }
    }

    private static FanOutOutcome Failed(int index, string task, string? title, HandoffException e) => new()
    {
        Index = index,
        Task = task,
        Title = title,
        Error = new FanOutError(ExitCodes.Name(e.ExitCode), e.Message.ReplaceLineEndings(" "), e.ExitCode),
    };

    private void ReportPreparation(IReadOnlyList<PreparedTask> tasks, bool dryRun)
    {
        var report = new HandoffReport(services.Console.Error);
        var first = tasks.FirstOrDefault(t => t.Prepared is not null)?.Prepared;
        if (first is null) return;
        report.Warnings(first);
        foreach (var task in tasks.Where(t => t.Prepared is not null && t.Prepared != first))
            foreach (var finding in task.Prepared!.TextFindings)
                services.Console.Error.WriteLine($"redacted: a {finding.RuleId} secret in the {finding.File} of task {task.Index}");
        report.Summary(first, dryRun);
    }

    private int PrintDryRun(FanOutRequest request, IReadOnlyList<PreparedTask> tasks)
    {
        var output = services.Console.Out;
        if (request.Json)
        {
            var views = tasks.Select(t => t.Prepared is null
                ? new FanOutDryRunTask(t.Index, t.Entry.Task, null, null, null, null, t.Failure!.Error)
                : new FanOutDryRunTask(t.Index, t.Entry.Task, t.Saved!.Title, t.Saved.Prompt, t.Prepared.Prompt.Bytes, t.Saved.Tags, null));
            output.WriteLine(Json.Serialize(new FanOutDryRunReport(DryRun: true, views.ToList()), CliJson.Compact.FanOutDryRunReport));
        }
        else
        {
            foreach (var t in tasks)
            {
                output.WriteLine($"===== task {t.Index} of {tasks.Count}: {t.Saved?.Title ?? ControlCharacters.Escape(t.Entry.Task)} =====");
                output.WriteLine(t.Saved?.Prompt.TrimEnd('\n') ?? $"(not prepared: {t.Failure!.Error!.Message})");
            }
        }
        return ExitCode(tasks.Select(t => t.Failure).OfType<FanOutOutcome>().ToList());
    }

    private int PrintOutcomes(FanOutRequest request, IReadOnlyList<FanOutOutcome> outcomes, string batchId, string batchTag, ThrottleGate gate, string savedPath)
    {
        var failed = outcomes.Where(o => o.Error is not null).ToList();
        var exitCode = ExitCode(failed);
        if (request.Json)
        {
            services.Console.Out.WriteLine(Json.Serialize(
                new FanOutReport(batchId, batchTag, outcomes.Count - failed.Count, failed.Count, exitCode, savedPath, outcomes), CliJson.Compact.FanOutReport));
            return exitCode;
        }

        Table.Write(services.Console, ["#", "result", "url", "title"],
            outcomes.Select(o => (IReadOnlyList<string?>)[o.Index.ToString(), o.Error is null ? "created" : "failed", o.Url ?? "-", o.Title ?? ControlCharacters.Escape(o.Task)]));
        foreach (var f in failed)
            services.Console.Error.WriteLine($"devin-handoff: task {f.Index} ({f.Title ?? ControlCharacters.Escape(f.Task)}): {f.Error!.Message}");
        var throttled = gate.Throttled > 0 ? $" (rate limited {gate.Throttled} time(s); slowed down and retried)" : "";
        services.Console.Error.WriteLine($"created {outcomes.Count - failed.Count} of {outcomes.Count} session(s){throttled}; saved in {savedPath}");
        if (outcomes.Count > failed.Count)
            services.Console.Error.WriteLine($"follow them: devin-handoff sessions --tag {batchTag} --watch");
        return exitCode;
    }

    /// <summary>0 when all succeeded; the shared exit code when every failure agrees (e.g. all 4: no key); else 1.</summary>
    public static int ExitCode(IReadOnlyList<FanOutOutcome> failed)
    {
        if (failed.Count == 0) return ExitCodes.Ok;
        var codes = failed.Select(f => f.Error!.ExitCode).Distinct().ToList();
        return codes.Count == 1 ? codes[0] : ExitCodes.Error;
    }
}

/// <summary>
/// Keeps a fan-out under &lt;git dir&gt;/devin-handoff/batches/&lt;id&gt;.json: every saved handoff (written before
/// sending) and each task's outcome as it arrives, so a failure or a crash loses no prompt.
/// </summary>
public sealed class BatchStore(string gitDirectory, string batchId)
{
    private readonly Lock _lock = new();
    private List<SavedHandoff> _handoffs = [];
    private readonly Dictionary<int, FanOutOutcome> _outcomes = [];

    public string Path { get; } = System.IO.Path.Combine(gitDirectory, "devin-handoff", "batches", batchId + ".json");

    public void Save(IReadOnlyList<SavedHandoff> handoffs, IEnumerable<FanOutOutcome> outcomes)
    {
        lock (_lock)
        {
            _handoffs = handoffs.ToList();
            foreach (var o in outcomes) _outcomes[o.Index] = o;
            Write();
        }
    }

    public void Record(FanOutOutcome outcome)
    {
        lock (_lock)
        {
            _outcomes[outcome.Index] = outcome;
            Write();
        }
    }

    private void Write()
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var temp = Path + ".tmp-" + Environment.ProcessId;
        File.WriteAllText(temp, Json.Serialize(new BatchStoreFile(_handoffs, _outcomes.Values.OrderBy(o => o.Index).ToList()), CliJson.Indented.BatchStoreFile));
        File.Move(temp, Path, overwrite: true);
    }
}
