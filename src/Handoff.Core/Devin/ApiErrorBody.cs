using System.Text.Json;

namespace Handoff.Core.Devin;

/// <summary>The readable part of an error body (devin-api.md §9): ProblemDetail, FastAPI 422, {detail}, or raw text.</summary>
public sealed record ApiErrorBody(string? Summary, IReadOnlyList<string> FieldErrors)
{
    private const int MaxRawLength = 200;

    public static ApiErrorBody Parse(string? body)
    {
        var text = body?.Trim() ?? "";
        if (text.Length == 0) return new(null, []);
        try
        {
            using var doc = JsonDocument.Parse(text);
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.String) return new(OneLine(root.GetString()), []);
            if (root.ValueKind != JsonValueKind.Object) return new(Truncate(text), []);

            var fieldErrors = new List<string>();
            string? summary = null;
            if (root.TryGetProperty("detail", out var detail))
            {
                if (detail.ValueKind == JsonValueKind.String) summary = detail.GetString();
                else if (detail.ValueKind == JsonValueKind.Array) fieldErrors.AddRange(detail.EnumerateArray().Select(DescribeFieldError));
            }
            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
                fieldErrors.AddRange(errors.EnumerateArray().Select(DescribeFieldError));
            summary ??= String(root, "title") ?? String(root, "message") ?? String(root, "error");
            if (summary is null && fieldErrors.Count > 0) summary = string.Join("; ", fieldErrors);
            return new(OneLine(summary) ?? Truncate(text), fieldErrors.Select(e => OneLine(e)!).ToList());
        }
        catch (JsonException)
        {
            return new(Truncate(text), []);
        }
    }

    /// <summary>"msg @ loc" for FastAPI items; best effort for ProblemDetail "errors" items.</summary>
    private static string DescribeFieldError(JsonElement item)
    {
        if (item.ValueKind == JsonValueKind.String) return item.GetString() ?? "";
        if (item.ValueKind != JsonValueKind.Object) return item.GetRawText();
        var message = String(item, "msg") ?? String(item, "message") ?? String(item, "detail") ?? item.GetRawText();
        string? location = null;
        if (item.TryGetProperty("loc", out var loc) && loc.ValueKind == JsonValueKind.Array)
            location = string.Join(".", loc.EnumerateArray().Select(p => p.ValueKind == JsonValueKind.String ? p.GetString() : p.GetRawText()));
        location ??= String(item, "field") ?? String(item, "pointer") ?? String(item, "location") ?? String(item, "loc");
        return location is null ? message : $"{message} @ {location}";
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? OneLine(string? text) =>
        text is null ? null : string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string Truncate(string text)
    {
        var line = OneLine(text) ?? "";
        return line.Length <= MaxRawLength ? line : line[..MaxRawLength] + "…";
    }
}
