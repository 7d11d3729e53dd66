using Handoff.Core.Following;
using Handoff.Core.Output;
using Handoff.Core.Settings;
using ModelContextProtocol.Protocol;

namespace Handoff.Cli.Mcp.Tools;

/// <summary>session_status: one look at a session (`status --json`).</summary>
public sealed class SessionStatusTool(AppServices services) : McpTool("session_status", "Session status",
    "One look at a Devin session: status, state (working, finished, exited, needs_human, asleep, failed) and why, " +
    "title, URL, pull requests, ACUs used, timestamps and tags.",
    new ToolInput(SessionArgument.Parameter(required: false), RepositoryPath.Parameter),
    Json.Context.SessionView,
    new ToolAnnotations { ReadOnlyHint = true, DestructiveHint = false, IdempotentHint = true, OpenWorldHint = true })
{
    protected override async Task<CallToolResult> Call(ToolArguments arguments, ToolCall call, CancellationToken cancellationToken)
    {
        var folder = RepositoryPath.Resolve(arguments, services.Environment.CurrentDirectory, requireRepository: false);
        var id = SessionArgument.Resolve(arguments, folder);
        using var connector = new OwnedConnector(services.Connector(new ConnectionOverrides(), folder));
        var session = await (await connector.Connect(null, cancellationToken)).Sessions.Get(id, cancellationToken);
        return Result(FollowView.Session(session), Json.Context.SessionView);
    }
}
