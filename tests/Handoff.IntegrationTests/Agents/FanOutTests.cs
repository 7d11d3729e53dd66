using System.Text.Json;
using Handoff.FakeDevin.Infrastructure;

namespace Handoff.IntegrationTests.Agents;

public class FanOutTests : AgentsFixture
{
    private static readonly string[] TaskFields = ["index", "task", "title", "session_id", "url", "status", "error"];

    [Test]
    public async Task A_batch_of_ten_with_429s_creates_exactly_ten_sessions_and_reports_each()
    {
        var file = Path.Combine(Cli.Home, "tasks.txt");
        File.WriteAllLines(file, ["# ten small jobs", "", .. Enumerable.Range(1, 10).Select(i => $"Fix issue number {i}")]);
        Server.Faults.RateLimitNext("POST", FaultControl.V3CreateSessionPath, retryAfterSeconds: 1, count: 4);

        var result = await Cli.Run(Repo, "batch", file, "--json", "--tag", "sprint");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var json = ParseSingleJson(result);
        AssertFields(json, "batch_id", "tag", "succeeded", "failed", "exit_code", "saved", "tasks");
        Assert.That(json.GetProperty("succeeded").GetInt32(), Is.EqualTo(10));
        Assert.That(json.GetProperty("failed").GetInt32(), Is.Zero);
        var tasks = json.GetProperty("tasks").EnumerateArray().ToList();
        Assert.That(tasks.Select(t => t.GetProperty("index").GetInt32()), Is.EqualTo(Enumerable.Range(1, 10)));
        foreach (var t in tasks)
        {
            AssertFields(t, TaskFields);
            Assert.That(t.GetProperty("task").GetString(), Is.EqualTo($"Fix issue number {t.GetProperty("index").GetInt32()}"));
            Assert.That(t.GetProperty("session_id").GetString(), Does.StartWith("devin-"));
            Assert.That(t.GetProperty("url").GetString(), Does.StartWith("http"));
            Assert.That(t.GetProperty("error").ValueKind, Is.EqualTo(JsonValueKind.Null));
        }

        var posts = Server.RequestsTo("POST", FaultControl.V3CreateSessionPath);
        Assert.That(posts.Count(p => p.ResponseStatusCode == 429), Is.EqualTo(4));
        Assert.That(posts.Count(p => p.ResponseStatusCode == 200), Is.EqualTo(10));
        Assert.That(Server.State.Sessions, Has.Count.EqualTo(10));
        Assert.That(tasks.Select(t => t.GetProperty("session_id").GetString()), Is.EquivalentTo(Server.State.Sessions.Select(s => s.SessionId)));
        var tag = json.GetProperty("tag").GetString();
        Assert.That(Server.State.Sessions.All(s => s.Tags.Contains("handoff") && s.Tags.Contains("sprint") && s.Tags.Contains(tag!)), Is.True);
        // One scan for all: every prompt carries the same repository facts and the local change.
        Assert.That(Server.State.Sessions.All(s => s.Prompt.Contains("print('changed')")), Is.True);
        Assert.That(File.Exists(json.GetProperty("saved").GetString()), Is.True);
    }

    [Test]
    public async Task Repeated_task_flags_fan_out_and_one_failure_does_not_lose_the_others()
    {
        Server.Faults.FailNext("POST", FaultControl.V3CreateSessionPath, 422);

        var result = await Cli.Run(Repo, "create", "--task", "First job", "--task", "Second job", "--task", "Third job", "--json");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        var json = ParseSingleJson(result);
        Assert.That(json.GetProperty("succeeded").GetInt32(), Is.EqualTo(2));
        Assert.That(json.GetProperty("failed").GetInt32(), Is.EqualTo(1));
        Assert.That(json.GetProperty("exit_code").GetInt32(), Is.EqualTo(1));
        var failed = json.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("error").ValueKind != JsonValueKind.Null);
        var error = failed.GetProperty("error");
        AssertFields(error, "code", "message", "exit_code");
        Assert.That(error.GetProperty("code").GetString(), Is.EqualTo("error"));
        Assert.That(failed.GetProperty("session_id").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(Server.State.Sessions, Has.Count.EqualTo(2));

        // The failed task's prompt is saved with the others, ready to send again.
        var saved = JsonDocument.Parse(File.ReadAllText(json.GetProperty("saved").GetString()!)).RootElement;
        Assert.That(saved.GetProperty("handoffs").GetArrayLength(), Is.EqualTo(3));
        Assert.That(saved.GetProperty("outcomes").GetArrayLength(), Is.EqualTo(3));
    }

