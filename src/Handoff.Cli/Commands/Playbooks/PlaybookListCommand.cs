using System.CommandLine;
using System.Text.RegularExpressions;
using Handoff.Core;
using Handoff.Core.Devin;

namespace Handoff.Cli.Commands.Playbooks;

public sealed class PlaybookListCommand(AppServices services) : ApiCommand(services)
{
    private readonly Option<int?> _limit = new("--limit") { Description = "Show at most N playbooks (default: all, page after page)" };

    protected override string Name => "list";
    protected override string Description => "List playbooks (all pages)";
    protected override IEnumerable<Symbol> Symbols() => [_limit];

    protected override async Task<int> Execute(ParseResult parse, bool json, CancellationToken ct)
    {
        var limit = parse.GetValue(_limit);
        if (limit is <= 0) throw new HandoffException("--limit must be at least 1", ExitCodes.Usage);
        var client = await Connect(parse, ct);
        var playbooks = await Paging.CollectPages((after, first) => client.Playbooks.List(after, first, ct), limit);
        if (json)
        {
            WriteJson(playbooks.Select(PlaybooksCommand.ToJson).ToList(), CliJson.Compact.ListPlaybookView);
            return ExitCodes.Ok;
        }
        WriteTable(["playbook_id", "title", "macro", "updated"], playbooks.Select(p => new[] { p.PlaybookId, p.Title, p.Macro, Time(p.UpdatedAt) }));
        if (playbooks.Count == 0) Status("no playbooks");
        return ExitCodes.Ok;
    }
}
