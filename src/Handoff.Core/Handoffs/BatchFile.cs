using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Handoff.Core.Handoffs;

/// <summary>One task of a fan-out, with what it may set for itself (everything else comes from the flags).</summary>
public sealed record BatchEntry
{
    public required string Task { get; init; }
    public string? Context { get; init; }
    public string? Title { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public string? Playbook { get; init; }
    public IReadOnlyList<string>? Knowledge { get; init; }
    public int? MaxAcu { get; init; }
}

/// <summary>
/// Reads a `batch` file: either one task per line (blank lines and '#' comments skipped), or YAML/JSON
/// (JSON is YAML): a list of entries, or a mapping with a `tasks:` list. An entry is a string (the task)
/// or a mapping with `task` and optionally `context`, `title`, `tags`, `playbook`, `knowledge`, `max_acu`.
/// </summary>
public static class BatchFile
{
    public const int MaxTasks = 100;
    private static readonly string[] EntryKeys = ["task", "context", "title", "tags", "playbook", "knowledge", "max_acu"];

    /// <param name="name">The file name (its extension picks the format), or "-" for stdin.</param>
    public static IReadOnlyList<BatchEntry> Parse(string text, string name)
    {
        var entries = LooksStructured(text, name) ? ParseStructured(text, name) : ParseLines(text);
        if (entries.Count == 0)
            throw new HandoffException($"{Describe(name)} has no tasks", ExitCodes.Usage);
        if (entries.Count > MaxTasks)
            throw new HandoffException($"{Describe(name)} has {entries.Count} tasks; at most {MaxTasks} per batch", ExitCodes.Usage);
        return entries;
    }

    private static bool LooksStructured(string text, string name)
    {
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (extension is ".yaml" or ".yml" or ".json") return true;
        if (extension is ".txt" or ".md") return false;
        var first = text.ReplaceLineEndings("\n").Split('\n').Select(l => l.Trim())
            .FirstOrDefault(l => l.Length > 0 && !l.StartsWith('#'));
        return first is not null && (first.StartsWith('[') || first.StartsWith('{') || first == "tasks:" || first == "---");
    }

    private static List<BatchEntry> ParseLines(string text) =>
        text.ReplaceLineEndings("\n").Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => new BatchEntry { Task = l })
            .ToList();

    private static List<BatchEntry> ParseStructured(string text, string name)
    {
        var yaml = new YamlStream();
        try
        {
            yaml.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new HandoffException($"{Describe(name)}: not valid YAML/JSON at line {e.Start.Line}: {e.Message}", ExitCodes.Usage);
        }
        if (yaml.Documents.Count == 0) return [];
        var root = yaml.Documents[0].RootNode;
        if (root is YamlMappingNode map)
        {
            var unknown = map.Children.Keys.Select(Scalar).FirstOrDefault(k => k != "tasks");
            if (unknown is not null)
                throw new HandoffException($"{Describe(name)}: unknown key '{unknown}' (expected a list of tasks, or 'tasks:')", ExitCodes.Usage);
            root = map.Children.TryGetValue(new YamlScalarNode("tasks"), out var tasks) ? tasks : new YamlSequenceNode();
        }
        if (root is not YamlSequenceNode list)
            throw new HandoffException($"{Describe(name)}: expected a list of tasks", ExitCodes.Usage);
        return list.Children.Select((node, i) => Entry(node, i + 1, name)).ToList();
    }

    private static BatchEntry Entry(YamlNode node, int number, string name)
    {
        var where = $"{Describe(name)}: task {number}";
        if (node is YamlScalarNode scalar)
            return new BatchEntry { Task = Required(scalar.Value, where) };
        if (node is not YamlMappingNode map)
            throw new HandoffException($"{where}: expected a task text or a mapping with 'task'", ExitCodes.Usage);

        var fields = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (key, value) in map.Children)
        {
            var k = Scalar(key).Replace('-', '_');
            if (!EntryKeys.Contains(k))
                throw new HandoffException($"{where}: unknown key '{Scalar(key)}' (allowed: {string.Join(", ", EntryKeys)})", ExitCodes.Usage);
            fields[k] = value;
        }
        string? Text(string key) => fields.TryGetValue(key, out var v) ? v is YamlScalarNode s ? NullIfBlank(s.Value)
            : throw new HandoffException($"{where}: '{key}' must be text", ExitCodes.Usage) : null;

        int? maxAcu = null;
        if (Text("max_acu") is { } acu)
            maxAcu = int.TryParse(acu, out var n) && n > 0 ? n : throw new HandoffException($"{where}: max_acu must be a positive whole number", ExitCodes.Usage);
        return new BatchEntry
        {
            Task = Required(Text("task"), where),
            Context = Text("context"),
            Title = Text("title"),
            Tags = List(fields, "tags", where) ?? [],
            Playbook = Text("playbook"),
            Knowledge = List(fields, "knowledge", where),
            MaxAcu = maxAcu,
        };
    }

    private static IReadOnlyList<string>? List(Dictionary<string, YamlNode> fields, string key, string where) =>
        fields.TryGetValue(key, out var node) ? node switch
        {
            YamlScalarNode s => NullIfBlank(s.Value) is { } one ? [one] : [],
            YamlSequenceNode seq => seq.Children.Select(c => c is YamlScalarNode s ? s.Value?.Trim() ?? ""
                : throw new HandoffException($"{where}: '{key}' must be a list of text", ExitCodes.Usage)).Where(v => v.Length > 0).ToList(),
            _ => throw new HandoffException($"{where}: '{key}' must be a list of text", ExitCodes.Usage),
        } : null;

    private static string Required(string? task, string where) =>
        NullIfBlank(task) ?? throw new HandoffException($"{where}: 'task' is missing or empty", ExitCodes.Usage);

    private static string Scalar(YamlNode node) => (node as YamlScalarNode)?.Value ?? node.ToString();
    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    private static string Describe(string name) => name == "-" ? "stdin" : name;
}
