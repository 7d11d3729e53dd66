using System.CommandLine;
using Handoff.Core;
using Handoff.Core.Devin;

namespace Handoff.Cli.Commands.Playbooks;

public sealed class PlaybookDeleteCommand(AppServices services) : ApiCommand(services)
{
    private readonly Argument<string> _id = new("PLAYBOOK_ID") { Description = "The playbook's id (playbook-…)" };

    protected override string Name => "delete";
    protected override string Description => "Delete a playbook";
    protected override IEnumerable<Symbol> Symbols() => [_id];

    protected override async Task<int> Execute(ParseResult parse, bool json, CancellationToken ct)
    {
        var client = await Connect(parse, ct);
        var playbook = await client.Playbooks.Delete(parse.GetValue(_id)!, ct);
        if (json) WriteJson(PlaybooksCommand.ToJson(playbook), CliJson.Compact.PlaybookView);
        else Status($"deleted playbook {playbook.PlaybookId} ({playbook.Title})");
        return ExitCodes.Ok;
    }
}
