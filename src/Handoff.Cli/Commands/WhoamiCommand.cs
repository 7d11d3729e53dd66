using System.CommandLine;
using Handoff.Core;
using Handoff.Core.Devin;

namespace Handoff.Cli.Commands;

/// <summary>`devin-handoff whoami`: who the key acts as (GET /v3/self), its type and organization.</summary>
public sealed class WhoamiCommand(AppServices services) : ApiCommand(services)
{
    /// <summary>What a legacy apk_ key cannot do (the client refuses these calls for v1).</summary>
    public static readonly IReadOnlyList<string> V1Limits =
    [
        "whoami details (GET /v3/self)", "orgs", "attachments (listing)", "schedules", "archive (and terminate --archive)",
        "knowledge --enabled/--disabled", "playbook structured output schemas",
    ];

    protected override string Name => "whoami";
    protected override string Description => "Show who the API key acts as: principal type and name, organization, key type and API version";
    protected override IEnumerable<Symbol> Symbols() => [];

    protected override async Task<int> Execute(ParseResult parse, bool json, CancellationToken ct)
    {
        var client = await Connect(parse, ct);
        var keyType = client.Connection.KeyType;
        if (client.Flavor == ApiFlavor.V1)
        {
            // No identity endpoint in v1: one cheap call proves the key works.
            await client.Sessions.List(new SessionListQuery { First = 1 }, ct);
            if (json)
            {
                WriteJson(new WhoamiView(keyType, "v1", null, null, null, null, null, null, null, V1Limits), CliJson.Compact.WhoamiView);
                return ExitCodes.Ok;
            }
            WriteFields(("key", $"{keyType} ({(keyType == "apk_user_" ? "personal" : "organization")} key, legacy): valid, uses the v1 API"),
                ("org", "implied by the key"));
            Status($"note: v1 keys cannot use: {string.Join(", ", V1Limits)}; create a cog_ key at https://app.devin.ai/settings/api-keys for those");
            return ExitCodes.Ok;
        }

        var self = await client.Identity.GetSelf(ct);
        var flagOrg = Services.Settings().OrgId(Flags(parse).OrgId);
        var (orgId, orgSource) = flagOrg.Value is { } explicitOrg ? (explicitOrg, flagOrg.Source) : (self.OrgId, self.OrgId is null ? null : "GET /v3/self");
        var (id, name) = self.PrincipalType == PrincipalTypes.PatUser ? (self.UserId, self.UserName) : (self.ServiceUserId ?? self.UserId, self.ServiceUserName ?? self.UserName);
        if (json)
        {
            WriteJson(new WhoamiView(keyType, "v3", self.PrincipalType, id, name, orgId, orgSource, self.ApiKeyId, self.ApiKeyName, []),
                CliJson.Compact.WhoamiView);
            return ExitCodes.Ok;
        }
        var kind = self.PrincipalType switch
        {
            PrincipalTypes.ServiceUser => "service user",
            PrincipalTypes.PatUser => "personal access token of",
            _ => self.PrincipalType,
        };
        WriteFields(
            ("principal", $"{kind} {name ?? "(unnamed)"}{(id is null ? "" : $" ({id})")}"),
            ("org", orgId is null ? "none (enterprise-level; pass --org-id or set DEVIN_ORG_ID for org commands)" : $"{orgId} (from {orgSource})"),
            ("key", $"{keyType}{(self.ApiKeyName is null ? "" : $" \"{self.ApiKeyName}\"")} (v3 API)"));
        return ExitCodes.Ok;
    }
}

/// <summary>`whoami --json`; <see cref="Unavailable"/> lists what a legacy v1 key cannot do.</summary>
public sealed record WhoamiView(
    string KeyType, string ApiVersion, string? PrincipalType, string? Id, string? Name, string? OrgId, string? OrgSource,
    string? ApiKeyId, string? ApiKeyName, IReadOnlyList<string> Unavailable);
