using Handoff.Core;
using Handoff.Core.Devin;

namespace Handoff.Cli.Commands.Auth;

/// <summary>What one check of a key found. Principal fields are null for v1 keys (v1 has no identity endpoint).</summary>
public sealed record KeyCheck(string KeyType, string? PrincipalType, string? Name, string? OrgId, string? Note);

/// <summary>
/// Checks a key with one cheap call: v3 keys with GET /v3/self, v1 keys with GET /v1/sessions?limit=1.
/// Throws the client's <see cref="DevinApiException"/> (401 → exit 4, network → exit 6).
/// </summary>
public static class KeyVerifier
{
    public static async Task<KeyCheck> Verify(AppServices services, DevinConnection connection, CancellationToken cancellationToken)
    {
        using var client = services.ClientFactory(connection, services);
        if (client.Flavor == ApiFlavor.V1)
        {
            await client.Sessions.List(new SessionListQuery { First = 1 }, cancellationToken);
            return new KeyCheck(connection.KeyType, null, null, null, null);
        }
        try
        {
            var self = await client.Identity.GetSelf(cancellationToken);
            return new KeyCheck(connection.KeyType, self.PrincipalType, self.ServiceUserName ?? self.UserName, self.OrgId, null);
        }
        catch (DevinApiException e) when (e.StatusCode == 403)
        {
            // Authenticated (not 401), just without the permission to read its own identity.
            return new KeyCheck(connection.KeyType, null, null, null, "the key is accepted but may not read its identity (GET /v3/self: 403)");
        }
    }
}
