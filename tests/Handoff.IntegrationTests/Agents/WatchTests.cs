using System.Text.Json;

namespace Handoff.IntegrationTests.Agents;

public class WatchTests : AgentsFixture
{
    [Test]
    public async Task Watch_streams_status_changes_as_ndjson_and_ends_when_every_session_stopped()
    {
        var a = Server.State.CreateSession("task a", tags: ["handoff", "sprint-7"], title: "Task A");
        var b = Server.State.CreateSession("task b", tags: ["handoff", "sprint-7"], title: "Task B");
        Server.State.CreateSession("other", tags: ["handoff"], title: "Not watched");
        Server.State.SetStatus(a.SessionId, "running", "working");
        Server.State.SetStatus(b.SessionId, "running", "working");

        var watch = Cli.Run(Repo, "sessions", "--tag", "sprint-7", "--watch", "--interval", "0.2");
        await WaitForListCalls(2);
        Server.State.SetStatus(a.SessionId, "running", "finished");
        Server.State.AddPullRequest(a.SessionId, "https://github.com/example/agents/pull/1");
        await WaitForListCalls(Server.RequestsTo("GET", "/v3/organizations/*/sessions").Count + 2);
        Assert.That(watch.IsCompleted, Is.False, "one session still works");
        Server.State.SetStatus(b.SessionId, "running", "waiting_for_user");

        var result = await watch.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.That(result.ExitCode, Is.EqualTo(7), result.ToString()); // b needs a human
        var lines = ParseJsonLines(result.StandardOutput);
        var status = lines.Where(l => l.GetProperty("type").GetString() == "status").ToList();
        foreach (var line in status)
            AssertFields(line, "type", "session_id", "title", "url", "status", "status_detail", "state", "reason", "pr_url", "elapsed_seconds");
        Assert.That(status.Select(l => l.GetProperty("session_id").GetString()).Distinct(), Is.EquivalentTo(new[] { a.SessionId, b.SessionId }));
        var aLines = status.Where(l => l.GetProperty("session_id").GetString() == a.SessionId).ToList();
        Assert.That(aLines.Select(l => l.GetProperty("state").GetString()), Is.EqualTo(new[] { "working", "finished" }), "one line per change, none repeated");
        Assert.That(aLines[^1].GetProperty("pr_url").GetString(), Is.EqualTo("https://github.com/example/agents/pull/1"));
        var end = lines[^1];
        AssertFields(end, "type", "sessions", "states", "exit_code");
        Assert.That(end.GetProperty("type").GetString(), Is.EqualTo("end"));
        Assert.That(end.GetProperty("sessions").GetInt32(), Is.EqualTo(2));
        Assert.That(end.GetProperty("states").GetProperty("finished").GetInt32(), Is.EqualTo(1));
        Assert.That(end.GetProperty("states").GetProperty("needs_human").GetInt32(), Is.EqualTo(1));
        Assert.That(end.GetProperty("exit_code").GetInt32(), Is.EqualTo(7));
    }

    [Test]
    public async Task Watch_of_a_batch_ends_at_once_when_all_already_stopped()
    {
        var batch = await Cli.Run(Repo, "create", "--task", "One", "--task", "Two", "--json");
        Assert.That(batch.ExitCode, Is.Zero, batch.ToString());
        var tag = ParseSingleJson(batch).GetProperty("tag").GetString()!;
        foreach (var s in Server.State.Sessions) Server.State.SetStatus(s.SessionId, "exit");

        var result = await Cli.Run(Repo, "sessions", "--tag", tag, "--watch", "--json");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var lines = ParseJsonLines(result.StandardOutput);
        Assert.That(lines.Count(l => l.GetProperty("type").GetString() == "status"), Is.EqualTo(2));
        Assert.That(lines[^1].GetProperty("states").GetProperty("exited").GetInt32(), Is.EqualTo(2));
    }

    [Test]
    public async Task Watch_follows_the_newest_sessions_when_the_api_lists_oldest_first()
    {
        Server.Settings.SessionsOldestFirst = true;
        var start = DateTimeOffset.UtcNow.AddHours(-3);
        var ids = Enumerable.Range(0, 3)
            .Select(i => Server.State.CreateSession("task " + i, tags: ["sprint-9"], title: "Task " + i, createdAt: start.AddMinutes(i), status: "exit").SessionId)
            .ToList();

        var result = await Cli.Run(Repo, "sessions", "--tag", "sprint-9", "--limit", "2", "--watch", "--json");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var lines = ParseJsonLines(result.StandardOutput);
        var followed = lines.Where(l => l.GetProperty("type").GetString() == "status").Select(l => l.GetProperty("session_id").GetString());
        Assert.That(followed, Is.EqualTo(new[] { ids[1], ids[2] }), "the two newest, oldest of them first");
        Assert.That(lines[^1].GetProperty("sessions").GetInt32(), Is.EqualTo(2));
    }

    [Test]
    public async Task Watch_with_no_matching_session_is_not_found()
    {
        var result = await Cli.Run(Repo, "sessions", "--tag", "nothing-here", "--watch", "--json");
        Assert.That(result.ExitCode, Is.EqualTo(5), result.ToString());
        Assert.That(ParseSingleJson(result).GetProperty("error").GetProperty("code").GetString(), Is.EqualTo("not_found"));
    }

    private async Task WaitForListCalls(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Server.RequestsTo("GET", "/v3/organizations/*/sessions").Count < count)
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"the watch did not list sessions {count} times");
            await Task.Delay(50);
        }
    }
}
