using System.CommandLine;
using System.Text.RegularExpressions;
using Handoff.Core;
using Handoff.Core.Devin;

namespace Handoff.Cli.Commands.Playbooks;

public sealed class PlaybookShowCommand(AppServices services) : ApiCommand(services)
{
    private readonly Argument<string> _id = new("PLAYBOOK_ID") { Description = "The playbook's id (playbook-…)" };

    protected override string Name => "show";
    protected override string Description => "Show one playbook with its body";
    protected override IEnumerable<Symbol> Symbols() => [_id];

    protected override async Task<int> Execute(ParseResult parse, bool json, CancellationToken ct)
    {
        var client = await Connect(parse, ct);
        var playbook = await client.Playbooks.Get(parse.GetValue(_id)!, ct);
        if (json)
        {
            WriteJson(PlaybooksCommand.ToJson(playbook), CliJson.Compact.PlaybookView);
            return ExitCodes.Ok;
        }
        WriteFields(("id", playbook.PlaybookId), ("title", playbook.Title), ("macro", playbook.Macro), ("updated", Time(playbook.UpdatedAt)));
        Services.Console.Out.WriteLine();
        Services.Console.Out.WriteLine(playbook.Body.TrimEnd());
        return ExitCodes.Ok;
    }
}
