using System.CommandLine;
using Handoff.Core;
using Handoff.Core.Devin;
using Handoff.Core.Following;

namespace Handoff.Cli.Commands;

/// <summary>
/// `devin-handoff poll SESSION`: waits until the session stops working, then prints status, title, URL and
/// every PR. Same words as devin-handoff.sh poll (--interval N --archive), without its defects.
/// </summary>
public sealed class PollCommand(AppServices services) : ICliCommand
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(30);

    private readonly Argument<string?> _session = FollowSupport.OptionalSession();
    private readonly Option<string?> _interval = new("--interval") { Description = "Seconds between looks (fractions allowed, or 10s, 1m; default 30 like devin-handoff.sh)" };
    private readonly Option<bool> _archive = new("--archive") { Description = "Archive the session when it finished, ended or fell asleep (v3 keys)" };
    private readonly Option<string?> _timeout = new("--timeout") { Description = "Give up waiting after this long (90s, 30m, 2h): exit 1, the session keeps running" };
    private readonly Option<bool> _json = new("--json") { Description = "One JSON object at the end (the same as tail's end object)" };
    private readonly ApiOptions _api = new();

    public Command Build()
    {
        var command = new Command("poll", "Wait for a session to stop working; print its status, title, URL and pull requests. " +
                                          "Exit 0 finished/ended/asleep, 7 needs a human, 8 failed, 1 timed out");
        command.Arguments.Add(_session);
        foreach (var option in new Option[] { _interval, _archive, _timeout, _json })
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
            Interval = FollowSupport.Duration(parse.GetValue(_interval), "--interval") ?? DefaultInterval,
            Timeout = FollowSupport.Duration(parse.GetValue(_timeout), "--timeout"),
            ReadMessages = false,
        };
        using var client = await services.DevinClient(_api.Read(parse), services.Environment.CurrentDirectory, ct);
        var end = await FollowSupport.Follow(services, client, id, options, parse.GetValue(_json), ct);
        if (parse.GetValue(_archive) && !end.TimedOut && end.ExitCode == ExitCodes.Ok)
            await ArchiveWhenDone(client, end.Session, ct);
        return end.ExitCode;
    }

    private async Task ArchiveWhenDone(IDevinClient client, SessionResponse session, CancellationToken ct)
    {
        if (client.Flavor == ApiFlavor.V1)
        {
            services.Console.Error.WriteLine("--archive: the v1 API (apk_ keys) has no archive endpoint; the session was left as it is");
            return;
        }
        if (session.IsArchived)
        {
            services.Console.Error.WriteLine($"{session.SessionId} is already archived");
            return;
        }
        await client.Sessions.Archive(session.SessionId, ct);
        services.Console.Error.WriteLine($"archived {session.SessionId}");
    }
}
