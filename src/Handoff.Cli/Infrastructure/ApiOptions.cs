using System.CommandLine;

namespace Handoff.Cli;

/// <summary>The connection flags every API command takes (same names as devin-handoff.sh).</summary>
public sealed record ApiFlags(string? ApiUrl, string? OrgId, string? UserId);

public sealed class ApiOptions
{
    private readonly Option<string?> _apiUrl = new("--api-url") { Description = $"Devin API base URL (env DEVIN_API_URL; default {Handoff.Core.Devin.DevinConnection.DefaultApiUrl})" };
    private readonly Option<string?> _orgId = new("--org-id") { Description = "Organization id for cog_ keys (env DEVIN_ORG_ID; default: from GET /v3/self)" };
    private readonly Option<string?> _userId = new("--user-id") { Description = "Create sessions as this user (env DEVIN_USER_ID; cog_ keys)" };

    public void AddTo(Command command)
    {
        command.Options.Add(_apiUrl);
        command.Options.Add(_orgId);
        command.Options.Add(_userId);
    }

    public ApiFlags Read(ParseResult parse) => new(parse.GetValue(_apiUrl), parse.GetValue(_orgId), parse.GetValue(_userId));
}
