using Handoff.Core.Following;

namespace Handoff.Cli.Mcp;

// The MCP tools' own result shapes. Where a CLI command prints the same thing, the fields are the same (docs/json.md);
// MCP wants an object at the root, so a list comes wrapped in one.

/// <summary>handoff_create: the fields of `create --json`.</summary>
public sealed record CreateResultView(string SessionId, string Url, string? Status, string Title, IReadOnlyList<string> Tags, bool IsNewSession, bool Recovered);

/// <summary>sessions_list: `sessions --json`'s array as <c>sessions</c>.</summary>
public sealed record SessionsListView(IReadOnlyList<SessionView> Sessions);

/// <summary>
/// session_messages: up to <c>limit</c> messages after the cursor (the message objects of `tail --json`), the cursor
/// to pass next time, whether more are waiting, and the session's state now (`tail --json`'s end object).
/// </summary>
public sealed record SessionMessagesView(string SessionId, IReadOnlyList<FollowMessageView> Messages, string? NextCursor, bool HasMore, FollowEndView Session);
