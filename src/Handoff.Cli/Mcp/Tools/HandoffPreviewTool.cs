using Handoff.Core.Handoffs;
using Handoff.Core.Settings;
using ModelContextProtocol.Protocol;

namespace Handoff.Cli.Mcp.Tools;

/// <summary>handoff_preview: the dry run of a handoff (what `create --dry-run --json` prints). Nothing is sent or saved.</summary>
public sealed class HandoffPreviewTool(AppServices services) : McpTool("handoff_preview", "Preview a handoff",
    "Shows exactly what handoff_create would send to a new Devin session, without sending or saving anything: the " +
    "prompt (request.prompt, with the repository, branch, base commit, unpushed commits and the uncommitted and " +
    "untracked changes), what the secret scan withheld and why (inspection.withheld, inspection.findings, redacted), " +
    "the files left out and why, and the size in bytes. Needs no API key.",
    new ToolInput(HandoffInput.Parameters),
    CliJson.Compact.DryRunReport,
    new ToolAnnotations { ReadOnlyHint = true, DestructiveHint = false, IdempotentHint = true, OpenWorldHint = false })
{
    protected override async Task<CallToolResult> Call(ToolArguments arguments, ToolCall call, CancellationToken cancellationToken)
    {
        var folder = RepositoryPath.Resolve(arguments, services.Environment.CurrentDirectory, requireRepository: true);
        var options = HandoffInput.Options(arguments, services, folder);
        var prepared = services.Preparer().Prepare(options);
        var handoff = SavedHandoff.From(prepared, options, services.Clock.Now);
        using var connector = new OwnedConnector(services.Connector(new ConnectionOverrides(), folder));
        var body = await new HandoffSender(connector).RequestBody(handoff, cancellationToken);
        return Result(DryRunView.From(prepared, handoff, body), CliJson.Compact.DryRunReport);
    }
}
