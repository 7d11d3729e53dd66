using Handoff.FakeDevin.State;

namespace Handoff.IntegrationTests.Following;

[Parallelizable(ParallelScope.All)]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public class TailTests : FollowTestBase
{
    [Test]
    public async Task Tails_250_messages_over_several_pages_exactly_once_in_order_through_500s_429s_and_a_dropped_connection()
    {
        var session = Seed();
        for (var i = 1; i <= 210; i++) Server.State.AddMessage(session.SessionId, $"early {i}\nwith a second line");

        var tail = Run("tail", session.SessionId, "--json", "--interval", "0.05");
        await Eventually(() => MessageReads(session).Count >= 1, "the tail to get going");
        // 40 more messages over about half a second, then the session finishes.
        Server.State.ScriptMessages(session.SessionId, new MessageScript(40, PerStep: 4, Interval: TimeSpan.FromMilliseconds(50),
            Text: "late {n}", FinalStatus: "running", FinalStatusDetail: "finished"));
        await Eventually(() => MessageReads(session).Count >= 4, "a few looks");
        var messagesPath = $"/v3/organizations/*/sessions/{session.SessionId}/messages";
        Server.Faults.FailNext("GET", messagesPath, 500);
        Server.Faults.RateLimitNext("GET", $"/v3/organizations/*/sessions/{session.SessionId}", retryAfterSeconds: 1);
        Server.Faults.DropNext("GET", messagesPath);
        Server.Faults.FailNext("GET", $"/v3/organizations/*/sessions/{session.SessionId}", 503);
        var result = await tail;

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        var lines = JsonLines(result.StandardOutput);
        var expected = Server.State.Messages(session.SessionId).Select(m => m.EventId).ToList();
        Assert.That(expected, Has.Count.EqualTo(250));
        var messages = lines.Where(l => l.GetProperty("type").GetString() == "message").ToList();
        Assert.That(messages.Select(m => m.GetProperty("event_id").GetString()), Is.EqualTo(expected), "every message once, in order");
        Assert.That(messages[0].GetProperty("message").GetString(), Is.EqualTo("early 1\nwith a second line"));
        Assert.That(messages[0].GetProperty("source").GetString(), Is.EqualTo("devin"));
        Assert.That(messages[0].GetProperty("created_at").GetString(), Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$"));
        var end = lines[^1];
        Assert.That(end.GetProperty("type").GetString(), Is.EqualTo("end"));
        Assert.That(end.GetProperty("state").GetString(), Is.EqualTo("finished"));
        Assert.That(end.GetProperty("exit_code").GetInt32(), Is.EqualTo(0));
        Assert.That(end.GetProperty("session_id").GetString(), Is.EqualTo(session.SessionId));

        Assert.That(Server.Faults.Active, Is.Empty, "every injected fault was hit");
        Assert.That(Server.Requests.Count(r => r.ResponseStatusCode is 500 or 503 or 429 || r.ResponseStatusCode is null), Is.GreaterThanOrEqualTo(4));
        Assert.That(MessageReads(session).Where(r => r.ResponseStatusCode == 200).Count(r => r.Query("after").Count == 0), Is.EqualTo(1),
            "the first page is read once; later reads go on from a cursor");
    }

    [Test]
    public async Task While_idle_each_look_is_one_cursor_request_and_old_pages_are_never_read_again()
    {
        var session = Seed();
        for (var i = 1; i <= 250; i++) Server.State.AddMessage(session.SessionId, $"m{i}");
        Server.State.ScriptStatuses(session.SessionId, Enumerable.Repeat(new StatusStep("running", "working"), 12)
            .Append(new StatusStep("running", "waiting_for_user")).ToArray());

        var result = await Run("tail", session.SessionId, "--interval", "0.02");

        Assert.That(result.ExitCode, Is.EqualTo(7), result.ToString());
        var reads = MessageReads(session);
        var looks = Server.RequestsTo("GET", $"/v3/organizations/*/sessions/{session.SessionId}").Count;
        Assert.That(looks, Is.EqualTo(13));
        // First look: page 1, page 2 (last page, no cursor), one small request to get a cursor near the end.
        Assert.That(reads[0].Query("after"), Is.Empty);
        Assert.That(reads.Skip(1).All(r => r.Query("after").Count == 1), Is.True, "never from the start again");
        Assert.That(reads, Has.Count.EqualTo(looks + 2), "one message request per idle look");
        var idleCursors = reads.Skip(3).Select(r => r.Query("after")[0]).Distinct().ToList();
        Assert.That(idleCursors, Has.Count.EqualTo(1), "idle looks all start from the same cursor");
        Assert.That(idleCursors[0], Is.Not.EqualTo(reads[1].Query("after")[0]), "the cursor moved past page 1");

        var text = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(text.Count(l => l.Contains(" devin: m")), Is.EqualTo(250));
        Assert.That(text[0], Does.Match(@"^\d\d:\d\d:\d\d devin: m1$"));
        Assert.That(result.StandardOutput, Does.Contain("status: running/waiting_for_user"));
        Assert.That(result.StandardError, Does.Contain("needs you"));
    }

    [TestCase("running", "finished", 0, "finished")]
    [TestCase("running", "waiting_for_approval", 7, "needs_human")]
    [TestCase("suspended", "inactivity", 0, "asleep")]
    [TestCase("error", null, 8, "failed")]
    public async Task Each_end_state_maps_to_its_exit_code(string status, string? detail, int exitCode, string state)
    {
        var session = Seed(status, detail);
        Server.State.AddPullRequest(session.SessionId, "https://github.com/acme/app/pull/12", "open");

        var result = await Run("tail", session.SessionId, "--json", "--interval", "0.05");

        Assert.That(result.ExitCode, Is.EqualTo(exitCode), result.ToString());
        var end = JsonLines(result.StandardOutput).Single();
        Assert.That(end.GetProperty("state").GetString(), Is.EqualTo(state));
        Assert.That(end.GetProperty("exit_code").GetInt32(), Is.EqualTo(exitCode));
        Assert.That(end.GetProperty("pull_requests")[0].GetProperty("url").GetString(), Is.EqualTo("https://github.com/acme/app/pull/12"));
    }

    [Test]
    public async Task No_follow_and_since_print_what_is_there_and_stop()
    {
        var session = Seed();
        var first = Server.State.AddMessage(session.SessionId, "one");
        Server.State.AddMessage(session.SessionId, "two", "user");

        var all = await Run("tail", session.SessionId, "--no-follow");
        var since = await Run("tail", session.SessionId.Replace("devin-", ""), "--no-follow", "--since", first.EventId, "--json");
        var unknown = await Run("tail", session.SessionId, "--no-follow", "--since", "event-nope");

        Assert.That(all.ExitCode, Is.EqualTo(0), all.ToString());
        Assert.That(all.StandardOutput, Does.Match(@"devin: one\n\d\d:\d\d:\d\d user: two\nstatus: running/working"));
        Assert.That(since.ExitCode, Is.EqualTo(0), since.ToString());
        var lines = JsonLines(since.StandardOutput);
        Assert.That(lines.Select(l => l.GetProperty("type").GetString()), Is.EqualTo(new[] { "message", "end" }));
        Assert.That(lines[0].GetProperty("message").GetString(), Is.EqualTo("two"));
        Assert.That(lines[1].GetProperty("state").GetString(), Is.EqualTo("working"));
        Assert.That(unknown.ExitCode, Is.EqualTo(5), unknown.ToString());
    }

    [Test]
    public async Task Ctrl_c_stops_following_with_130_and_leaves_the_session_alone()
    {
        var session = Seed();
        var result = await Cli.RunAndInterrupt(WorkDir,
            () => Eventually(() => MessageReads(session).Count >= 2, "a couple of looks"),
            "tail", session.SessionId, "--interval", "0.05");

        Assert.That(result.ExitCode, Is.EqualTo(130), result.ToString());
        Assert.That(Server.Requests.Where(r => r.Method != "GET"), Is.Empty, "no archive, terminate or message");
        Assert.That(Server.State.FindSession(session.SessionId)!.Status, Is.EqualTo("running"));
    }

    [Test]
    public async Task Unknown_session_is_exit_5_and_bad_interval_is_exit_2()
    {
        var missing = await Run("tail", "devin-doesnotexist", "--interval", "0.05");
        var badInterval = await Run("tail", "devin-x", "--interval", "soon");
        Assert.That(missing.ExitCode, Is.EqualTo(5), missing.ToString());
        Assert.That(badInterval.ExitCode, Is.EqualTo(2), badInterval.ToString());
        Assert.That(badInterval.StandardError, Does.Contain("--interval"));
    }
}
