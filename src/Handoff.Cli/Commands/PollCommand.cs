using System.CommandLine;
using Handoff.Core;
using Handoff.Core.Devin;
using Handoff.Core.Following;

namespace Handoff.Cli.Commands;

/// <summary>
/// `devin-handoff poll SESSION`: waits until the session stops working, then prints status, title, URL and
/// every PR. Same words as devin-handoff.sh poll (--interval N --archive), without its defects.
/// </summary>
public sealed class PollCommand(AppServices services) : FollowCommand(services, "poll",
    "Wait for a session to stop working; print its status, title, URL and pull requests. " +
    "Exit 0 finished/ended/asleep, 7 needs a human, 8 failed, 1 timed out",
    intervalHelp: "Seconds between looks (fractions allowed, or 10s, 1m; default 30 like devin-handoff.sh)")
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(30);

    private readonly Option<bool> _archive = new("--archive") { Description = "Archive the session when it finished, ended or fell asleep (v3 keys)" };
    private readonly Option<string?> _timeout = new("--timeout") { Description = "Give up waiting after this long (90s, 30m, 2h): exit 1, the session keeps running" };

    protected override string JsonHelp => "One JSON object at the end (the same as tail's end object)";
    protected override IEnumerable<Symbol> FollowSymbols() => [_archive, _timeout];

    protected override TailOptions FollowOptions(ParseResult parse, TimeSpan? interval) => new()
    {
        Interval = interval ?? DefaultInterval,
        Timeout = FollowSupport.Duration(parse.GetValue(_timeout), "--timeout"),
        ReadMessages = false,
    };

    protected override async Task<int> Ended(ParseResult parse, IDevinClient client, FollowEnded end, CancellationToken ct)
    {
        if (parse.GetValue(_archive) && !end.TimedOut && end.ExitCode == ExitCodes.Ok)
            await ArchiveWhenDone(client, end.Session, ct);
        return end.ExitCode;
    }

    private async Task ArchiveWhenDone(IDevinClient client, SessionResponse session, CancellationToken ct)
    {
        if (client.Flavor == ApiFlavor.V1)
        {
            Status("--archive: the v1 API (apk_ keys) has no archive endpoint; the session was left as it is");
            return;
        }
        if (session.IsArchived)
        {
            Status($"{session.SessionId} is already archived");
            return;
        }
        await client.Sessions.Archive(session.SessionId, ct);
        Status($"archived {session.SessionId}");
    }
}
