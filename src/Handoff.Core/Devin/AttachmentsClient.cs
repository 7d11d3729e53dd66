using System.Text;
using RestSharp;

namespace Handoff.Core.Devin;

/// <summary>Attachments: list a session's, upload, and download without ever sending the key off the API host (devin-api.md §5).</summary>
internal sealed class AttachmentsClient(ApiScope scope) : IAttachmentsClient
{
    private const int MaxDownloadHops = 5;
    private readonly DevinHttp _http = scope.Http;

    public async Task<IReadOnlyList<SessionAttachment>> List(string sessionId, CancellationToken ct = default)
    {
        scope.RequireV3("listing session attachments");
        var id = SessionIds.Normalize(sessionId);
        var call = new ApiCall(Method.Get, await scope.SessionPath(id, "/attachments", ct), $"listing attachments of session {id}", DevinPermissions.ViewOrgSessions)
            { Resource = $"session {id}" };
        var body = await _http.Send(call, ct);
        // The reference returns a bare array; the common-flows guide shows {"items": [...]}. Accept both.
        return body.TrimStart().StartsWith('{')
            ? _http.Parse(body, call, DevinJson.Context.PageSessionAttachment).Items
            : _http.Parse(body, call, DevinJson.Context.ListSessionAttachment);
    }

    public async Task<UploadedAttachment> Upload(string fileName, Func<Stream> openContent, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(fileName))
            throw new HandoffException("an attachment needs a file name", ExitCodes.Usage);
        var name = Path.GetFileName(fileName);
        var path = scope.Flavor == ApiFlavor.V1 ? "v1/attachments" : await scope.OrgPath("attachments", ct);
        var call = new ApiCall(Method.Post, path, $"uploading {name}", DevinPermissions.UseDevinSessions)
        {
            File = (name, openContent),
            Retry = RetryMode.ThrottleOnly,
        };
        var body = await _http.Send(call, ct);
        if (scope.Flavor == ApiFlavor.V3)
            return _http.Parse(body, call, DevinJson.Context.UploadedAttachment);
        // v1 answers with the URL as a bare JSON string (tolerate it unquoted as well).
        var text = body.Trim();
        var url = text.StartsWith('"') ? _http.Parse(text, call, DevinJson.Context.String) : text;
        if (!Uri.TryCreate(url, UriKind.Absolute, out _))
            throw new HandoffException($"the Devin API did not return an attachment URL while {call.Action}", ExitCodes.Error);
        return new UploadedAttachment { Name = name, Url = url };
    }

    public async Task Download(string url, Stream destination, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(url))
            throw new HandoffException("an attachment URL is required", ExitCodes.Usage);
        var uri = _http.Resolve(url.Trim());
        for (var hop = 0; hop <= MaxDownloadHops; hop++)
        {
            if (!_http.IsApiHost(uri))
            {
                await _http.DownloadWithoutAuth(uri, destination, ct);
                return;
            }
            var call = new ApiCall(Method.Get, uri.ToString(), "downloading an attachment", DevinPermissions.ViewOrgSessions)
                { Resource = "attachment", AcceptRedirect = true };
            var outcome = (await _http.SendForOutcome(call, ct))!;
            if (outcome.IsSuccess)
            {
                var bytes = outcome.RawBytes ?? Encoding.UTF8.GetBytes(outcome.Body);
                await destination.WriteAsync(bytes, ct);
                return;
            }
            uri = new Uri(uri, outcome.Location!);
        }
        throw new HandoffException("too many redirects while downloading an attachment", ExitCodes.Error);
    }
}
