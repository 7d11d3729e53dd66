using RestSharp;

namespace Handoff.Core.Devin;

/// <summary>
/// Team playbooks for legacy apk_ keys (/v1/playbooks), mapped to the v3 shape. v1 lists them all at once, and answers
/// an update or a delete with only a status, so the playbook is read back (update) or read first (delete).
/// </summary>
internal sealed class V1PlaybooksClient(ApiScope scope) : IPlaybooksClient
{
    private readonly CrudRoutes<V1Playbook> _playbooks = new(scope.Http, ApiScope.V1Root, "playbooks", "playbook", "playbook id",
        DevinPermissions.ManageAccountPlaybooks, DevinJson.Context.V1Playbook);
    /// <summary>The last list read; later pages of one listing are cut from it instead of reading it all again.</summary>
    private List<V1Playbook>? _lastRead;

    public async Task<Page<Playbook>> List(string? after = null, int? first = null, CancellationToken ct = default)
    {
        if (after is null || _lastRead is null)
            _lastRead = await scope.Http.Fetch(await _playbooks.ListCall(ct), DevinJson.Context.ListV1Playbook, ct);
        return Pages.Slice(_lastRead.Select(p => p.ToPlaybook()).ToList(), first, after);
    }

    public async Task<Playbook> Get(string id, CancellationToken ct = default) => (await _playbooks.Get(id, ct)).ToPlaybook();

    public async Task<Playbook> Create(PlaybookRequest request, CancellationToken ct = default) =>
        (await _playbooks.Create(V1Body(request), DevinJson.Context.V1PlaybookRequest, ct)).ToPlaybook();

    public async Task<Playbook> Update(string id, PlaybookRequest change, CancellationToken ct = default)
    {
        await _playbooks.Send(Method.Put, id, DevinJson.Serialize(V1Body(change), DevinJson.Context.V1PlaybookRequest), "updating", ct);
        return await Get(id, ct);
    }

    public async Task<Playbook> Delete(string id, CancellationToken ct = default)
    {
        var current = await Get(id, ct);
        await _playbooks.Send(Method.Delete, id, null, "deleting", ct);
        return current;
    }

    private V1PlaybookRequest V1Body(PlaybookRequest request)
    {
        if (request.StructuredOutputSchema is not null) scope.RequireV3("a playbook's structured output schema");
        return new V1PlaybookRequest(request.Title, request.Body, request.Macro);
    }
}
