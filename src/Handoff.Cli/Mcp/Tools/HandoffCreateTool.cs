using System.Security.Cryptography;
using System.Text;
using Handoff.Core;
using Handoff.Core.Git;
using Handoff.Core.Handoffs;
using Handoff.Core.Settings;
using ModelContextProtocol.Protocol;

namespace Handoff.Cli.Mcp.Tools;

/// <summary>
/// handoff_create: Inspect, Scan, Compose, save and send (<see cref="HandoffPreparer"/>, <see cref="RetrySafeSender"/>).
/// A repeated call never creates a second session: its client token is the given one, or one derived from the
/// repository and the arguments (the same within the hour and the hour after).
/// </summary>
public sealed class HandoffCreateTool(AppServices services) : McpTool("handoff_create", "Hand off to a new Devin session",
    "Creates a cloud Devin session for a task, with the repository's local work attached: uncommitted, untracked " +
    "and unpushed changes, and secrets withheld by the scanner (see handoff_preview for exactly what is sent). " +
    "Returns the session id and URL; follow it with session_wait or session_messages. Retry-safe: calling again with " +
    "the same arguments from the same repository (within an hour or so), or with the same client_token, returns the " +
    "session the first call created instead of creating another (is_new_session false). The API key comes from " +
    "DEVIN_API_KEY or `devin-handoff auth login`, never from an argument.",
    new ToolInput([.. HandoffInput.Parameters,
        ToolParameter.Text("client_token", "Idempotency key (letters, digits, '-' and '_', up to 64): calls with the same token create one session. Default: derived from the repository and the arguments.")]),
    McpJson.Context.CreateResultView,
    new ToolAnnotations { ReadOnlyHint = false, DestructiveHint = false, IdempotentHint = true, OpenWorldHint = true })
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);

    protected override async Task<CallToolResult> Call(ToolArguments arguments, ToolCall call, CancellationToken cancellationToken)
    {
        var folder = RepositoryPath.Resolve(arguments, services.Environment.CurrentDirectory, requireRepository: true);
        var options = HandoffInput.Options(arguments, services, folder);
        var gitDir = GitDirectoryFinder.Find(folder)!;
        var tokens = arguments.String("client_token") is { } given ? [CheckedToken(given)] : DerivedTokens(arguments, gitDir, services.Clock.Now);

        await call.Progress(0, 2, "inspecting and scanning the repository", cancellationToken);
        using var connector = new OwnedConnector(services.Connector(new ConnectionOverrides(), folder));
        var progress = new InlineProgress<SendEvent>(e =>
        {
            var message = e switch
            {
                CreatingSession => "creating the session",
                Resending => "sending the saved handoff of an earlier attempt again",
                _ => null,
            };
            if (message is not null) _ = call.Progress(1, 2, message, CancellationToken.None);
        });
        var sent = await new RetrySafeSender(connector).Send(new HandoffStore(gitDir), tokens,
            () => SavedHandoff.From(services.Preparer().Prepare(options), options, services.Clock.Now), progress, cancellationToken);
        var session = sent.Session;
        return Result(new CreateResultView(session.SessionId, sent.Url, session.Status, session.Title ?? sent.Handoff.Title,
            session.Tags.Count > 0 ? session.Tags : sent.Handoff.Tags, sent.IsNewSession, sent.Recovered), McpJson.Context.CreateResultView);
    }

    private static string CheckedToken(string token) =>
        token.Length is > 0 and <= 64 && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? token
            : throw new HandoffException("'client_token' must be 1-64 letters, digits, '-' or '_'", ExitCodes.Usage);

    /// <summary>This window's token first, then the previous window's: a retry just after the hour turns still matches.</summary>
    internal static IReadOnlyList<string> DerivedTokens(ToolArguments arguments, string gitDir, DateTimeOffset now)
    {
        var window = now.ToUnixTimeSeconds() / (long)Window.TotalSeconds;
        return [Token(arguments, gitDir, window), Token(arguments, gitDir, window - 1)];
    }

    private static string Token(ToolArguments arguments, string gitDir, long window)
    {
        var text = new StringBuilder().Append(gitDir).Append('\0').Append(window);
        foreach (var (name, value) in arguments.Canonical().Where(p => p.Name != "client_token"))
            text.Append('\0').Append(name).Append('=').Append(value);
        return "mcp-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..24];
    }
}
