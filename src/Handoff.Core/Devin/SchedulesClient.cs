using System.Text.Json;

namespace Handoff.Core.Devin;

/// <summary>Scheduled sessions (devin-api.md §8; v3 only). Lists page by limit/offset; an update is a PATCH of what is set.</summary>
internal sealed class SchedulesClient(ApiScope scope)
    : CrudClient<Schedule, ScheduleCreateRequest, SchedulePatch>(scope, Collections.Schedules), ISchedulesClient
{
    /// <summary>Only the fields set; <see cref="SchedulePatch.DetachPlaybook"/> sends an explicit <c>playbook_id: null</c>.</summary>
    protected override string UpdateBody(SchedulePatch patch)
    {
        var body = JsonSerializer.SerializeToNode(patch, DevinJson.Context.SchedulePatch)!.AsObject();
        if (patch.DetachPlaybook) body["playbook_id"] = null;
        return body.ToJsonString();
    }

    public Task<Page<Schedule>> List(int? limit = null, int? offset = null, CancellationToken ct = default) =>
        ListPage(call => call.With("limit", limit).With("offset", offset), ct);
}
