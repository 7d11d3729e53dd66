using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;
using Handoff.Core;
using Handoff.Core.Output;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Handoff.Cli.Mcp;

/// <summary>
/// One tool of the MCP server, declared without reflection: its name, description, annotations, input parameters
/// (<see cref="ToolInput"/>) and the source-generated JSON metadata of its result, from which the output schema is
/// exported. A tool parses its arguments, calls Core and returns the result; every failure becomes an
/// <c>isError</c> result whose text is our JSON error (<c>{"error":{"code","message","exit_code"}}</c>), and the
/// server keeps running.
/// </summary>
public abstract class McpTool : McpServerTool
{
    private readonly Tool _tool;

    protected McpTool(string name, string title, string description, ToolInput input, JsonTypeInfo output, ToolAnnotations annotations)
    {
        Input = input;
        annotations.Title ??= title;
        _tool = new Tool
        {
            Name = name,
            Title = title,
            Description = description,
            InputSchema = input.Schema,
            OutputSchema = OutputSchemaOf(output),
            Annotations = annotations,
        };
    }

    protected ToolInput Input { get; }

    public override Tool ProtocolTool => _tool;

    public override IReadOnlyList<object> Metadata => [];

    public override async ValueTask<CallToolResult> InvokeAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken = default)
    {
        try
        {
            var arguments = Input.Parse(request.Params?.Arguments);
            return await Call(arguments, new ToolCall(request), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw; // the client cancelled the request: the SDK answers nothing, as the protocol asks
        }
        catch (HandoffException e)
        {
            return Error(e.Message, e.ExitCode);
        }
        catch (Exception e)
        {
            return Error($"unexpected error: {e.GetType().Name}: {e.Message}", ExitCodes.Error);
        }
    }

    protected abstract Task<CallToolResult> Call(ToolArguments arguments, ToolCall call, CancellationToken cancellationToken);

    /// <summary>The result as structured content, and as its JSON text for clients that read only text.</summary>
    protected static CallToolResult Result<T>(T value, JsonTypeInfo<T> type)
    {
        var text = Json.Serialize(value, type);
        using var document = JsonDocument.Parse(text);
        return new CallToolResult
        {
            StructuredContent = document.RootElement.Clone(),
            Content = [new TextContentBlock { Text = text }],
        };
    }

    /// <summary>
    /// A tool error. It has no structured content: a client validates structured content against the output schema
    /// even on an error (the TypeScript SDK does), and an error is not a result.
    /// </summary>
    public static CallToolResult Error(string message, int exitCode)
    {
        var line = message.ReplaceLineEndings("\n").Split('\n', 2)[0].Trim();
        var error = new ErrorView(new ErrorBody(ExitCodes.Name(exitCode), line.Length == 0 ? "failed" : line, exitCode));
        return new CallToolResult
        {
            IsError = true,
            Content = [new TextContentBlock { Text = Json.Serialize(error, CliJson.Compact.ErrorView) }],
        };
    }

    /// <summary>
    /// A property that may be null is not required: some views leave a null out (a finding's <c>commit</c>), and a
    /// client validates against the schema (the TypeScript SDK refuses a result that lacks a required property).
    /// </summary>
    private static JsonNode OptionalNulls(JsonNode node)
    {
        if (node is JsonObject { } obj && obj["required"] is JsonArray required && obj["properties"] is JsonObject properties)
        {
            foreach (var name in required.Select(r => r!.GetValue<string>()).ToList())
                if (properties[name]?["type"] is JsonArray types && types.Any(t => t?.GetValue<string>() == "null"))
                    required.Remove(required.First(r => r!.GetValue<string>() == name));
        }
        return node;
    }

    /// <summary>The JSON schema of what <paramref name="output"/> writes; MCP wants an object at the root.</summary>
    private static JsonElement OutputSchemaOf(JsonTypeInfo output)
    {
        var schema = JsonSchemaExporter.GetJsonSchemaAsNode(output, new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            // A free-form value (JsonNode: the API request body) exports as the schema `true`, which JSON Schema allows
            // but the TypeScript SDK's tool list parser refuses: `{}` says the same.
            TransformSchemaNode = (_, node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.True ? new JsonObject() : OptionalNulls(node),
        });
        if (schema is not JsonObject root || root["type"]?.GetValue<string>() != "object")
            throw new InvalidOperationException($"the output of a tool must be a JSON object, not {output.Type.Name}");
        using var document = JsonDocument.Parse(root.ToJsonString());
        return document.RootElement.Clone();
    }
}
