using System.Text.Json.Serialization;
using Handoff.Cli.Output;
using Handoff.Core.Handoffs;
using Handoff.Core.Output;
using Handoff.Core.Prompting;
using Handoff.Core.Settings;

namespace Handoff.Cli;

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

/// <summary>
/// A fan-out (`create --task A --task B`, `batch FILE`) through <see cref="BatchSender"/>, rendered: what was read
/// and withheld on stderr, then every prompt (dry run) or every task's outcome.
/// </summary>
public sealed class FanOutRun(AppServices services)
{
    public async Task<int> Run(BatchRequest request, IDevinConnector connector, bool json, CancellationToken ct)
    {
        var sender = new BatchSender(services.Preparer(), connector, services.Clock);
        var batch = sender.Prepare(request);
        ReportPreparation(batch, request.DryRun);
        if (request.DryRun)
            return PrintDryRun(batch, json);
        var sent = await sender.Send(batch, new InlineProgress<SendEvent>(e =>
        {
            if (e is CreatingSessions creating)
                services.Console.Error.WriteLine($"creating {creating.Count} session(s), {creating.Concurrency} at a time…");
        }), ct);
        return PrintOutcomes(sent, json);
    }

    private void ReportPreparation(PreparedBatch batch, bool dryRun)
    {
        var report = new HandoffReport(services.Console.Error);
        var first = batch.Tasks.FirstOrDefault(t => t.Prepared is not null)?.Prepared;
        if (first is null) return;
        report.Warnings(first);
        foreach (var task in batch.Tasks.Where(t => t.Prepared is not null && t.Prepared != first))
            foreach (var finding in task.Prepared!.TextFindings)
                services.Console.Error.WriteLine($"redacted: a {finding.RuleId} secret in the {finding.File} of task {task.Index}");
        report.Summary(first, dryRun);
    }

    private int PrintDryRun(PreparedBatch batch, bool json)
    {
        var output = services.Console.Out;
        if (json)
        {
            var views = batch.Tasks.Select(t => t.Prepared is null
                ? new FanOutDryRunTask(t.Index, t.Entry.Task, null, null, null, null, t.Failure!.Error)
                : new FanOutDryRunTask(t.Index, t.Entry.Task, t.Handoff!.Title, t.Handoff.Prompt, t.Prepared.Prompt.Bytes, t.Handoff.Tags, null));
            output.WriteLine(Json.Serialize(new FanOutDryRunReport(DryRun: true, views.ToList()), CliJson.Compact.FanOutDryRunReport));
        }
        else
        {
            foreach (var t in batch.Tasks)
            {
                output.WriteLine($"===== task {t.Index} of {batch.Tasks.Count}: {t.Handoff?.Title ?? ControlCharacters.Escape(t.Entry.Task)} =====");
                output.WriteLine(t.Handoff?.Prompt.TrimEnd('\n') ?? $"(not prepared: {t.Failure!.Error!.Message})");
            }
        }
        return batch.ExitCode;
    }

    private int PrintOutcomes(BatchSent sent, bool json)
    {
        var (outcomes, failed, exitCode) = (sent.Outcomes, sent.Failed, sent.ExitCode);
        if (json)
        {
            services.Console.Out.WriteLine(Json.Serialize(
                new FanOutReport(sent.Batch.BatchId, sent.Batch.Tag, outcomes.Count - failed.Count, failed.Count, exitCode, sent.SavedPath, outcomes),
                CliJson.Compact.FanOutReport));
            return exitCode;
        }

        Table.Write(services.Console, ["#", "result", "url", "title"],
            outcomes.Select(o => (IReadOnlyList<string?>)[o.Index.ToString(), o.Error is null ? "created" : "failed", o.Url ?? "-", o.Title ?? ControlCharacters.Escape(o.Task)]));
        foreach (var f in failed)
            services.Console.Error.WriteLine($"devin-handoff: task {f.Index} ({f.Title ?? ControlCharacters.Escape(f.Task)}): {f.Error!.Message}");
        var throttled = sent.Throttled > 0 ? $" (rate limited {sent.Throttled} time(s); slowed down and retried)" : "";
        services.Console.Error.WriteLine($"created {outcomes.Count - failed.Count} of {outcomes.Count} session(s){throttled}; saved in {sent.SavedPath}");
        if (outcomes.Count > failed.Count)
            services.Console.Error.WriteLine($"follow them: devin-handoff sessions --tag {sent.Batch.Tag} --watch");
        return exitCode;
    }
}
