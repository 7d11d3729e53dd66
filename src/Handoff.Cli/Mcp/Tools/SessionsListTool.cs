using Handoff.Core;
using Handoff.Core.Devin;
using Handoff.Core.Following;
using Handoff.Core.Handoffs;
using Handoff.Core.Settings;
using ModelContextProtocol.Protocol;

namespace Handoff.Cli.Mcp.Tools;

/// <summary>sessions_list: the sessions `sessions --json` lists, newest first, in an object.</summary>
public sealed class SessionsListTool(AppServices services) : McpTool("sessions_list", "List sessions",
    "Lists Devin sessions, newest first: by default those tagged 'handoff' (created by devin-handoff), or those " +
    "with the given tags, or all. Each has its status, state, title, URL and pull requests.",
    new ToolInput(
        ToolParameter.Texts("tags", "Only sessions with one of these tags; default: handoff."),
        ToolParameter.Flag("all", "Every session, not only handoffs (not with tags)."),
        ToolParameter.Number("limit", "At most this many sessions (default 30).", 1, 200),
        RepositoryPath.Parameter),
    McpJson.Context.SessionsListView,
    new ToolAnnotations { ReadOnlyHint = true, DestructiveHint = false, IdempotentHint = true, OpenWorldHint = true })
{
    protected override async Task<CallToolResult> Call(ToolArguments arguments, ToolCall call, CancellationToken cancellationToken)
    {
        var folder = RepositoryPath.Resolve(arguments, services.Environment.CurrentDirectory, requireRepository: false);
        var tags = arguments.Strings("tags");
        if (tags.Count > 0 && arguments.Bool("all"))
            throw new HandoffException("'all' and 'tags' contradict each other; pass one", ExitCodes.Usage);
        var limit = (int)(arguments.Integer("limit") ?? 30);
        var query = new SessionListQuery { Tags = arguments.Bool("all") ? null : tags.Count > 0 ? tags : [HandoffOptions.HandoffTag], First = Math.Min(limit, 200) };
        using var connector = new OwnedConnector(services.Connector(new ConnectionOverrides(), folder));
        var client = await connector.Connect(null, cancellationToken);
        var newest = await client.Sessions.ListNewest(query, limit, cancellationToken);
        return Result(new SessionsListView(newest.Sessions.Select(FollowView.Session).ToList()), McpJson.Context.SessionsListView);
    }
}
