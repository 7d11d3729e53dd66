using Handoff.Core.Inspection;
using Handoff.Core.Prompting;
using Handoff.Core.Secrets;

namespace Handoff.Core.Handoffs;

/// <summary>Runs the three local stages of a handoff: Inspect, Scan, Compose. Nothing leaves the machine here.</summary>
public sealed class HandoffPreparer(IRepoInspector inspector, ISecretScanner scanner, IPromptComposer composer, Action<string>? trace = null)
{
    public PreparedHandoff Prepare(HandoffOptions options) => Compose(InspectAndScan(options), options);

    /// <summary>
    /// The repository part of a handoff, read and scanned once. A fan-out (`create --task A --task B`, `batch`)
    /// composes every task from the same scan; only the repository-wide options of <paramref name="options"/> are used,
    /// and <paramref name="mentionTexts"/> (every task and context of the fan-out) decides which named files are read,
    /// so that a file only a later task names is read for it too. Default: the options' own task and context.
    /// </summary>
    public ScannedRepository InspectAndScan(HandoffOptions options, IEnumerable<string?>? mentionTexts = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var snapshot = inspector.Inspect(new InspectOptions
        {
            StartDirectory = options.StartDirectory,
            RemoteName = options.RemoteName,
            IncludeChanges = options.IncludeChanges,
            Mentions = new PathMentions(mentionTexts ?? [options.Task, options.Context]),
            // Reading more than the budget can hold is wasted memory; keep some slack for files the scan withholds.
            ReadBudgetBytes = options.MaxBytes * 2,
        });
        trace?.Invoke($"inspect: {clock.ElapsedMilliseconds} ms ({snapshot.WorkingChanges.Count} changed files, {snapshot.UnpushedCommits.Count} unpushed commits)");
        clock.Restart();
        var changes = scanner.Filter(snapshot, options.SecretMode);
        trace?.Invoke($"scan: {clock.ElapsedMilliseconds} ms ({changes.Findings.Count} findings)");
        return new ScannedRepository(snapshot, changes);
    }

    /// <summary>Composes one task's prompt from a scanned repository (the task, context and title are scanned here).</summary>
    public PreparedHandoff Compose(ScannedRepository scanned, HandoffOptions options)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (snapshot, changes) = (scanned.Snapshot, scanned.Changes);
        var task = scanner.Redact("task", options.Task);
        var context = options.Context is null ? null : scanner.Redact("context", options.Context);
        var composed = composer.Compose(new PromptInput
        {
            Task = task.Text,
            Context = context?.Text,
            Title = options.Title is null ? null : scanner.Redact("title", options.Title).Text,
            Snapshot = snapshot,
            Changes = changes,
            RepoOverride = options.RepoOverride,
            MaxBytes = options.MaxBytes,
            IncludeChanges = options.IncludeChanges,
            AttachmentUrlsForPrompt = options.AttachmentUrlsForPrompt,
        });

        // Last line of defence: whatever slipped through the stages above is redacted in the final text.
        var final = scanner.Redact("prompt", composed.Prompt);
        if (final.Findings.Count > 0)
            composed = composed with { Prompt = final.Text, Bytes = System.Text.Encoding.UTF8.GetByteCount(final.Text) };

        trace?.Invoke($"compose: {clock.ElapsedMilliseconds} ms ({composed.Bytes} bytes)");
        var findings = task.Findings.Concat(context?.Findings ?? []).Concat(final.Findings).ToList();
        var repository = options.RepoOverride ?? snapshot.Remote?.ToString();
        return new PreparedHandoff(composed, snapshot, changes, findings, BuildTags(options.Tags), repository);
    }

    /// <summary>Tags always include "handoff"; duplicates and blanks dropped, order kept.</summary>
    public static IReadOnlyList<string> BuildTags(IEnumerable<string> extra) =>
        new[] { HandoffOptions.HandoffTag }.Concat(extra.Select(t => t.Trim()).Where(t => t.Length > 0))
            .Distinct(StringComparer.Ordinal).ToList();
}

/// <summary>A repository snapshot and its secret-filtered changes: what every task of a fan-out shares.</summary>
public sealed record ScannedRepository(RepoSnapshot Snapshot, FilteredChanges Changes);
