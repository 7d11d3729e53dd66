using System.Text.Json.Nodes;
using Handoff.Core.Attachments;
using Handoff.Core.Devin;
using Handoff.Core.Settings;

namespace Handoff.Core.Handoffs;

/// <summary>The session a send created (or found again after a lost response), and the handoff as saved with it.</summary>
public sealed record HandoffSent(SessionResponse Session, string Url, bool IsNewSession, bool Recovered, SavedHandoff Handoff);

/// <summary>
/// A send that failed after the handoff was saved: nothing is lost, and a resend of the saved handoff delivers it
/// (with the same client token, so it never creates a second session). Message and exit code are the cause's.
/// </summary>
public sealed class HandoffNotSentException(HandoffException cause)
    : HandoffException(cause.Message, cause.ExitCode, cause);

/// <summary>
/// Sends one prepared handoff: save → connect → upload the attachments → save → create the session → record it as
/// the repository's `last` session. The handoff is saved before anything can fail (no key, no network), so the task,
/// context and prompt are never lost; a failure after that is a <see cref="HandoffNotSentException"/>.
/// </summary>
public sealed class HandoffSender(IDevinConnector connector)
{
    public async Task<HandoffSent> Send(HandoffStore store, SavedHandoff handoff, IReadOnlyList<string> attachments,
        IProgress<SendEvent>? progress, CancellationToken ct)
    {
        store.Save(handoff);
        var client = await KeptOnFailure(() => connector.Connect(null, ct));
        handoff = handoff with { CreateAsUserId = client.Connection.UserId };
        if (attachments.Count > 0)
        {
            // Saved with the URLs, so a resend reuses them instead of uploading again.
            var uploaded = await KeptOnFailure(() => AttachmentUploader.UploadAll(client, attachments, ct));
            handoff = handoff with { AttachmentUrls = uploaded.Select(u => u.Attachment.Url).ToList() };
            progress?.Report(new AttachmentsUploaded(uploaded));
        }
        store.Save(handoff);
        progress?.Report(new CreatingSession(handoff));
        return await Create(client, store, handoff, ct);
    }

    /// <summary>Sends the handoff the store keeps again (exit 5 when there is none).</summary>
    public async Task<HandoffSent> Resend(HandoffStore store, IProgress<SendEvent>? progress, CancellationToken ct)
    {
        var saved = Saved(store);
        var client = await connector.Connect(null, ct);
        progress?.Report(new Resending(saved));
        return await Create(client, store, saved, ct);
    }

    /// <summary>The handoff the store keeps; exit 5 when there is none.</summary>
    public static SavedHandoff Saved(HandoffStore store) =>
        store.Load() ?? throw new HandoffException("no saved handoff in this repository; run create first", ExitCodes.NotFound);

    /// <summary>
    /// The exact body a send would post: for the key the send would use (DEVIN_API_KEY or the stored one; v3 when
    /// none is set) and its default user. Nothing is sent; the key is only looked at.
    /// </summary>
    public async Task<JsonNode> RequestBody(SavedHandoff handoff, CancellationToken ct)
    {
        var connection = await connector.Resolve(ct);
        return JsonNode.Parse(DevinClient.CreateBodyJson(connection.Flavor, handoff.ToCreateRequest(null), handoff.ClientToken, connection.UserId))!;
    }

    private static async Task<HandoffSent> Create(IDevinClient client, HandoffStore store, SavedHandoff handoff, CancellationToken ct)
    {
        var created = await KeptOnFailure(() => client.Sessions.Create(handoff.ToCreateRequest(client.Connection.UserId), handoff.ClientToken, ct));
        var session = created.Session;
        var url = SessionIds.WebUrl(session);
        handoff = handoff with { SessionId = session.SessionId, SessionUrl = url };
        store.Save(handoff);
        store.RecordSession(session.SessionId);
        return new HandoffSent(session, url, created.IsNewSession, created.Recovered, handoff);
    }

    private static async Task<T> KeptOnFailure<T>(Func<Task<T>> step)
    {
        try
        {
            return await step();
        }
        catch (HandoffException e) when (e.ExitCode is not ExitCodes.Usage && e is not HandoffNotSentException)
        {
            throw new HandoffNotSentException(e);
        }
    }
}
