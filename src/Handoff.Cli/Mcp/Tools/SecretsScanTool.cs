using Handoff.Core;
using Handoff.Core.Output;
using Handoff.Core.Secrets;
using Handoff.Core.Secrets.Output;
using ModelContextProtocol.Protocol;

namespace Handoff.Cli.Mcp.Tools;

/// <summary>secrets_scan: the secret scan of `scan --json` (<see cref="LocalScan"/>); findings are a result, not an error.</summary>
public sealed class SecretsScanTool(AppServices services) : McpTool("secrets_scan", "Scan for secrets",
    "Scans for secrets (API keys, tokens, private keys, passwords) with the repository's own rules: by default what " +
    "a handoff would send (uncommitted, untracked and unpushed changes); or the staged changes; or the lines each " +
    "commit of a range adds; or files and folders of the repository. Findings are redacted (never the secret itself).",
    new ToolInput(
        ToolParameter.Flag("staged", "Scan the staged changes (index against HEAD)."),
        ToolParameter.Text("range", "Scan the lines each commit of this range adds, e.g. origin/main..HEAD."),
        ToolParameter.Texts("paths", "Scan these files or folders whole (inside the repository, relative to repository_path)."),
        RepositoryPath.Parameter),
    Json.Context.FindingsReport,
    new ToolAnnotations { ReadOnlyHint = true, DestructiveHint = false, IdempotentHint = true, OpenWorldHint = false })
{
    protected override async Task<CallToolResult> Call(ToolArguments arguments, ToolCall call, CancellationToken cancellationToken)
    {
        var folder = RepositoryPath.Resolve(arguments, services.Environment.CurrentDirectory, requireRepository: true);
        var workTree = RepositoryPath.WorkTreeOf(folder, folder);
        var paths = RepositoryPath.InsideWorkTree(arguments.Strings("paths"), folder, workTree, "paths");
        if (arguments.Has("paths") && paths.Count == 0) throw new HandoffException("'paths' is empty", ExitCodes.Usage);
        var request = new LocalScanRequest { Directory = folder, Staged = arguments.Bool("staged"), Range = arguments.String("range"), Paths = paths };
        var result = await new LocalScan(services.Processes, services.Inspector(), services.Scanner).Run(request, cancellationToken);
        return Result(FindingsReport.From(result.Mode, result.Findings), Json.Context.FindingsReport);
    }
}
