using Handoff.Cli.Mcp.Tools;

namespace Handoff.Cli.Mcp;

/// <summary>Every tool the server offers, in the order of a handoff's life.</summary>
public static class McpTools
{
    public static IReadOnlyList<McpTool> All(AppServices services) =>
    [
        new HandoffPreviewTool(services),
        new HandoffCreateTool(services),
        new SessionStatusTool(services),
        new SessionsListTool(services),
        new SessionMessagesTool(services),
        new SessionWaitTool(services),
        new SessionSendTool(services),
        new SessionPickupTool(services),
        new SecretsScanTool(services),
    ];
}
