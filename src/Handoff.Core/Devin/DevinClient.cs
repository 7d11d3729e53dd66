using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Handoff.Core.Abstractions;
using RestSharp;

namespace Handoff.Core.Devin;

/// <summary>
/// The Devin API client (devin-api.md), on top of <see cref="DevinHttp"/>. Construct with
/// <c>new DevinClient(connection, options)</c> or <see cref="Create"/> for the CLI defaults.
/// </summary>
public sealed class DevinClient : IDevinClient, IDisposable
{
    public const string ClientTagPrefix = "handoff-id:";
    private const int LookupPageSize = 20;
    private const int MaxDownloadHops = 5;

    private readonly DevinHttp http;
    private readonly DevinClientOptions options;
    private string? resolvedOrgId;

    public DevinConnection Connection { get; }
    public ApiFlavor Flavor { get; }

    public DevinClient(DevinConnection connection, DevinClientOptions? options = null)
    {
        Connection = connection;
        Flavor = connection.Flavor; // validates the key's shape (exit 4)
        this.options = options ?? new DevinClientOptions();
        http = new DevinHttp(connection, this.options) { DescribeScope = DescribeScope };
    }

    /// <summary>The CLI's client: system clock, tracing to <paramref name="stderr"/> when DEVIN_HANDOFF_TRACE=1.</summary>
    public static DevinClient Create(DevinConnection connection, IEnvironment environment, TextWriter stderr) =>
        new(connection, DevinClientOptions.FromEnvironment(environment, stderr));

    public static string UserAgent => DevinHttp.UserAgent;

    // ---------------------------------------------------------------- identity

    public async Task<string> ResolveOrgId(CancellationToken ct = default)
    {
        RequireV3("organization-scoped calls");
        if (!string.IsNullOrWhiteSpace(Connection.OrgId)) return Connection.OrgId.Trim();
        if (resolvedOrgId is not null) return resolvedOrgId;
        SelfInfo self;
        try
        {
            self = await GetSelf(ct);
        }
        catch (DevinApiException e) when (e.StatusCode is 403 or 404)
        {
            throw new HandoffException("no organization: set DEVIN_ORG_ID or --org-id", ExitCodes.AuthOrConfig, e);
        }
        if (string.IsNullOrWhiteSpace(self.OrgId))
            throw new HandoffException("no organization: set DEVIN_ORG_ID or --org-id", ExitCodes.AuthOrConfig);
        return resolvedOrgId = self.OrgId;
    }

    public async Task<SelfInfo> GetSelf(CancellationToken ct = default)
    {
        RequireV3("GET /v3/self (who am I)");
        var call = new ApiCall(Method.Get, "v3/self", "reading the key's identity", DevinPermissions.ReadAccountMeta) { Resource = "identity" };
        return http.Parse(await http.Send(call, ct), call, DevinJson.Context.SelfInfo);
    }

    public async Task<IReadOnlyList<Organization>> ListOrganizations(CancellationToken ct = default)
    {
        RequireV3("listing organizations");
        var all = new List<Organization>();
        await foreach (var org in Paginate(after =>
                       {
                           var call = new ApiCall(Method.Get, "v3/enterprise/organizations", "listing organizations", DevinPermissions.ManageOrganizations)
                               .With("first", 200).With("after", after);
                           return GetPage(call, DevinJson.Context.PageOrganization, ct);
                       }, ct))
            all.Add(org);
        return all;
    }

    // ---------------------------------------------------------------- sessions

    public async Task<SessionCreated> CreateSession(SessionCreateRequest request, string? clientToken = null, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(request.Prompt))
            throw new HandoffException("a session needs a prompt", ExitCodes.Usage);
        var token = string.IsNullOrWhiteSpace(clientToken) ? Guid.NewGuid().ToString("N") : clientToken.Trim();
        var tag = ClientTagPrefix + token;
        var tags = request.Tags ?? [];
        if (!tags.Contains(tag)) tags = [.. tags, tag];

