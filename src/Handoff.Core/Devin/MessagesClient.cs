using System.Text.Json;
using System.Text.Json.Nodes;
using RestSharp;

namespace Handoff.Core.Devin;

/// <summary>A session's messages: read (oldest first) and send (devin-api.md §3.3, §4).</summary>
internal sealed class MessagesClient(ApiScope scope, SessionsClient sessions) : IMessagesClient
{
    private readonly DevinHttp _http = scope.Http;

    public async Task<Page<SessionMessage>> List(string sessionId, string? after = null, int? first = null, CancellationToken ct = default)
    {
        var id = SessionIds.Normalize(sessionId);
        if (scope.Flavor == ApiFlavor.V1)
            return V1Messages(await sessions.GetV1(id, ct), after);
        var call = new ApiCall(Method.Get, await scope.SessionPath(id, "/messages", ct), $"reading messages of session {id}", DevinPermissions.ViewOrgSessions)
            { Resource = $"session {id}" }
            .With("after", after)
            .With("first", first);
        return await _http.Fetch(call, DevinJson.Context.PageSessionMessage, ct);
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
        var skip = Math.Min(Pages.Offset(after), all.Count);
        return new Page<SessionMessage> { Items = all.Skip(skip).ToList(), HasNextPage = false, EndCursor = all.Count.ToString(), Total = all.Count };
    }

    public async Task<MessageSent> Send(string sessionId, SendMessageRequest request, CancellationToken ct = default)
    {
        var id = SessionIds.Normalize(sessionId);
        if (string.IsNullOrWhiteSpace(request.Message))
            throw new HandoffException("the message is empty", ExitCodes.Usage);
        var v1 = scope.Flavor == ApiFlavor.V1;
        var call = new ApiCall(Method.Post, await scope.SessionPath(id, v1 ? "/message" : "/messages", ct), $"sending a message to session {id}", DevinPermissions.ManageOrgSessions)
        {
            Resource = $"session {id}",
            JsonBody = v1
                ? DevinJson.Serialize(new V1MessageRequest(ApiScope.WithAttachmentLines(request.Message, request.AttachmentUrls)), DevinJson.Context.V1MessageRequest)
                : DevinJson.Serialize(request, DevinJson.Context.SendMessageRequest),
            Retry = RetryMode.ThrottleOnly,
        };
        return ParseSent(await _http.Send(call, ct), call);
    }

    /// <summary>v3 may answer with the session, v1 with a {detail} note about delivery, or nothing.</summary>
    private MessageSent ParseSent(string body, ApiCall call)
    {
        if (string.IsNullOrWhiteSpace(body)) return new MessageSent(null, null);
        JsonNode? node;
        try { node = JsonNode.Parse(body); }
        catch (JsonException e) { throw new HandoffException($"the Devin API sent malformed JSON while {call.Action}: {e.Message}", ExitCodes.Error, e); }
        if (node is not JsonObject obj) return new MessageSent(null, null);
        var detail = obj["detail"] is JsonValue v && v.TryGetValue<string>(out var d) ? d : null;
        var session = obj.ContainsKey("session_id") ? _http.Parse(body, call, DevinJson.Context.SessionResponse) : null;
        return new MessageSent(session, detail);
    }
}
