using System.Text.Json;
using System.Text.Json.Serialization;
using Handoff.Core.Output;

namespace Handoff.Core.Handoffs;

/// <summary>
/// Keeps handoffs under &lt;git dir&gt;/devin-handoff/: "handoff.json" (the latest, written before sending and
/// updated with the session once created), and "last-session" (what the session reference `last` means).
/// Writes go through <see cref="AtomicFile"/>, so a crash never leaves half a file.
/// </summary>
public sealed class HandoffStore(string gitDirectory)
{
    private string Folder => Path.Combine(gitDirectory, "devin-handoff");
    public string HandoffPath => Path.Combine(Folder, "handoff.json");
    public string LastSessionPath => Path.Combine(Folder, "last-session");

    // Streamed as UTF-8 straight to the file: the prompt can be hundreds of KB, and a string copy of it is garbage.
    public void Save(SavedHandoff handoff) =>
        AtomicFile.Write(HandoffPath, stream =>
        {
            using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }); // as the context's WriteIndented
            JsonSerializer.Serialize(writer, handoff, HandoffStoreWriteJson.Default.SavedHandoff);
        });

    public SavedHandoff? Load()
    {
        if (!File.Exists(HandoffPath)) return null;
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(HandoffPath), HandoffStoreJson.Default.SavedHandoff);
        }
        catch (JsonException e)
        {
            throw new HandoffException($"the saved handoff {HandoffPath} is damaged: {e.Message}");
        }
    }

    public void RecordSession(string sessionId) =>
        AtomicFile.Write(LastSessionPath, stream => stream.Write(System.Text.Encoding.UTF8.GetBytes(sessionId + "\n")));

    public string? LastSession() =>
        File.Exists(LastSessionPath) ? File.ReadAllText(LastSessionPath).Trim() is { Length: > 0 } id ? id : null : null;
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(SavedHandoff))]
internal partial class HandoffStoreJson : JsonSerializerContext;

/// <summary>
/// Writing only, same settings as <see cref="HandoffStoreJson"/>: the generated fast path writes the file without
/// building property metadata, which a short `create` run would otherwise JIT-compile for every property type.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true, GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(SavedHandoff))]
internal partial class HandoffStoreWriteJson : JsonSerializerContext;
