using System.CommandLine;
using Handoff.Core;
using Handoff.Core.Following;
using Handoff.Core.Output;

namespace Handoff.Cli.Commands;

/// <summary>`devin-handoff terminate SESSION`: ends a session for good. Asks first on a terminal; scripts pass --yes.</summary>
public sealed class TerminateCommand(AppServices services) : ApiCommand(services)
{
    private readonly Argument<string> _session = FollowSupport.RequiredSession();
    private readonly Option<bool> _yes = new("--yes", "-y") { Description = "Do not ask (required when stdin is not a terminal)" };
    private readonly Option<bool> _archive = new("--archive") { Description = "Also archive it (kept for reference)" };

    protected override string Name => "terminate";
    protected override string Description => "End a session for good (it cannot be resumed); asks first unless --yes (cog_ keys)";
    protected override IEnumerable<Symbol> Symbols() => [_session, _yes, _archive];

    protected override async Task<int> Execute(ParseResult parse, bool json, CancellationToken ct)
    {
        var id = FollowSupport.Resolve(Services, parse.GetValue(_session));
        if (!parse.GetValue(_yes) && !await Confirmed(id, ct))
        {
            Status("not terminated");
            return ExitCodes.Error;
        }
        var session = await (await Connect(ct)).Terminate(id, parse.GetValue(_archive), ct);
        if (json) WriteJson(FollowView.Session(session), Json.Context.SessionView);
        else Status($"terminated {id}");
        return ExitCodes.Ok;
    }

    private async Task<bool> Confirmed(string id, CancellationToken ct)
    {
        var console = Services.Console;
        if (!console.IsInputTerminal)
            throw new HandoffException($"terminate asks for confirmation, but stdin is not a terminal: pass --yes to terminate {id}", ExitCodes.Usage);
        console.Error.Write($"Terminate {id}? It cannot be resumed afterwards. [y/N] ");
        var answer = (await console.In.ReadLineAsync(ct))?.Trim();
        return string.Equals(answer, "y", StringComparison.OrdinalIgnoreCase) || string.Equals(answer, "yes", StringComparison.OrdinalIgnoreCase);
    }
}
