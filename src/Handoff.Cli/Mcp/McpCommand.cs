using System.CommandLine;
using Handoff.Cli.Commands;

namespace Handoff.Cli.Mcp;

/// <summary>`devin-handoff mcp`: serves the handoff as a Model Context Protocol server over stdio (docs/mcp.md).</summary>
public sealed class McpCommand(AppServices services) : CliCommand(services, "mcp",
    "Run a Model Context Protocol server on stdin/stdout for coding agents and editors (see docs/mcp.md)")
{
    protected override string? JsonHelp => null;

    protected override IEnumerable<Symbol> Symbols() => [];

    protected override Task<int> Execute(ParseResult parse, bool json, CancellationToken ct) =>
        McpServerHost.Run(Services, McpTools.All(Services), ct);
}
