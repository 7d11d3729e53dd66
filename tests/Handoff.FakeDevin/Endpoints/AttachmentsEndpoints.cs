using Handoff.FakeDevin.Infrastructure;
using Handoff.FakeDevin.Model;
using Handoff.FakeDevin.State;

namespace Handoff.FakeDevin.Endpoints;

/// <summary>v3 attachments: upload, per-session list, and the 307 download redirect (devin-api.md §5).</summary>
public static class AttachmentsEndpoints
{
    public static void Map(RouteGroupBuilder org)
    {
        org.MapPost("/attachments", Upload);
        org.MapGet("/sessions/{devin_id}/attachments", ListForSession);
        org.MapGet("/attachments/{uuid}/{**name}", Download);
    }

    /// <summary>The url field clients get: the authenticated API download path, or the storage URL when switched.</summary>
    internal static string UrlOf(FakeAttachment a, FakeState state, FakeSettings settings) =>
        (settings.AttachmentUrlsPointToStorage ? state.StorageDownloadUrl(a) : state.ApiDownloadUrl(a)).AbsoluteUri;

    /// <summary>Reads the multipart part named "file"; returns the stored attachment or a 422.</summary>
    internal static async Task<(FakeAttachment? Attachment, IResult? Error)> StoreUploadAsync(string orgId, HttpRequest request, FakeState state)
    {
        if (!request.HasFormContentType)
            return (null, Errors.Validation([new FieldError(["body", "file"], "Expected multipart/form-data with a part named 'file'", "missing")]));
        var form = await request.ReadFormAsync();
        var file = form.Files.GetFile("file");
        if (file is null)
            return (null, Errors.Validation([new FieldError(["body", "file"], "Field required", "missing")]));
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer);
        lock (state.Gate)
        {
            var name = string.IsNullOrEmpty(file.FileName) ? "upload" : file.FileName;
            return (state.StoreAttachmentLocked(orgId, name, buffer.ToArray(), file.ContentType, sessionId: null, source: "user"), null);
        }
    }

    private static async Task<IResult> Upload(string org_id, HttpRequest request, FakeState state, FakeSettings settings)
    {
        var (attachment, error) = await StoreUploadAsync(org_id, request, state);
        if (attachment is null) return error!;
        return FakeJson.Ok(new UploadResponse(attachment.AttachmentId, attachment.Name, UrlOf(attachment, state, settings)));
    }

    private static IResult ListForSession(string org_id, string devin_id, FakeState state, FakeSettings settings)
    {
        lock (state.Gate)
        {
            var session = SessionsEndpoints.FindInOrgLocked(state, org_id, devin_id);
            if (session is null) return SessionsEndpoints.SessionNotFound(devin_id);
            var items = state.AttachmentList
                .Where(a => a.SessionId == session.SessionId)
                .OrderBy(a => a.Seq)
                .Select(a => new AttachmentResponse(a.AttachmentId, a.Name, UrlOf(a, state, settings), a.Source, a.ContentType))
                .ToList();
            return settings.AttachmentListWrapped ? FakeJson.Ok(new AttachmentListWrapper(items)) : FakeJson.Ok(items);
        }
    }

    private static IResult Download(string org_id, string uuid, FakeState state)
    {
        var attachment = state.FindAttachment(uuid);
        if (attachment is null || attachment.OrgId != org_id) return Errors.NotFound($"Attachment {uuid} not found");
        return Results.Redirect(state.StorageDownloadUrl(attachment).AbsoluteUri, permanent: false, preserveMethod: true); // 307
    }
}
