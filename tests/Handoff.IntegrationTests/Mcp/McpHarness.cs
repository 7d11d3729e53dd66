using System.Collections.Concurrent;
using System.Text.Json;
using Handoff.IntegrationTests.Support;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Handoff.IntegrationTests.Mcp;

/// <summary>
/// The built binary started as `devin-handoff mcp` and driven by the official C# SDK client, in the sealed
/// environment of <see cref="CliRunner"/> (temp HOME, no developer config or keys).
/// </summary>
public sealed class McpHarness : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _stderr;

    private McpHarness(McpClient client, ConcurrentQueue<string> stderr)
    {
        Client = client;
        _stderr = stderr;
    }

    public McpClient Client { get; }

    public string StandardError => string.Join("\n", _stderr);

    public static async Task<McpHarness> Start(CliRunner cli, string workingDirectory)
    {
        var stderr = new ConcurrentQueue<string>();
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "devin-handoff",
            Command = CliRunner.BinaryPath,
            Arguments = ["mcp"],
            WorkingDirectory = workingDirectory,
            EnvironmentVariables = cli.ProcessEnvironment(),
            StandardErrorLines = stderr.Enqueue,
        });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var client = await McpClient.CreateAsync(transport, cancellationToken: timeout.Token);
        return new McpHarness(client, stderr);
    }

    public async Task<CallToolResult> Call(string tool, Dictionary<string, object?> arguments, IProgress<ModelContextProtocol.ProgressNotificationValue>? progress = null,
        CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(90));
        return await Client.CallToolAsync(tool, arguments, progress, cancellationToken: timeout.Token);
    }

    /// <summary>The JSON error of a tool error: {"error":{"code","message","exit_code"}}.</summary>
    public static JsonElement ErrorOf(CallToolResult result)
    {
        Assert.That(result.IsError, Is.True, "expected a tool error, got: " + TextOf(result));
        return JsonDocument.Parse(TextOf(result)).RootElement.GetProperty("error").Clone();
    }

    /// <summary>The structured result of a successful call (checked against its text twin).</summary>
    public static JsonElement Structured(CallToolResult result)
    {
        Assert.That(result.IsError, Is.Not.True, "tool error: " + TextOf(result));
        Assert.That(result.StructuredContent, Is.Not.Null, "no structured content");
        var structured = result.StructuredContent!.Value;
        Assert.That(JsonElement.DeepEquals(structured, JsonDocument.Parse(TextOf(result)).RootElement), Is.True,
            "the text content is not the structured content's JSON");
        return structured;
    }

    public static string TextOf(CallToolResult result) =>
        string.Concat(result.Content.OfType<TextContentBlock>().Select(t => t.Text));

    public async ValueTask DisposeAsync() => await Client.DisposeAsync();
}
