using System.CommandLine;
using System.Text.RegularExpressions;
using Handoff.Core;
using Handoff.Core.Devin;

namespace Handoff.Cli.Commands.Playbooks;

/// <summary>The API's update is a full replace (PUT): read the playbook, change only what was given, send it all back.</summary>
public sealed class PlaybookUpdateCommand(AppServices services) : PlaybookEditCommand(services)
{
    private readonly Argument<string> _id = new("PLAYBOOK_ID") { Description = "The playbook's id (playbook-…)" };

    protected override string Name => "update";
    protected override string Description => "Change a playbook; fields not given keep their current value";
    protected override IEnumerable<Symbol> Symbols() => [_id, .. EditSymbols()];

    protected override async Task<int> Execute(ParseResult parse, bool json, CancellationToken ct)
    {
        var title = parse.GetValue(TitleOption);
        var macroValue = parse.GetValue(MacroOption);
        var macro = macroValue is null ? null : PlaybooksCommand.Macro(macroValue);
        var body = await TextInput.Read(Services, parse.GetValue(BodyOption), parse.GetValue(BodyFileOption), "--body", "--body-file", ct);
        if (title is null && body is null && macroValue is null)
            throw new HandoffException("nothing to change: give --title, --body/--body-file or --macro", ExitCodes.Usage);
        if (title is not null && string.IsNullOrWhiteSpace(title) || body is not null && string.IsNullOrWhiteSpace(body))
            throw new HandoffException("--title and the body cannot be empty", ExitCodes.Usage);

        var client = await Connect(parse, ct);
        var current = await client.Playbooks.Get(parse.GetValue(_id)!, ct);
        var request = new PlaybookRequest
        {
            Title = title?.Trim() ?? current.Title,
            Body = body ?? current.Body,
            Macro = macroValue is null ? current.Macro : macro,
            StructuredOutputSchema = current.StructuredOutputSchema,
        };
        Report("updated", await client.Playbooks.Update(current.PlaybookId, request, ct), json);
        return ExitCodes.Ok;
    }
}
