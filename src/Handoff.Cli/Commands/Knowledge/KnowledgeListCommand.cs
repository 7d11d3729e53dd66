using System.CommandLine;
using Handoff.Core;
using Handoff.Core.Devin;

namespace Handoff.Cli.Commands.Knowledge;

public sealed class KnowledgeListCommand(AppServices services) : ApiCommand(services)
{
    private readonly Option<string?> _search = new("--search") { Description = "Only notes whose name or body contains TEXT" };
    private readonly Option<string?> _folder = new("--folder") { Description = "Only notes in folder PATH (e.g. /team/backend)" };
    private readonly Option<string?> _pinned = new("--pinned-repo") { Description = "Only notes pinned to REPO (owner/repo)" };
    private readonly Option<int?> _limit = new("--limit") { Description = "Show at most N notes (default: all, page after page)" };

    protected override string Name => "list";
    protected override string Description => "List knowledge notes (all pages)";
    protected override IEnumerable<Symbol> Symbols() => [_search, _folder, _pinned, _limit];

    protected override async Task<int> Execute(ParseResult parse, bool json, CancellationToken ct)
    {
        var limit = parse.GetValue(_limit);
        if (limit is <= 0) throw new HandoffException("--limit must be at least 1", ExitCodes.Usage);
        var client = await Connect(parse, ct);
        var folder = parse.GetValue(_folder);
        var query = new NoteListQuery
        {
            Search = parse.GetValue(_search),
            FolderPath = folder is null ? null : "/" + folder.Trim().Trim('/'),
            PinnedRepo = parse.GetValue(_pinned),
        };
        var notes = await Paging.CollectPages((after, first) => client.Knowledge.List(query with { After = after, First = first }, ct), limit);
        if (json)
        {
            WriteJson(notes.Select(KnowledgeCommand.ToJson).ToList(), CliJson.Compact.ListKnowledgeNoteView);
            return ExitCodes.Ok;
        }
        WriteTable(["note_id", "name", "folder", "enabled", "pinned_repo", "trigger"],
            notes.Select(n => new[] { n.NoteId, n.Name, n.FolderPath ?? "/", n.IsEnabled is false ? "no" : "yes", n.PinnedRepo, n.Trigger }));
        if (notes.Count == 0) Status("no knowledge notes");
        return ExitCodes.Ok;
    }
}
