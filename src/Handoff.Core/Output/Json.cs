using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Handoff.Core.Attachments;
using Handoff.Core.Following;
using Handoff.Core.Secrets.Output;

namespace Handoff.Core.Output;

/// <summary>
/// The one JSON style of our --json output: snake_case names and dictionary keys, nulls written, enums as
/// snake_case strings, unescaped UTF-8. Everything goes through source-generated metadata (Native AOT has no
/// reflection): a type is written by passing its <see cref="JsonTypeInfo{T}"/> from a context bound to
/// <see cref="CreateOptions"/>, e.g. <c>Json.Serialize(report, Json.Context.FindingsReport)</c>.
/// </summary>
public static class Json
{
    /// <summary>Core's output types, bound to the output style (the CLI binds its own context the same way).</summary>
    public static OutputJsonContext Context { get; } = Bind(new OutputJsonContext(CreateOptions()));

    /// <summary>The compact output options; their resolver is <see cref="Context"/>.</summary>
    public static JsonSerializerOptions Options => Context.Options;

    /// <summary>
    /// Fresh, unbound options in the output style, for <c>new SomeJsonContext(Json.CreateOptions())</c>.
    /// Every enum that appears in output needs its converter here (the reflection-based one is not AOT-safe).
    /// </summary>
    public static JsonSerializerOptions CreateOptions(bool indented = false) => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = indented,
        Converters = { new JsonStringEnumConverter<DownloadStatus>(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>Makes a context's options read-only once bound, so nothing can change the style later.</summary>
    public static TContext Bind<TContext>(TContext context) where TContext : JsonSerializerContext
    {
        context.Options.MakeReadOnly();
        return context;
    }

    /// <summary>Writes <paramref name="value"/> with metadata from a context bound to <see cref="CreateOptions"/>.</summary>
    /// <exception cref="ArgumentException">the metadata comes from a context not bound to the output style (e.g. its <c>Default</c>).</exception>
    public static string Serialize<T>(T value, JsonTypeInfo<T> type)
    {
        if (!IsOutputStyle(type.Options))
            throw new ArgumentException($"JSON metadata for {typeof(T).Name} is not bound to the output style (use a context created with Json.CreateOptions())", nameof(type));
        return JsonSerializer.Serialize(value, type);
    }

    private static bool IsOutputStyle(JsonSerializerOptions options) =>
        options.PropertyNamingPolicy == JsonNamingPolicy.SnakeCaseLower
        && options.DictionaryKeyPolicy == JsonNamingPolicy.SnakeCaseLower
        && options.Encoder == JavaScriptEncoder.UnsafeRelaxedJsonEscaping
        && options.DefaultIgnoreCondition == JsonIgnoreCondition.Never;
}

/// <summary>Source-generated metadata for Core's --json output types.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DictionaryKeyPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(FindingsReport))]
[JsonSerializable(typeof(FollowMessageView))]
[JsonSerializable(typeof(FollowEndView))]
[JsonSerializable(typeof(SessionView))]
[JsonSerializable(typeof(List<SessionView>))]
public sealed partial class OutputJsonContext : JsonSerializerContext;
