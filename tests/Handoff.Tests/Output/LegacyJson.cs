using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Handoff.Tests.Output;

/// <summary>
/// The --json options as they were before source generation: reflection metadata and the non-generic enum converter.
/// The reference the generated metadata must match byte for byte (tests run on the JIT, where reflection works).
/// </summary>
internal static class LegacyJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    public static readonly JsonSerializerOptions Indented = new(Options) { WriteIndented = true };

    /// <summary>What the previous <c>Json.Serialize(value)</c> wrote (T inferred, as at the old call sites).</summary>
    public static string Serialize<T>(T value, bool indented = false) => JsonSerializer.Serialize(value, indented ? Indented : Options);
}
