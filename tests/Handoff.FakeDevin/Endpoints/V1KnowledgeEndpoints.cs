using Handoff.FakeDevin.Infrastructure;
using Handoff.FakeDevin.Model;
using Handoff.FakeDevin.State;

namespace Handoff.FakeDevin.Endpoints;

/// <summary>
/// v1 knowledge (apk_ keys): one list of every note and folder, create, full replace and delete. The v1 names differ from
/// v3: <c>id</c>, <c>trigger_description</c>, <c>parent_folder_id</c>; there is no read of one note and no is_enabled.
/// Notes live in the default org, shared with v3.
/// </summary>
public static class V1KnowledgeEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/knowledge", List);
        app.MapPost("/v1/knowledge", Create);
        app.MapPut("/v1/knowledge/{note_id}", Replace);
        app.MapDelete("/v1/knowledge/{note_id}", Delete);
    }

    private sealed record Fields(string Name, string Body, string TriggerDescription, string? Macro, string? ParentFolderId, string? PinnedRepo);

    private static async Task<(Fields? Fields, IResult? Error)> ReadAsync(HttpRequest request)
    {
        var (body, error) = await BodyReader.ReadAsync(request);
        if (body is null) return (null, error);
        var name = body.RequiredString("name");
        var text = body.RequiredString("body");
        var trigger = body.RequiredString("trigger_description");
        var fields = new Fields(name!, text!, trigger!, body.OptionalString("macro"), body.OptionalString("parent_folder_id"), body.OptionalString("pinned_repo"));
        return body.IsValid ? (fields, null) : (null, body.ValidationResult());
    }

    private static V1KnowledgeResponse ToResponse(FakeNote n, FakeState state) => new(
        n.NoteId, n.Name, n.Body, n.Trigger, n.Macro, n.FolderId, n.PinnedRepo,
        SchedulesEndpoints.Iso(DateTimeOffset.FromUnixTimeSeconds(n.CreatedAt)), new V1KnowledgeCreatedBy(state.Self.Name, state.Self.Id, null));

    private static IResult List(FakeState state)
    {
        lock (state.Gate)
        {
            var notes = state.NoteList.Where(n => n.OrgId == state.DefaultOrgId).OrderBy(n => n.Seq).Select(n => ToResponse(n, state)).ToList();
            var folders = state.FolderList.Where(f => f.OrgId == state.DefaultOrgId)
                .Select(f => new V1FolderResponse(f.FolderId, f.Name, null, SchedulesEndpoints.Iso(state.Clock.GetUtcNow()))).ToList();
            return FakeJson.Ok(new V1KnowledgeListResponse(notes, folders));
        }
    }

    private static async Task<IResult> Create(HttpRequest request, FakeState state)
    {
        var (fields, error) = await ReadAsync(request);
        if (fields is null) return error!;
        lock (state.Gate)
        {
            if (MissingFolder(state, fields.ParentFolderId) is { } missing) return missing;
            var now = state.NowEpoch();
            var note = new FakeNote
            {
                NoteId = "note-" + FakeState.NewHex(),
                OrgId = state.DefaultOrgId,
                Name = fields.Name,
                Body = fields.Body,
                Trigger = fields.TriggerDescription,
                Macro = fields.Macro,
                FolderId = fields.ParentFolderId,
                PinnedRepo = fields.PinnedRepo,
                CreatedAt = now,
                UpdatedAt = now,
                Seq = state.NextSeq(),
            };
            state.NoteList.Add(note);
            return FakeJson.Ok(ToResponse(note, state));
        }
    }

    private static async Task<IResult> Replace(string note_id, HttpRequest request, FakeState state)
    {
        var (fields, error) = await ReadAsync(request);
        if (fields is null) return error!;
        lock (state.Gate)
        {
            var note = Find(state, note_id);
            if (note is null) return Errors.NotFound($"Knowledge {note_id} not found");
            if (MissingFolder(state, fields.ParentFolderId) is { } missing) return missing;
            note.Name = fields.Name;
            note.Body = fields.Body;
            note.Trigger = fields.TriggerDescription;
            note.Macro = fields.Macro;
            note.FolderId = fields.ParentFolderId;
            note.PinnedRepo = fields.PinnedRepo;
            note.UpdatedAt = state.NowEpoch();
            return FakeJson.Ok(ToResponse(note, state));
        }
    }

    /// <summary>Answers 204 without a body (the reference documents no response body).</summary>
    private static IResult Delete(string note_id, FakeState state)
    {
        lock (state.Gate)
        {
            var note = Find(state, note_id);
            if (note is null) return Errors.NotFound($"Knowledge {note_id} not found");
            state.NoteList.Remove(note);
            return Results.NoContent();
        }
    }

    private static FakeNote? Find(FakeState state, string noteId) =>
        state.NoteList.FirstOrDefault(n => n.NoteId == noteId && n.OrgId == state.DefaultOrgId);

    private static IResult? MissingFolder(FakeState state, string? folderId) =>
        folderId is not null && state.FolderList.All(f => f.FolderId != folderId) ? Errors.NotFound($"Folder {folderId} not found") : null;
}
