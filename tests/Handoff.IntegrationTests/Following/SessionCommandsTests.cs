using Handoff.FakeDevin.State;

namespace Handoff.IntegrationTests.Following;

[Parallelizable(ParallelScope.All)]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public class SessionCommandsTests : FollowTestBase
{
    [Test]
    public async Task Status_shows_one_look_as_text_and_json()
    {
        var session = Seed("running", "waiting_for_user");
        Server.State.SetAcusConsumed(session.SessionId, 2.5);
        Server.State.AddPullRequest(session.SessionId, "https://github.com/acme/app/pull/3", "open");

        var text = await Run("status", session.SessionId);
        var json = await Run("status", session.SessionId, "--json");

        Assert.That(text.ExitCode, Is.EqualTo(0), text.ToString());
        Assert.That(text.StandardOutput, Does.Contain("status: running/waiting_for_user (waiting for user input)"));
        Assert.That(text.StandardOutput, Does.Contain("PR: https://github.com/acme/app/pull/3 (open)"));
        Assert.That(text.StandardOutput, Does.Contain("acus: 2.5"));
        var o = JsonLines(json.StandardOutput).Single();
        Assert.That(o.GetProperty("session_id").GetString(), Is.EqualTo(session.SessionId));
        Assert.That(o.GetProperty("state").GetString(), Is.EqualTo("needs_human"));
        Assert.That(o.GetProperty("acus_consumed").GetDouble(), Is.EqualTo(2.5));
        Assert.That(o.GetProperty("created_at").GetString(), Does.EndWith("Z"));
        Assert.That(o.GetProperty("pull_requests")[0].GetProperty("state").GetString(), Is.EqualTo("open"));
    }

    [Test]
    public async Task Sessions_lists_handoffs_by_default_and_pages_with_a_cursor()
    {
        for (var i = 0; i < 5; i++) Seed(title: $"handoff {i}", tags: "handoff");
        Seed(title: "someone else's", tags: "other");

        var handoffs = await Run("sessions", "--json");
        var limited = await Run("sessions", "--json", "--limit", "3");
        var all = await Run("sessions", "--all", "--json");
        var tagged = await Run("sessions", "--tag", "other");

        Assert.That(handoffs.ExitCode, Is.EqualTo(0), handoffs.ToString());
        var list = JsonLines(handoffs.StandardOutput).Single();
        Assert.That(list.GetArrayLength(), Is.EqualTo(5));
        Assert.That(JsonLines(limited.StandardOutput).Single().GetArrayLength(), Is.EqualTo(3));
        Assert.That(JsonLines(all.StandardOutput).Single().GetArrayLength(), Is.EqualTo(6));
        Assert.That(tagged.StandardOutput.Trim().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(tagged.StandardOutput, Does.Contain("someone else's"));
        Assert.That(Server.RequestsTo("GET", "/v3/organizations/*/sessions").First().Query("tags"), Is.EqualTo(new[] { "handoff" }));
    }

    [Test]
    public async Task Send_posts_the_message_wakes_a_suspended_session_and_reads_stdin_for_dash()
    {
        var session = Seed("suspended", "inactivity");
        var sent = await Run("send", session.SessionId, "please go on");
        var piped = await Cli.RunWithInput(WorkDir, "from stdin\nsecond line\n", "send", session.SessionId, "-", "--json");
        var empty = await Cli.RunWithInput(WorkDir, "", "send", session.SessionId, "-");

        Assert.That(sent.ExitCode, Is.EqualTo(0), sent.ToString());
        Assert.That(piped.ExitCode, Is.EqualTo(0), piped.ToString());
        var userMessages = Server.State.Messages(session.SessionId).Where(m => m.Source == "user").Select(m => m.Message);
        Assert.That(userMessages, Is.EqualTo(new[] { "please go on", "from stdin\nsecond line" }));
        Assert.That(Server.State.FindSession(session.SessionId)!.Status, Is.EqualTo("running"), "woken up");
        Assert.That(JsonLines(piped.StandardOutput).Single().GetProperty("sent").GetBoolean(), Is.True);
        Assert.That(empty.ExitCode, Is.EqualTo(2), empty.ToString());
    }

    [Test]
    public async Task Archive_and_terminate()
    {
        var a = Seed();
        var t = Seed();
        var archived = await Run("archive", a.SessionId);
        var refused = await Cli.RunWithInput(WorkDir, "", "terminate", t.SessionId);
        var terminated = await Run("terminate", t.SessionId, "--yes", "--json");

        Assert.That(archived.ExitCode, Is.EqualTo(0), archived.ToString());
        Assert.That(Server.State.FindSession(a.SessionId)!.IsArchived, Is.True);
        Assert.That(refused.ExitCode, Is.EqualTo(2), refused.ToString());
        Assert.That(refused.StandardError, Does.Contain("--yes"));
        Assert.That(terminated.ExitCode, Is.EqualTo(0), terminated.ToString());
        Assert.That(Server.RequestsTo("DELETE", $"/v3/organizations/*/sessions/{t.SessionId}"), Has.Count.EqualTo(1));
        Assert.That(Server.State.FindSession(t.SessionId)!.Status, Is.EqualTo("exit"));
    }

    [Test]
    public async Task Archive_with_a_v1_key_is_a_clear_config_error()
    {
        Cli.Environment["DEVIN_API_KEY"] = V1Key;
        var s = Seed();
        var result = await Run("archive", s.SessionId);
        Assert.That(result.ExitCode, Is.EqualTo(4), result.ToString());
        Assert.That(Server.Requests.Where(r => r.Method == "POST"), Is.Empty);
    }

    [Test]
    public async Task Terminate_with_a_v1_key_uses_the_v1_delete_and_prints_the_session()
    {
        Cli.Environment["DEVIN_API_KEY"] = V1Key;
        var s = Seed();
        var result = await Run("terminate", s.SessionId, "--yes", "--json");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(Server.RequestsTo("DELETE", $"/v1/sessions/{s.SessionId}"), Has.Count.EqualTo(1));
        Assert.That(Server.State.FindSession(s.SessionId)!.Status, Is.EqualTo("exit"));
        Assert.That(JsonLines(result.StandardOutput).Single().GetProperty("session_id").GetString(), Is.EqualTo(s.SessionId));
        Assert.That(Server.Requests.Where(r => r.Path.StartsWith("/v3/")), Is.Empty);
    }

    [Test]
    public async Task Terminate_archive_with_a_v1_key_is_refused_before_anything_is_sent()
    {
        Cli.Environment["DEVIN_API_KEY"] = V1Key;
        var s = Seed();
        var result = await Run("terminate", s.SessionId, "--yes", "--archive");
        Assert.That(result.ExitCode, Is.EqualTo(4), result.ToString());
        Assert.That(result.StandardError, Does.Contain("archiving a session needs the v3 API"));
        Assert.That(Server.Requests.Where(r => r.Method == "DELETE"), Is.Empty);
        Assert.That(Server.State.FindSession(s.SessionId)!.Status, Is.EqualTo("running"));
    }

    [TestCase(false, "v3")]
    [TestCase(true, "v3")]
    [TestCase(false, "v1")]
    [TestCase(true, "v1")]
    public async Task Sessions_shows_the_newest_first_whatever_order_the_api_lists_them_in(bool oldestFirst, string api)
    {
        if (api == "v1") Cli.Environment["DEVIN_API_KEY"] = V1Key;
        Server.Settings.SessionsOldestFirst = oldestFirst;
        var start = DateTimeOffset.UtcNow.AddHours(-5);
        var ids = Enumerable.Range(0, 4)
            .Select(i => Server.State.CreateSession("task " + i, tags: ["handoff"], title: "task " + i, createdAt: start.AddMinutes(i), status: "running", statusDetail: "working").SessionId)
            .ToList();

        var result = await Run("sessions", "--limit", "2", "--json");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        var shown = JsonLines(result.StandardOutput).Single().EnumerateArray().Select(e => e.GetProperty("session_id").GetString()).ToList();
        Assert.That(shown, Is.EqualTo(new[] { ids[3], ids[2] }));
    }
}

