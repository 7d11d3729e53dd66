using System.CommandLine;
using Handoff.Core;
using Handoff.Core.Following;

namespace Handoff.Cli.Commands;

/// <summary>`devin-handoff tail SESSION`: prints each message once, in order, until the session stops working.</summary>
public sealed class TailCommand(AppServices services) : ICliCommand
{
    private readonly Argument<string?> _session = FollowSupport.OptionalSession();
    private readonly Option<bool> _json = new("--json") { Description = "NDJSON: one object per message, then one end object" };
    private readonly Option<string?> _interval = new("--interval") { Description = "Seconds between looks (fractions allowed, or 10s, 1m; default 5)" };
    private readonly Option<string?> _since = new("--since") { Description = "Print only messages after this event id" };
    private readonly Option<bool> _noFollow = new("--no-follow") { Description = "Print the messages so far and the status, then stop" };
    private readonly ApiOptions _api = new();

    public Command Build()
    {
        var command = new Command("tail", "Print a session's messages as they arrive, until it stops working; then its status and pull requests. " +
                                          "Exit 0 finished/ended/asleep, 7 needs a human, 8 failed, 130 on Ctrl-C (the session is left alone)");
        command.Arguments.Add(_session);
        foreach (var option in new Option[] { _json, _interval, _since, _noFollow })
            command.Options.Add(option);
        _api.AddTo(command);
        command.SetAction((parse, ct) => CommandRunner.Run(services, parse.GetValue(_json), token => Execute(parse, token), ct));
        return command;
    }

    private async Task<int> Execute(ParseResult parse, CancellationToken ct)
    {
        var id = FollowSupport.Resolve(services, parse.GetValue(_session));
        var options = new TailOptions
        {
            Interval = FollowSupport.Duration(parse.GetValue(_interval), "--interval") ?? TailOptions.DefaultInterval,
            Follow = !parse.GetValue(_noFollow),
            SinceEventId = parse.GetValue(_since) is { Length: > 0 } since ? since : null,
        };
        using var client = await services.DevinClient(_api.Read(parse), services.Environment.CurrentDirectory, ct);
        var end = await FollowSupport.Follow(services, client, id, options, parse.GetValue(_json), ct);
        return end.ExitCode;
    }
}
