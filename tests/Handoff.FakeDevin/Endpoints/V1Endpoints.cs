using Handoff.FakeDevin.Infrastructure;
using Handoff.FakeDevin.Model;
using Handoff.FakeDevin.State;

namespace Handoff.FakeDevin.Endpoints;

/// <summary>The legacy v1 API used with apk_ keys (devin-api.md §11). All v1 sessions live in the default org.</summary>
public static class V1Endpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/sessions", Create);
        app.MapGet("/v1/sessions", List);
        app.MapGet("/v1/sessions/{session_id}", Get);
        app.MapDelete("/v1/sessions/{session_id}", Terminate);
        app.MapPost("/v1/sessions/{session_id}/message", SendMessage);
        app.MapPut("/v1/sessions/{session_id}/tags", SetTags);
        app.MapPost("/v1/attachments", Upload);
        V1KnowledgeEndpoints.Map(app);
        V1PlaybooksEndpoints.Map(app);
    }

    /// <summary>v1 status_enum: the scripted value if any, else derived from the v3 status.</summary>
    public static string StatusEnumOf(FakeSession s) => s.V1StatusEnum ?? (s.Status, s.StatusDetail) switch
    {
        ("running", "waiting_for_user" or "waiting_for_approval") => "blocked",
        ("running", "finished") => "finished",
        ("exit", _) => "finished",
        ("error", _) => "expired",
        ("suspended", _) => "suspend_requested",
        ("resuming", _) => "resume_requested",
        _ => "working",
    };

    private static string Iso(long epochSeconds) => SchedulesEndpoints.Iso(DateTimeOffset.FromUnixTimeSeconds(epochSeconds));

    private static V1SessionResponse ToResponse(FakeSession s, IReadOnlyList<V1MessageResponse>? messages) => new(
        s.SessionId, s.Status, StatusEnumOf(s), s.Title, s.Tags.ToList(), Iso(s.CreatedAt), Iso(s.UpdatedAt), s.PlaybookId, null,
        s.PullRequests.Count > 0 ? new V1PullRequest(s.PullRequests[^1].PrUrl) : null, null, s.StructuredOutput, messages);

    private static async Task<IResult> Create(HttpRequest request, FakeState state)
    {
        var (body, error) = await BodyReader.ReadAsync(request);
        if (body is null) return error!;
        var prompt = body.RequiredString("prompt");
        var idempotent = body.OptionalBool("idempotent") ?? false;
        var title = body.OptionalString("title");
        var tags = body.OptionalStringList("tags");
        var playbookId = body.OptionalString("playbook_id");
        var maxAcu = body.OptionalLong("max_acu_limit");
        if (maxAcu is <= 0) body.AddError("max_acu_limit", "Input should be greater than 0", "greater_than");
        body.OptionalBool("unlisted");
        body.OptionalString("snapshot_id");
        if (!body.IsValid) return body.ValidationResult();

        lock (state.Gate)
        {
            if (idempotent)
            {
                var existing = state.SessionList.LastOrDefault(s => s.OrgId == state.DefaultOrgId && s.Prompt == prompt && s.Status != "exit");
                if (existing is not null)
                    return FakeJson.Ok(new V1CreateSessionResponse(existing.SessionId, "https://app.devin.ai/sessions/" + existing.SessionId, false));
            }
            var now = state.NowEpoch();
            var session = state.NewSessionLocked(new FakeSession
            {
                SessionId = "devin-" + FakeState.NewHex(),
                OrgId = state.DefaultOrgId,
                Prompt = prompt!,
                Title = title,
                Tags = tags ?? [],
                CreatedAt = now,
                UpdatedAt = now,
                PlaybookId = playbookId,
                CreateRequestBody = body.RawText,
                CreatedViaV1 = true,
                Seq = state.NextSeq(),
            }, applyNewSessionScripts: true);
            return FakeJson.Ok(new V1CreateSessionResponse(session.SessionId, "https://app.devin.ai/sessions/" + session.SessionId, true));
        }
    }

    private static IResult List(HttpRequest request, FakeState state, FakeSettings settings)
    {
        var errors = new List<FieldError>();
        var limit = SessionsEndpoints.ReadLong(request.Query, "limit", errors) ?? 100;
        var offset = SessionsEndpoints.ReadLong(request.Query, "offset", errors) ?? 0;
        if (limit < 1) errors.Add(new FieldError(["query", "limit"], "Input should be greater than 0", "greater_than"));
        if (offset < 0) errors.Add(new FieldError(["query", "offset"], "Input should be greater than or equal to 0", "greater_than_equal"));
        if (errors.Count > 0) return Errors.Validation(errors);
        var tags = SessionsEndpoints.Values(request.Query, "tags");
        lock (state.Gate)
        {
            var sessions = state.SessionList
                .Where(s => s.OrgId == state.DefaultOrgId)
                .Where(s => tags.Count == 0 || settings.TagFilterIgnored || s.Tags.Any(tags.Contains))
                .OrderBy(s => settings.SessionsOldestFirst ? s.Seq : -s.Seq)
                .Skip((int)offset)
                .Take((int)limit)
                .Select(s => ToResponse(s, null))
                .ToList();
            return FakeJson.Ok(new V1SessionListResponse(sessions));
        }
    }

    private static IResult Get(string session_id, FakeState state)
    {
        lock (state.Gate)
        {
            var session = state.FindSessionLocked(session_id, allowBareId: true);
            if (session is null) return Errors.NotFound($"Session {session_id} not found");
            state.OnSessionReadLocked(session, applyStatusStep: true);
            var messages = new List<V1MessageResponse>
            {
                new("initial_user_message", "event-initial-" + session.SessionId, session.Prompt, Iso(session.CreatedAt), null, "api"),
            };
            messages.AddRange(state.MessageList
                .Where(m => m.SessionId == session.SessionId)
                .OrderBy(m => m.Seq)
                .Select(m => new V1MessageResponse(m.Source == "user" ? "user_message" : "devin_message", m.EventId, m.Message, Iso(m.CreatedAt), null, null)));
            return FakeJson.Ok(ToResponse(session, messages));
        }
    }

    /// <summary>DELETE /v1/sessions/{id}: terminates; a session that already ended is refused, as the reference says.</summary>
    private static IResult Terminate(string session_id, FakeState state)
    {
        lock (state.Gate)
        {
            var session = state.FindSessionLocked(session_id, allowBareId: true);
            if (session is null) return Errors.NotFound($"Session {session_id} not found");
            if (session.Status == "exit") return Errors.BadRequest($"Session {session.SessionId} has already exited");
            SessionsEndpoints.TerminateLocked(state, session);
            return FakeJson.Ok(new V1DetailResponse("Session terminated successfully"));
        }
    }

    private static async Task<IResult> SendMessage(string session_id, HttpRequest request, FakeState state)
    {
        var (body, error) = await BodyReader.ReadAsync(request);
        if (body is null) return error!;
        var message = body.RequiredString("message");
        if (!body.IsValid) return body.ValidationResult();
        lock (state.Gate)
        {
            var session = state.FindSessionLocked(session_id, allowBareId: true);
            if (session is null) return Errors.NotFound($"Session {session_id} not found");
            // v1 answers 200 with {"detail": ...} when the session state affects delivery (devin-api.md §9.3).
            if (session.Status == "exit")
                return FakeJson.Ok(new V1DetailResponse("Session has ended; the message was not delivered"));
            state.AddMessageLocked(session, message!, "user", null);
            if (session.Status == "suspended")
            {
                state.ApplyStatusLocked(session, new StatusStep("running", "working"));
                return FakeJson.Ok(new V1DetailResponse("Session was suspended and is being resumed"));
            }
            return Results.Content("null", "application/json");
        }
    }

    private static async Task<IResult> SetTags(string session_id, HttpRequest request, FakeState state)
    {
        var (body, error) = await BodyReader.ReadAsync(request);
        if (body is null) return error!;
        var tags = body.OptionalStringList("tags");
        if (tags is null && body.IsValid) body.AddError("tags", "Field required", "missing");
        if (!body.IsValid) return body.ValidationResult();
        lock (state.Gate)
        {
            var session = state.FindSessionLocked(session_id, allowBareId: true);
            if (session is null) return Errors.NotFound($"Session {session_id} not found");
            session.Tags = tags!.Distinct().ToList();
            session.UpdatedAt = state.NowEpoch();
            return FakeJson.Ok(new V1DetailResponse("Tags updated successfully"));
        }
    }

    /// <summary>v1 upload answers with the URL as a bare JSON string.</summary>
    private static async Task<IResult> Upload(HttpRequest request, FakeState state, FakeSettings settings)
    {
        var (attachment, error) = await AttachmentsEndpoints.StoreUploadAsync(state.DefaultOrgId, request, state);
        if (attachment is null) return error!;
        return FakeJson.Ok(AttachmentsEndpoints.UrlOf(attachment, state, settings));
    }
}
