using System.CommandLine;
using Handoff.Core;
using Handoff.Core.Devin;
using Handoff.Core.Following;
using Handoff.Core.Output;

namespace Handoff.Cli.Commands;

/// <summary>tail and poll: follow one session until it stops working; the exit code comes from how it ended.</summary>
public abstract class FollowCommand(AppServices services, string name, string description, string intervalHelp)
    : SessionCommand(services, name, description)
{
    private readonly Option<string?> _interval = new("--interval") { Description = intervalHelp };

    protected sealed override IEnumerable<Symbol> MoreSymbols() => [_interval, .. FollowSymbols()];

    protected abstract IEnumerable<Symbol> FollowSymbols();

    /// <summary>How to follow; <paramref name="interval"/> is --interval when given.</summary>
    protected abstract TailOptions FollowOptions(ParseResult parse, TimeSpan? interval);

    /// <summary>After the end (poll --archive); returns the exit code.</summary>
    protected virtual Task<int> Ended(ParseResult parse, IDevinClient client, FollowEnded end, CancellationToken ct) => Task.FromResult(end.ExitCode);

    protected sealed override async Task<int> Execute(ParseResult parse, string sessionId, bool json, CancellationToken ct)
    {
        var options = FollowOptions(parse, FollowSupport.Duration(parse.GetValue(_interval), "--interval"));
        var client = await Connect(ct);
        return await Ended(parse, client, await FollowSupport.Follow(Services, client, sessionId, options, json, ct), ct);
    }
}
