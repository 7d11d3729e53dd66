namespace Handoff.FakeDevin.State;

/// <summary>
/// The fake's in-memory store plus the scripting methods tests use to steer it. Every member takes
/// <see cref="Gate"/>; endpoints take it too, so the store is safe under concurrent requests.
/// </summary>
public sealed class FakeState
{
    private readonly FakeDevinOptions _options;
    private long _seq;

    internal readonly Lock Gate = new();
    internal readonly List<FakeOrganization> OrganizationList = [];
    internal readonly List<FakeSession> SessionList = [];
    internal readonly List<FakeMessage> MessageList = [];
    internal readonly List<FakeAttachment> AttachmentList = [];
    internal readonly List<FakeFolder> FolderList = [];
    internal readonly List<FakeNote> NoteList = [];
    internal readonly List<FakePlaybook> PlaybookList = [];
    internal readonly List<FakeSchedule> ScheduleList = [];

    public FakeState(FakeDevinOptions options)
    {
        _options = options;
        Self = options.Self ?? SelfIdentity.ServiceUser(options.DefaultOrgId);
        SeedOrganizations();
    }

    public TimeProvider Clock => _options.Clock;

    public string DefaultOrgId => _options.DefaultOrgId;

    /// <summary>What GET /v3/self answers; also decides user_id/service_user_id of new sessions.</summary>
    public SelfIdentity Self { get; set; }

    /// <summary>Set by the server once the listeners are up; used to build attachment URLs.</summary>
    public Uri ApiBaseUrl { get; internal set; } = new("http://127.0.0.1/");
    public Uri StorageBaseUrl { get; internal set; } = new("http://127.0.0.1/");

    internal IList<string> ValidPlatforms => _options.ValidPlatforms;

    internal long NextSeq() => Interlocked.Increment(ref _seq);

    internal long NowEpoch() => Clock.GetUtcNow().ToUnixTimeSeconds();

    internal static string NewHex() => Guid.NewGuid().ToString("N");

    // ---------------------------------------------------------------- organizations

    public FakeOrganization AddOrganization(string orgId, string? name = null)
    {
        lock (Gate)
        {
            var existing = OrganizationList.FirstOrDefault(o => o.OrgId == orgId);
            if (existing is not null) return existing;
            var now = NowEpoch();
            var org = new FakeOrganization { OrgId = orgId, Name = name ?? orgId, CreatedAt = now, UpdatedAt = now, Seq = NextSeq() };
            OrganizationList.Add(org);
            return org;
        }
    }

    public bool OrganizationExists(string orgId)
    {
        lock (Gate) return OrganizationList.Any(o => o.OrgId == orgId);
    }

    public IReadOnlyList<FakeOrganization> Organizations
    {
        get { lock (Gate) return OrganizationList.ToList(); }
    }

    // ---------------------------------------------------------------- sessions

    public IReadOnlyList<FakeSession> Sessions
    {
        get { lock (Gate) return SessionList.ToList(); }
    }

    /// <summary>Finds a session by id; a bare 32-hex id also finds its devin- form.</summary>
    public FakeSession? FindSession(string sessionId)
    {
        lock (Gate) return FindSessionLocked(sessionId, allowBareId: true);
    }

    internal FakeSession? FindSessionLocked(string sessionId, bool allowBareId) =>
        SessionList.FirstOrDefault(s => s.SessionId == sessionId)
        ?? (allowBareId && !sessionId.StartsWith("devin-", StringComparison.Ordinal)
            ? SessionList.FirstOrDefault(s => s.SessionId == "devin-" + sessionId)
            : null);

    private FakeSession RequireSession(string sessionId) =>
        FindSessionLocked(sessionId, allowBareId: true) ?? throw new KeyNotFoundException($"No fake session {sessionId}");

    /// <summary>Seeds a session as if created through the API (the new-session scripts are NOT applied).</summary>
    public FakeSession CreateSession(string prompt, string? orgId = null, IEnumerable<string>? tags = null, string? title = null,
        DateTimeOffset? createdAt = null, string status = "new", string? statusDetail = null)
    {
        lock (Gate)
        {
            var now = createdAt?.ToUnixTimeSeconds() ?? NowEpoch();
            var session = NewSessionLocked(new FakeSession
            {
                SessionId = "devin-" + NewHex(),
                OrgId = orgId ?? DefaultOrgId,
                Prompt = prompt,
                Title = title,
                Tags = tags?.ToList() ?? [],
                CreatedAt = now,
                UpdatedAt = now,
                Status = status,
                StatusDetail = statusDetail,
                Seq = NextSeq(),
            }, applyNewSessionScripts: false);
            return session;
        }
    }

