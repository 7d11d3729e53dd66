using System.CommandLine;
using Handoff.Core;
using Handoff.Core.Devin;

namespace Handoff.Cli.Commands.Knowledge;

/// <summary>The API's update is a full replace (PUT): read the note, change only what was given, send it all back.</summary>
public sealed class KnowledgeUpdateCommand(AppServices services) : KnowledgeEditCommand(services)
{
    private readonly Argument<string> _id = new("NOTE_ID") { Description = "The note's id (note-…)" };

    protected override string Name => "update";
    protected override string Description => "Change a knowledge note; fields not given keep their current value";
    protected override IEnumerable<Symbol> Symbols() => [_id, .. EditSymbols()];

    protected override async Task<int> Execute(ParseResult parse, bool json, CancellationToken ct)
    {
        var enabled = KnowledgeCommand.Enabled(parse.GetValue(EnabledOption), parse.GetValue(DisabledOption));
        var body = await TextInput.Read(Services, parse.GetValue(BodyOption), parse.GetValue(BodyFileOption), "--body", "--body-file", ct);
        var name = parse.GetValue(NameOption);
        var trigger = parse.GetValue(TriggerOption);
        var folderValue = parse.GetValue(FolderOption);
        var pinnedValue = parse.GetValue(PinnedOption);
        if (name is null && trigger is null && body is null && folderValue is null && pinnedValue is null && enabled is null)
            throw new HandoffException("nothing to change: give --name, --trigger, --body/--body-file, --folder, --pinned-repo, --enabled or --disabled", ExitCodes.Usage);
        if (name is not null && string.IsNullOrWhiteSpace(name) || trigger is not null && string.IsNullOrWhiteSpace(trigger) || body is not null && string.IsNullOrWhiteSpace(body))
            throw new HandoffException("--name, --trigger and the body cannot be empty", ExitCodes.Usage);

        var client = await Connect(parse, ct);
        var current = await client.Knowledge.Get(parse.GetValue(_id)!, ct);
        var request = new KnowledgeNoteRequest
        {
            Name = name?.Trim() ?? current.Name,
            Trigger = trigger?.Trim() ?? current.Trigger,
            Body = body ?? current.Body,
            FolderId = folderValue is null ? current.FolderId : await KnowledgeCommand.ResolveFolder(client, folderValue, ct),
            PinnedRepo = pinnedValue is null ? current.PinnedRepo : KnowledgeCommand.PinnedRepo(pinnedValue),
            IsEnabled = enabled ?? current.IsEnabled,
        };
        Report("updated", await client.Knowledge.Update(current.NoteId, request, ct), json);
        return ExitCodes.Ok;
    }
}
