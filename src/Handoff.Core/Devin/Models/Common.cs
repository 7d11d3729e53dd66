using System.Text.Json;
using System.Text.Json.Serialization;

namespace Handoff.Core.Devin;

// Defaults are kept with `init => field = value ?? default`: generated JSON metadata (no reflection under
// Native AOT) sets every init-only property, passing null for a field the JSON lacks.

/// <summary>The v3 page envelope (devin-api.md §2). <see cref="EndCursor"/> is null on the last page.</summary>
public sealed record Page<T>
{
    public IReadOnlyList<T> Items { get; init => field = value ?? []; } = [];
    public bool HasNextPage { get; init; }
    public string? EndCursor { get; init; }
    public int? Total { get; init; }
}

/// <summary>GET /v3/self: a union keyed by <see cref="PrincipalType"/>; unknown types keep their fields in <see cref="Extra"/>.</summary>
public sealed record SelfInfo
{
    public string PrincipalType { get; init => field = value ?? ""; } = "";
    public string? OrgId { get; init; }
    public string? ServiceUserId { get; init; }
    public string? ServiceUserName { get; init; }
    public string? UserId { get; init; }
    public string? UserName { get; init; }
    public string? ApiKeyId { get; init; }
    public string? ApiKeyName { get; init; }

    // A setter, not init: generated metadata fills init-only properties like constructor parameters, which extension data can't be.
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

public static class PrincipalTypes
{
    public const string ServiceUser = "service_user";
    public const string PatUser = "pat_user";
    public const string DevinBrain = "devin_brain";
    public const string WindsurfSession = "windsurf_session";
}

/// <summary>An item of GET /v3/enterprise/organizations.</summary>
public sealed record Organization
{
    public string OrgId { get; init => field = value ?? ""; } = "";
    public string? Name { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }
    public long? MaxCycleAcuLimit { get; init; }
    public long? MaxSessionAcuLimit { get; init; }
}

/// <summary>Permission names from devin-api.md §0, named in 403 messages.</summary>
public static class DevinPermissions
{
    public const string ReadAccountMeta = "ReadAccountMeta";
    public const string ViewOrgSessions = "ViewOrgSessions";
    public const string ManageOrgSessions = "ManageOrgSessions";
    public const string ImpersonateOrgSessions = "ImpersonateOrgSessions";
    public const string UseDevinSessions = "UseDevinSessions";
    public const string ManageAccountKnowledge = "ManageAccountKnowledge";
    public const string ManageAccountPlaybooks = "ManageAccountPlaybooks";
    public const string ManageOrgSchedules = "ManageOrgSchedules";
    public const string ManageOrganizations = "ManageOrganizations";
}
