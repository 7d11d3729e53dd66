using System.CommandLine;
using Handoff.Core;
using Handoff.Core.Devin;

namespace Handoff.Cli.Commands.Knowledge;

public sealed class KnowledgeShowCommand(AppServices services) : ApiCommand(services)
{
    private readonly Argument<string> _id = new("NOTE_ID") { Description = "The note's id (note-…)" };

    protected override string Name => "show";
    protected override string Description => "Show one knowledge note with its body";
    protected override IEnumerable<Symbol> Symbols() => [_id];

    protected override async Task<int> Execute(ParseResult parse, bool json, CancellationToken ct)
    {
        var client = await Connect(parse, ct);
        var note = await client.Knowledge.Get(parse.GetValue(_id)!, ct);
        if (json)
        {
            WriteJson(KnowledgeCommand.ToJson(note), CliJson.Compact.KnowledgeNoteView);
            return ExitCodes.Ok;
        }
        WriteFields(("id", note.NoteId), ("name", note.Name), ("trigger", note.Trigger), ("folder", note.FolderPath ?? "/"),
            ("enabled", note.IsEnabled is false ? "no" : "yes"), ("pinned repo", note.PinnedRepo), ("updated", Time(note.UpdatedAt)));
        Services.Console.Out.WriteLine();
        Services.Console.Out.WriteLine(note.Body.TrimEnd());
        return ExitCodes.Ok;
    }
}
