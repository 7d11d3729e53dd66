using System.Text.Json;

namespace Handoff.FakeDevin.Infrastructure;

/// <summary>
/// Reads a JSON object body field by field and collects FastAPI-style validation errors,
/// so endpoints answer 422 in the configured shape instead of ASP.NET's own binding errors.
/// </summary>
public sealed class BodyReader
{
    private readonly JsonElement _root;
    private readonly List<FieldError> _errors = [];

    private BodyReader(JsonElement root, string rawText)
    {
        _root = root;
        RawText = rawText;
    }

    /// <summary>The body text exactly as received.</summary>
    public string RawText { get; }

    public IReadOnlyList<FieldError> Errors => _errors;

    public bool IsValid => _errors.Count == 0;

    /// <summary>Parses the request body; on failure returns a 422 result instead of a reader.</summary>
    public static async Task<(BodyReader? Reader, IResult? Error)> ReadAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body, leaveOpen: true);
        var text = await reader.ReadToEndAsync();
        if (string.IsNullOrWhiteSpace(text))
            return (null, Infrastructure.Errors.Validation([new FieldError(["body"], "Field required", "missing")]));
        try
        {
            using var doc = JsonDocument.Parse(text);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                return (null, Infrastructure.Errors.Validation([new FieldError(["body"], "Input should be a valid dictionary", "dict_type")]));
            return (new BodyReader(doc.RootElement.Clone(), text), null);
        }
        catch (JsonException e)
        {
            return (null, Infrastructure.Errors.Validation([new FieldError(["body", (int)(e.BytePositionInLine ?? 0)], "JSON decode error", "json_invalid")]));
        }
    }

    public IResult ValidationResult() => Infrastructure.Errors.Validation(_errors);

    public bool Has(string name) => _root.TryGetProperty(name, out _);

    public bool IsNull(string name) => _root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Null;

    public string? RequiredString(string name)
    {
        if (!_root.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            AddError(name, "Field required", "missing");
            return null;
        }
        return AsString(name, v);
    }

    public string? OptionalString(string name) =>
        _root.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? AsString(name, v) : null;

    public bool? OptionalBool(string name)
    {
        if (!_root.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind is JsonValueKind.True or JsonValueKind.False) return v.GetBoolean();
        AddError(name, "Input should be a valid boolean", "bool_type");
        return null;
    }

    public long? OptionalLong(string name)
    {
        if (!_root.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n)) return n;
        AddError(name, "Input should be a valid integer", "int_type");
        return null;
    }

    public List<string>? OptionalStringList(string name)
    {
        if (!_root.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind != JsonValueKind.Array)
        {
            AddError(name, "Input should be a valid list", "list_type");
            return null;
        }
        var list = new List<string>();
        var index = 0;
        foreach (var item in v.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String) list.Add(item.GetString()!);
            else _errors.Add(new FieldError(["body", name, index], "Input should be a valid string", "string_type"));
            index++;
        }
        return list;
    }

    public JsonElement? OptionalObject(string name)
    {
        if (!_root.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind == JsonValueKind.Object) return v.Clone();
        AddError(name, "Input should be a valid dictionary", "dict_type");
        return null;
    }

    /// <summary>Any JSON value, kept as-is (e.g. session_secrets).</summary>
    public JsonElement? OptionalRaw(string name) =>
        _root.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v.Clone() : null;

    public void AddError(string field, string msg, string type = "value_error") =>
        _errors.Add(new FieldError(["body", field], msg, type));

    /// <summary>Adds an error unless <paramref name="value"/> is null or one of <paramref name="allowed"/>.</summary>
    public void RequireOneOf(string field, string? value, params string[] allowed)
    {
        if (value is not null && !allowed.Contains(value))
            AddError(field, "Input should be " + string.Join(", ", allowed.Select(a => $"'{a}'")), "enum");
    }

    private string? AsString(string name, JsonElement v)
    {
        if (v.ValueKind == JsonValueKind.String) return v.GetString();
        AddError(name, "Input should be a valid string", "string_type");
        return null;
    }
}
