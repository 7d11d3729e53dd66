using Handoff.FakeDevin.Infrastructure;
using Handoff.FakeDevin.Model;
using Handoff.FakeDevin.State;
using Microsoft.Extensions.Primitives;

namespace Handoff.FakeDevin.Endpoints;

/// <summary>v3 sessions: create, get, list, archive, terminate, tags (devin-api.md §3).</summary>
public static class SessionsEndpoints
{
    private const int MaxTags = 50;
    private static readonly string[] DevinModes = ["normal", "fast", "lite"];

    public static void Map(RouteGroupBuilder org)
    {
        org.MapPost("/sessions", Create);
        org.MapGet("/sessions", List);
        org.MapGet("/sessions/{devin_id}", Get);
        org.MapPost("/sessions/{devin_id}/archive", Archive);
        org.MapDelete("/sessions/{devin_id}", Terminate);
        org.MapGet("/sessions/{devin_id}/tags", GetTags);
        org.MapPut("/sessions/{devin_id}/tags", (string org_id, string devin_id, HttpRequest r, FakeState s) => SetTags(org_id, devin_id, r, s, append: false));
        org.MapPost("/sessions/{devin_id}/tags", (string org_id, string devin_id, HttpRequest r, FakeState s) => SetTags(org_id, devin_id, r, s, append: true));
    }

    /// <summary>The session with this exact id in this org (v3 ids carry the devin- prefix). Call under the state lock.</summary>
    internal static FakeSession? FindInOrgLocked(FakeState state, string orgId, string devinId)
    {
        var session = state.FindSessionLocked(devinId, allowBareId: false);
        return session?.OrgId == orgId ? session : null;
    }

    internal static IResult SessionNotFound(string devinId) => Errors.NotFound($"Session {devinId} not found");

    private static async Task<IResult> Create(string org_id, HttpRequest request, FakeState state)
    {
        var (body, error) = await BodyReader.ReadAsync(request);
        if (body is null) return error!;

        var prompt = body.RequiredString("prompt");
        var title = body.OptionalString("title");
        var tags = body.OptionalStringList("tags");
        var repos = body.OptionalStringList("repos");
        var playbookId = body.OptionalString("playbook_id");
        body.OptionalString("child_playbook_id");
        body.OptionalStringList("knowledge_ids");
        body.OptionalStringList("secret_ids");
        body.OptionalStringList("session_links");
        var maxAcu = body.OptionalLong("max_acu_limit");
        if (maxAcu is <= 0) body.AddError("max_acu_limit", "Input should be greater than 0", "greater_than");
        var createAsUserId = body.OptionalString("create_as_user_id");
        var attachmentUrls = body.OptionalStringList("attachment_urls");
        foreach (var url in attachmentUrls ?? [])
            if (url.Length is < 1 or > 2083) body.AddError("attachment_urls", "URL should have at most 2083 characters", "url_too_long");
        body.OptionalObject("structured_output_schema");
        body.OptionalBool("structured_output_required");
        body.OptionalBool("bypass_approval");
        body.RequireOneOf("devin_mode", body.OptionalString("devin_mode"), DevinModes);
        var platform = body.OptionalString("platform");
        if (!body.IsValid) return body.ValidationResult();
        if (platform is not null && !state.ValidPlatforms.Contains(platform))
            return Errors.BadRequest($"Unknown platform '{platform}'. Valid platforms: {string.Join(", ", state.ValidPlatforms)}");

        lock (state.Gate)
        {
            var now = state.NowEpoch();
            var session = state.NewSessionLocked(new FakeSession
            {
                SessionId = "devin-" + FakeState.NewHex(),
                OrgId = org_id,
                Prompt = prompt!,
                Title = title ?? GenerateTitle(prompt!),
                Tags = tags ?? [],
                CreatedAt = now,
                UpdatedAt = now,
                PlaybookId = playbookId,
                Repos = repos,
                AttachmentUrls = attachmentUrls,
                CreateAsUserId = createAsUserId,
                UserId = createAsUserId,
                CreateRequestBody = body.RawText,
                Seq = state.NextSeq(),
            }, applyNewSessionScripts: true);
            return FakeJson.Ok(SessionResponse.From(session, includeReadOnlyFields: false));
        }
    }

    private static string GenerateTitle(string prompt)
    {
        var firstLine = prompt.Split('\n', 2)[0].Trim();
        return firstLine.Length <= 60 ? firstLine : firstLine[..60];
    }

    private static IResult Get(string org_id, string devin_id, FakeState state)
    {
        lock (state.Gate)
        {
            var session = FindInOrgLocked(state, org_id, devin_id);
            if (session is null) return SessionNotFound(devin_id);
            state.OnSessionReadLocked(session, applyStatusStep: true);
            return FakeJson.Ok(SessionResponse.From(session));
        }
    }

