using RestSharp;

namespace Handoff.Core.Devin;

/// <summary>
/// What every resource client shares: the HTTP layer, the key's API flavour, and the organization that v3 paths
/// live under (the configured one, else <c>org_id</c> from GET /v3/self, looked up once).
/// </summary>
internal sealed class ApiScope
{
    private string? _resolvedOrgId;

    public ApiScope(DevinConnection connection, DevinClientOptions options)
    {
        Connection = connection;
        Flavor = connection.Flavor; // validates the key's shape (exit 4)
        Http = new DevinHttp(connection, options) { DescribeScope = Describe };
    }

    public DevinHttp Http { get; }
    public DevinConnection Connection { get; }
    public ApiFlavor Flavor { get; }

    public async Task<SelfInfo> GetSelf(CancellationToken ct)
    {
        RequireV3("GET /v3/self (who am I)");
        var call = new ApiCall(Method.Get, "v3/self", "reading the key's identity", DevinPermissions.ReadAccountMeta) { Resource = "identity" };
        return await Http.Fetch(call, DevinJson.Context.SelfInfo, ct);
    }

    public async Task<string> ResolveOrgId(CancellationToken ct)
    {
        RequireV3("organization-scoped calls");
        if (!string.IsNullOrWhiteSpace(Connection.OrgId)) return Connection.OrgId.Trim();
        if (_resolvedOrgId is not null) return _resolvedOrgId;
        SelfInfo self;
        try
        {
            self = await GetSelf(ct);
        }
        catch (DevinApiException e) when (e.StatusCode is 403 or 404)
        {
            throw new HandoffException("no organization: set DEVIN_ORG_ID or --org-id", ExitCodes.AuthOrConfig, e);
        }
        if (string.IsNullOrWhiteSpace(self.OrgId))
            throw new HandoffException("no organization: set DEVIN_ORG_ID or --org-id", ExitCodes.AuthOrConfig);
        return _resolvedOrgId = self.OrgId;
    }

    /// <summary>"v3/organizations/{org}/{rest}".</summary>
    public async Task<string> OrgPath(string rest, CancellationToken ct) =>
        $"v3/organizations/{Esc(await ResolveOrgId(ct))}/{rest}";

    /// <summary>Org paths for a v3-only feature: refused for v1 keys with the feature's name.</summary>
    public Func<string, CancellationToken, Task<string>> V3Root(string feature) => (rest, ct) =>
    {
        RequireV3(feature);
        return OrgPath(rest, ct);
    };

    /// <summary>v1 paths: "v1/{rest}" (no organization in the path: the key implies it).</summary>
    public static Task<string> V1Root(string rest, CancellationToken ct) => Task.FromResult("v1/" + rest);

    /// <summary>The session's v3 path ("…/sessions/devin-x" + suffix) or v1 path ("v1/sessions/devin-x" + suffix).</summary>
    public async Task<string> SessionPath(string normalizedId, string suffix, CancellationToken ct) =>
        Flavor == ApiFlavor.V1
            ? $"v1/sessions/{Esc(normalizedId)}{suffix}"
            : await OrgPath($"sessions/{Esc(normalizedId)}{suffix}", ct);

    /// <summary>Exit 4 for a call the legacy v1 API lacks.</summary>
    public void RequireV3(string what)
    {
        if (Flavor == ApiFlavor.V1)
            throw new HandoffException(
                $"{what} needs the v3 API: {Connection.KeyType} keys use the legacy v1 API, which lacks it; use a cog_ key (https://app.devin.ai/settings/api-keys)",
                ExitCodes.AuthOrConfig);
    }

    /// <summary>"org org-x" or "v1 API", named in 401/403 messages.</summary>
    private string Describe()
    {
        if (Flavor == ApiFlavor.V1) return "v1 API";
        var org = NullIfEmpty(Connection.OrgId) ?? _resolvedOrgId;
        return org is null ? "" : $"org {org}";
    }

    public static string RequireId(string id, string what) =>
        string.IsNullOrWhiteSpace(id) ? throw new HandoffException($"a {what} is required", ExitCodes.Usage) : id.Trim();

    public static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public static string Esc(string segment) => Uri.EscapeDataString(segment);

    /// <summary>v1 attaches files by <c>ATTACHMENT:"url"</c> lines in the text.</summary>
    public static string WithAttachmentLines(string text, IReadOnlyList<string>? urls) =>
        urls is null || urls.Count == 0 ? text : text + "\n\n" + string.Join("\n", urls.Select(u => $"ATTACHMENT:\"{u}\""));
}
