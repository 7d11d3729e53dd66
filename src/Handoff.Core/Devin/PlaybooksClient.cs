namespace Handoff.Core.Devin;

/// <summary>Playbooks, v3 (devin-api.md §7). An update replaces the whole playbook (PUT).</summary>
internal sealed class PlaybooksClient(ApiScope scope)
    : CrudClient<Playbook, PlaybookRequest, PlaybookRequest>(scope, Collections.Playbooks), IPlaybooksClient
{
    public Task<Page<Playbook>> List(string? after = null, int? first = null, CancellationToken ct = default) =>
        ListPage(call => call.With("after", after).With("first", first), ct);
}
