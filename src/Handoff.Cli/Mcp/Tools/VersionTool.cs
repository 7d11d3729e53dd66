using System.Reflection;
using ModelContextProtocol.Protocol;

namespace Handoff.Cli.Mcp.Tools;

/// <summary>Temporary: proves a tool runs under Native AOT. Replaced by the handoff tools.</summary>
public sealed class VersionTool() : McpTool("server_version", "Server version", "The version of devin-handoff serving this MCP server.",
    new ToolInput(ToolParameter.Text("echo", "Any text; it is returned as is.")),
    McpJson.Context.VersionView,
    new ToolAnnotations { ReadOnlyHint = true, DestructiveHint = false, IdempotentHint = true, OpenWorldHint = false })
{
    protected override Task<CallToolResult> Call(ToolArguments arguments, ToolCall call, CancellationToken cancellationToken) =>
        Task.FromResult(Result(new VersionView(
            typeof(VersionTool).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "",
            arguments.String("echo")), McpJson.Context.VersionView));
}

public sealed record VersionView(string Version, string? Echo);
