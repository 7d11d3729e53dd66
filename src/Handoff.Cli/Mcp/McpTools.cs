namespace Handoff.Cli.Mcp;

/// <summary>Every tool the server offers.</summary>
public static class McpTools
{
    public static IReadOnlyList<McpTool> All(AppServices services) =>
    [
        new Tools.VersionTool(),
    ];
}
