using Handoff.Cli.Commands;
using Handoff.Core;
using Handoff.Core.Devin;
using Handoff.Core.Settings;
using ModelContextProtocol.Protocol;

namespace Handoff.Cli.Mcp.Tools;

/// <summary>session_send: a follow-up message (`send --json`).</summary>
public sealed class SessionSendTool(AppServices services) : McpTool("session_send", "Send a message to a session",
    "Sends a follow-up message to a Devin session: an answer to its question, more instructions, or a nudge that " +
    "wakes a sleeping session. Each call sends one more message.",
    new ToolInput(SessionArgument.Parameter(required: true), ToolParameter.Text("message", "The message.", required: true), RepositoryPath.Parameter),
    CliJson.Compact.SendView,
    new ToolAnnotations { ReadOnlyHint = false, DestructiveHint = false, IdempotentHint = false, OpenWorldHint = true })
{
    protected override async Task<CallToolResult> Call(ToolArguments arguments, ToolCall call, CancellationToken cancellationToken)
    {
        var folder = RepositoryPath.Resolve(arguments, services.Environment.CurrentDirectory, requireRepository: false);
        var id = SessionArgument.Resolve(arguments, folder);
        var text = arguments.String("message")!;
        if (string.IsNullOrWhiteSpace(text)) throw new HandoffException("'message' is empty", ExitCodes.Usage);
        using var connector = new OwnedConnector(services.Connector(new ConnectionOverrides(), folder));
        var sent = await (await connector.Connect(null, cancellationToken)).Messages.Send(id, new SendMessageRequest { Message = text.TrimEnd('\r', '\n') }, cancellationToken);
        return Result(new SendView(id, Sent: true, sent.Session?.Status, sent.Session?.StatusDetail, sent.Detail), CliJson.Compact.SendView);
    }
}
