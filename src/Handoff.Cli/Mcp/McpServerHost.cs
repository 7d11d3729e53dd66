using System.Reflection;
using System.Runtime.InteropServices;
using Handoff.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Handoff.Cli.Mcp;

/// <summary>
/// Runs the MCP server on stdin/stdout until stdin ends (the client went away) or SIGTERM/SIGINT arrives; both are a
/// clean stop (exit 0). Nothing else may write to stdout while it runs: traces and logs go to stderr.
/// </summary>
public static class McpServerHost
{
    public const string Name = "devin-handoff";

    public static async Task<int> Run(AppServices services, IEnumerable<McpTool> tools, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // SIGTERM is how clients stop a server that does not leave on EOF: stop serving and exit 0, not 143.
        using var sigterm = OperatingSystem.IsWindows() ? null : PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });

        var options = Options(tools);
        using var loggers = services.TraceEnabled ? new StderrLoggerFactory(services.Console.Error, LogLevel.Debug) : null;
        ILoggerFactory loggerFactory = loggers is null ? NullLoggerFactory.Instance : loggers;
        await using var transport = new StdioServerTransport(options, loggerFactory);
        await using var server = McpServer.Create(transport, options, loggerFactory);
        try
        {
            await server.RunAsync(stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        return ExitCodes.Ok;
    }

    public static McpServerOptions Options(IEnumerable<McpTool> tools)
    {
        var collection = new McpServerPrimitiveCollection<McpServerTool>();
        foreach (var tool in tools) collection.Add(tool);
        return new McpServerOptions
        {
            ServerInfo = new Implementation { Name = Name, Title = "devin-handoff", Version = Version },
            ServerInstructions = Instructions,
            ToolCollection = collection,
        };
    }

    private const string Instructions =
        "Hands local git work (uncommitted, untracked and unpushed changes, secrets withheld) to a cloud Devin session " +
        "and follows it. Preview with handoff_preview, create with handoff_create, follow with session_status, " +
        "session_messages and session_wait, answer with session_send, take the result with session_pickup. The API " +
        "key comes from DEVIN_API_KEY or `devin-handoff auth login`, never from an argument.";

    private static string Version { get; } =
        typeof(McpServerHost).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}
