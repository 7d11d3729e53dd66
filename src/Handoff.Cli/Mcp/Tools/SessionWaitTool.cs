using Handoff.Core.Following;
using Handoff.Core.Output;
using Handoff.Core.Settings;
using ModelContextProtocol.Protocol;

namespace Handoff.Cli.Mcp.Tools;

/// <summary>
/// session_wait: follows a session until it stops working or the timeout (<see cref="MessageTailer"/>, as `poll`),
/// with a progress notification on every change and every interval, and returns `poll --json`'s end object.
/// </summary>
public sealed class SessionWaitTool(AppServices services) : McpTool("session_wait", "Wait for a session",
    "Waits until a Devin session stops working (finished, exited, asleep, failed) or needs a human, or until " +
    "timeout_seconds pass, then returns its state, exit_code (0 done, 7 needs a human, 8 failed, 1 timed out), URL and " +
    "pull requests. Sends progress notifications while it waits (when the call has a progress token); cancelling the " +
    "call stops the wait, never the session.",
    new ToolInput(SessionArgument.Parameter(required: false),
        ToolParameter.Number("timeout_seconds", "Give up waiting after this many seconds (default 300); the session keeps running.", 1, 3600),
        ToolParameter.Number("interval_seconds", "Seconds between two looks at the session (default 10).", 1, 300),
        RepositoryPath.Parameter),
    Json.Context.FollowEndView,
    new ToolAnnotations { ReadOnlyHint = true, DestructiveHint = false, IdempotentHint = true, OpenWorldHint = true })
{
    protected override async Task<CallToolResult> Call(ToolArguments arguments, ToolCall call, CancellationToken cancellationToken)
    {
        var folder = RepositoryPath.Resolve(arguments, services.Environment.CurrentDirectory, requireRepository: false);
        var id = SessionArgument.Resolve(arguments, folder);
        var timeout = TimeSpan.FromSeconds(arguments.Integer("timeout_seconds") ?? 300);
        var interval = TimeSpan.FromSeconds(arguments.Integer("interval_seconds") ?? 10);
        using var connector = new OwnedConnector(services.Connector(new ConnectionOverrides(), folder));
        var tailer = new MessageTailer(await connector.Connect(null, cancellationToken), services.Clock,
            new TailOptions { Interval = interval, Timeout = timeout, ReadMessages = false });

        var started = services.Clock.Now;
        var state = "waiting";
        Task Report(CancellationToken ct) =>
            call.Progress((services.Clock.Now - started).TotalSeconds, timeout.TotalSeconds,
                $"{id}: {state} ({(int)(services.Clock.Now - started).TotalSeconds} s)", ct);
        using var stopBeat = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var heartbeat = Heartbeat(interval, Report, stopBeat.Token);
        try
        {
            await foreach (var e in tailer.Follow(id, cancellationToken))
            {
                if (e is StatusChanged changed)
                {
                    state = $"{FollowOutcome.StateName(changed.Classification.State)}, {changed.Classification.Reason}";
                    await Report(cancellationToken);
                }
                else if (e is FollowEnded end)
                    return Result(FollowView.End(end), Json.Context.FollowEndView);
            }
            throw new Handoff.Core.HandoffException("the follow loop ended without a final state");
        }
        finally
        {
            await stopBeat.CancelAsync();
            await heartbeat;
        }
    }

    /// <summary>A progress notification every interval while nothing changes, so clients see the wait is alive.</summary>
    private static async Task Heartbeat(TimeSpan interval, Func<CancellationToken, Task> report, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
                await report(ct);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
