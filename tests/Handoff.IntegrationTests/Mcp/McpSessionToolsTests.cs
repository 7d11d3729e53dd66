using System.Collections.Concurrent;
using Handoff.FakeDevin;
using Handoff.FakeDevin.State;
using Handoff.IntegrationTests.Support;
using ModelContextProtocol;

namespace Handoff.IntegrationTests.Mcp;

/// <summary>The session tools against the fake API: status, list, messages, wait (progress, cancellation), send.</summary>
[TestFixture]
public sealed class McpSessionToolsTests
{
    private FakeDevinServer _server = null!;
    private CliRunner _cli = null!;
    private McpHarness _mcp = null!;

    [SetUp]
    public async Task SetUp()
    {
        _server = await FakeDevinServer.StartAsync();
        _cli = new CliRunner();
        foreach (var (k, v) in _server.ClientEnvironment()) _cli.Environment[k] = v;
        _mcp = await McpHarness.Start(_cli, Directory.CreateDirectory(Path.Combine(_cli.Home, "work")).FullName);
    }

    [TearDown]
    public async Task TearDown()
    {
        await _mcp.DisposeAsync();
        _cli.Dispose();
        await _server.DisposeAsync();
    }

    private FakeSession Seed(string status = "running", string? detail = "working", params string[] tags) =>
        _server.State.CreateSession("do the thing", tags: tags.Length > 0 ? tags : ["handoff"], title: "Fix the flaky test", status: status, statusDetail: detail);

    [Test]
    public async Task Session_status_and_sessions_list_return_the_sessions_as_the_cli_prints_them()
    {
        var mine = Seed("running", "waiting_for_user");
        Seed("running", "working", "other");

        var status = McpHarness.Structured(await _mcp.Call("session_status", new() { ["session"] = mine.SessionId }));
        Assert.That(status.GetProperty("session_id").GetString(), Is.EqualTo(mine.SessionId));
        Assert.That(status.GetProperty("state").GetString(), Is.EqualTo("needs_human"));

        var handoffs = McpHarness.Structured(await _mcp.Call("sessions_list", new()));
        Assert.That(handoffs.GetProperty("sessions").EnumerateArray().Select(s => s.GetProperty("session_id").GetString()), Is.EqualTo(new[] { mine.SessionId }));
        var all = McpHarness.Structured(await _mcp.Call("sessions_list", new() { ["all"] = true, ["limit"] = 5 }));
        Assert.That(all.GetProperty("sessions").GetArrayLength(), Is.EqualTo(2));

        var missing = McpHarness.ErrorOf(await _mcp.Call("session_status", new() { ["session"] = "devin-doesnotexist" }));
        Assert.That(missing.GetProperty("code").GetString(), Is.EqualTo("not_found"));
        Assert.That(missing.GetProperty("exit_code").GetInt32(), Is.EqualTo(5));
    }

    [Test]
    public async Task Session_messages_pages_with_a_cursor_and_a_limit()
    {
        var s = Seed();
        var ids = Enumerable.Range(1, 5).Select(i => _server.State.AddMessage(s.SessionId, $"step {i}").EventId).ToList();

        var first = McpHarness.Structured(await _mcp.Call("session_messages", new() { ["session"] = s.SessionId, ["limit"] = 3 }));
        Assert.That(first.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("message").GetString()), Is.EqualTo(new[] { "step 1", "step 2", "step 3" }));
        Assert.That(first.GetProperty("has_more").GetBoolean(), Is.True);
        Assert.That(first.GetProperty("next_cursor").GetString(), Is.EqualTo(ids[2]));
        Assert.That(first.GetProperty("session").GetProperty("state").GetString(), Is.EqualTo("working"));

