using System.CommandLine;
using Handoff.Core;

namespace Handoff.Cli.Commands;

/// <summary>`devin-handoff orgs`: the enterprise's organizations (all pages of GET /v3/enterprise/organizations).</summary>
public sealed class OrgsCommand(AppServices services) : ApiCommand(services)
{
    private readonly Option<int?> _limit = new("--limit") { Description = "Show at most N organizations" };

    protected override string Name => "orgs";
    protected override string Description => "List the enterprise's organizations (needs an enterprise key with ManageOrganizations)";
    protected override IEnumerable<Symbol> Symbols() => [_limit];

    protected override async Task<int> Execute(ParseResult parse, bool json, CancellationToken ct)
    {
        var limit = parse.GetValue(_limit);
        if (limit is <= 0) throw new HandoffException("--limit must be at least 1", ExitCodes.Usage);
        var client = await Connect(parse, ct);
        var orgs = (await client.Identity.ListOrganizations(ct)).Take(limit ?? int.MaxValue).ToList();
        if (json)
        {
            WriteJson(orgs, CliJson.Compact.ListOrganization);
            return ExitCodes.Ok;
        }
        WriteTable(["org_id", "name", "created", "max_session_acu"],
            orgs.Select(o => new[] { o.OrgId, o.Name, Time(o.CreatedAt), o.MaxSessionAcuLimit?.ToString() }));
        if (orgs.Count == 0) Status("no organizations");
        return ExitCodes.Ok;
    }
}
