namespace Handoff.Core.Devin;

/// <summary>
/// Typed access to the Devin API (devin-api.md). v3 for <c>cog_</c> keys, v1 for <c>apk_</c> keys where a v1
/// endpoint exists; calls without one throw <see cref="HandoffException"/> exit 4. Failures are
/// <see cref="DevinApiException"/> with the exit code already chosen. Session ids may omit "devin-".
/// </summary>
public interface IDevinClient
{
    DevinConnection Connection { get; }
    ApiFlavor Flavor { get; }

    /// <summary>The explicit OrgId, else <c>org_id</c> from GET /v3/self, else exit 4. Cached.</summary>
    Task<string> ResolveOrgId(CancellationToken ct = default);

    // Identity
    Task<SelfInfo> GetSelf(CancellationToken ct = default);
    /// <summary>All pages of GET /v3/enterprise/organizations.</summary>
    Task<IReadOnlyList<Organization>> ListOrganizations(CancellationToken ct = default);

    // Sessions
    /// <summary>
    /// Creates a session tagged <c>handoff-id:&lt;clientToken&gt;</c> (generated when null). Never sends a second
    /// create blindly: after a lost response it looks the session up by that tag first.
    /// </summary>
    Task<SessionCreated> CreateSession(SessionCreateRequest request, string? clientToken = null, CancellationToken ct = default);
    Task<SessionResponse> GetSession(string sessionId, CancellationToken ct = default);
    Task<Page<SessionResponse>> ListSessions(SessionListQuery query, CancellationToken ct = default);
    /// <summary>Every session matching the query, page after page.</summary>
    IAsyncEnumerable<SessionResponse> EnumerateSessions(SessionListQuery query, CancellationToken ct = default);
    /// <summary>One page of messages, oldest first. v1: all messages of the session in one page.</summary>
    Task<Page<SessionMessage>> ListMessages(string sessionId, string? after = null, int? first = null, CancellationToken ct = default);
    Task<MessageSent> SendMessage(string sessionId, SendMessageRequest request, CancellationToken ct = default);
    Task<SessionResponse> Archive(string sessionId, CancellationToken ct = default);
    Task<SessionResponse> Terminate(string sessionId, bool archive = false, CancellationToken ct = default);
    Task<IReadOnlyList<string>> GetTags(string sessionId, CancellationToken ct = default);
    Task<IReadOnlyList<string>> PutTags(string sessionId, IReadOnlyList<string> tags, CancellationToken ct = default);
    Task<IReadOnlyList<string>> AppendTags(string sessionId, IReadOnlyList<string> tags, CancellationToken ct = default);

    // Attachments
    Task<IReadOnlyList<SessionAttachment>> ListAttachments(string sessionId, CancellationToken ct = default);
    /// <summary>Multipart upload (part "file"); <paramref name="openContent"/> may be called again for a retry.</summary>
    Task<UploadedAttachment> UploadAttachment(string fileName, Func<Stream> openContent, CancellationToken ct = default);
    /// <summary>Downloads an attachment URL; the key is sent only to the API host, never to a redirect target elsewhere.</summary>
    Task DownloadAttachment(string url, Stream destination, CancellationToken ct = default);

    // Knowledge
    Task<Page<KnowledgeNote>> ListNotes(NoteListQuery query, CancellationToken ct = default);
    Task<KnowledgeNote> GetNote(string noteId, CancellationToken ct = default);
    Task<KnowledgeNote> CreateNote(KnowledgeNoteRequest request, CancellationToken ct = default);
    Task<KnowledgeNote> UpdateNote(string noteId, KnowledgeNoteRequest request, CancellationToken ct = default);
    Task<KnowledgeNote> DeleteNote(string noteId, CancellationToken ct = default);
    Task<KnowledgeFolders> ListKnowledgeFolders(CancellationToken ct = default);

    // Playbooks
    Task<Page<Playbook>> ListPlaybooks(string? after = null, int? first = null, CancellationToken ct = default);
    Task<Playbook> GetPlaybook(string playbookId, CancellationToken ct = default);
    Task<Playbook> CreatePlaybook(PlaybookRequest request, CancellationToken ct = default);
    Task<Playbook> UpdatePlaybook(string playbookId, PlaybookRequest request, CancellationToken ct = default);
    Task<Playbook> DeletePlaybook(string playbookId, CancellationToken ct = default);

    // Schedules
    Task<Page<Schedule>> ListSchedules(int? limit = null, int? offset = null, CancellationToken ct = default);
    Task<Schedule> GetSchedule(string scheduleId, CancellationToken ct = default);
    Task<Schedule> CreateSchedule(ScheduleCreateRequest request, CancellationToken ct = default);
    Task<Schedule> PatchSchedule(string scheduleId, SchedulePatch patch, CancellationToken ct = default);
    Task<Schedule> DeleteSchedule(string scheduleId, CancellationToken ct = default);
}
