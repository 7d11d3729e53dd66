using RestSharp;

namespace Handoff.Core.Devin;

/// <summary>Sessions: create (never twice), read, list, archive, terminate, tags (devin-api.md §3, §11).</summary>
internal sealed class SessionsClient(ApiScope scope) : ISessionsClient
{
    private const int LookupPageSize = 20;
    private readonly DevinHttp _http = scope.Http;

    private ApiFlavor Flavor => scope.Flavor;

    public async Task<SessionCreated> Create(SessionCreateRequest request, string? clientToken = null, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(request.Prompt))
            throw new HandoffException("a session needs a prompt", ExitCodes.Usage);
        var token = string.IsNullOrWhiteSpace(clientToken) ? Guid.NewGuid().ToString("N") : clientToken.Trim();
        var body = SessionCreateBody.For(Flavor, request, token, scope.Connection.UserId);
        SessionResponse? recovered = null;
        var call = new ApiCall(Method.Post, Flavor == ApiFlavor.V3 ? await scope.OrgPath("sessions", ct) : "v1/sessions", "creating a session",
            Flavor == ApiFlavor.V3 && body.CreatesAsUser ? $"{DevinPermissions.ManageOrgSessions} and {DevinPermissions.ImpersonateOrgSessions}" : DevinPermissions.ManageOrgSessions)
        {
            JsonBody = body.Json,
            // The session may exist after a timeout, a dropped connection or a 5xx: look for it before sending again.
            Retry = RetryMode.LookBeforeResend,
            FoundBeforeResend = async token => (recovered = await FindCreated(body.Tag, token)) is not null,
        };
        var outcome = await _http.SendForOutcome(call, ct);
        if (outcome is null)
        {
            _http.Trace($"the lost create was found by tag {body.Tag}: {recovered!.SessionId}");
            return new SessionCreated(recovered, IsNewSession: true, Recovered: true, body.Tag);
        }
        return await ParseCreatedOrFind(outcome.Body, call, body, request, ct);
    }

    /// <summary>A 2xx with an unreadable body still means the session exists: find it by tag rather than fail.</summary>
    private async Task<SessionCreated> ParseCreatedOrFind(string responseBody, ApiCall call, SessionCreateBody body, SessionCreateRequest request, CancellationToken ct)
    {
        try
        {
            if (Flavor == ApiFlavor.V3)
                return new SessionCreated(_http.Parse(responseBody, call, DevinJson.Context.SessionResponse), IsNewSession: true, Recovered: false, body.Tag);
            var created = _http.Parse(responseBody, call, DevinJson.Context.V1CreateResponse);
            var session = new SessionResponse { SessionId = created.SessionId, Url = created.Url, Title = request.Title, Tags = body.Tags };
            return new SessionCreated(session, created.IsNewSession ?? true, Recovered: false, body.Tag);
        }
        catch (HandoffException)
        {
            var existing = await FindCreated(body.Tag, ct);
            if (existing is null) throw;
            return new SessionCreated(existing, IsNewSession: true, Recovered: true, body.Tag);
        }
    }

    /// <summary>The session carrying <paramref name="tag"/>, archived or not, or null.</summary>
    private async Task<SessionResponse?> FindCreated(string tag, CancellationToken ct)
    {
        try
        {
            // Only a session that really carries the tag counts: a list that filters loosely (or not at all) must not
            // make this "recover" somebody else's session.
            var page = await List(new SessionListQuery { Tags = [tag], First = LookupPageSize }, ct);
            var match = page.Items.FirstOrDefault(s => s.Tags.Contains(tag));
            if (match is null && Flavor == ApiFlavor.V3)
            {
                page = await List(new SessionListQuery { Tags = [tag], First = LookupPageSize, IsArchived = true }, ct);
                match = page.Items.FirstOrDefault(s => s.Tags.Contains(tag));
            }
            return match;
        }
        catch (DevinApiException e)
        {
            // Without knowing whether the first attempt worked, sending again could start a second session.
            throw new DevinApiException(
                $"could not create the session, and could not check whether it was created (look for tag {tag}): {e.Message}",
                e.ExitCode, e.StatusCode, e.FieldErrors, e);
        }
    }

    public async Task<SessionResponse> Get(string sessionId, CancellationToken ct = default)
    {
        var id = SessionIds.Normalize(sessionId);
        if (Flavor == ApiFlavor.V1)
            return (await GetV1(id, ct)).ToSession();
        return await _http.Fetch(await SessionCall(Method.Get, id, "", $"getting session {id}", DevinPermissions.ViewOrgSessions, ct), DevinJson.Context.SessionResponse, ct);
    }

    /// <summary>v1 GET of one session, messages included.</summary>
    internal async Task<V1Session> GetV1(string id, CancellationToken ct) =>
        await _http.Fetch(await SessionCall(Method.Get, id, "", $"getting session {id}", DevinPermissions.ViewOrgSessions, ct), DevinJson.Context.V1Session, ct);

    public async Task<Page<SessionResponse>> List(SessionListQuery query, CancellationToken ct = default)
    {
        if (Flavor == ApiFlavor.V1)
            return await ListV1(query, ct);
        var call = new ApiCall(Method.Get, await scope.OrgPath("sessions", ct), "listing sessions", DevinPermissions.ViewOrgSessions) { Resource = "sessions" }
            .With("first", query.First)
            .With("after", query.After)
            .With("session_ids", query.SessionIds?.Select(SessionIds.Normalize).ToList())
            .With("created_after", query.CreatedAfter)
            .With("created_before", query.CreatedBefore)
            .With("updated_after", query.UpdatedAfter)
            .With("updated_before", query.UpdatedBefore)
            .With("tags", query.Tags)
            .With("playbook_id", query.PlaybookId)
            .With("schedule_id", query.ScheduleId)
            .With("origins", query.Origins)
            .With("user_ids", query.UserIds)
            .With("service_user_ids", query.ServiceUserIds)
            .With("repo_names", query.RepoNames)
            .With("is_archived", query.IsArchived)
            .With("category", query.Category);
        return await _http.Fetch(call, DevinJson.Context.PageSessionResponse, ct);
    }

    /// <summary>v1 pages by limit/offset; the offset is handed out as the cursor so callers page the same way.</summary>
    private async Task<Page<SessionResponse>> ListV1(SessionListQuery query, CancellationToken ct)
    {
        var limit = query.First ?? 100;
        var offset = Pages.Offset(query.After);
        var call = new ApiCall(Method.Get, "v1/sessions", "listing sessions", DevinPermissions.ViewOrgSessions) { Resource = "sessions" }
            .With("limit", limit)
            .With("offset", offset == 0 ? null : offset)
            .With("tags", query.Tags)
            .With("user_email", query.UserEmail);
        var list = await _http.Fetch(call, DevinJson.Context.V1SessionList, ct);
        var more = list.Sessions.Count > 0 && list.Sessions.Count >= limit;
        return new Page<SessionResponse>
        {
            Items = list.Sessions.Select(s => s.ToSession()).ToList(),
            HasNextPage = more,
            EndCursor = more ? (offset + list.Sessions.Count).ToString() : null,
        };
    }

    public IAsyncEnumerable<SessionResponse> Enumerate(SessionListQuery query, CancellationToken ct = default) =>
        Pages.All(after => List(query with { After = after }, ct), ct, query.After);

    /// <summary>
    /// The API's list order is not documented (an older reference said oldest first), so this reads every matching
    /// session, up to <see cref="NewestSessions.ScanLimit"/>, and sorts by created_at. It stops early once the sessions read
    /// show the API listing newest first (created_at falls and never rises) and there are enough of them.
    /// </summary>
    public async Task<NewestSessions> ListNewest(SessionListQuery query, int limit, CancellationToken ct = default)
    {
        var read = new List<SessionResponse>();
        var order = new ListOrder();
        var bounded = false;
        await foreach (var session in Enumerate(query with { First = Flavor == ApiFlavor.V3 ? 200 : 100 }, ct))
        {
            if (read.Count == NewestSessions.ScanLimit) { bounded = true; break; }
            order.Add(session.CreatedAt);
            read.Add(session);
            if (read.Count >= limit && order.NewestFirst) break;
        }
        // Sessions created in the same second keep the API's order, read newest first.
        if (order.OldestFirst) read.Reverse();
        var newest = read.OrderByDescending(s => s.CreatedAt ?? DateTimeOffset.MinValue).Take(limit).ToList();
        return new NewestSessions(newest, bounded && !order.NewestFirst);
    }

    /// <summary>Which way created_at runs in the sessions read so far (equal times say nothing).</summary>
    private sealed class ListOrder
    {
        private DateTimeOffset? _previous;
        private bool _rises, _falls;

        public bool NewestFirst => _falls && !_rises;
        public bool OldestFirst => _rises && !_falls;

        public void Add(DateTimeOffset? createdAt)
        {
            if (createdAt is null) return;
            if (_previous is { } p && createdAt > p) _rises = true;
            if (_previous is { } q && createdAt < q) _falls = true;
            _previous = createdAt;
        }
    }

    public async Task<SessionResponse> Archive(string sessionId, CancellationToken ct = default)
    {
        scope.RequireV3("archiving a session");
        var id = SessionIds.Normalize(sessionId);
        var call = await SessionCall(Method.Post, id, "/archive", $"archiving session {id}", DevinPermissions.ManageOrgSessions, ct);
        return await _http.Fetch(call, DevinJson.Context.SessionResponse, ct);
    }

    public async Task<SessionResponse> Terminate(string sessionId, bool archive = false, CancellationToken ct = default)
    {
        if (archive) scope.RequireV3("archiving a session");
        var id = SessionIds.Normalize(sessionId);
        var call = await SessionCall(Method.Delete, id, "", $"terminating session {id}", DevinPermissions.ManageOrgSessions, ct);
        if (Flavor == ApiFlavor.V3)
            return await _http.Fetch(call.With("archive", archive), DevinJson.Context.SessionResponse, ct);
        // DELETE /v1/sessions/{id} answers {detail}: read the session back so both flavours return it.
        await _http.Send(call, ct);
        return await Get(id, ct);
    }

    public async Task<IReadOnlyList<string>> GetTags(string sessionId, CancellationToken ct = default)
    {
        var id = SessionIds.Normalize(sessionId);
        if (Flavor == ApiFlavor.V1)
            return (await GetV1(id, ct)).Tags ?? [];
        var call = await SessionCall(Method.Get, id, "/tags", $"reading tags of session {id}", DevinPermissions.ViewOrgSessions, ct);
        return (await _http.Fetch(call, DevinJson.Context.SessionTags, ct)).Tags;
    }

    public async Task<IReadOnlyList<string>> PutTags(string sessionId, IReadOnlyList<string> tags, CancellationToken ct = default)
    {
        var id = SessionIds.Normalize(sessionId);
        var call = await TagsCall(Method.Put, id, tags, $"setting tags of session {id}", ct);
        var body = await _http.Send(call, ct);
        if (Flavor == ApiFlavor.V1) return tags; // v1 answers {detail}
        return _http.Parse(body, call, DevinJson.Context.SessionTags).Tags;
    }

    public async Task<IReadOnlyList<string>> AppendTags(string sessionId, IReadOnlyList<string> tags, CancellationToken ct = default)
    {
        var id = SessionIds.Normalize(sessionId);
        if (Flavor == ApiFlavor.V3)
        {
            // The append endpoint's method is unconfirmed (devin-api.md §3.3): POST, else read-merge-replace.
            try
            {
                return (await _http.Fetch(await TagsCall(Method.Post, id, tags, $"adding tags to session {id}", ct), DevinJson.Context.SessionTags, ct)).Tags;
            }
            catch (DevinApiException e) when (e.StatusCode == 405)
            {
                _http.Trace("POST on tags is not allowed; merging and replacing instead");
            }
        }
        var current = await GetTags(id, ct);
        return await PutTags(id, current.Concat(tags).Distinct(StringComparer.Ordinal).ToList(), ct);
    }

    private async Task<ApiCall> TagsCall(Method method, string id, IReadOnlyList<string> tags, string action, CancellationToken ct) =>
        new(method, await scope.SessionPath(id, "/tags", ct), action, DevinPermissions.ManageOrgSessions)
        {
            Resource = $"session {id}",
            JsonBody = DevinJson.Serialize(new SessionTags { Tags = tags }, DevinJson.Context.SessionTags),
        };

    private async Task<ApiCall> SessionCall(Method method, string id, string suffix, string action, string permission, CancellationToken ct) =>
        new(method, await scope.SessionPath(id, suffix, ct), action, permission) { Resource = $"session {id}" };
}