        var call = Flavor == ApiFlavor.V3 ? await V3CreateCall(request, tags, ct) : V1CreateCall(request, tags);
        for (var attempt = 1; ; attempt++)
        {
            var outcome = await http.SendOnce(call, ct);
            if (outcome.IsSuccess)
                return await ParseCreatedOrFind(outcome.Body, call, tag, request, tags, ct);
            if (!outcome.IsTransient || attempt >= options.MaxAttempts)
                throw http.Failure(call, outcome, attempt);
            await http.WaitBeforeRetry(call, outcome, attempt, ct);
            // 429: the server turned the request away unprocessed, so sending it again is safe.
            if (outcome.StatusCode == 429) continue;
            // Timeout, dropped connection or 5xx: the session may exist. Look before sending again.
            var existing = await FindCreatedSession(tag, ct);
            if (existing is not null)
            {
                http.Trace($"the lost create was found by tag {tag}: {existing.SessionId}");
                return new SessionCreated(existing, IsNewSession: true, Recovered: true, tag);
            }
        }
    }

    private async Task<ApiCall> V3CreateCall(SessionCreateRequest request, IReadOnlyList<string> tags, CancellationToken ct)
    {
        var body = V3CreateBody(request, tags, Connection.UserId);
        return new ApiCall(Method.Post, await OrgPath("sessions", ct), "creating a session",
            body.CreateAsUserId is null ? DevinPermissions.ManageOrgSessions : $"{DevinPermissions.ManageOrgSessions} and {DevinPermissions.ImpersonateOrgSessions}")
        {
            JsonBody = DevinJson.Serialize(body),
            Retry = RetryMode.ThrottleOnly,
        };
    }

    /// <summary>
    /// The exact JSON body a create sends for <paramref name="flavor"/> (used by `create --dry-run --json`),
    /// built by the same code as the real request.
    /// </summary>
    public static string CreateBodyJson(ApiFlavor flavor, SessionCreateRequest request, string clientToken, string? defaultUserId)
    {
        var tag = ClientTagPrefix + clientToken;
        var tags = request.Tags ?? [];
        if (!tags.Contains(tag)) tags = [.. tags, tag];
        return flavor == ApiFlavor.V3
            ? DevinJson.Serialize(V3CreateBody(request, tags, defaultUserId))
            : DevinJson.Serialize(V1CreateBody(request, tags));
    }

    private static SessionCreateRequest V3CreateBody(SessionCreateRequest request, IReadOnlyList<string> tags, string? defaultUserId) =>
        request with
        {
            Tags = tags,
            CreateAsUserId = request.CreateAsUserId ?? NullIfEmpty(defaultUserId),
            SnapshotId = null,
            Unlisted = null,
        };

    private static ApiCall V1CreateCall(SessionCreateRequest request, IReadOnlyList<string> tags)
    {
        var body = V1CreateBody(request, tags);
        return new ApiCall(Method.Post, "v1/sessions", "creating a session", DevinPermissions.ManageOrgSessions)
        {
            JsonBody = DevinJson.Serialize(body),
            Retry = RetryMode.ThrottleOnly,
        };
    }

    private static V1CreateRequest V1CreateBody(SessionCreateRequest request, IReadOnlyList<string> tags) =>
        new V1CreateRequest
        {
            Prompt = WithAttachmentLines(request.Prompt, request.AttachmentUrls),
            Idempotent = true,
            Title = request.Title,
            Tags = tags,
            KnowledgeIds = request.KnowledgeIds,
            MaxAcuLimit = request.MaxAcuLimit,
            PlaybookId = request.PlaybookId,
            SecretIds = request.SecretIds,
            SessionSecrets = request.SessionSecrets,
            SnapshotId = request.SnapshotId,
            StructuredOutputSchema = request.StructuredOutputSchema,
            Unlisted = request.Unlisted,
        };

    /// <summary>A 2xx with an unreadable body still means the session exists: find it by tag rather than fail.</summary>
    private async Task<SessionCreated> ParseCreatedOrFind(string body, ApiCall call, string tag, SessionCreateRequest request, IReadOnlyList<string> tags, CancellationToken ct)
    {
        try
        {
            return ParseCreated(body, call, tag, request, tags);
        }
        catch (HandoffException) when (!string.IsNullOrEmpty(tag))
        {
            var existing = await FindCreatedSession(tag, ct);
            if (existing is null) throw;
            return new SessionCreated(existing, IsNewSession: true, Recovered: true, tag);
        }
    }

    private SessionCreated ParseCreated(string body, ApiCall call, string tag, SessionCreateRequest request, IReadOnlyList<string> tags)
    {
        if (Flavor == ApiFlavor.V3)
            return new SessionCreated(http.Parse(body, call, DevinJson.Context.SessionResponse), IsNewSession: true, Recovered: false, tag);
        var created = http.Parse(body, call, DevinJson.Context.V1CreateResponse);
        var session = new SessionResponse { SessionId = created.SessionId, Url = created.Url, Title = request.Title, Tags = tags };
        return new SessionCreated(session, created.IsNewSession ?? true, Recovered: false, tag);
    }

    /// <summary>The session carrying <paramref name="tag"/>, archived or not, or null.</summary>
    private async Task<SessionResponse?> FindCreatedSession(string tag, CancellationToken ct)
    {
        try
        {
            var page = await ListSessions(new SessionListQuery { Tags = [tag], First = LookupPageSize }, ct);
            var match = page.Items.FirstOrDefault(s => s.Tags.Contains(tag));
            if (match is null && Flavor == ApiFlavor.V3)
            {
                page = await ListSessions(new SessionListQuery { Tags = [tag], First = LookupPageSize, IsArchived = true }, ct);
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

    public async Task<SessionResponse> GetSession(string sessionId, CancellationToken ct = default)
    {
        var id = SessionIds.Normalize(sessionId);
        if (Flavor == ApiFlavor.V1)
            return (await GetV1Session(id, ct)).ToSession();
        var call = new ApiCall(Method.Get, await SessionPath(id, "", ct), $"getting session {id}", DevinPermissions.ViewOrgSessions) { Resource = $"session {id}" };
        return http.Parse(await http.Send(call, ct), call, DevinJson.Context.SessionResponse);
    }

    private async Task<V1Session> GetV1Session(string id, CancellationToken ct)
    {
        var call = new ApiCall(Method.Get, $"v1/sessions/{Esc(id)}", $"getting session {id}", DevinPermissions.ViewOrgSessions) { Resource = $"session {id}" };
        return http.Parse(await http.Send(call, ct), call, DevinJson.Context.V1Session);
    }

    public async Task<Page<SessionResponse>> ListSessions(SessionListQuery query, CancellationToken ct = default)
    {
        if (Flavor == ApiFlavor.V1)
            return await ListV1Sessions(query, ct);
        var call = new ApiCall(Method.Get, await OrgPath("sessions", ct), "listing sessions", DevinPermissions.ViewOrgSessions) { Resource = "sessions" }
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
        return await GetPage(call, DevinJson.Context.PageSessionResponse, ct);
    }

    /// <summary>v1 pages by limit/offset; the offset is handed out as the cursor so callers page the same way.</summary>
    private async Task<Page<SessionResponse>> ListV1Sessions(SessionListQuery query, CancellationToken ct)
    {
        var limit = query.First ?? 100;
        var offset = int.TryParse(query.After, out var o) && o > 0 ? o : 0;
        var call = new ApiCall(Method.Get, "v1/sessions", "listing sessions", DevinPermissions.ViewOrgSessions) { Resource = "sessions" }
            .With("limit", limit)
            .With("offset", offset == 0 ? null : offset)
            .With("tags", query.Tags)
            .With("user_email", query.UserEmail);
        var list = http.Parse(await http.Send(call, ct), call, DevinJson.Context.V1SessionList);
        var more = list.Sessions.Count > 0 && list.Sessions.Count >= limit;
        return new Page<SessionResponse>
        {
            Items = list.Sessions.Select(s => s.ToSession()).ToList(),
            HasNextPage = more,
            EndCursor = more ? (offset + list.Sessions.Count).ToString() : null,
        };
    }

    public IAsyncEnumerable<SessionResponse> EnumerateSessions(SessionListQuery query, CancellationToken ct = default) =>
        Paginate(after => ListSessions(query with { After = after }, ct), ct, query.After);

    public async Task<Page<SessionMessage>> ListMessages(string sessionId, string? after = null, int? first = null, CancellationToken ct = default)
    {
        var id = SessionIds.Normalize(sessionId);
        if (Flavor == ApiFlavor.V1)
            return V1Messages(await GetV1Session(id, ct), after);
        var call = new ApiCall(Method.Get, await SessionPath(id, "/messages", ct), $"reading messages of session {id}", DevinPermissions.ViewOrgSessions)
            { Resource = $"session {id}" }
            .With("after", after)
            .With("first", first);
        return await GetPage(call, DevinJson.Context.PageSessionMessage, ct);
    }

    /// <summary>v1 returns messages inside the session; the cursor is the count already seen.</summary>
    private static Page<SessionMessage> V1Messages(V1Session session, string? after)
    {
        var all = (session.Messages ?? []).Select((m, i) => new SessionMessage
        {
            EventId = m.EventId ?? $"v1-{i}",
            CreatedAt = m.Timestamp ?? m.CreatedAt,
            Message = m.Message ?? "",
            Source = m.Type switch
            {
                { } t when t.Contains("devin", StringComparison.OrdinalIgnoreCase) => "devin",
                { } t when t.Contains("user", StringComparison.OrdinalIgnoreCase) => "user",
                _ => m.Origin ?? m.Type,
            },
        }).ToList();
        var skip = int.TryParse(after, out var s) && s > 0 ? Math.Min(s, all.Count) : 0;
        return new Page<SessionMessage> { Items = all.Skip(skip).ToList(), HasNextPage = false, EndCursor = all.Count.ToString(), Total = all.Count };
    }

    public async Task<MessageSent> SendMessage(string sessionId, SendMessageRequest request, CancellationToken ct = default)
    {
        var id = SessionIds.Normalize(sessionId);
        if (string.IsNullOrWhiteSpace(request.Message))
            throw new HandoffException("the message is empty", ExitCodes.Usage);
        ApiCall call;
        if (Flavor == ApiFlavor.V1)
        {
            call = new ApiCall(Method.Post, $"v1/sessions/{Esc(id)}/message", $"sending a message to session {id}", DevinPermissions.ManageOrgSessions)
            {
                Resource = $"session {id}",
                JsonBody = DevinJson.Serialize(new V1MessageRequest(WithAttachmentLines(request.Message, request.AttachmentUrls)), DevinJson.Context.V1MessageRequest),
                Retry = RetryMode.ThrottleOnly,
            };
        }
        else
        {
            call = new ApiCall(Method.Post, await SessionPath(id, "/messages", ct), $"sending a message to session {id}", DevinPermissions.ManageOrgSessions)
            {
                Resource = $"session {id}",
                JsonBody = DevinJson.Serialize(request, DevinJson.Context.SendMessageRequest),
                Retry = RetryMode.ThrottleOnly,
            };
        }
        return ParseMessageSent(await http.Send(call, ct), call);
    }

    private MessageSent ParseMessageSent(string body, ApiCall call)
    {
        if (string.IsNullOrWhiteSpace(body)) return new MessageSent(null, null);
        JsonNode? node;
        try { node = JsonNode.Parse(body); }
        catch (JsonException e) { throw new HandoffException($"the Devin API sent malformed JSON while {call.Action}: {e.Message}", ExitCodes.Error, e); }
        if (node is not JsonObject obj) return new MessageSent(null, null);
        var detail = obj["detail"] is JsonValue v && v.TryGetValue<string>(out var d) ? d : null;
        var session = obj.ContainsKey("session_id") ? http.Parse(body, call, DevinJson.Context.SessionResponse) : null;
        return new MessageSent(session, detail);
    }

    public async Task<SessionResponse> Archive(string sessionId, CancellationToken ct = default)
    {
        RequireV3("archiving a session");
        var id = SessionIds.Normalize(sessionId);
        var call = new ApiCall(Method.Post, await SessionPath(id, "/archive", ct), $"archiving session {id}", DevinPermissions.ManageOrgSessions) { Resource = $"session {id}" };
        return http.Parse(await http.Send(call, ct), call, DevinJson.Context.SessionResponse);
    }

    public async Task<SessionResponse> Terminate(string sessionId, bool archive = false, CancellationToken ct = default)
    {
        RequireV3("terminating a session");
        var id = SessionIds.Normalize(sessionId);
        var call = new ApiCall(Method.Delete, await SessionPath(id, "", ct), $"terminating session {id}", DevinPermissions.ManageOrgSessions) { Resource = $"session {id}" }
            .With("archive", archive);
        return http.Parse(await http.Send(call, ct), call, DevinJson.Context.SessionResponse);
    }

    public async Task<IReadOnlyList<string>> GetTags(string sessionId, CancellationToken ct = default)
    {
        var id = SessionIds.Normalize(sessionId);
        if (Flavor == ApiFlavor.V1)
            return (await GetV1Session(id, ct)).Tags ?? [];
        var call = new ApiCall(Method.Get, await SessionPath(id, "/tags", ct), $"reading tags of session {id}", DevinPermissions.ViewOrgSessions) { Resource = $"session {id}" };
        return http.Parse(await http.Send(call, ct), call, DevinJson.Context.SessionTags).Tags;
    }

    public async Task<IReadOnlyList<string>> PutTags(string sessionId, IReadOnlyList<string> tags, CancellationToken ct = default)
    {
        var id = SessionIds.Normalize(sessionId);
        var path = Flavor == ApiFlavor.V1 ? $"v1/sessions/{Esc(id)}/tags" : await SessionPath(id, "/tags", ct);
        var call = new ApiCall(Method.Put, path, $"setting tags of session {id}", DevinPermissions.ManageOrgSessions)
        {
            Resource = $"session {id}",
            JsonBody = DevinJson.Serialize(new SessionTags { Tags = tags }, DevinJson.Context.SessionTags),
        };
        var body = await http.Send(call, ct);
        if (Flavor == ApiFlavor.V1) return tags; // v1 answers {detail}
        return http.Parse(body, call, DevinJson.Context.SessionTags).Tags;
    }

    public async Task<IReadOnlyList<string>> AppendTags(string sessionId, IReadOnlyList<string> tags, CancellationToken ct = default)
    {
        var id = SessionIds.Normalize(sessionId);
        if (Flavor == ApiFlavor.V3)
        {
            // The append endpoint's method is unconfirmed (devin-api.md §3.3): POST, else read-merge-replace.
            var call = new ApiCall(Method.Post, await SessionPath(id, "/tags", ct), $"adding tags to session {id}", DevinPermissions.ManageOrgSessions)
            {
                Resource = $"session {id}",
                JsonBody = DevinJson.Serialize(new SessionTags { Tags = tags }, DevinJson.Context.SessionTags),
            };
            try
            {
                return http.Parse(await http.Send(call, ct), call, DevinJson.Context.SessionTags).Tags;
            }
            catch (DevinApiException e) when (e.StatusCode == 405)
            {
                http.Trace("POST on tags is not allowed; merging and replacing instead");
            }
        }
        var current = await GetTags(id, ct);
        return await PutTags(id, current.Concat(tags).Distinct(StringComparer.Ordinal).ToList(), ct);
    }

    // ---------------------------------------------------------------- attachments

    public async Task<IReadOnlyList<SessionAttachment>> ListAttachments(string sessionId, CancellationToken ct = default)
    {
        RequireV3("listing session attachments");
        var id = SessionIds.Normalize(sessionId);
        var call = new ApiCall(Method.Get, await SessionPath(id, "/attachments", ct), $"listing attachments of session {id}", DevinPermissions.ViewOrgSessions)
            { Resource = $"session {id}" };
        var body = await http.Send(call, ct);
        // The reference returns a bare array; the common-flows guide shows {"items": [...]}. Accept both.
        var trimmed = body.TrimStart();
        return trimmed.StartsWith('{')
            ? http.Parse(body, call, DevinJson.Context.PageSessionAttachment).Items
            : http.Parse(body, call, DevinJson.Context.ListSessionAttachment);
    }

    public async Task<UploadedAttachment> UploadAttachment(string fileName, Func<Stream> openContent, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(fileName))
            throw new HandoffException("an attachment needs a file name", ExitCodes.Usage);
        var name = Path.GetFileName(fileName);
        var path = Flavor == ApiFlavor.V1 ? "v1/attachments" : await OrgPath("attachments", ct);
        var call = new ApiCall(Method.Post, path, $"uploading {name}", DevinPermissions.UseDevinSessions)
        {
            File = (name, openContent),
            Retry = RetryMode.ThrottleOnly,
        };
        var body = await http.Send(call, ct);
        if (Flavor == ApiFlavor.V3)
            return http.Parse(body, call, DevinJson.Context.UploadedAttachment);
        // v1 answers with the URL as a bare JSON string (tolerate it unquoted as well).
        var text = body.Trim();
        var url = text.StartsWith('"') ? http.Parse(text, call, DevinJson.Context.String) : text;
        if (!Uri.TryCreate(url, UriKind.Absolute, out _))
            throw new HandoffException($"the Devin API did not return an attachment URL while {call.Action}", ExitCodes.Error);
        return new UploadedAttachment { Name = name, Url = url };
    }

    public async Task DownloadAttachment(string url, Stream destination, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(url))
            throw new HandoffException("an attachment URL is required", ExitCodes.Usage);
        var uri = http.Resolve(url.Trim());
        for (var hop = 0; hop <= MaxDownloadHops; hop++)
        {
            if (!http.IsApiHost(uri))
            {
                await http.DownloadWithoutAuth(uri, destination, ct);
                return;
            }
            var call = new ApiCall(Method.Get, uri.ToString(), "downloading an attachment", DevinPermissions.ViewOrgSessions) { Resource = "attachment" };
            var outcome = await http.SendForOutcome(call, ct, acceptRedirect: true);
            if (outcome.IsSuccess)
            {
                var bytes = outcome.RawBytes ?? Encoding.UTF8.GetBytes(outcome.Body);
                await destination.WriteAsync(bytes, ct);
                return;
            }
            uri = new Uri(uri, outcome.Location!);
        }
        throw new HandoffException("too many redirects while downloading an attachment", ExitCodes.Error);
    }

    // ---------------------------------------------------------------- knowledge

    public async Task<Page<KnowledgeNote>> ListNotes(NoteListQuery query, CancellationToken ct = default)
    {
        RequireV3("knowledge notes");
        var call = NoteCall(Method.Get, await OrgPath("knowledge/notes", ct), "listing knowledge notes", "knowledge notes")
            .With("first", query.First).With("after", query.After).With("search", query.Search)
            .With("folder_path", query.FolderPath).With("pinned_repo", query.PinnedRepo);
        return await GetPage(call, DevinJson.Context.PageKnowledgeNote, ct);
    }

    public Task<KnowledgeNote> GetNote(string noteId, CancellationToken ct = default) =>
        NoteRequest(Method.Get, noteId, null, "reading", ct);

    public async Task<KnowledgeNote> CreateNote(KnowledgeNoteRequest request, CancellationToken ct = default)
    {
        RequireV3("knowledge notes");
        var call = new ApiCall(Method.Post, await OrgPath("knowledge/notes", ct), "creating a knowledge note", DevinPermissions.ManageAccountKnowledge)
            { JsonBody = DevinJson.Serialize(request, DevinJson.Context.KnowledgeNoteRequest), Retry = RetryMode.ThrottleOnly };
        return http.Parse(await http.Send(call, ct), call, DevinJson.Context.KnowledgeNote);
    }

    public Task<KnowledgeNote> UpdateNote(string noteId, KnowledgeNoteRequest request, CancellationToken ct = default) =>
        NoteRequest(Method.Put, noteId, DevinJson.Serialize(request, DevinJson.Context.KnowledgeNoteRequest), "updating", ct);

    public Task<KnowledgeNote> DeleteNote(string noteId, CancellationToken ct = default) =>
        NoteRequest(Method.Delete, noteId, null, "deleting", ct);

    public async Task<KnowledgeFolders> ListKnowledgeFolders(CancellationToken ct = default)
    {
        RequireV3("knowledge folders");
        var call = NoteCall(Method.Get, await OrgPath("knowledge/folders", ct), "listing knowledge folders", "knowledge folders");
        return http.Parse(await http.Send(call, ct), call, DevinJson.Context.KnowledgeFolders);
    }

    private async Task<KnowledgeNote> NoteRequest(Method method, string noteId, string? body, string verb, CancellationToken ct)
    {
        RequireV3("knowledge notes");
        var id = RequireId(noteId, "note id");
        var call = new ApiCall(method, await OrgPath($"knowledge/notes/{Esc(id)}", ct), $"{verb} knowledge note {id}", DevinPermissions.ManageAccountKnowledge)
            { Resource = $"knowledge note {id}", JsonBody = body };
        return http.Parse(await http.Send(call, ct), call, DevinJson.Context.KnowledgeNote);
    }

    private static ApiCall NoteCall(Method method, string path, string action, string resource) =>
        new(method, path, action, DevinPermissions.ManageAccountKnowledge) { Resource = resource };

    // ---------------------------------------------------------------- playbooks

    public async Task<Page<Playbook>> ListPlaybooks(string? after = null, int? first = null, CancellationToken ct = default)
    {
        RequireV3("playbooks");
        var call = new ApiCall(Method.Get, await OrgPath("playbooks", ct), "listing playbooks", DevinPermissions.ManageAccountPlaybooks) { Resource = "playbooks" }
            .With("after", after).With("first", first);
        return await GetPage(call, DevinJson.Context.PagePlaybook, ct);
    }

    public Task<Playbook> GetPlaybook(string playbookId, CancellationToken ct = default) =>
        PlaybookRequestCall(Method.Get, playbookId, null, "reading", ct);

    public async Task<Playbook> CreatePlaybook(PlaybookRequest request, CancellationToken ct = default)
    {
        RequireV3("playbooks");
        var call = new ApiCall(Method.Post, await OrgPath("playbooks", ct), "creating a playbook", DevinPermissions.ManageAccountPlaybooks)
            { JsonBody = DevinJson.Serialize(request, DevinJson.Context.PlaybookRequest), Retry = RetryMode.ThrottleOnly };
        return http.Parse(await http.Send(call, ct), call, DevinJson.Context.Playbook);
    }

    public Task<Playbook> UpdatePlaybook(string playbookId, PlaybookRequest request, CancellationToken ct = default) =>
        PlaybookRequestCall(Method.Put, playbookId, DevinJson.Serialize(request, DevinJson.Context.PlaybookRequest), "updating", ct);

    public Task<Playbook> DeletePlaybook(string playbookId, CancellationToken ct = default) =>
        PlaybookRequestCall(Method.Delete, playbookId, null, "deleting", ct);

    private async Task<Playbook> PlaybookRequestCall(Method method, string playbookId, string? body, string verb, CancellationToken ct)
    {
        RequireV3("playbooks");
        var id = RequireId(playbookId, "playbook id");
        var call = new ApiCall(method, await OrgPath($"playbooks/{Esc(id)}", ct), $"{verb} playbook {id}", DevinPermissions.ManageAccountPlaybooks)
            { Resource = $"playbook {id}", JsonBody = body };
        return http.Parse(await http.Send(call, ct), call, DevinJson.Context.Playbook);
    }

    // ---------------------------------------------------------------- schedules

    public async Task<Page<Schedule>> ListSchedules(int? limit = null, int? offset = null, CancellationToken ct = default)
    {
        RequireV3("schedules");
        var call = new ApiCall(Method.Get, await OrgPath("schedules", ct), "listing schedules", DevinPermissions.ManageOrgSchedules) { Resource = "schedules" }
            .With("limit", limit).With("offset", offset);
        return await GetPage(call, DevinJson.Context.PageSchedule, ct);
    }

    public Task<Schedule> GetSchedule(string scheduleId, CancellationToken ct = default) =>
        ScheduleRequest(Method.Get, scheduleId, null, "reading", ct);

    public async Task<Schedule> CreateSchedule(ScheduleCreateRequest request, CancellationToken ct = default)
    {
        RequireV3("schedules");
        var call = new ApiCall(Method.Post, await OrgPath("schedules", ct), "creating a schedule", DevinPermissions.ManageOrgSchedules)
            { JsonBody = DevinJson.Serialize(request, DevinJson.Context.ScheduleCreateRequest), Retry = RetryMode.ThrottleOnly };
        return http.Parse(await http.Send(call, ct), call, DevinJson.Context.Schedule);
    }

    public Task<Schedule> PatchSchedule(string scheduleId, SchedulePatch patch, CancellationToken ct = default)
    {
        var body = JsonSerializer.SerializeToNode(patch, DevinJson.Context.SchedulePatch)!.AsObject();
        if (patch.DetachPlaybook) body["playbook_id"] = null;
        return ScheduleRequest(Method.Patch, scheduleId, body.ToJsonString(), "updating", ct);
    }

    public Task<Schedule> DeleteSchedule(string scheduleId, CancellationToken ct = default) =>
        ScheduleRequest(Method.Delete, scheduleId, null, "deleting", ct);

    private async Task<Schedule> ScheduleRequest(Method method, string scheduleId, string? body, string verb, CancellationToken ct)
    {
        RequireV3("schedules");
        var id = RequireId(scheduleId, "schedule id");
        var call = new ApiCall(method, await OrgPath($"schedules/{Esc(id)}", ct), $"{verb} schedule {id}", DevinPermissions.ManageOrgSchedules)
            { Resource = $"schedule {id}", JsonBody = body };
        return http.Parse(await http.Send(call, ct), call, DevinJson.Context.Schedule);
    }

    // ---------------------------------------------------------------- helpers

    private async Task<Page<T>> GetPage<T>(ApiCall call, JsonTypeInfo<Page<T>> type, CancellationToken ct) =>
        http.Parse(await http.Send(call, ct), call, type);

    /// <summary>Follows end_cursor while has_next_page; stops if a server repeats a cursor.</summary>
    private static async IAsyncEnumerable<T> Paginate<T>(Func<string?, Task<Page<T>>> fetch, [EnumeratorCancellation] CancellationToken ct, string? start = null)
    {
        var seen = new HashSet<string>();
        var cursor = start;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var page = await fetch(cursor);
            foreach (var item in page.Items) yield return item;
            if (!page.HasNextPage || string.IsNullOrEmpty(page.EndCursor) || !seen.Add(page.EndCursor)) yield break;
            cursor = page.EndCursor;
        }
    }

    private async Task<string> OrgPath(string rest, CancellationToken ct) =>
        $"v3/organizations/{Esc(await ResolveOrgId(ct))}/{rest}";

    private async Task<string> SessionPath(string normalizedId, string suffix, CancellationToken ct) =>
        await OrgPath($"sessions/{Esc(normalizedId)}{suffix}", ct);

    private void RequireV3(string what)
    {
        if (Flavor == ApiFlavor.V1)
            throw new HandoffException(
                $"{what} needs the v3 API: {Connection.KeyType} keys use the legacy v1 API, which lacks it; use a cog_ key (https://app.devin.ai/settings/api-keys)",
                ExitCodes.AuthOrConfig);
    }

    private string DescribeScope()
    {
        if (Flavor == ApiFlavor.V1) return "v1 API";
        var org = NullIfEmpty(Connection.OrgId) ?? resolvedOrgId;
        return org is null ? "" : $"org {org}";
    }

    private static string RequireId(string id, string what) =>
        string.IsNullOrWhiteSpace(id) ? throw new HandoffException($"a {what} is required", ExitCodes.Usage) : id.Trim();

    private static string WithAttachmentLines(string text, IReadOnlyList<string>? urls) =>
        urls is null || urls.Count == 0 ? text : text + "\n\n" + string.Join("\n", urls.Select(u => $"ATTACHMENT:\"{u}\""));

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static string Esc(string segment) => Uri.EscapeDataString(segment);

    public void Dispose() => http.Dispose();
}
