using RestSharp;

namespace Handoff.Core.Devin;

/// <summary>Knowledge notes and their folders, v3 (devin-api.md §6). An update replaces the whole note (PUT).</summary>
internal sealed class KnowledgeClient(ApiScope scope)
    : CrudClient<KnowledgeNote, KnowledgeNoteRequest, KnowledgeNoteRequest>(scope, Collections.Notes), IKnowledgeClient
{
    public Task<Page<KnowledgeNote>> List(NoteListQuery query, CancellationToken ct = default) =>
        ListPage(call => call.With("first", query.First).With("after", query.After).With("search", query.Search)
            .With("folder_path", query.FolderPath).With("pinned_repo", query.PinnedRepo), ct);

    public async Task<KnowledgeFolders> ListFolders(CancellationToken ct = default)
    {
        var path = await Scope.V3Root("knowledge folders")("knowledge/folders", ct);
        var call = new ApiCall(Method.Get, path, "listing knowledge folders", DevinPermissions.ManageAccountKnowledge) { Resource = "knowledge folders" };
        return await Scope.Http.Fetch(call, DevinJson.Context.KnowledgeFolders, ct);
    }
}
