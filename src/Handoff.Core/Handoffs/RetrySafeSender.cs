using Handoff.Core.Devin;
using Handoff.Core.Settings;

namespace Handoff.Core.Handoffs;

/// <summary>
/// Sends a handoff at most once per client token, for callers that repeat a whole request when they did not see
/// its answer (an agent whose MCP call timed out or was cut off). The repository's saved handoff is the record:
/// <list type="bullet">
/// <item>saved under one of <c>tokens</c> with its session: that session, nothing is sent;</item>
/// <item>saved under one of them without a session (an attempt failed or was cut off): the session the API has
///   with that token's tag if the attempt did create it, else the saved handoff is sent again under its token;</item>
/// <item>otherwise the prepared handoff is saved and sent under <c>tokens[0]</c>.</item>
/// </list>
/// </summary>
public sealed class RetrySafeSender(IDevinConnector connector)
{
    /// <param name="tokens">The request's client token first; later ones also count as the same request (an earlier window's).</param>
    /// <param name="prepare">Builds the handoff to send when this is not a repeat (run only then).</param>
    public async Task<HandoffSent> Send(HandoffStore store, IReadOnlyList<string> tokens, Func<SavedHandoff> prepare,
        IProgress<SendEvent>? progress, CancellationToken ct)
    {
        if (tokens.Count == 0) throw new ArgumentException("at least one client token", nameof(tokens));
        var saved = store.Load();
        var sender = new HandoffSender(connector);
        if (saved is null || !tokens.Contains(saved.ClientToken))
            return await sender.Send(store, prepare() with { ClientToken = tokens[0] }, [], progress, ct);

        var client = await connector.Connect(null, ct);
        if (saved.SessionId is { } id)
        {
            var session = await client.Sessions.Get(id, ct);
            return new HandoffSent(session, saved.SessionUrl ?? SessionIds.WebUrl(session), IsNewSession: false, Recovered: false, saved);
        }
        if (await CreatedEarlier(client, saved.ClientToken, ct) is { } found)
        {
            var url = SessionIds.WebUrl(found);
            saved = saved with { SessionId = found.SessionId, SessionUrl = url };
            store.Save(saved);
            store.RecordSession(found.SessionId);
            return new HandoffSent(found, url, IsNewSession: false, Recovered: true, saved);
        }
        return await sender.Resend(store, progress, ct);
    }

    /// <summary>The session an earlier attempt created under <paramref name="token"/>, archived or not, if any.</summary>
    private static async Task<SessionResponse?> CreatedEarlier(IDevinClient client, string token, CancellationToken ct)
    {
        var tag = SessionCreateBody.ClientTagPrefix + token;
        foreach (var archived in client.Flavor == ApiFlavor.V3 ? new bool?[] { null, true } : [null])
        {
            var page = await client.Sessions.List(new SessionListQuery { Tags = [tag], First = 10, IsArchived = archived }, ct);
            if (page.Items.FirstOrDefault(s => s.Tags.Contains(tag)) is { } match) return match;
        }
        return null;
    }
}
