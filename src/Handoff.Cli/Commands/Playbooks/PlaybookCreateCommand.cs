using System.CommandLine;
using System.Text.RegularExpressions;
using Handoff.Core;
using Handoff.Core.Devin;

namespace Handoff.Cli.Commands.Playbooks;

public sealed class PlaybookCreateCommand(AppServices services) : PlaybookEditCommand(services)
{
    protected override string Name => "create";
    protected override string Description => "Create a playbook (--title, and --body or --body-file)";
    protected override IEnumerable<Symbol> Symbols() => EditSymbols();

    protected override async Task<int> Execute(ParseResult parse, bool json, CancellationToken ct)
    {
        var title = TextInput.RequireFlag(parse.GetValue(TitleOption), "--title", "the playbook's title");
        var macro = parse.GetValue(MacroOption) is { } m ? PlaybooksCommand.Macro(m) : null;
        var body = await TextInput.Require(Services, parse.GetValue(BodyOption), parse.GetValue(BodyFileOption), "--body", "--body-file", ct);
        var client = await Connect(parse, ct);
        Report("created", await client.Playbooks.Create(new PlaybookRequest { Title = title, Body = body, Macro = macro }, ct), json);
        return ExitCodes.Ok;
    }
}
