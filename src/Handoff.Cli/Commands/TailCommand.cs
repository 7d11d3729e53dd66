using System.CommandLine;
using Handoff.Core.Following;

namespace Handoff.Cli.Commands;

/// <summary>`devin-handoff tail SESSION`: prints each message once, in order, until the session stops working.</summary>
public sealed class TailCommand(AppServices services) : ApiCommand(services)
{
    private readonly Argument<string?> _session = FollowSupport.OptionalSession();
    private readonly Option<string?> _interval = new("--interval") { Description = "Seconds between looks (fractions allowed, or 10s, 1m; default 5)" };
    private readonly Option<string?> _since = new("--since") { Description = "Print only messages after this event id" };
    private readonly Option<bool> _noFollow = new("--no-follow") { Description = "Print the messages so far and the status, then stop" };

    protected override string Name => "tail";
    protected override string Description => "Print a session's messages as they arrive, until it stops working; then its status and pull requests. " +
                                              "Exit 0 finished/ended/asleep, 7 needs a human, 8 failed, 130 on Ctrl-C (the session is left alone)";
    protected override string JsonHelp => "NDJSON: one object per message, then one end object";
    protected override IEnumerable<Symbol> Symbols() => [_session, _interval, _since, _noFollow];

    protected override async Task<int> Execute(ParseResult parse, bool json, CancellationToken ct)
    {
        var id = FollowSupport.Resolve(Services, parse.GetValue(_session));
        var options = new TailOptions
        {
            Interval = FollowSupport.Duration(parse.GetValue(_interval), "--interval") ?? TailOptions.DefaultInterval,
            Follow = !parse.GetValue(_noFollow),
            SinceEventId = parse.GetValue(_since) is { Length: > 0 } since ? since : null,
        };
        var end = await FollowSupport.Follow(Services, await Connect(ct), id, options, json, ct);
        return end.ExitCode;
    }
}
