using System.CommandLine;
using Handoff.Core;
using Handoff.Core.Following;
using Handoff.Core.Output;

namespace Handoff.Cli.Commands;

/// <summary>`devin-handoff archive SESSION`: archives a session (it sleeps and can no longer be continued). v3 keys only.</summary>
public sealed class ArchiveCommand(AppServices services) : ApiCommand(services)
{
    private readonly Argument<string> _session = FollowSupport.RequiredSession();

    protected override string Name => "archive";
    protected override string Description => "Archive a session: it stops and stays viewable, but cannot be continued (cog_ keys)";
    protected override IEnumerable<Symbol> Symbols() => [_session];

    protected override async Task<int> Execute(ParseResult parse, bool json, CancellationToken ct)
    {
        var id = FollowSupport.Resolve(Services, parse.GetValue(_session));
        var session = await (await Connect(ct)).Archive(id, ct);
        if (json) WriteJson(FollowView.Session(session), Json.Context.SessionView);
        else Status($"archived {id}");
        return ExitCodes.Ok;
    }
}