    internal FakeSession NewSessionLocked(FakeSession session, bool applyNewSessionScripts)
    {
        if (Self.PrincipalType == "pat_user") session.UserId ??= Self.Id;
        else session.ServiceUserId ??= Self.Id;
        SessionList.Add(session);
        if (applyNewSessionScripts)
        {
            foreach (var step in _options.NewSessionStatusScript) session.StatusScript.Enqueue(step);
            if (_options.NewSessionMessageScript is { } script) session.MessageScriptRun = new MessageScriptRun(script, Clock.GetUtcNow());
        }
        return session;
    }

    public void SetStatus(string sessionId, string status, string? statusDetail = null, string? v1StatusEnum = null)
    {
        lock (Gate) ApplyStatusLocked(RequireSession(sessionId), new StatusStep(status, statusDetail, v1StatusEnum));
    }

    /// <summary>Queues status changes; each GET of the session (v3 or v1) applies the next one before answering.</summary>
    public void ScriptStatuses(string sessionId, params StatusStep[] steps)
    {
        lock (Gate)
        {
            var session = RequireSession(sessionId);
            foreach (var step in steps) session.StatusScript.Enqueue(step);
        }
    }

    public void AddPullRequest(string sessionId, string prUrl, string? prState = "open")
    {
        lock (Gate)
        {
            var session = RequireSession(sessionId);
            session.PullRequests.Add(new FakePullRequest(prUrl, prState));
            session.UpdatedAt = NowEpoch();
        }
    }

    public void SetAcusConsumed(string sessionId, double acus)
    {
        lock (Gate) RequireSession(sessionId).AcusConsumed = acus;
    }

    public void SetStructuredOutput(string sessionId, System.Text.Json.JsonElement? output)
    {
        lock (Gate) RequireSession(sessionId).StructuredOutput = output?.Clone();
    }

    // ---------------------------------------------------------------- messages

    public IReadOnlyList<FakeMessage> Messages(string sessionId)
    {
        lock (Gate)
        {
            var id = RequireSession(sessionId).SessionId;
            return MessageList.Where(m => m.SessionId == id).ToList();
        }
    }

    public FakeMessage AddMessage(string sessionId, string message, string source = "devin")
    {
        lock (Gate) return AddMessageLocked(RequireSession(sessionId), message, source, null);
    }

    internal FakeMessage AddMessageLocked(FakeSession session, string message, string source, List<string>? attachmentUrls)
    {
        var msg = new FakeMessage
        {
            EventId = "event-" + NewHex(),
            SessionId = session.SessionId,
            CreatedAt = NowEpoch(),
            Message = message,
            Source = source,
            AttachmentUrls = attachmentUrls,
            Seq = NextSeq(),
        };
        MessageList.Add(msg);
        session.UpdatedAt = msg.CreatedAt;
        return msg;
    }

    /// <summary>Starts a message script on the session (replacing any running one).</summary>
    public void ScriptMessages(string sessionId, MessageScript script)
    {
        if (script.Count < 0 || script.PerStep < 1) throw new ArgumentOutOfRangeException(nameof(script));
        lock (Gate) RequireSession(sessionId).MessageScriptRun = new MessageScriptRun(script, Clock.GetUtcNow());
    }

    /// <summary>
    /// Called on each read of a session or its messages: emits due scripted messages and, when
    /// <paramref name="applyStatusStep"/>, applies the next scripted status.
    /// </summary>
    internal void OnSessionReadLocked(FakeSession session, bool applyStatusStep)
    {
        if (session.MessageScriptRun is { } run)
        {
            var script = run.Script;
            int target;
            if (script.Interval is { } interval && interval > TimeSpan.Zero)
            {
                var ticks = (long)((Clock.GetUtcNow() - run.StartedAt) / interval);
                target = (int)Math.Min(script.Count, ticks * script.PerStep);
            }
            else
            {
                target = Math.Min(script.Count, run.Emitted + script.PerStep);
            }
            while (run.Emitted < target)
            {
                run.Emitted++;
                AddMessageLocked(session, script.Text.Replace("{n}", run.Emitted.ToString()), "devin", null);
            }
            if (run.Emitted >= script.Count)
            {
                session.MessageScriptRun = null;
                if (script.FinalStatus is not null)
                    ApplyStatusLocked(session, new StatusStep(script.FinalStatus, script.FinalStatusDetail));
            }
        }

        if (applyStatusStep && session.StatusScript.TryDequeue(out var step))
            ApplyStatusLocked(session, step);
    }

