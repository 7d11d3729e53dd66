using System.CommandLine;
using Handoff.Core;
using Handoff.Core.Devin;

namespace Handoff.Cli.Commands.Knowledge;

public sealed class KnowledgeCreateCommand(AppServices services) : KnowledgeEditCommand(services)
{
    protected override string Name => "create";
    protected override string Description => "Create a knowledge note (--name, --trigger, and --body or --body-file)";
    protected override IEnumerable<Symbol> Symbols() => EditSymbols();

    protected override async Task<int> Execute(ParseResult parse, bool json, CancellationToken ct)
    {
        var name = TextInput.RequireFlag(parse.GetValue(NameOption), "--name", "the note's name");
        var trigger = TextInput.RequireFlag(parse.GetValue(TriggerOption), "--trigger", "when the note applies");
        var enabled = KnowledgeCommand.Enabled(parse.GetValue(EnabledOption), parse.GetValue(DisabledOption));
        var body = await TextInput.Require(Services, parse.GetValue(BodyOption), parse.GetValue(BodyFileOption), "--body", "--body-file", ct);
        var client = await Connect(parse, ct);
        var folder = parse.GetValue(FolderOption) is { } f ? await KnowledgeCommand.ResolveFolder(client, f, ct) : null;
        var note = await client.Knowledge.Create(new KnowledgeNoteRequest
        {
            Name = name, Trigger = trigger, Body = body, FolderId = folder, IsEnabled = enabled,
            PinnedRepo = parse.GetValue(PinnedOption) is { } p ? KnowledgeCommand.PinnedRepo(p) : null,
        }, ct);
        Report("created", note, json);
        return ExitCodes.Ok;
    }
}
