using Handoff.FakeDevin.Infrastructure;
using Handoff.FakeDevin.Model;
using Handoff.FakeDevin.State;

namespace Handoff.FakeDevin.Endpoints;

/// <summary>Knowledge notes CRUD and the folder tree (devin-api.md §6).</summary>
public static class KnowledgeEndpoints
{
    public static void Map(RouteGroupBuilder org)
    {
        org.MapGet("/knowledge/notes", List);
        org.MapPost("/knowledge/notes", Create);
        org.MapGet("/knowledge/notes/{note_id}", Get);
        org.MapPut("/knowledge/notes/{note_id}", Replace);
        org.MapDelete("/knowledge/notes/{note_id}", Delete);
        org.MapGet("/knowledge/folders", Folders);
    }

    private sealed record NoteFields(string Name, string Body, string Trigger, string? FolderId, bool? IsEnabled, string? PinnedRepo);

    private static async Task<(NoteFields? Fields, IResult? Error)> ReadFieldsAsync(HttpRequest request)
    {
        var (body, error) = await BodyReader.ReadAsync(request);
        if (body is null) return (null, error);
        var name = body.RequiredString("name");
        var text = body.RequiredString("body");
        var trigger = body.RequiredString("trigger");
        var folderId = body.OptionalString("folder_id");
        var isEnabled = body.OptionalBool("is_enabled");
        var pinnedRepo = body.OptionalString("pinned_repo");
        return body.IsValid ? (new NoteFields(name!, text!, trigger!, folderId, isEnabled, pinnedRepo), null) : (null, body.ValidationResult());
    }

    private static KnowledgeNoteResponse ToResponse(FakeNote n, FakeState state) => new(
        n.NoteId, n.Name, n.Body, n.Trigger, n.FolderId,
        state.FolderList.FirstOrDefault(f => f.FolderId == n.FolderId)?.Path ?? "/",
        n.IsEnabled, n.Macro, n.PinnedRepo, n.OrgId, "org", n.CreatedAt, n.UpdatedAt);

    private static IResult List(string org_id, HttpRequest request, FakeState state, FakeSettings settings)
    {
        if (Paging.ReadCursorQuery(request, out var first, out var after) is { } pagingError) return pagingError;
        var search = request.Query["search"].ToString();
        var folderPath = request.Query["folder_path"].ToString();
        var pinnedRepo = request.Query["pinned_repo"].ToString();
        lock (state.Gate)
        {
            var notes = state.NoteList
                .Where(n => n.OrgId == org_id)
                .Where(n => search.Length == 0 || n.Name.Contains(search, StringComparison.OrdinalIgnoreCase) || n.Body.Contains(search, StringComparison.OrdinalIgnoreCase))
                .Where(n => pinnedRepo.Length == 0 || n.PinnedRepo == pinnedRepo)
                .Select(n => ToResponse(n, state))
                .Where(n => folderPath.Length == 0 || n.FolderPath == folderPath)
                .ToList();
            var seqById = state.NoteList.ToDictionary(n => n.NoteId, n => n.Seq);
            return FakeJson.Ok(Paging.Page(notes, n => seqById[n.NoteId], descending: false, first, after, n => n, settings.EndCursorOnLastPage));
        }
    }

    private static async Task<IResult> Create(string org_id, HttpRequest request, FakeState state)
    {
        var (fields, error) = await ReadFieldsAsync(request);
        if (fields is null) return error!;
        lock (state.Gate)
        {
            if (fields.FolderId is not null && state.FolderList.All(f => f.FolderId != fields.FolderId))
                return Errors.NotFound($"Folder {fields.FolderId} not found");
            var now = state.NowEpoch();
            var note = new FakeNote
            {
                NoteId = "note-" + FakeState.NewHex(),
                OrgId = org_id,
                Name = fields.Name,
                Body = fields.Body,
                Trigger = fields.Trigger,
                FolderId = fields.FolderId,
                IsEnabled = fields.IsEnabled ?? true,
                PinnedRepo = fields.PinnedRepo,
                CreatedAt = now,
                UpdatedAt = now,
                Seq = state.NextSeq(),
            };
            state.NoteList.Add(note);
            return FakeJson.Ok(ToResponse(note, state));
        }
    }

    private static IResult Get(string org_id, string note_id, FakeState state)
    {
        lock (state.Gate)
        {
            var note = state.NoteList.FirstOrDefault(n => n.NoteId == note_id && n.OrgId == org_id);
            return note is null ? Errors.NotFound($"Note {note_id} not found") : FakeJson.Ok(ToResponse(note, state));
        }
    }

    private static async Task<IResult> Replace(string org_id, string note_id, HttpRequest request, FakeState state)
    {
        var (fields, error) = await ReadFieldsAsync(request);
        if (fields is null) return error!;
        lock (state.Gate)
        {
            var note = state.NoteList.FirstOrDefault(n => n.NoteId == note_id && n.OrgId == org_id);
            if (note is null) return Errors.NotFound($"Note {note_id} not found");
            note.Name = fields.Name;
            note.Body = fields.Body;
            note.Trigger = fields.Trigger;
            note.FolderId = fields.FolderId;
            note.IsEnabled = fields.IsEnabled ?? true;
            note.PinnedRepo = fields.PinnedRepo;
            note.UpdatedAt = state.NowEpoch();
            return FakeJson.Ok(ToResponse(note, state));
        }
    }

    private static IResult Delete(string org_id, string note_id, FakeState state)
    {
        lock (state.Gate)
        {
            var note = state.NoteList.FirstOrDefault(n => n.NoteId == note_id && n.OrgId == org_id);
            if (note is null) return Errors.NotFound($"Note {note_id} not found");
            state.NoteList.Remove(note);
            return FakeJson.Ok(ToResponse(note, state));
        }
    }

    private static IResult Folders(string org_id, FakeState state)
    {
        lock (state.Gate)
        {
            var notes = state.NoteList.Where(n => n.OrgId == org_id).ToList();
            var folders = state.FolderList
                .Where(f => f.OrgId == org_id)
                .Select(f => new KnowledgeFolderResponse(f.FolderId, f.Name, f.Path, notes.Count(n => n.FolderId == f.FolderId), f.ParentFolderId))
                .ToList();
            return FakeJson.Ok(new KnowledgeFoldersResponse(folders, notes.Count(n => n.FolderId is null)));
        }
    }
}