    internal void ApplyStatusLocked(FakeSession session, StatusStep step)
    {
        session.Status = step.Status;
        session.StatusDetail = step.StatusDetail;
        session.V1StatusEnum = step.V1StatusEnum;
        session.UpdatedAt = NowEpoch();
    }

    // ---------------------------------------------------------------- attachments

    /// <summary>An attachment shown in the session's attachment list. The name may be hostile (e.g. ../../.bashrc).</summary>
    public FakeAttachment AddAttachment(string sessionId, string name, byte[] content, string? contentType = null, string source = "devin")
    {
        lock (Gate)
        {
            var session = RequireSession(sessionId);
            return StoreAttachmentLocked(session.OrgId, name, content, contentType, session.SessionId, source);
        }
    }

    internal FakeAttachment StoreAttachmentLocked(string orgId, string name, byte[] content, string? contentType, string? sessionId, string source)
    {
        var attachment = new FakeAttachment
        {
            AttachmentId = Guid.NewGuid().ToString("D"),
            OrgId = orgId,
            Name = name,
            Content = content,
            ContentType = contentType,
            SessionId = sessionId,
            Source = source,
            Seq = NextSeq(),
        };
        AttachmentList.Add(attachment);
        return attachment;
    }

    public FakeAttachment? FindAttachment(string attachmentId)
    {
        lock (Gate) return AttachmentList.FirstOrDefault(a => a.AttachmentId == attachmentId);
    }

    public IReadOnlyList<FakeAttachment> Attachments
    {
        get { lock (Gate) return AttachmentList.ToList(); }
    }

    /// <summary>The authenticated API download URL: /v3/organizations/{org}/attachments/{uuid}/{name}.</summary>
    public Uri ApiDownloadUrl(FakeAttachment a) =>
        new(ApiBaseUrl, $"v3/organizations/{Uri.EscapeDataString(a.OrgId)}/attachments/{a.AttachmentId}/{UrlName(a)}");

    /// <summary>The name as a URL segment; "." and ".." would be removed by URL normalisation, so they become empty.</summary>
    private static string UrlName(FakeAttachment a) => a.Name.Trim('.').Length == 0 ? "" : Uri.EscapeDataString(a.Name);

    /// <summary>The "pre-signed" storage URL (no auth needed; what the 307 points to).</summary>
    public Uri StorageDownloadUrl(FakeAttachment a) =>
        new(StorageBaseUrl, $"blobs/{a.AttachmentId}/{UrlName(a)}?X-Amz-Expires=60&X-Amz-Signature={NewHex()}");

    // ---------------------------------------------------------------- knowledge, playbooks, schedules

    public FakeFolder AddFolder(string name, string? parentFolderId = null, string? orgId = null)
    {
        lock (Gate)
        {
            var parent = parentFolderId is null ? null : FolderList.First(f => f.FolderId == parentFolderId);
            var folder = new FakeFolder
            {
                FolderId = "folder-" + NewHex(),
                OrgId = orgId ?? parent?.OrgId ?? DefaultOrgId,
                Name = name,
                ParentFolderId = parentFolderId,
                Path = (parent is null ? "" : parent.Path) + "/" + name,
            };
            FolderList.Add(folder);
            return folder;
        }
    }

    public IReadOnlyList<FakeNote> Notes
    {
        get { lock (Gate) return NoteList.ToList(); }
    }

    public IReadOnlyList<FakePlaybook> Playbooks
    {
        get { lock (Gate) return PlaybookList.ToList(); }
    }

    /// <summary>All schedules, soft-deleted ones included (see <see cref="FakeSchedule.IsDeleted"/>).</summary>
    public IReadOnlyList<FakeSchedule> Schedules
    {
        get { lock (Gate) return ScheduleList.ToList(); }
    }

    // ---------------------------------------------------------------- reset

    /// <summary>Forgets everything and recreates the configured organizations.</summary>
    public void Reset()
    {
        lock (Gate)
        {
            OrganizationList.Clear();
            SessionList.Clear();
            MessageList.Clear();
            AttachmentList.Clear();
            FolderList.Clear();
            NoteList.Clear();
            PlaybookList.Clear();
            ScheduleList.Clear();
            Self = _options.Self ?? SelfIdentity.ServiceUser(_options.DefaultOrgId);
            SeedOrganizations();
        }
    }

    private void SeedOrganizations()
    {
        AddOrganization(_options.DefaultOrgId, "Test Organization");
        foreach (var org in _options.ExtraOrgIds) AddOrganization(org);
    }
}
