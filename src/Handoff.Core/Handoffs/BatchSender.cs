using System.Collections.Concurrent;
using Handoff.Core.Abstractions;
using Handoff.Core.Devin;
using Handoff.Core.Settings;

namespace Handoff.Core.Handoffs;

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

/// <summary>Many tasks to hand off from one scan: the entries, the options they share, and how many to send at a time.</summary>
public sealed record BatchRequest
{
    public required IReadOnlyList<BatchEntry> Entries { get; init; }
    /// <summary>Every entry is laid over these (<see cref="HandoffOptions.For"/>); their task is not used.</summary>
    public required HandoffOptions Options { get; init; }
    /// <summary>A dry run composes without the batch tag, which would differ on every run.</summary>
    public bool DryRun { get; init; }
    public int Concurrency { get; init; } = BatchSender.DefaultConcurrency;
}

/// <summary>One task of a prepared batch: its handoff, ready to send, or why it could not be prepared.</summary>
public sealed record BatchTask(int Index, BatchEntry Entry, PreparedHandoff? Prepared, SavedHandoff? Handoff, FanOutOutcome? Failure);

/// <summary>A batch composed and ready to send; <see cref="Tag"/> marks every session it creates.</summary>
public sealed record PreparedBatch(string BatchId, string Tag, string GitDirectory, int Concurrency, IReadOnlyList<BatchTask> Tasks)
{
    /// <summary>0 when all succeeded; the shared exit code when every failure agrees (e.g. all 4: no key); else 1.</summary>
    public int ExitCode => BatchSender.ExitCode(Tasks.Select(t => t.Failure).OfType<FanOutOutcome>().ToList());
}

/// <summary>What a sent batch did, task by task in order, and where it is saved.</summary>
public sealed record BatchSent(PreparedBatch Batch, IReadOnlyList<FanOutOutcome> Outcomes, string SavedPath, int Throttled)
{
    public IReadOnlyList<FanOutOutcome> Failed => Outcomes.Where(o => o.Error is not null).ToList();
    public int ExitCode => BatchSender.ExitCode(Failed);
}

/// <summary>
/// Creates one session per task (`create --task A --task B`, `batch FILE`): the repository is inspected and scanned
/// once, each task composed from that, every handoff saved before anything is sent, then sent with bounded
/// concurrency. A 429 pauses all sends (<see cref="ThrottleGate"/>); one task's failure never stops the others.
/// </summary>
public sealed class BatchSender(HandoffPreparer preparer, IDevinConnector connector, IClock clock)
{
    public const int DefaultConcurrency = 4;
    public const int MaxConcurrency = 16;
    public const string BatchTagPrefix = "handoff-batch:";

    /// <summary>Inspects and scans once, then composes every task; a task that cannot be composed is a failure, not an error.</summary>
    public PreparedBatch Prepare(BatchRequest request)
    {
        if (request.Concurrency is < 1 or > MaxConcurrency)
            throw new HandoffException($"--concurrency must be between 1 and {MaxConcurrency}", ExitCodes.Usage);
        var batchId = Guid.NewGuid().ToString("N")[..10];
        var tag = BatchTagPrefix + batchId;
        var mentions = request.Entries.SelectMany(entry => new[] { entry.Task, entry.Context }).Append(request.Options.Context);
        var scanned = preparer.InspectAndScan(request.Options.For(request.Entries[0], []), mentions);
        IReadOnlyList<string> extraTags = request.DryRun ? [] : [tag];
        var tasks = request.Entries.Select((entry, i) => Prepare(scanned, request.Options.For(entry, extraTags), entry, i + 1)).ToList();
        return new PreparedBatch(batchId, tag, scanned.Snapshot.GitDirectory, request.Concurrency, tasks);
    }

    private BatchTask Prepare(ScannedRepository scanned, HandoffOptions options, BatchEntry entry, int index)
    {
        try
        {
            var prepared = preparer.Compose(scanned, options);
            return new BatchTask(index, entry, prepared, SavedHandoff.From(prepared, options, clock.Now), null);
        }
        catch (HandoffException e)
        {
            return new BatchTask(index, entry, null, null, Failed(index, entry.Task, null, e));
        }
    }

    /// <summary>Connects (exit 4 without a key, before anything is saved), saves the batch, and sends every prepared task.</summary>
    public async Task<BatchSent> Send(PreparedBatch batch, IProgress<SendEvent>? progress, CancellationToken ct)
    {
        var gate = new ThrottleGate();
        var client = await connector.Connect(gate, ct);
        var store = new BatchStore(batch.GitDirectory, batch.BatchId);
        var outcomes = new ConcurrentDictionary<int, FanOutOutcome>();
        foreach (var t in batch.Tasks.Where(t => t.Failure is not null))
            outcomes[t.Index] = t.Failure!;
        var ready = batch.Tasks.Where(t => t.Handoff is not null).ToList();
        store.Save(ready.Select(t => t.Handoff! with { CreateAsUserId = t.Handoff.CreateAsUserId ?? client.Connection.UserId }).ToList(), outcomes.Values);

        progress?.Report(new CreatingSessions(ready.Count, batch.Concurrency));
        await Parallel.ForEachAsync(ready, new ParallelOptions { MaxDegreeOfParallelism = batch.Concurrency, CancellationToken = ct },
            async (task, token) =>
            {
                var outcome = await Send(client, task, token);
                outcomes[task.Index] = outcome;
                store.Record(outcome);
                progress?.Report(new BatchTaskSent(outcome));
            });

        var ordered = outcomes.Values.OrderBy(o => o.Index).ToList();
        if (ordered.LastOrDefault(o => o.SessionId is not null) is { } lastCreated)
            new HandoffStore(batch.GitDirectory).RecordSession(lastCreated.SessionId!);
        return new BatchSent(batch, ordered, store.Path, gate.Throttled);
    }

    private static async Task<FanOutOutcome> Send(IDevinClient client, BatchTask task, CancellationToken ct)
    {
        var handoff = task.Handoff!;
        try
        {
            var created = await client.Sessions.Create(handoff.ToCreateRequest(client.Connection.UserId), handoff.ClientToken, ct);
            return new FanOutOutcome
            {
                Index = task.Index,
                Task = task.Entry.Task,
                Title = created.Session.Title ?? handoff.Title,
                SessionId = created.Session.SessionId,
                Url = SessionIds.WebUrl(created.Session),
                Status = created.Session.Status,
            };
        }
        catch (HandoffException e)
        {
            return Failed(task.Index, task.Entry.Task, handoff.Title, e);
        }
    }

    private static FanOutOutcome Failed(int index, string task, string? title, HandoffException e) => new()
    {
        Index = index,
        Task = task,
        Title = title,
        Error = new FanOutError(ExitCodes.Name(e.ExitCode), e.Message.ReplaceLineEndings(" "), e.ExitCode),
    };

    /// <summary>0 when all succeeded; the shared exit code when every failure agrees (e.g. all 4: no key); else 1.</summary>
    public static int ExitCode(IReadOnlyList<FanOutOutcome> failed)
    {
        if (failed.Count == 0) return ExitCodes.Ok;
        var codes = failed.Select(f => f.Error!.ExitCode).Distinct().ToList();
        return codes.Count == 1 ? codes[0] : ExitCodes.Error;
    }
}
