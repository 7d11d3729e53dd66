using Handoff.FakeDevin.Infrastructure;
using Handoff.FakeDevin.Model;
using Handoff.FakeDevin.State;

namespace Handoff.FakeDevin.Endpoints;

/// <summary>v3 session messages: chronological cursor pages, and sending a user message (devin-api.md §3.3, §4).</summary>
public static class MessagesEndpoints
{
    public static void Map(RouteGroupBuilder org)
    {
        org.MapGet("/sessions/{devin_id}/messages", List);
        org.MapPost("/sessions/{devin_id}/messages", Send);
    }

    private static IResult List(string org_id, string devin_id, HttpRequest request, FakeState state, FakeSettings settings)
    {
        if (Paging.ReadCursorQuery(request, out var first, out var after) is { } pagingError) return pagingError;
        lock (state.Gate)
        {
            var session = SessionsEndpoints.FindInOrgLocked(state, org_id, devin_id);
            if (session is null) return SessionsEndpoints.SessionNotFound(devin_id);
            state.OnSessionReadLocked(session, applyStatusStep: false);
            var messages = state.MessageList.Where(m => m.SessionId == session.SessionId).OrderBy(m => m.Seq).ToList();
            var page = Paging.Page(messages, m => m.Seq, descending: false, first, after, SessionMessageResponse.From, settings.EndCursorOnLastPage);
            return FakeJson.Ok(page);
        }
    }

    private static async Task<IResult> Send(string org_id, string devin_id, HttpRequest request, FakeState state)
    {
        var (body, error) = await BodyReader.ReadAsync(request);
        if (body is null) return error!;
        var message = body.RequiredString("message");
        var attachmentUrls = body.OptionalStringList("attachment_urls");
        body.OptionalString("message_as_user_id");
        if (!body.IsValid) return body.ValidationResult();

        lock (state.Gate)
        {
            var session = SessionsEndpoints.FindInOrgLocked(state, org_id, devin_id);
            if (session is null) return SessionsEndpoints.SessionNotFound(devin_id);
            if (session.IsArchived) return Errors.BadRequest("Archived sessions cannot be continued");
            if (session.Status == "exit") return Errors.BadRequest("The session has been terminated and cannot be resumed");
            state.AddMessageLocked(session, message!, "user", attachmentUrls);
            if (session.Status == "suspended" || (session.Status == "running" && session.StatusDetail is "waiting_for_user" or "finished"))
                state.ApplyStatusLocked(session, new StatusStep("running", "working"));
            return FakeJson.Ok(SessionResponse.From(session));
        }
    }
}
