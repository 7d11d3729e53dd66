using RestSharp;

namespace Handoff.Core.Devin;

/// <summary>Who the key is and which organizations it sees (devin-api.md §1; v3 only).</summary>
internal sealed class IdentityClient(ApiScope scope) : IIdentityClient
{
    public Task<string> ResolveOrgId(CancellationToken ct = default) => scope.ResolveOrgId(ct);

    public Task<SelfInfo> GetSelf(CancellationToken ct = default) => scope.GetSelf(ct);

    public async Task<IReadOnlyList<Organization>> ListOrganizations(CancellationToken ct = default)
    {
        scope.RequireV3("listing organizations");
        var all = new List<Organization>();
        await foreach (var org in Pages.All(after =>
                       {
                           var call = new ApiCall(Method.Get, "v3/enterprise/organizations", "listing organizations", DevinPermissions.ManageOrganizations)
                               .With("first", 200).With("after", after);
                           return scope.Http.Fetch(call, DevinJson.Context.PageOrganization, ct);
                       }, ct))
            all.Add(org);
        return all;
    }
}
