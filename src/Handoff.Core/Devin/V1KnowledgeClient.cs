using RestSharp;

namespace Handoff.Core.Devin;

/// <summary>
/// Knowledge notes for legacy apk_ keys (/v1/knowledge), mapped to and from the v3 shapes: v1 says <c>id</c>,
/// <c>trigger_description</c> and <c>parent_folder_id</c>, has no enabled flag, and has no read of one note, so the
/// list (every note and folder at once) serves list, show, delete and the folder tree.
/// </summary>
internal sealed class V1KnowledgeClient(ApiScope scope) : IKnowledgeClient
{
    private readonly CrudRoutes<V1Knowledge> _notes = new(scope.Http, ApiScope.V1Root, "knowledge", "knowledge note", "note id",
        DevinPermissions.ManageAccountKnowledge, DevinJson.Context.V1Knowledge);
    /// <summary>The last list read; later pages of one listing are cut from it instead of reading it all again.</summary>
    private V1KnowledgeList? _lastRead;

    public async Task<Page<KnowledgeNote>> List(NoteListQuery query, CancellationToken ct = default)
    {
        var all = query.After is not null && _lastRead is not null ? _lastRead : await ReadAll(ct);
        var matches = all.Knowledge.Select(n => n.ToNote(all.Folders))
            .Where(n => query.Search is null || n.Name.Contains(query.Search, StringComparison.OrdinalIgnoreCase) || n.Body.Contains(query.Search, StringComparison.OrdinalIgnoreCase))
            .Where(n => query.PinnedRepo is null || n.PinnedRepo == query.PinnedRepo)
            .Where(n => query.FolderPath is null || n.FolderPath == query.FolderPath)
            .ToList();
        return Pages.Slice(matches, query.First, query.After);
    }

    public async Task<KnowledgeNote> Get(string id, CancellationToken ct = default) => (await Find(id, ct)).ToNote(_lastRead?.Folders);

    public async Task<KnowledgeNote> Create(KnowledgeNoteRequest request, CancellationToken ct = default)
    {
        RequireNoEnabledFlag(request);
        var created = await _notes.Create(V1KnowledgeRequest.From(request, macro: null), DevinJson.Context.V1KnowledgeRequest, ct);
        return created.ToNote(_lastRead?.Folders);
    }

    /// <summary>A full replace: the macro, which the v3-shaped request lacks, is carried over from the note as read.</summary>
    public async Task<KnowledgeNote> Update(string id, KnowledgeNoteRequest change, CancellationToken ct = default)
    {
        RequireNoEnabledFlag(change);
        var current = await Find(id, ct);
        var body = DevinJson.Serialize(V1KnowledgeRequest.From(change, current.Macro), DevinJson.Context.V1KnowledgeRequest);
        return (await _notes.Update(Method.Put, current.Id, body, ct)).ToNote(_lastRead?.Folders);
    }

    /// <summary>v1 answers a delete without the note, so it is read first and returned as it was.</summary>
    public async Task<KnowledgeNote> Delete(string id, CancellationToken ct = default)
    {
        var current = await Find(id, ct);
        await _notes.Send(Method.Delete, current.Id, null, "deleting", ct);
        return current.ToNote(_lastRead?.Folders);
    }

    /// <summary>v1 folders are flat: the path is the name, the counts come from the notes.</summary>
    public async Task<KnowledgeFolders> ListFolders(CancellationToken ct = default)
    {
        var all = await ReadAll(ct);
        return new KnowledgeFolders
        {
            Folders = all.Folders.Select(f => new KnowledgeFolder
            {
                FolderId = f.Id, Name = f.Name, Path = "/" + f.Name, NoteCount = all.Knowledge.Count(n => n.ParentFolderId == f.Id),
            }).ToList(),
            RootNoteCount = all.Knowledge.Count(n => n.ParentFolderId is null),
        };
    }

    private async Task<V1KnowledgeList> ReadAll(CancellationToken ct) =>
        _lastRead = await scope.Http.Fetch(await _notes.ListCall(ct), DevinJson.Context.V1KnowledgeList, ct);

    private async Task<V1Knowledge> Find(string id, CancellationToken ct)
    {
        var wanted = ApiScope.RequireId(id, "note id");
        return (await ReadAll(ct)).Knowledge.FirstOrDefault(n => n.Id == wanted)
               ?? throw new DevinApiException($"knowledge note {wanted} not found", ExitCodes.NotFound, 404);
    }

    private void RequireNoEnabledFlag(KnowledgeNoteRequest request)
    {
        if (request.IsEnabled is not null) scope.RequireV3("enabling or disabling a knowledge note");
    }
}
