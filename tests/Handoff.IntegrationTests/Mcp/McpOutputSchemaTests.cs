using System.Text.Json;
using Handoff.IntegrationTests.Support;

namespace Handoff.IntegrationTests.Mcp;

/// <summary>
/// Each tool's output schema, as the server lists it, has the fields docs/json.md documents for its CLI twin: the
/// field names are read from the table rows of json.md, not written out here.
/// </summary>
[TestFixture]
public sealed class McpOutputSchemaTests
{
    private static readonly string JsonDoc = File.ReadAllText(Path.Combine(SolutionRoot(), "docs", "json.md"));

    private CliRunner _cli = null!;
    private McpHarness _mcp = null!;
    private Dictionary<string, JsonElement> _schemas = null!;

    [OneTimeSetUp]
    public async Task ListTools()
    {
        _cli = new CliRunner();
        _mcp = await McpHarness.Start(_cli, Directory.CreateDirectory(Path.Combine(_cli.Home, "work")).FullName);
        _schemas = (await _mcp.Client.ListToolsAsync()).ToDictionary(t => t.Name, t => t.ProtocolTool.OutputSchema!.Value);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _mcp.DisposeAsync();
        _cli.Dispose();
    }

    [TestCase("handoff_preview", "`create --dry-run --json`")]
    [TestCase("handoff_create", "`create --json`")]
    [TestCase("session_status", "`status --json`")]
    [TestCase("session_send", "`send --json`")]
    [TestCase("session_pickup", "`pickup --json`")]
    [TestCase("secrets_scan", "`scan --json`")]
    public void A_tool_result_has_the_fields_of_its_cli_twin(string tool, string command) =>
        Assert.That(Properties(_schemas[tool]), Is.EquivalentTo(TopLevelFields(Row(command))));

    [Test]
    public void Sessions_list_wraps_the_items_of_sessions_json()
    {
        Assert.That(Properties(_schemas["sessions_list"]), Is.EqualTo(new[] { "sessions" }));
        var item = _schemas["sessions_list"].GetProperty("properties").GetProperty("sessions").GetProperty("items");
        Assert.That(Properties(item), Is.EquivalentTo(TopLevelFields(Row("each item of `sessions --json`"))));
    }

    [Test]
    public void Session_wait_returns_the_end_object_of_tail_and_session_messages_its_message_objects()
    {
        var (message, end) = TailObjects();
        Assert.That(Properties(_schemas["session_wait"]), Is.EquivalentTo(end));

        var messages = _schemas["session_messages"].GetProperty("properties");
        Assert.That(Properties(messages.GetProperty("messages").GetProperty("items")), Is.EquivalentTo(message));
        Assert.That(Properties(messages.GetProperty("session")), Is.EquivalentTo(end));
    }

    private static List<string> Properties(JsonElement schema) =>
        schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList();

    /// <summary>The fields cell of the json.md table row whose command cell contains <paramref name="command"/>.</summary>
    private static string Row(string command)
    {
        var row = JsonDoc.Split('\n').Single(l => l.StartsWith("| ") && l.Split('|')[1].Contains(command));
        var cells = row.Split('|');
        return string.Join('|', cells[2..^1]).Trim();
    }

    /// <summary>The backticked names outside any {…}, […] or (…): the top-level fields of a row.</summary>
    private static List<string> TopLevelFields(string cell)
    {
        var fields = new List<string>();
        var depth = 0;
        for (var i = 0; i < cell.Length; i++)
        {
            var c = cell[i];
            if (c is '{' or '[' or '(') depth++;
            else if (c is '}' or ']' or ')') depth--;
            else if (c == '`')
            {
                var close = cell.IndexOf('`', i + 1);
                if (depth == 0) fields.Add(cell[(i + 1)..close]);
                i = close;
            }
        }
        return fields;
    }

    /// <summary>tail's two NDJSON objects, written in json.md as <c>{"type":"message", a, b?, …}</c>.</summary>
    private static (List<string> Message, List<string> End) TailObjects()
    {
        var objects = Row("`tail --json`").Split('{', '}').Where(p => p.StartsWith("\"type\"")).ToList();
        List<string> Names(string part) => part.Split(',').Select(f => f.Trim().TrimEnd('?')).Select(f => f.StartsWith("\"type\"") ? "type" : f).ToList();
        return (Names(objects[0]), Names(objects[1]));
    }

    private static string SolutionRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Handoff.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Handoff.sln not found");
    }
}
