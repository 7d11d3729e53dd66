using System.Text.Json.Serialization;
using Handoff.Core.Output;

namespace Handoff.Core.Handoffs;

/// <summary>
/// Keeps a fan-out under &lt;git dir&gt;/devin-handoff/batches/&lt;id&gt;.json: every saved handoff (written before
/// sending) and each task's outcome as it arrives, so a failure or a crash loses no prompt. Safe to call from the
/// concurrent sends of one batch.
/// </summary>
public sealed class BatchStore(string gitDirectory, string batchId)
{
    private static readonly BatchStoreJsonContext Indented = Json.Bind(new BatchStoreJsonContext(Json.CreateOptions(indented: true)));

    private readonly Lock _lock = new();
    private List<SavedHandoff> _handoffs = [];
    private readonly Dictionary<int, FanOutOutcome> _outcomes = [];

    public string Path { get; } = System.IO.Path.Combine(gitDirectory, "devin-handoff", "batches", batchId + ".json");

    public void Save(IReadOnlyList<SavedHandoff> handoffs, IEnumerable<FanOutOutcome> outcomes)
    {
        lock (_lock)
        {
            _handoffs = handoffs.ToList();
            foreach (var o in outcomes) _outcomes[o.Index] = o;
            Write();
        }
    }

    public void Record(FanOutOutcome outcome)
    {
        lock (_lock)
        {
            _outcomes[outcome.Index] = outcome;
            Write();
        }
    }

    /// <summary>The file's text: indented, in the style of the --json output.</summary>
    public static string Serialize(BatchStoreFile file) => Json.Serialize(file, Indented.BatchStoreFile);

    private void Write()
    {
        var text = Serialize(new BatchStoreFile(_handoffs, _outcomes.Values.OrderBy(o => o.Index).ToList()));
        AtomicFile.Write(Path, stream => stream.Write(System.Text.Encoding.UTF8.GetBytes(text)));
    }
}

/// <summary>&lt;git dir&gt;/devin-handoff/batches/&lt;id&gt;.json.</summary>
public sealed record BatchStoreFile(IReadOnlyList<SavedHandoff> Handoffs, IReadOnlyList<FanOutOutcome> Outcomes);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DictionaryKeyPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(BatchStoreFile))]
internal sealed partial class BatchStoreJsonContext : JsonSerializerContext;
