using System.Text.Json;
using Handoff.Core;

namespace Handoff.Cli.Mcp;

/// <summary>
/// A tool's arguments: the JSON schema published in tools/list and the parser that checks a call's arguments
/// against the same declaration. A bad argument is a usage error (exit code 2) naming the argument.
/// </summary>
public sealed class ToolInput
{
    private readonly IReadOnlyList<ToolParameter> _parameters;

    public ToolInput(params ToolParameter[] parameters)
    {
        _parameters = parameters;
        Schema = BuildSchema(parameters);
    }

    public IReadOnlyList<ToolParameter> Parameters => _parameters;

    /// <summary>The input schema: an object with one property per parameter, no others.</summary>
    public JsonElement Schema { get; }

    public ToolArguments Parse(IDictionary<string, JsonElement>? arguments)
    {
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (name, value) in arguments ?? new Dictionary<string, JsonElement>())
        {
            var parameter = _parameters.FirstOrDefault(p => p.Name == name)
                ?? throw Bad($"unknown argument '{name}' (this tool takes: {string.Join(", ", _parameters.Select(p => p.Name))})");
            // A null counts as absent: clients fill unset optional fields with null.
            if (value.ValueKind == JsonValueKind.Null) continue;
            Check(parameter, value);
            values[name] = value;
        }
        foreach (var parameter in _parameters.Where(p => p.Required && !values.ContainsKey(p.Name)))
            throw Bad($"missing argument '{parameter.Name}': {parameter.Description}");
        return new ToolArguments(values);
    }

    private static void Check(ToolParameter parameter, JsonElement value)
    {
        var name = parameter.Name;
        switch (parameter.Kind)
        {
            case ParameterKind.String when value.ValueKind != JsonValueKind.String:
                throw Bad($"'{name}' must be a string");
            case ParameterKind.String when parameter.AllowedValues is { } allowed && !allowed.Contains(value.GetString()):
                throw Bad($"'{name}' must be one of: {string.Join(", ", allowed)}");
            case ParameterKind.Boolean when value.ValueKind is not (JsonValueKind.True or JsonValueKind.False):
                throw Bad($"'{name}' must be true or false");
            case ParameterKind.Integer when value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out _):
                throw Bad($"'{name}' must be an integer");
            case ParameterKind.Integer when value.GetInt64() < parameter.Minimum || value.GetInt64() > parameter.Maximum:
                throw Bad($"'{name}' must be between {parameter.Minimum} and {parameter.Maximum}");
            case ParameterKind.StringArray when value.ValueKind != JsonValueKind.Array
                                               || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String):
                throw Bad($"'{name}' must be an array of strings");
        }
    }

    private static HandoffException Bad(string message) => new(message, ExitCodes.Usage);

    private static JsonElement BuildSchema(IReadOnlyList<ToolParameter> parameters)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("type", "object");
            w.WriteStartObject("properties");
            foreach (var p in parameters)
            {
                w.WriteStartObject(p.Name);
                switch (p.Kind)
                {
                    case ParameterKind.String: w.WriteString("type", "string"); break;
                    case ParameterKind.Boolean: w.WriteString("type", "boolean"); break;
                    case ParameterKind.Integer: w.WriteString("type", "integer"); break;
                    case ParameterKind.StringArray:
                        w.WriteString("type", "array");
                        w.WriteStartObject("items");
                        w.WriteString("type", "string");
                        w.WriteEndObject();
                        break;
                }
                w.WriteString("description", p.Description);
                if (p.AllowedValues is { } allowed)
                {
                    w.WriteStartArray("enum");
                    foreach (var v in allowed) w.WriteStringValue(v);
                    w.WriteEndArray();
                }
                if (p.Minimum is { } min) w.WriteNumber("minimum", min);
                if (p.Maximum is { } max) w.WriteNumber("maximum", max);
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteStartArray("required");
            foreach (var p in parameters.Where(p => p.Required)) w.WriteStringValue(p.Name);
            w.WriteEndArray();
            w.WriteBoolean("additionalProperties", false);
            w.WriteEndObject();
        }
        return JsonDocument.Parse(buffer.ToArray()).RootElement.Clone();
    }
}

/// <summary>A call's checked arguments (absent and null ones are missing).</summary>
public sealed class ToolArguments(IReadOnlyDictionary<string, JsonElement> values)
{
    public bool Has(string name) => values.ContainsKey(name);

    public string? String(string name) => values.TryGetValue(name, out var v) ? v.GetString() : null;

    public bool Bool(string name, bool fallback = false) => values.TryGetValue(name, out var v) ? v.GetBoolean() : fallback;

    public long? Integer(string name) => values.TryGetValue(name, out var v) ? v.GetInt64() : null;

    public IReadOnlyList<string> Strings(string name) =>
        values.TryGetValue(name, out var v) ? [.. v.EnumerateArray().Select(e => e.GetString()!)] : [];

    /// <summary>Every argument given, sorted by name, as compact JSON: what makes two calls the same request.</summary>
    public IEnumerable<(string Name, string Value)> Canonical() =>
        values.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, Compact(p.Value)));

    private static string Compact(JsonElement value)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer)) value.WriteTo(writer);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
