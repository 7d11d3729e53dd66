using System.Text.Json;

namespace Handoff.FakeDevin.Infrastructure;

/// <summary>The JSON conventions of the Devin API: snake_case names, nulls written out.</summary>
public static class FakeJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = false,
    };

    public static IResult Ok<T>(T value) => Results.Json(value, Options);

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
}
