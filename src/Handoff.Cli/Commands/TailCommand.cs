using System.CommandLine;
using Handoff.Core.Following;

namespace Handoff.Cli.Commands;

/// <summary>`devin-handoff tail SESSION`: prints each message once, in order, until the session stops working.</summary>
public sealed class TailCommand(AppServices services) : FollowCommand(services, "tail",
    "Print a session's messages as they arrive, until it stops working; then its status and pull requests. " +
    "Exit 0 finished/ended/asleep, 7 needs a human, 8 failed, 130 on Ctrl-C (the session is left alone)",
    intervalHelp: "Seconds between looks (fractions allowed, or 10s, 1m; default 5)")
{
    private readonly Option<string?> _since = new("--since") { Description = "Print only messages after this event id" };
    private readonly Option<bool> _noFollow = new("--no-follow") { Description = "Print the messages so far and the status, then stop" };

    protected override string JsonHelp => "NDJSON: one object per message, then one end object";
    protected override IEnumerable<Symbol> FollowSymbols() => [_since, _noFollow];

    protected override TailOptions FollowOptions(ParseResult parse, TimeSpan? interval) => new()
    {
        Interval = interval ?? TailOptions.DefaultInterval,
        Follow = !parse.GetValue(_noFollow),
        SinceEventId = parse.GetValue(_since) is { Length: > 0 } since ? since : null,
    };
}
