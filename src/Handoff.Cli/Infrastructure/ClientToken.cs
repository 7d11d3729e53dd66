namespace Handoff.Cli;

/// <summary>The per-handoff token that makes a create safe to retry (sent as the tag handoff-id:TOKEN).</summary>
public static class ClientToken
{
    public static string New() => Guid.NewGuid().ToString("N")[..16];
    public static string Tag(string token) => "handoff-id:" + token;
}
