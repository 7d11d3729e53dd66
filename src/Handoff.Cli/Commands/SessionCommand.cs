using System.CommandLine;
using Handoff.Core;
using Handoff.Core.Devin;
using Handoff.Core.Following;
using Handoff.Core.Output;

namespace Handoff.Cli.Commands;

/// <summary>
/// Base of the commands about one session (status, archive, terminate, send, pickup, tail, poll): takes the SESSION
/// argument first and resolves it ('last', a URL, a bare id) before <see cref="Execute(ParseResult, string, bool, CancellationToken)"/>.
/// </summary>
/// <param name="sessionRequired">False: SESSION may be left out and means 'last'.</param>
public abstract class SessionCommand(AppServices services, string name, string description, bool sessionRequired = false)
    : ApiCommand(services, name, description)
{
    public const string SessionHelp = "devin-<id>, a bare id, the session URL, or 'last' (the session the latest handoff from this repository created)";

    private readonly Argument<string?> _session = new("SESSION")
    {
        Arity = sessionRequired ? ArgumentArity.ExactlyOne : ArgumentArity.ZeroOrOne,
        Description = sessionRequired ? SessionHelp : SessionHelp + "; default: last",
    };

    protected sealed override IEnumerable<Symbol> Symbols() => [_session, .. MoreSymbols()];

    /// <summary>The command's arguments and options after SESSION.</summary>
    protected virtual IEnumerable<Symbol> MoreSymbols() => [];

    protected sealed override Task<int> Execute(ParseResult parse, bool json, CancellationToken ct) =>
        Execute(parse, SessionReference.Resolve(parse.GetValue(_session) ?? SessionReference.Last, Services.Environment.CurrentDirectory), json, ct);

    protected abstract Task<int> Execute(ParseResult parse, string sessionId, bool json, CancellationToken ct);

    /// <summary>What a change to a session prints: the session object with --json (as `status --json`), else one status line.</summary>
    protected int Changed(SessionResponse session, bool json, string line)
    {
        if (json) WriteJson(FollowView.Session(session), Json.Context.SessionView);
        else Status(line);
        return ExitCodes.Ok;
    }
}
