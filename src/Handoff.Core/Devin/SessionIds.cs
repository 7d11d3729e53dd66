namespace Handoff.Core.Devin;

public static class SessionIds
{
    public const string Prefix = "devin-";

    /// <summary>
    /// The {devin_id} path form: adds "devin-" when missing. Also accepts a web URL
    /// (https://app.devin.ai/sessions/abc) and takes its last path segment.
    /// </summary>
    public static string Normalize(string sessionId)
    {
        var id = sessionId?.Trim() ?? "";
        if (Uri.TryCreate(id, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            id = uri.AbsolutePath.TrimEnd('/').Split('/').LastOrDefault() ?? "";
        if (id.Length == 0 || id == Prefix)
            throw new HandoffException("a session id is required (e.g. devin-abc123)", ExitCodes.Usage);
        if (id.Any(c => char.IsWhiteSpace(c) || c == '/' || c == '?' || c == '#'))
            throw new HandoffException($"'{sessionId}' is not a valid session id", ExitCodes.Usage);
        return id.StartsWith(Prefix, StringComparison.Ordinal) ? id : Prefix + id;
    }

    /// <summary>The session's web link: the API's `url` when given, else the app URL for the id.</summary>
    public static string WebUrl(SessionResponse session) =>
        !string.IsNullOrWhiteSpace(session.Url) ? session.Url : "https://app.devin.ai/sessions/" + Normalize(session.SessionId);
}
