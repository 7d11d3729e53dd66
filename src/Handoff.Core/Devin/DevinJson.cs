using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Handoff.Core.Devin;

/// <summary>
/// The JSON settings for the Devin API: snake_case names, nulls left out of request bodies, and
/// lenient reading (unknown fields ignored, numbers where strings were expected, epoch or ISO times).
/// </summary>
public static class DevinJson
{
    /// <summary>Every API request and response type, bound to <see cref="Options"/> (no reflection: Native AOT has none).</summary>
    internal static DevinJsonContext Context { get; } = Bind(new DevinJsonContext(CreateOptions()));

    /// <summary>The API options; their only resolver is the generated <see cref="DevinJsonContext"/>.</summary>
    public static JsonSerializerOptions Options => Context.Options;

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            PropertyNameCaseInsensitive = true,
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
        };
        options.Converters.Add(new LenientStringConverter());
        options.Converters.Add(new FlexibleTimestampConverter());
        return options;
    }

    private static DevinJsonContext Bind(DevinJsonContext context)
    {
        context.Options.MakeReadOnly();
        return context;
    }

    /// <summary>Writes a request body with metadata from <see cref="Context"/> (so with <see cref="Options"/>).</summary>
    internal static string Serialize<T>(T value, JsonTypeInfo<T> type)
    {
        if (!ReferenceEquals(type.Options, Options))
            throw new ArgumentException($"JSON metadata for {typeof(T).Name} must come from DevinJson.Context", nameof(type));
        return JsonSerializer.Serialize(value, type);
    }

    /// <summary>A create body, byte for byte what the general options write, through the generated fast path.</summary>
    internal static string Serialize(SessionCreateRequest body) => JsonSerializer.Serialize(body, DevinRequestJsonContext.Default.SessionCreateRequest);

    /// <inheritdoc cref="Serialize(SessionCreateRequest)"/>
    internal static string Serialize(V1CreateRequest body) => JsonSerializer.Serialize(body, DevinRequestJsonContext.Default.V1CreateRequest);
}

/// <summary>Reads any JSON scalar as a string (the API's enums and ids are kept as text, never rejected).</summary>
internal sealed class LenientStringConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String: return reader.GetString();
            case JsonTokenType.Null: return null;
            case JsonTokenType.True: return "true";
            case JsonTokenType.False: return "false";
            case JsonTokenType.Number:
                using (var doc = JsonDocument.ParseValue(ref reader)) return doc.RootElement.GetRawText();
            default:
                using (var doc = JsonDocument.ParseValue(ref reader)) return doc.RootElement.GetRawText();
        }
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

/// <summary>
/// Times arrive as integer epochs in v3 (seconds, or milliseconds: unconfirmed, so both are accepted)
/// and as ISO-8601 strings in v1 and schedules. Written as ISO-8601.
/// </summary>
internal sealed class FlexibleTimestampConverter : JsonConverter<DateTimeOffset>
{
    // Anything above this as seconds would be past the year 5000: it must be milliseconds.
    private const double MillisecondsThreshold = 100_000_000_000;

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
            return FromEpoch(reader.GetDouble());
        if (reader.TokenType == JsonTokenType.String)
        {
            var text = reader.GetString() ?? "";
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                return FromEpoch(number);
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                return parsed;
        }
        throw new JsonException($"expected a timestamp, got {reader.TokenType}");
    }

    public static DateTimeOffset FromEpoch(double value) =>
        Math.Abs(value) >= MillisecondsThreshold
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)value)
            : DateTimeOffset.FromUnixTimeMilliseconds((long)(value * 1000));

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
}

/// <summary>
/// Source-generated metadata for every type read from or written to the API, used with <see cref="DevinJson.Options"/>
/// (converters, case-insensitive names and numbers from strings apply at run time). Create bodies are written through
/// <see cref="DevinRequestJsonContext"/> instead.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, GenerationMode = JsonSourceGenerationMode.Metadata)]
// responses
[JsonSerializable(typeof(SelfInfo))]
[JsonSerializable(typeof(Page<Organization>))]
[JsonSerializable(typeof(SessionResponse))]
[JsonSerializable(typeof(Page<SessionResponse>))]
[JsonSerializable(typeof(V1CreateResponse))]
[JsonSerializable(typeof(V1Session))]
[JsonSerializable(typeof(V1SessionList))]
[JsonSerializable(typeof(Page<SessionMessage>))]
[JsonSerializable(typeof(SessionTags))]
[JsonSerializable(typeof(Page<SessionAttachment>))]
[JsonSerializable(typeof(List<SessionAttachment>))]
[JsonSerializable(typeof(UploadedAttachment))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(Page<KnowledgeNote>))]
[JsonSerializable(typeof(KnowledgeNote))]
[JsonSerializable(typeof(KnowledgeFolders))]
[JsonSerializable(typeof(Page<Playbook>))]
[JsonSerializable(typeof(Playbook))]
[JsonSerializable(typeof(Page<Schedule>))]
[JsonSerializable(typeof(Schedule))]
[JsonSerializable(typeof(V1KnowledgeList))]
[JsonSerializable(typeof(V1Knowledge))]
[JsonSerializable(typeof(List<V1Playbook>))]
[JsonSerializable(typeof(V1Playbook))]
// request bodies (besides the create bodies)
[JsonSerializable(typeof(SendMessageRequest))]
[JsonSerializable(typeof(V1MessageRequest))]
[JsonSerializable(typeof(KnowledgeNoteRequest))]
[JsonSerializable(typeof(PlaybookRequest))]
[JsonSerializable(typeof(ScheduleCreateRequest))]
[JsonSerializable(typeof(SchedulePatch))]
[JsonSerializable(typeof(V1KnowledgeRequest))]
[JsonSerializable(typeof(V1PlaybookRequest))]
internal partial class DevinJsonContext : JsonSerializerContext;

/// <summary>
/// Writing the create bodies only, with the settings of <see cref="DevinJson.Options"/> that matter for writing
/// (snake_case, nulls left out; the custom converters write strings and times as the defaults would for these types).
/// The generated fast path needs no property metadata, which a short `create` run would otherwise JIT-compile for
/// every nullable property type.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(SessionCreateRequest))]
[JsonSerializable(typeof(V1CreateRequest))]
internal partial class DevinRequestJsonContext : JsonSerializerContext;
