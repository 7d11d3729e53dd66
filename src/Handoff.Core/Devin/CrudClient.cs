using System.Text.Json.Serialization.Metadata;
using RestSharp;

namespace Handoff.Core.Devin;

/// <summary>What sets one v3 collection apart: its feature name (for v1 refusals), path, noun, id name, permission and JSON.</summary>
internal sealed record Collection<T, TCreate, TUpdate>(
    string Feature, string Path, string Noun, string IdName, string Permission, Method UpdateMethod,
    JsonTypeInfo<T> Item, JsonTypeInfo<Page<T>> Page, JsonTypeInfo<TCreate> CreateBody, JsonTypeInfo<TUpdate> UpdateBody);

/// <summary>The v3 collections with create / show / update / delete, side by side (devin-api.md §6-8).</summary>
internal static class Collections
{
    public static readonly Collection<KnowledgeNote, KnowledgeNoteRequest, KnowledgeNoteRequest> Notes = new(
        "knowledge notes", "knowledge/notes", "knowledge note", "note id", DevinPermissions.ManageAccountKnowledge, Method.Put,
        DevinJson.Context.KnowledgeNote, DevinJson.Context.PageKnowledgeNote, DevinJson.Context.KnowledgeNoteRequest, DevinJson.Context.KnowledgeNoteRequest);

    public static readonly Collection<Playbook, PlaybookRequest, PlaybookRequest> Playbooks = new(
        "playbooks", "playbooks", "playbook", "playbook id", DevinPermissions.ManageAccountPlaybooks, Method.Put,
        DevinJson.Context.Playbook, DevinJson.Context.PagePlaybook, DevinJson.Context.PlaybookRequest, DevinJson.Context.PlaybookRequest);

    /// <summary>Schedules change by PATCH: only the fields sent.</summary>
    public static readonly Collection<Schedule, ScheduleCreateRequest, SchedulePatch> Schedules = new(
        "schedules", "schedules", "schedule", "schedule id", DevinPermissions.ManageOrgSchedules, Method.Patch,
        DevinJson.Context.Schedule, DevinJson.Context.PageSchedule, DevinJson.Context.ScheduleCreateRequest, DevinJson.Context.SchedulePatch);
}

/// <summary>
/// List / show / create / update / delete of one v3 collection over <see cref="CrudRoutes{T}"/>; the knowledge, playbook
/// and schedule clients derive from it and add only their list filters.
/// </summary>
internal abstract class CrudClient<T, TCreate, TUpdate>(ApiScope scope, Collection<T, TCreate, TUpdate> collection)
    : ICrudClient<T, TCreate, TUpdate>
{
    protected ApiScope Scope => scope;

    protected CrudRoutes<T> Routes { get; } =
        new(scope.Http, scope.V3Root(collection.Feature), collection.Path, collection.Noun, collection.IdName, collection.Permission, collection.Item);

    public Task<T> Get(string id, CancellationToken ct = default) => Routes.Get(id, ct);

    public Task<T> Create(TCreate request, CancellationToken ct = default) => Routes.Create(request, collection.CreateBody, ct);

    public Task<T> Update(string id, TUpdate change, CancellationToken ct = default) =>
        Routes.Update(collection.UpdateMethod, id, UpdateBody(change), ct);

    public Task<T> Delete(string id, CancellationToken ct = default) => Routes.Delete(id, ct);

    /// <summary>One page of the collection, with the query parameters <paramref name="filter"/> adds.</summary>
    protected async Task<Page<T>> ListPage(Func<ApiCall, ApiCall> filter, CancellationToken ct) =>
        await scope.Http.Fetch(filter(await Routes.ListCall(ct)), collection.Page, ct);

    protected virtual string UpdateBody(TUpdate change) => DevinJson.Serialize(change, collection.UpdateBody);
}
