using System.CommandLine;

namespace Handoff.Cli.Mcp;

/// <summary>`devin-handoff mcp`: serves the handoff as a Model Context Protocol server over stdio.</summary>
public sealed class McpCommand(AppServices services) : ICliCommand
{
    public Command Build()
    {
        var command = new Command("mcp",
            "Run a Model Context Protocol server on stdin/stdout for coding agents and editors (see docs/mcp.md)");
        command.SetAction((_, ct) => CommandRunner.Run(services, false, token => McpServerHost.Run(services, McpTools.All(services), token), ct));
        return command;
    }
}
