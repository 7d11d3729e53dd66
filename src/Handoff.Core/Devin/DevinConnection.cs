using System.Net;

namespace Handoff.Core.Devin;

/// <summary>Which generation of the Devin API a key can talk to (devin-api.md §0 "Key types").</summary>
public enum ApiFlavor
{
    /// <summary>Legacy <c>apk_</c> / <c>apk_user_</c> keys: <c>/v1/*</c> only.</summary>
    V1,
    /// <summary><c>cog_</c> keys (service users and personal access tokens): <c>/v3/*</c> only.</summary>
    V3,
}

/// <summary>
/// Where and as whom to talk to the Devin API. The key is never part of <see cref="ToString"/>,
/// so logging or printing a connection cannot leak it.
/// </summary>
public sealed record DevinConnection
{
    public const string DefaultApiUrl = "https://api.devin.ai";
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    public required string ApiKey { get; init; }
    public string ApiUrl { get; init; } = DefaultApiUrl;
    /// <summary>Organization for v3 org-scoped calls; when null it is taken from <c>GET /v3/self</c>.</summary>
    public string? OrgId { get; init; }
    /// <summary>Default <c>create_as_user_id</c> for v3 session creation.</summary>
    public string? UserId { get; init; }
    /// <summary>Timeout of one HTTP attempt (retries come on top).</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>The API generation the key belongs to; throws exit 4 for something that is not a Devin key.</summary>
    public ApiFlavor Flavor => FlavorOf(ApiKey);

    /// <summary>The key's prefix ("cog_", "apk_user_", "apk_"), safe to show in messages.</summary>
    public string KeyType => KeyTypeOf(ApiKey);

    public static ApiFlavor FlavorOf(string? apiKey)
    {
        var key = apiKey?.Trim() ?? "";
        if (key.Length == 0)
            throw new HandoffException("DEVIN_API_KEY is not set (create a key at https://app.devin.ai/settings/api-keys)", ExitCodes.AuthOrConfig);
        if (key.StartsWith("cog_", StringComparison.Ordinal))
            return ApiFlavor.V3;
        if (key.StartsWith("apk_", StringComparison.Ordinal))
            return ApiFlavor.V1;
        throw new HandoffException("DEVIN_API_KEY does not look like a Devin key (expected cog_… or apk_…)", ExitCodes.AuthOrConfig);
    }

    public static string KeyTypeOf(string? apiKey)
    {
        var key = apiKey?.Trim() ?? "";
        if (key.StartsWith("cog_", StringComparison.Ordinal)) return "cog_";
        if (key.StartsWith("apk_user_", StringComparison.Ordinal)) return "apk_user_";
        if (key.StartsWith("apk_", StringComparison.Ordinal)) return "apk_";
        return "unknown";
    }

    /// <summary>The API base (see <see cref="ParseApiUrl"/>).</summary>
    public Uri BaseUri => ParseApiUrl(ApiUrl);

    /// <summary>
    /// The API base as an absolute URI; exit 4 when it is not http(s), or when it is plain http to another machine:
    /// the bearer key would travel in clear. Plain http is fine to this machine (localhost, 127.0.0.0/8, ::1), where
    /// a local fake or proxy may listen. <paramref name="source"/> names where the URL came from, for the message.
    /// </summary>
    public static Uri ParseApiUrl(string? apiUrl, string source = "DEVIN_API_URL")
    {
        if (!Uri.TryCreate(apiUrl?.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            throw new HandoffException($"{source} '{apiUrl}' is not an absolute http(s) URL", ExitCodes.AuthOrConfig);
        if (uri.Scheme == Uri.UriSchemeHttp && !IsLoopback(uri))
            throw new HandoffException(
                $"{source} is plain http to {uri.Host}: the API key would travel unencrypted; use https:// (plain http only to localhost)",
                ExitCodes.AuthOrConfig);
        return uri;
    }

    private static bool IsLoopback(Uri uri) =>
        uri.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"ApiUrl = {ApiUrl}, ApiKey = {KeyType}***, OrgId = {OrgId}, UserId = {UserId}, Timeout = {Timeout}");
        return true;
    }
}
