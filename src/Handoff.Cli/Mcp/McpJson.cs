using System.Text.Json.Serialization;
using Handoff.Core.Output;

namespace Handoff.Cli.Mcp;

/// <summary>Source-generated metadata of the MCP tools' own result types, in the output style of <see cref="Json"/>.</summary>
public static class McpJson
{
    public static McpJsonContext Context { get; } = Json.Bind(new McpJsonContext(Json.CreateOptions()));
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DictionaryKeyPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(CreateResultView))]
[JsonSerializable(typeof(SessionsListView))]
[JsonSerializable(typeof(SessionMessagesView))]
public sealed partial class McpJsonContext : JsonSerializerContext;
