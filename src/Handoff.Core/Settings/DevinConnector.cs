using Handoff.Core.Devin;
using Handoff.Core.Handoffs;

namespace Handoff.Core.Settings;

/// <summary>The connection settings a caller may give explicitly (the CLI's --api-url/--org-id/--user-id).</summary>
public sealed record ConnectionOverrides(string? ApiUrl = null, string? OrgId = null, string? UserId = null);

/// <summary>
/// A connection resolved but not opened. <see cref="ApiKey"/> is null when none is set; never print it.
/// </summary>
public sealed record ResolvedConnection(string ApiUrl, string? ApiKey, string? OrgId, string? UserId)
{
    /// <summary>The API version a send would use: v1 for apk_ keys, else (also without a key) v3.</summary>
    public ApiFlavor Flavor => DevinConnection.KeyTypeOf(ApiKey).StartsWith("apk_", StringComparison.Ordinal) ? ApiFlavor.V1 : ApiFlavor.V3;

    /// <summary>Exit 4 when no key is set.</summary>
    public DevinConnection ToConnection() => new()
    {
        ApiKey = ApiKey ?? throw new HandoffException(
            "DEVIN_API_KEY is not set: export it or run 'devin-handoff auth login' (keys: https://app.devin.ai/settings/api-keys); --dry-run needs none",
            ExitCodes.AuthOrConfig),
        ApiUrl = ApiUrl,
        OrgId = OrgId,
        UserId = UserId,
    };

    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"ApiUrl = {ApiUrl}, ApiKey = {DevinConnection.KeyTypeOf(ApiKey)}***, OrgId = {OrgId}, UserId = {UserId}");
        return true;
    }
}

/// <summary>
/// Opens API clients when a workflow needs one (a send connects only after the handoff is saved, so a missing key
/// loses nothing). Whoever made the connector owns, and disposes, the clients it returns.
/// </summary>
public interface IDevinConnector
{
    /// <summary>The connection a client would use, without opening it (a dry run shows the body a send would post).</summary>
    Task<ResolvedConnection> Resolve(CancellationToken ct);

    /// <summary>A client for the resolved connection; exit 4 when no key is set.</summary>
    /// <param name="gate">Shared by the concurrent calls of a fan-out, so a 429 slows them all.</param>
    Task<IDevinClient> Connect(ThrottleGate? gate, CancellationToken ct);
}

/// <summary>
/// Resolves the connection like every setting (flag &gt; environment &gt; git config &gt; default; the key from
/// DEVIN_API_KEY, then the git credential store) and builds clients through one factory, which always receives the
/// client options, the throttle gate included.
/// </summary>
public sealed class DevinConnector(
    SettingsResolver settings,
    ConnectionOverrides overrides,
    DevinClientOptions clientOptions,
    Func<DevinConnection, DevinClientOptions, IDevinClient> createClient) : IDevinConnector
{
    public async Task<ResolvedConnection> Resolve(CancellationToken ct)
    {
        var apiUrlSetting = settings.ApiUrl(overrides.ApiUrl);
        var apiUrl = apiUrlSetting.Value!;
        DevinConnection.ParseApiUrl(apiUrl, apiUrlSetting.Source == "flag" ? "--api-url" : apiUrlSetting.Source); // exit 4 before the key is even read
        var key = await settings.ApiKey(apiUrl, ct);
        return new ResolvedConnection(apiUrl, key.Value, settings.OrgId(overrides.OrgId).Value, settings.UserId(overrides.UserId).Value);
    }

    public async Task<IDevinClient> Connect(ThrottleGate? gate, CancellationToken ct)
    {
        var connection = (await Resolve(ct)).ToConnection();
        return createClient(connection, WithGate(clientOptions, gate));
    }

    public static DevinClientOptions WithGate(DevinClientOptions options, ThrottleGate? gate)
    {
        if (gate is null) return options;
        var inner = options.ConfigureMessageHandler;
        return options with { ConfigureMessageHandler = handler => gate.Wrap(inner is null ? handler : inner(handler)) };
    }
}
