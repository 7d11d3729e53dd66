using Handoff.FakeDevin.State;

namespace Handoff.IntegrationTests.Following;

[Parallelizable(ParallelScope.All)]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public class PollTests : FollowTestBase
{
    [Test]
    public async Task Waits_until_finished_then_prints_status_title_url_and_every_pr()
    {
        var session = Seed("claimed", null);
        Server.State.ScriptStatuses(session.SessionId, new StatusStep("claimed"), new StatusStep("running", "working"), new StatusStep("running", "finished"));
        Server.State.AddPullRequest(session.SessionId, "https://github.com/acme/app/pull/1", "merged");
        Server.State.AddPullRequest(session.SessionId, "https://github.com/acme/app/pull/2", "open");

        var result = await Run("poll", session.SessionId, "--interval", "0.05");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.StandardOutput, Is.EqualTo(
            "status: running/finished (finished)\n" +
            "title: Fix the flaky test\n" +
            $"url: {UrlOf(session.SessionId)}\n" +
            "PR: https://github.com/acme/app/pull/1 (merged)\n" +
            "PR: https://github.com/acme/app/pull/2 (open)\n"));
        Assert.That(Server.RequestsTo("GET", "/v3/organizations/*/sessions/*/messages"), Is.Empty, "poll reads no messages");
        Assert.That(Server.RequestsTo("GET", $"/v3/organizations/*/sessions/{session.SessionId}"), Has.Count.EqualTo(3));
    }

    private string UrlOf(string id) =>
        Handoff.FakeDevin.Model.SessionResponse.From(Server.State.FindSession(id)!).Url;

    [TestCase("running", "waiting_for_user", 7)]
    [TestCase("suspended", "usage_limit_exceeded", 7)]
    [TestCase("error", null, 8)]
    public async Task Exit_codes_by_state(string status, string? detail, int exitCode)
    {
        var session = Seed("running", "working");
        Server.State.ScriptStatuses(session.SessionId, new StatusStep("running", "working"), new StatusStep(status, detail));
        var result = await Run("poll", session.SessionId, "--interval", "0.05", "--json");
        Assert.That(result.ExitCode, Is.EqualTo(exitCode), result.ToString());
        var end = JsonLines(result.StandardOutput).Single();
        Assert.That(end.GetProperty("exit_code").GetInt32(), Is.EqualTo(exitCode));
        Assert.That(end.GetProperty("status").GetString(), Is.EqualTo(status));
    }

    [TestCase("blocked", 7)]
    [TestCase("finished", 0)]
    public async Task V1_keys_end_on_status_enum(string statusEnum, int exitCode)
    {
        Cli.Environment["DEVIN_API_KEY"] = V1Key;
        var session = Seed("running", "working");
        Server.State.ScriptStatuses(session.SessionId, new StatusStep("running", "working", "working"), new StatusStep("running", "working", statusEnum));

        var result = await Run("poll", session.SessionId, "--interval", "0.05", "--json");

        Assert.That(result.ExitCode, Is.EqualTo(exitCode), result.ToString());
        Assert.That(JsonLines(result.StandardOutput).Single().GetProperty("status_enum").GetString(), Is.EqualTo(statusEnum));
        Assert.That(Server.RequestsTo("GET", "/v1/sessions/*"), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Archive_archives_when_done_and_accepts_the_script_flags()
    {
        var session = Seed("running", "working");
        Server.State.ScriptStatuses(session.SessionId, new StatusStep("running", "finished"));
        Cli.Environment.Remove("DEVIN_API_URL");
        Cli.Environment.Remove("DEVIN_ORG_ID");

        var result = await Run("poll", session.SessionId, "--interval", "0.05", "--archive", "--api-url", Server.DevinApiUrl, "--org-id", Server.DefaultOrgId);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(Server.RequestsTo("POST", $"/v3/organizations/*/sessions/{session.SessionId}/archive"), Has.Count.EqualTo(1));
        Assert.That(result.StandardError, Does.Contain("archived"));
    }

    [Test]
    public async Task Archive_leaves_a_session_that_needs_a_human()
    {
        var session = Seed("running", "waiting_for_user");
        var result = await Run("poll", session.SessionId, "--interval", "0.05", "--archive");
        Assert.That(result.ExitCode, Is.EqualTo(7), result.ToString());
        Assert.That(Server.RequestsTo("POST", "/v3/organizations/*/sessions/*/archive"), Is.Empty);
    }

    [Test]
    public async Task Timeout_is_exit_1_with_its_own_message_and_the_session_keeps_running()
    {
        var session = Seed("running", "working");
        var result = await Run("poll", session.SessionId, "--interval", "0.05", "--timeout", "0.4s", "--json");
        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.StandardError, Does.Contain("timed out after"));
        var end = JsonLines(result.StandardOutput).Single();
        Assert.That(end.GetProperty("timed_out").GetBoolean(), Is.True);
        Assert.That(end.GetProperty("state").GetString(), Is.EqualTo("working"));
        Assert.That(Server.Requests.Where(r => r.Method != "GET"), Is.Empty);
    }
}
