using System.CommandLine;
using Handoff.Core;

namespace Handoff.Cli.Commands;

/// <summary>`devin-handoff terminate SESSION`: ends a session for good. Asks first on a terminal; scripts pass --yes.</summary>
public sealed class TerminateCommand(AppServices services) : SessionCommand(services, "terminate",
    "End a session for good (it cannot be resumed); asks first unless --yes", sessionRequired: true)
{
    private readonly Option<bool> _yes = new("--yes", "-y") { Description = "Do not ask (required when stdin is not a terminal)" };
    private readonly Option<bool> _archive = new("--archive") { Description = "Also archive it (kept for reference)" };

    protected override IEnumerable<Symbol> MoreSymbols() => [_yes, _archive];

    protected override async Task<int> Execute(ParseResult parse, string id, bool json, CancellationToken ct)
    {
        if (!parse.GetValue(_yes) && !await Confirmed(id, ct))
        {
            Status("not terminated");
            return ExitCodes.Error;
        }
        return Changed(await (await Connect(ct)).Sessions.Terminate(id, parse.GetValue(_archive), ct), json, $"terminated {id}");
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