        var rest = McpHarness.Structured(await _mcp.Call("session_messages", new() { ["session"] = s.SessionId, ["cursor"] = ids[2] }));
        Assert.That(rest.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("message").GetString()), Is.EqualTo(new[] { "step 4", "step 5" }));
        Assert.That(rest.GetProperty("has_more").GetBoolean(), Is.False);
    }

    [Test]
    public async Task Session_wait_reports_progress_and_returns_the_fakes_final_state()
    {
        var s = Seed();
        var notes = new ConcurrentQueue<ProgressNotificationValue>();
        var heard = new TaskCompletionSource();
        // A heartbeat ("waiting") may come before the first look at the session under load: wait for the look's note.
        var progress = new Collect(v => { notes.Enqueue(v); if (v.Message?.Contains("working") == true) heard.TrySetResult(); });

        var wait = _mcp.Call("session_wait", new() { ["session"] = s.SessionId, ["interval_seconds"] = 1, ["timeout_seconds"] = 120 }, progress);
        await heard.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.That(wait.IsCompleted, Is.False, "returned while the session was still working");
        _server.State.SetStatus(s.SessionId, "running", "finished");
        var end = McpHarness.Structured(await wait);

        Assert.That(end.GetProperty("state").GetString(), Is.EqualTo("finished"));
        Assert.That(end.GetProperty("exit_code").GetInt32(), Is.EqualTo(0));
        Assert.That(end.GetProperty("timed_out").GetBoolean(), Is.False);
        Assert.That(notes.Select(n => n.Message), Has.Some.Matches<string?>(m => m is not null && m.Contains(s.SessionId) && m.Contains("working")));
        var values = notes.Select(n => n.Progress).ToList();
        Assert.That(values, Is.Ordered.Ascending.And.Unique, "progress must grow");
    }

    [Test]
    public async Task Session_wait_ends_at_its_timeout_and_a_cancelled_wait_leaves_the_server_serving()
    {
        var s = Seed("running", "working");
        var timedOut = McpHarness.Structured(await _mcp.Call("session_wait", new() { ["session"] = s.SessionId, ["interval_seconds"] = 1, ["timeout_seconds"] = 2 }));
        Assert.That(timedOut.GetProperty("timed_out").GetBoolean(), Is.True);
        Assert.That(timedOut.GetProperty("exit_code").GetInt32(), Is.EqualTo(1));

        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        var started = DateTime.UtcNow;
        Assert.That(async () => await _mcp.Call("session_wait", new() { ["session"] = s.SessionId, ["interval_seconds"] = 1 }, cancellationToken: cancel.Token),
            Throws.InstanceOf<OperationCanceledException>());
        Assert.That(DateTime.UtcNow - started, Is.LessThan(TimeSpan.FromSeconds(60)));
        // The cancel notification reaches the server a moment after the client gives up: a look already under way
        // may still land. After that, a wait polling every second would add reads; a stopped one adds none.
        await Task.Delay(1500);
        var reads = _server.RequestsTo("GET", $"/v3/organizations/*/sessions/{s.SessionId}").Count;
        await Task.Delay(3000);
        Assert.That(_server.RequestsTo("GET", $"/v3/organizations/*/sessions/{s.SessionId}").Count, Is.EqualTo(reads),
            "the server went on polling after the call was cancelled");
        Assert.That(McpHarness.Structured(await _mcp.Call("session_status", new() { ["session"] = s.SessionId }))
            .GetProperty("state").GetString(), Is.EqualTo("working"));
    }

    [Test]
    public async Task Session_send_posts_the_message()
    {
        var s = Seed("running", "waiting_for_user");
        var sent = McpHarness.Structured(await _mcp.Call("session_send", new() { ["session"] = s.SessionId, ["message"] = "Use the staging database" }));
        Assert.That(sent.GetProperty("sent").GetBoolean(), Is.True);
        Assert.That(_server.State.Messages(s.SessionId).Select(m => m.Message), Does.Contain("Use the staging database"));

        var error = McpHarness.ErrorOf(await _mcp.Call("session_send", new() { ["session"] = s.SessionId }));
        Assert.That(error.GetProperty("message").GetString(), Does.Contain("missing argument 'message'"));
    }

    private sealed class Collect(Action<ProgressNotificationValue> report) : IProgress<ProgressNotificationValue>
    {
        public void Report(ProgressNotificationValue value) => report(value);
    }
}
