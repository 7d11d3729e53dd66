using System.Text.Json.Serialization.Metadata;
using RestSharp;

namespace Handoff.Core.Devin;

/// <summary>
/// The list / create / show / update / delete calls of one collection (knowledge notes, playbooks, schedules, in
/// v3 or v1): one place builds their paths, error wording, retry rules and parsing, so a resource client only adds
/// what differs. <paramref name="root"/> turns "notes/x" into the full path (and refuses when the key's API lacks it).
/// </summary>
internal sealed class CrudRoutes<T>(
    DevinHttp http, Func<string, CancellationToken, Task<string>> root, string collection, string noun, string idName, string permission, JsonTypeInfo<T> type)
{
    /// <summary>GET on the collection ("listing playbooks"); the caller adds its query and reads the body.</summary>
    public async Task<ApiCall> ListCall(CancellationToken ct) =>
        new(Method.Get, await root(collection, ct), $"listing {noun}s", permission) { Resource = noun + "s" };

    /// <summary>POST on the collection: not idempotent, so retried only on 429.</summary>
    public async Task<T> Create<TBody>(TBody body, JsonTypeInfo<TBody> bodyType, CancellationToken ct)
    {
        var call = new ApiCall(Method.Post, await root(collection, ct), $"creating a {noun}", permission)
            { JsonBody = DevinJson.Serialize(body, bodyType), Retry = RetryMode.ThrottleOnly };
        return await http.Fetch(call, type, ct);
    }

    public async Task<T> Get(string id, CancellationToken ct) => await http.Fetch(await ItemCall(Method.Get, id, null, "reading", ct), type, ct);

    /// <summary>PUT (a full replace) or PATCH with <paramref name="jsonBody"/>.</summary>
    public async Task<T> Update(Method method, string id, string jsonBody, CancellationToken ct) =>
        await http.Fetch(await ItemCall(method, id, jsonBody, "updating", ct), type, ct);

    public async Task<T> Delete(string id, CancellationToken ct) => await http.Fetch(await ItemCall(Method.Delete, id, null, "deleting", ct), type, ct);

    /// <summary>A call on one item whose answer is not a <typeparamref name="T"/> (v1 answers updates with a status note).</summary>
    public async Task Send(Method method, string id, string? jsonBody, string verb, CancellationToken ct) =>
        await http.Send(await ItemCall(method, id, jsonBody, verb, ct), ct);

    private async Task<ApiCall> ItemCall(Method method, string id, string? jsonBody, string verb, CancellationToken ct)
    {
        var collectionPath = await root(collection, ct);
        var key = ApiScope.RequireId(id, idName);
        return new ApiCall(method, $"{collectionPath}/{ApiScope.Esc(key)}", $"{verb} {noun} {key}", permission)
            { Resource = $"{noun} {key}", JsonBody = jsonBody };
    }
}