    [Test]
    public async Task Yaml_entries_carry_their_own_context_tags_and_playbook()
    {
        const string yaml = """
            tasks:
              - Update the changelog
              - task: Fix the login bug
                context: auth.py line 40 compares naive and aware datetimes
                tags: [bug, auth]
                playbook: playbook-123
                max_acu: 5
            """;
        var result = await Cli.RunWithInput(Repo, yaml, "batch", "-", "--context", "Shared note for all", "--json");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var bodies = Server.RequestsTo("POST", FaultControl.V3CreateSessionPath).Select(r => r.BodyJson().RootElement).ToList();
        Assert.That(bodies, Has.Count.EqualTo(2));
        var bug = bodies.Single(b => b.GetProperty("prompt").GetString()!.Contains("Fix the login bug"));
        var other = bodies.Single(b => b.GetProperty("prompt").GetString()!.Contains("Update the changelog"));
        Assert.That(bug.GetProperty("prompt").GetString(), Does.Contain("naive and aware datetimes").And.Contain("Shared note for all"));
        Assert.That(other.GetProperty("prompt").GetString(), Does.Contain("Shared note for all").And.Not.Contain("naive and aware"));
        Assert.That(bug.GetProperty("tags").EnumerateArray().Select(t => t.GetString()), Does.Contain("bug").And.Contain("auth"));
        Assert.That(bug.GetProperty("playbook_id").GetString(), Is.EqualTo("playbook-123"));
        Assert.That(bug.GetProperty("max_acu_limit").GetInt32(), Is.EqualTo(5));
        Assert.That(other.TryGetProperty("playbook_id", out var p) ? p.ValueKind : JsonValueKind.Undefined, Is.Not.EqualTo(JsonValueKind.String));
    }

    [Test]
    public async Task One_task_keeps_the_single_create_output()
    {
        var result = await Cli.Run(Repo, "create", "--task", "Only job");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.StandardOutput.Trim(), Does.StartWith("http").And.Not.Contain("\n"));
        Assert.That(Server.State.Sessions, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Bad_batch_input_is_a_usage_error_in_json()
    {
        var result = await Cli.RunWithInput(Repo, "tasks:\n  - task: ok\n    colour: blue\n", "batch", "-", "--json");
        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        var error = ParseSingleJson(result).GetProperty("error");
        Assert.That(error.GetProperty("message").GetString(), Does.Contain("colour"));
        Assert.That(Server.Requests, Is.Empty, "nothing sent");
    }

    [Test]
    public async Task Dry_run_prints_every_prompt_and_needs_no_key()
    {
        Cli.Environment["DEVIN_API_KEY"] = null;
        var result = await Cli.Run(Repo, "create", "--task", "Alpha", "--task", "Beta", "--dry-run", "--json");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var tasks = ParseSingleJson(result).GetProperty("tasks").EnumerateArray().ToList();
        Assert.That(tasks, Has.Count.EqualTo(2));
        Assert.That(tasks[1].GetProperty("prompt").GetString(), Does.Contain("Beta"));
        Assert.That(Server.Requests, Is.Empty);
    }

    [Test]
    public async Task A_file_only_a_later_task_names_is_read_for_that_task()
    {
        // A lock file is listed, not inlined, unless the task names it; the fan-out reads the repository once, for every task.
        File.WriteAllText(Path.Combine(Repo, "yarn.lock"), "quokka-bridge@^2.1.0:\n  version \"2.1.4\"\n");
        var result = await Cli.Run(Repo, "create", "--task", "Fix the greeting in src/app.py", "--task", "Explain the change to yarn.lock", "--dry-run", "--json");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var prompts = ParseSingleJson(result).GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("prompt").GetString()!).ToList();
        Assert.That(prompts[1], Does.Contain("quokka-bridge@^2.1.0"), "the second task names the lock file: its content goes");
        Assert.That(prompts[0], Does.Contain("yarn.lock").And.Not.Contain("quokka-bridge@^2.1.0"), "the first task only lists it");
    }
}
