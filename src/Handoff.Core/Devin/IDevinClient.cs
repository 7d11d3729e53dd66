namespace Handoff.Core.Devin;

/// <summary>
/// Typed access to the Devin API (devin-api.md), one client per resource, as Octokit does
/// (<c>client.Sessions.Get(id)</c>). v3 for <c>cog_</c> keys, v1 for <c>apk_</c> keys where a v1 endpoint exists;
/// calls without one throw <see cref="HandoffException"/> exit 4. Failures are <see cref="DevinApiException"/> with
/// the exit code already chosen. Session ids may omit "devin-". Dispose it: it holds the HTTP connections.
/// </summary>
public interface IDevinClient : IDisposable
{
    DevinConnection Connection { get; }
    ApiFlavor Flavor { get; }

    IIdentityClient Identity { get; }
    ISessionsClient Sessions { get; }
    IMessagesClient Messages { get; }
    IAttachmentsClient Attachments { get; }
    IKnowledgeClient Knowledge { get; }
    IPlaybooksClient Playbooks { get; }
    ISchedulesClient Schedules { get; }
}

/// <summary>Who the key is, and its organizations (v3 only).</summary>
public interface IIdentityClient
{
    /// <summary>The explicit OrgId, else <c>org_id</c> from GET /v3/self, else exit 4. Cached.</summary>
    Task<string> ResolveOrgId(CancellationToken ct = default);
    Task<SelfInfo> GetSelf(CancellationToken ct = default);
    /// <summary>All pages of GET /v3/enterprise/organizations.</summary>
    Task<IReadOnlyList<Organization>> ListOrganizations(CancellationToken ct = default);
}

public interface ISessionsClient
{
    /// <summary>
    /// Creates a session tagged <c>handoff-id:&lt;clientToken&gt;</c> (generated when null). Never sends a second
    /// create blindly: after a lost response it looks the session up by that tag first.
    /// </summary>
    Task<SessionCreated> Create(SessionCreateRequest request, string? clientToken = null, CancellationToken ct = default);
    Task<SessionResponse> Get(string sessionId, CancellationToken ct = default);
    /// <summary>One page, in the API's own (undocumented) order.</summary>
    Task<Page<SessionResponse>> List(SessionListQuery query, CancellationToken ct = default);
    /// <summary>Every session matching the query, page after page, in the API's order.</summary>
    IAsyncEnumerable<SessionResponse> Enumerate(SessionListQuery query, CancellationToken ct = default);
    /// <summary>The newest <paramref name="limit"/> sessions matching the query, newest first, whatever order the API lists them in.</summary>
    Task<NewestSessions> ListNewest(SessionListQuery query, int limit, CancellationToken ct = default);
    Task<SessionResponse> Archive(string sessionId, CancellationToken ct = default);
    Task<SessionResponse> Terminate(string sessionId, bool archive = false, CancellationToken ct = default);
    Task<IReadOnlyList<string>> GetTags(string sessionId, CancellationToken ct = default);
    Task<IReadOnlyList<string>> PutTags(string sessionId, IReadOnlyList<string> tags, CancellationToken ct = default);
    Task<IReadOnlyList<string>> AppendTags(string sessionId, IReadOnlyList<string> tags, CancellationToken ct = default);
}

public interface IMessagesClient
{
    /// <summary>One page of messages, oldest first. v1: all messages of the session in one page.</summary>
    Task<Page<SessionMessage>> List(string sessionId, string? after = null, int? first = null, CancellationToken ct = default);
    Task<MessageSent> Send(string sessionId, SendMessageRequest request, CancellationToken ct = default);
}

public interface IAttachmentsClient
{
    Task<IReadOnlyList<SessionAttachment>> List(string sessionId, CancellationToken ct = default);
    /// <summary>Multipart upload (part "file"); <paramref name="openContent"/> may be called again for a retry.</summary>
    Task<UploadedAttachment> Upload(string fileName, Func<Stream> openContent, CancellationToken ct = default);
    /// <summary>Downloads an attachment URL; the key is sent only to the API host, never to a redirect target elsewhere.</summary>
    Task Download(string url, Stream destination, CancellationToken ct = default);
}

/// <summary>Show, create, update and delete of one kind of item (knowledge notes, playbooks, schedules).</summary>
public interface ICrudClient<T, in TCreate, in TUpdate>
{
    Task<T> Get(string id, CancellationToken ct = default);
    Task<T> Create(TCreate request, CancellationToken ct = default);
    /// <summary>Knowledge notes and playbooks: a full replace (PUT), so send every field. Schedules: PATCH, only what is set.</summary>
    Task<T> Update(string id, TUpdate change, CancellationToken ct = default);
    /// <summary>Returns the item as it was.</summary>
    Task<T> Delete(string id, CancellationToken ct = default);
}

public interface IKnowledgeClient : ICrudClient<KnowledgeNote, KnowledgeNoteRequest, KnowledgeNoteRequest>
{
    Task<Page<KnowledgeNote>> List(NoteListQuery query, CancellationToken ct = default);
    Task<KnowledgeFolders> ListFolders(CancellationToken ct = default);
}

public interface IPlaybooksClient : ICrudClient<Playbook, PlaybookRequest, PlaybookRequest>
{
    Task<Page<Playbook>> List(string? after = null, int? first = null, CancellationToken ct = default);
}

/// <summary>Scheduled sessions (v3 only).</summary>
public interface ISchedulesClient : ICrudClient<Schedule, ScheduleCreateRequest, SchedulePatch>
{
    Task<Page<Schedule>> List(int? limit = null, int? offset = null, CancellationToken ct = default);
}
