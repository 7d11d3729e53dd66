using Handoff.FakeDevin.Infrastructure;
using Handoff.FakeDevin.Model;
using Handoff.FakeDevin.State;

namespace Handoff.FakeDevin.Endpoints;

/// <summary>GET /v3/self and the enterprise organization list (devin-api.md §1).</summary>
public static class IdentityEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/v3/self", Self);
        app.MapGet("/v3/enterprise/organizations", Organizations);
    }

    private static IResult Self(FakeState state)
    {
        var self = state.Self;
        return self.PrincipalType == "pat_user"
            ? FakeJson.Ok(new PatUserSelfResponse("pat_user", self.Id, self.Name, self.ApiKeyId, self.ApiKeyName, self.OrgId))
            : FakeJson.Ok(new ServiceUserSelfResponse(self.PrincipalType, self.Id, self.Name, self.OrgId));
    }

    /// <summary>Only an enterprise-level principal (one whose self org_id is null) may list organizations.</summary>
    private static IResult Organizations(HttpRequest request, FakeState state, FakeSettings settings)
    {
        if (state.Self.OrgId is not null)
            return Errors.Forbidden("Listing organizations needs an enterprise service user with ManageOrganizations");
        if (Paging.ReadCursorQuery(request, out var first, out var after) is { } pagingError) return pagingError;
        lock (state.Gate)
        {
            var orgs = state.OrganizationList.OrderBy(o => o.Seq).ToList();
            return FakeJson.Ok(Paging.Page(orgs, o => o.Seq, descending: false, first, after, OrganizationResponse.From, settings.EndCursorOnLastPage));
        }
    }
}
