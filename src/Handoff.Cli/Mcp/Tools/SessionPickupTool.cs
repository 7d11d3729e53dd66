using Handoff.Cli.Commands;
using Handoff.Core.GitHub;
using Handoff.Core.Settings;
using ModelContextProtocol.Protocol;

namespace Handoff.Cli.Mcp.Tools;

/// <summary>session_pickup: checks out the session's pull request branch (<see cref="PullRequestPickup"/>; `pickup --json`).</summary>
public sealed class SessionPickupTool(AppServices services) : McpTool("session_pickup", "Check out the session's pull request",
    "DESTRUCTIVE: changes the repository's working tree. Fetches the branch of the session's pull request with the " +
    "user's own git and checks it out on a local branch of the same name (created, or fast-forwarded). A working " +
    "tree with uncommitted changes is refused unless stash is true (then they are stashed first). Once started it " +
    "runs to the end: a cancellation does not stop a checkout half-way. GitHub: GH_TOKEN or GITHUB_TOKEN for private repositories.",
    new ToolInput(SessionArgument.Parameter(required: false),
        ToolParameter.Flag("stash", "Stash uncommitted changes first instead of refusing (git stash pop brings them back)."),
        RepositoryPath.Parameter),
    CliJson.Compact.PickupView,
    new ToolAnnotations { ReadOnlyHint = false, DestructiveHint = true, IdempotentHint = false, OpenWorldHint = true })
{
    protected override async Task<CallToolResult> Call(ToolArguments arguments, ToolCall call, CancellationToken cancellationToken)
    {
        var folder = RepositoryPath.Resolve(arguments, services.Environment.CurrentDirectory, requireRepository: true);
        var id = SessionArgument.Resolve(arguments, folder);
        cancellationToken.ThrowIfCancellationRequested();
        using var connector = new OwnedConnector(services.Connector(new ConnectionOverrides(), folder));
        // Not cancellable from here on: stopping git between the stash and the checkout would leave the tree half-way.
        var client = await connector.Connect(null, CancellationToken.None);
        var pickup = new PullRequestPickup(client, new OctokitPullRequestSource(services.Environment), services.Processes);
        var r = await pickup.Run(new PickupOptions { SessionId = id, WorkingDirectory = folder, Stash = arguments.Bool("stash"), StashHint = "call again with \"stash\": true" }, CancellationToken.None);
        return Result(new PickupView(r.SessionId, r.PullRequestUrl, r.PullRequestState, r.Repository, r.Branch, r.Commit,
            r.Source, r.FromRemote, r.Stashed, r.BranchCreated), CliJson.Compact.PickupView);
    }
}
