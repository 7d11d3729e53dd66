using Handoff.Core.Following;
using Handoff.Core.Settings;
using ModelContextProtocol.Protocol;

namespace Handoff.Cli.Mcp.Tools;

/// <summary>session_messages: a session's messages after a cursor, bounded, and its state now (`tail --no-follow --json`).</summary>
public sealed class SessionMessagesTool(AppServices services) : McpTool("session_messages", "Read a session's messages",
    "Reads a Devin session's messages, oldest first: those after the 'cursor' (an event_id; none: from the start), at " +
    "most 'limit'. Pass next_cursor back as the cursor to read on; has_more says more are waiting. Also returns the " +
    "session's state now. Does not wait: use session_wait for that.",
    new ToolInput(SessionArgument.Parameter(required: false),
        ToolParameter.Text("cursor", "Return only messages after this event_id (next_cursor of the previous call)."),
        ToolParameter.Number("limit", "At most this many messages (default 50).", 1, 200),
        RepositoryPath.Parameter),
    McpJson.Context.SessionMessagesView,
    new ToolAnnotations { ReadOnlyHint = true, DestructiveHint = false, IdempotentHint = true, OpenWorldHint = true })
{
    protected override async Task<CallToolResult> Call(ToolArguments arguments, ToolCall call, CancellationToken cancellationToken)
    {
        var folder = RepositoryPath.Resolve(arguments, services.Environment.CurrentDirectory, requireRepository: false);
        var id = SessionArgument.Resolve(arguments, folder);
        var limit = (int)(arguments.Integer("limit") ?? 50);
        var cursor = arguments.String("cursor") is { Length: > 0 } c ? c : null;
        using var connector = new OwnedConnector(services.Connector(new ConnectionOverrides(), folder));
        var tailer = new MessageTailer(await connector.Connect(null, cancellationToken), services.Clock, new TailOptions { Follow = false, SinceEventId = cursor });
        var messages = new List<FollowMessageView>();
        FollowEnded? end = null;
        await foreach (var e in tailer.Follow(id, cancellationToken))
        {
            if (e is MessageReceived m) messages.Add(FollowView.Message(id, m.Message));
            else if (e is FollowEnded ended) end = ended;
        }
        var page = messages.Take(limit).ToList();
        var next = page.LastOrDefault(m => m.EventId.Length > 0)?.EventId ?? cursor;
        return Result(new SessionMessagesView(id, page, next, messages.Count > page.Count, FollowView.End(end!)), McpJson.Context.SessionMessagesView);
    }
}