    private static IResult List(string org_id, HttpRequest request, FakeState state, FakeSettings settings)
    {
        if (Paging.ReadCursorQuery(request, out var first, out var after) is { } pagingError) return pagingError;
        var query = request.Query;
        var errors = new List<FieldError>();
        var createdAfter = ReadLong(query, "created_after", errors);
        var createdBefore = ReadLong(query, "created_before", errors);
        var updatedAfter = ReadLong(query, "updated_after", errors);
        var updatedBefore = ReadLong(query, "updated_before", errors);
        var isArchived = ReadBool(query, "is_archived", errors);
        if (errors.Count > 0) return Errors.Validation(errors);

        var tags = Values(query, "tags");
        var sessionIds = Values(query, "session_ids");
        var origins = Values(query, "origins");
        var userIds = Values(query, "user_ids");
        var serviceUserIds = Values(query, "service_user_ids");
        var repoNames = Values(query, "repo_names");
        var playbookId = query["playbook_id"].ToString();

        lock (state.Gate)
        {
            var matches = state.SessionList
                .Where(s => s.OrgId == org_id)
                .Where(s => tags.Count == 0 || settings.TagFilterIgnored || s.Tags.Any(tags.Contains)) // several tags match any
                .Where(s => sessionIds.Count == 0 || sessionIds.Contains(s.SessionId))
                .Where(s => origins.Count == 0 || (s.Origin is not null && origins.Contains(s.Origin)))
                .Where(s => userIds.Count == 0 || (s.UserId is not null && userIds.Contains(s.UserId)))
                .Where(s => serviceUserIds.Count == 0 || (s.ServiceUserId is not null && serviceUserIds.Contains(s.ServiceUserId)))
                .Where(s => repoNames.Count == 0 || (s.Repos ?? []).Any(repoNames.Contains))
                .Where(s => playbookId.Length == 0 || s.PlaybookId == playbookId)
                .Where(s => isArchived is null || s.IsArchived == isArchived)
                .Where(s => createdAfter is null || s.CreatedAt > createdAfter)
                .Where(s => createdBefore is null || s.CreatedAt < createdBefore)
                .Where(s => updatedAfter is null || s.UpdatedAt > updatedAfter)
                .Where(s => updatedBefore is null || s.UpdatedAt < updatedBefore)
                .ToList();
            var newestFirst = !settings.SessionsOldestFirst;
            matches = newestFirst ? matches.OrderByDescending(s => s.Seq).ToList() : matches.OrderBy(s => s.Seq).ToList();
            var page = Paging.Page(matches, s => s.Seq, descending: newestFirst, first, after, s => SessionResponse.From(s), settings.EndCursorOnLastPage);
            return FakeJson.Ok(page);
        }
    }

    private static IResult Archive(string org_id, string devin_id, FakeState state)
    {
        lock (state.Gate)
        {
            var session = FindInOrgLocked(state, org_id, devin_id);
            if (session is null) return SessionNotFound(devin_id);
            if (session.Status == "running")
                state.ApplyStatusLocked(session, new StatusStep("suspended", "user_request"));
            session.IsArchived = true;
            session.UpdatedAt = state.NowEpoch();
            return FakeJson.Ok(SessionResponse.From(session));
        }
    }

    private static IResult Terminate(string org_id, string devin_id, HttpRequest request, FakeState state)
    {
        var errors = new List<FieldError>();
        var archive = ReadBool(request.Query, "archive", errors) ?? false;
        if (errors.Count > 0) return Errors.Validation(errors);
        lock (state.Gate)
        {
            var session = FindInOrgLocked(state, org_id, devin_id);
            if (session is null) return SessionNotFound(devin_id);
            TerminateLocked(state, session);
            if (archive) session.IsArchived = true;
            return FakeJson.Ok(SessionResponse.From(session));
        }
    }

    /// <summary>Ends the session for good: exit, and no scripted status or message follows.</summary>
    internal static void TerminateLocked(FakeState state, FakeSession session)
    {
        state.ApplyStatusLocked(session, new StatusStep("exit"));
        session.StatusScript.Clear();
        session.MessageScriptRun = null;
    }

    private static IResult GetTags(string org_id, string devin_id, FakeState state)
    {
        lock (state.Gate)
        {
            var session = FindInOrgLocked(state, org_id, devin_id);
            return session is null ? SessionNotFound(devin_id) : FakeJson.Ok(new TagsResponse(session.Tags.ToList()));
        }
    }

    private static async Task<IResult> SetTags(string orgId, string devinId, HttpRequest request, FakeState state, bool append)
    {
        var (body, error) = await BodyReader.ReadAsync(request);
        if (body is null) return error!;
        var tags = body.OptionalStringList("tags");
        if (tags is null && body.IsValid) body.AddError("tags", "Field required", "missing");
        if (!body.IsValid) return body.ValidationResult();

        lock (state.Gate)
        {
            var session = FindInOrgLocked(state, orgId, devinId);
            if (session is null) return SessionNotFound(devinId);
            if (session.IsArchived) return Errors.BadRequest("Archived sessions cannot be modified");
            var merged = (append ? session.Tags.Concat(tags!) : tags!).Distinct().ToList();
            if (merged.Count > MaxTags)
                return Errors.Validation("tags", $"A session can have at most {MaxTags} tags", "too_long");
            session.Tags = merged;
            session.UpdatedAt = state.NowEpoch();
            return FakeJson.Ok(new TagsResponse(merged));
        }
    }

    internal static List<string> Values(IQueryCollection query, string key) =>
        query.TryGetValue(key, out var values) ? values.Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToList() : [];

    internal static long? ReadLong(IQueryCollection query, string key, List<FieldError> errors)
    {
        var text = query[key].ToString();
        if (text.Length == 0) return null;
        if (long.TryParse(text, out var value)) return value;
        errors.Add(new FieldError(["query", key], "Input should be a valid integer", "int_parsing"));
        return null;
    }

    internal static bool? ReadBool(IQueryCollection query, string key, List<FieldError> errors)
    {
        StringValues values = query[key];
        var text = values.ToString();
        if (text.Length == 0) return null;
        if (bool.TryParse(text, out var value)) return value;
        errors.Add(new FieldError(["query", key], "Input should be a valid boolean", "bool_parsing"));
        return null;
    }
}
