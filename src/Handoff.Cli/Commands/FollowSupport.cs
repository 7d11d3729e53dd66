using Handoff.Cli.Output;
using Handoff.Core.Devin;
using Handoff.Core.Following;
using Handoff.Core;

namespace Handoff.Cli.Commands;

/// <summary>What tail, poll and create --follow share: the follow loop, printed as it goes.</summary>
internal static class FollowSupport
{
    public static TimeSpan? Duration(string? text, string flag) => text is null ? null : DurationText.Parse(text, flag);

    /// <summary>Runs the follow loop, printing as it goes; returns the end event.</summary>
    public static async Task<FollowEnded> Follow(AppServices services, IDevinClient client, string sessionId, TailOptions options, bool json, CancellationToken ct)
    {
        using var live = new LiveStatusLine(services.Console.Error, services.Clock, enabled: services.Console.IsErrorTerminal && options.Follow);
        var printer = new FollowPrinter(services.Console.Out, services.Console.Error, json, live: live) { SessionId = sessionId };
        var tailer = new MessageTailer(client, services.Clock, options);
        await foreach (var e in tailer.Follow(sessionId, ct))
        {
            printer.Write(e);
            if (e is FollowEnded end)
            {
                if (end.TimedOut)
                    services.Console.Error.WriteLine(
                        $"devin-handoff: timed out after {DurationText.Format(options.Timeout ?? TimeSpan.Zero)}; session {end.Session.SessionId} is still {end.Classification.Reason} (exit 1)");
                else if (end.Classification.State == SessionState.Asleep)
                    services.Console.Error.WriteLine($"the session is asleep; wake it with: devin-handoff send {end.Session.SessionId} \"…\"");
                else if (end.Classification.State == SessionState.NeedsHuman)
                    services.Console.Error.WriteLine($"the session needs you: answer with devin-handoff send {end.Session.SessionId} \"…\" or open {SessionIds.WebUrl(end.Session)}");
                return end;
            }
        }
        throw new HandoffException("the follow loop ended without a final state");
    }
}
