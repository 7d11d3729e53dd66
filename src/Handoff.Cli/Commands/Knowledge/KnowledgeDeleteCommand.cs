using System.CommandLine;
using Handoff.Core;
using Handoff.Core.Devin;

namespace Handoff.Cli.Commands.Knowledge;

public sealed class KnowledgeDeleteCommand(AppServices services) : ApiCommand(services)
{
    private readonly Argument<string> _id = new("NOTE_ID") { Description = "The note's id (note-…)" };

    protected override string Name => "delete";
    protected override string Description => "Delete a knowledge note";
    protected override IEnumerable<Symbol> Symbols() => [_id];

    protected override async Task<int> Execute(ParseResult parse, bool json, CancellationToken ct)
    {
        var client = await Connect(parse, ct);
        var note = await client.Knowledge.Delete(parse.GetValue(_id)!, ct);
        if (json) WriteJson(KnowledgeCommand.ToJson(note), CliJson.Compact.KnowledgeNoteView);
        else Status($"deleted knowledge note {note.NoteId} ({note.Name})");
        return ExitCodes.Ok;
    }
}
