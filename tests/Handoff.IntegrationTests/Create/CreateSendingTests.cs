using System.Text.Json;
using Handoff.FakeDevin;
using Handoff.FakeDevin.Infrastructure;

namespace Handoff.IntegrationTests.Create;

/// <summary>`create` talking to the fake API: dry runs, keys, errors, retries and the no-duplicate guarantee.</summary>
public class CreateSendingTests : CreateFixture
{
    [SetUp]
    public void CommitSomething()
    {
        Repo.WriteFile("app.py", "print('hi')\n");
        Repo.Commit("initial");
        Repo.Run("remote", "add", "origin", "https://github.com/acme/widgets.git");
        Repo.WriteFile("app.py", "print('changed')\n");
    }

    [Test]
    public async Task Dry_run_prints_the_prompt_sends_nothing_and_needs_no_key()
    {
        Cli.Environment["DEVIN_API_KEY"] = null;
        var result = await Cli.Run(Repo.Path, "create", "Fix the flaky auth test", "--dry-run");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.StandardOutput, Does.StartWith("Fix the flaky auth test"));
        Assert.That(result.StandardOutput, Does.Contain("+print('changed')"));
        Assert.That(result.StandardError, Does.Contain("dry run"));
        Assert.That(Fake.Requests, Is.Empty);
    }

    [Test]
    public async Task Dry_run_json_is_the_exact_request_body_plus_the_inspection()
    {
        var dry = await Cli.Run(Repo.Path, "create", "--task", "Fix it", "--tag", "team-a", "--dry-run", "--json");
        Assert.That(dry.ExitCode, Is.Zero, dry.ToString());
        using var doc = JsonDocument.Parse(dry.StandardOutput);
        var root = doc.RootElement;
        Assert.That(root.GetProperty("dry_run").GetBoolean(), Is.True);
        var request = root.GetProperty("request");
        Assert.That(request.GetProperty("prompt").GetString(), Does.StartWith("Fix it"));
        Assert.That(request.GetProperty("title").GetString(), Is.EqualTo("Fix it"));
        var tags = request.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ToList();
        Assert.That(tags, Does.Contain("handoff").And.Contain("team-a"));
        Assert.That(tags, Has.Some.StartsWith("handoff-id:"));
        var inspection = root.GetProperty("inspection");
        Assert.That(inspection.GetProperty("repository").GetString(), Is.EqualTo("github.com/acme/widgets"));
        Assert.That(inspection.GetProperty("branch").GetString(), Is.EqualTo("main"));
        Assert.That(inspection.GetProperty("head").GetString(), Has.Length.EqualTo(40));
        Assert.That(inspection.GetProperty("files_included").EnumerateArray().Select(f => f.GetString()), Does.Contain("app.py"));
        Assert.That(inspection.GetProperty("bytes").GetInt64(), Is.EqualTo(System.Text.Encoding.UTF8.GetByteCount(request.GetProperty("prompt").GetString()!)));
        Assert.That(Fake.Requests, Is.Empty);
    }

    [Test]
    public async Task Context_dash_reads_stdin()
    {
        var result = await Cli.RunWithInput(Repo.Path, "I read auth.py; suspect clock skew\n", "create", "--task", "Fix", "--context", "-", "--json");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var prompt = Fake.RequestsTo("POST", "/v3/organizations/*/sessions").Single().BodyJson()!.RootElement.GetProperty("prompt").GetString();
        Assert.That(prompt, Does.Contain("suspect clock skew"));
    }

    [Test]
    public async Task The_key_goes_only_in_the_authorization_header_and_never_into_output_or_trace()
    {
        Cli.Environment["DEVIN_HANDOFF_TRACE"] = "1";
        var result = await Cli.Run(Repo.Path, "create", "--task", "Fix", "--json");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var create = Fake.RequestsTo("POST", "/v3/organizations/*/sessions").Single();
        Assert.That(create.Authorization, Is.EqualTo("Bearer " + Key));
        Assert.That(create.Body, Does.Not.Contain(Key));
        Assert.That(create.Path + create.QueryString, Does.Not.Contain(Key));
        Assert.That(result.StandardOutput + result.StandardError, Does.Not.Contain(Key));
        Assert.That(result.StandardError, Does.Contain("POST"), "the trace is on");
    }

    [Test]
    public async Task There_is_no_flag_that_takes_the_key()
    {
        var result = await Cli.Run(Repo.Path, "create", "--task", "Fix", "--api-key", "cog_on_argv");
        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(Fake.Requests, Is.Empty);
    }

    [Test]
    public async Task A_connection_dropped_after_the_session_was_created_leaves_exactly_one_session()
    {
        Fake.Faults.DropAfterCreateSession();
        var result = await Cli.Run(Repo.Path, "create", "--task", "Fix", "--json");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(Fake.State.Sessions, Has.Count.EqualTo(1));
        using var output = JsonDocument.Parse(result.StandardOutput);
        Assert.That(output.RootElement.GetProperty("session_id").GetString(), Is.EqualTo(Fake.State.Sessions.Single().SessionId));
        Assert.That(output.RootElement.GetProperty("recovered").GetBoolean(), Is.True);
    }

    [Test]
    public async Task A_list_that_ignores_the_tag_filter_never_makes_a_retried_create_recover_someone_elses_session()
    {
        var other = Fake.State.CreateSession("someone else's work", tags: ["handoff", "handoff-id:not-mine"], title: "Not mine");
        Fake.Settings.TagFilterIgnored = true;
        Fake.Faults.FailNext("POST", "/v3/organizations/*/sessions", 500); // turned away before anything was stored

        var result = await Cli.Run(Repo.Path, "create", "--task", "Fix", "--json");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(Fake.RequestsTo("POST", "/v3/organizations/*/sessions"), Has.Count.EqualTo(2), "looked, found nothing of its own, sent again");
        var mine = Fake.State.Sessions.Single(s => s.SessionId != other.SessionId);
        using var output = JsonDocument.Parse(result.StandardOutput);
        Assert.That(output.RootElement.GetProperty("session_id").GetString(), Is.EqualTo(mine.SessionId));
        Assert.That(output.RootElement.GetProperty("recovered").GetBoolean(), Is.False);
    }

    [Test]
    public async Task A_lost_create_is_found_among_other_sessions_when_the_list_ignores_the_tag_filter()
    {
        Fake.State.CreateSession("older work", tags: ["handoff", "handoff-id:older"], title: "Older", createdAt: DateTimeOffset.UtcNow.AddHours(-1));
        Fake.Settings.TagFilterIgnored = true;
        Fake.Settings.SessionsOldestFirst = true; // the other session comes first in the unfiltered list
        Fake.Faults.DropAfterCreateSession();

        var result = await Cli.Run(Repo.Path, "create", "--task", "Fix", "--json");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(Fake.State.Sessions, Has.Count.EqualTo(2), "no duplicate");
        var mine = Fake.State.Sessions.Single(s => s.Title != "Older");
        using var output = JsonDocument.Parse(result.StandardOutput);
        Assert.That(output.RootElement.GetProperty("session_id").GetString(), Is.EqualTo(mine.SessionId));
        Assert.That(output.RootElement.GetProperty("recovered").GetBoolean(), Is.True);
    }

    [Test]
    public async Task Throttling_is_retried_with_retry_after_and_creates_one_session()
    {
        Fake.Faults.RateLimitNext("POST", "/v3/organizations/*/sessions", retryAfterSeconds: 1, count: 2);
        var result = await Cli.Run(Repo.Path, "create", "--task", "Fix", "--json");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(Fake.RequestsTo("POST", "/v3/organizations/*/sessions"), Has.Count.EqualTo(3));
        Assert.That(Fake.State.Sessions, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Server_errors_exhaust_retries_exit_6_and_resend_then_creates_it_once()
    {
        Fake.Faults.FailNext("*", "/v3/organizations/*/sessions", 503, count: 50);
        var failed = await Cli.Run(Repo.Path, "create", "--task", "Keep my work", "--json");
        Assert.That(failed.ExitCode, Is.EqualTo(6), failed.ToString());
        Assert.That(failed.StandardOutput, Does.Contain("\"exit_code\":6"));
        Assert.That(Fake.State.Sessions, Is.Empty);
        Assert.That(File.Exists(Path.Combine(Repo.Path, ".git", "devin-handoff", "handoff.json")), Is.True, "saved before sending");

        Fake.Faults.Clear();
        Repo.WriteFile("app.py", "print('changed after the failure')\n");
        var resent = await Cli.Run(Repo.Path, "create", "--resend", "--json");
        Assert.That(resent.ExitCode, Is.Zero, resent.ToString());
        Assert.That(Fake.State.Sessions, Has.Count.EqualTo(1));
        Assert.That(Fake.State.Sessions.Single().Prompt, Does.Contain("Keep my work").And.Contain("+print('changed')"),
            "the saved handoff is what was sent, not a new inspection");
    }

    [Test]
    public async Task Unauthorized_is_exit_4_naming_the_key_type_and_org_never_the_key()
    {
        Fake.Auth.Reject(Key);
        var result = await Cli.Run(Repo.Path, "create", "--task", "Fix");
        Assert.That(result.ExitCode, Is.EqualTo(4), result.ToString());
        Assert.That(result.StandardError, Does.Contain("cog_"));
        Assert.That(result.StandardError, Does.Not.Contain(Key));
        Assert.That(result.StandardError.Split('\n').Count(l => l.StartsWith("devin-handoff:")), Is.EqualTo(1), "one error line");
        Assert.That(result.StandardError, Does.Not.Contain("   at "), "no stack trace");
    }

    [TestCase(ErrorShape.ProblemDetails)]
    [TestCase(ErrorShape.FastApi)]
    public async Task Validation_errors_list_each_field_in_both_body_shapes(ErrorShape shape)
    {
        Fake.Settings.ErrorShape = shape;
        var result = await Cli.Run(Repo.Path, "create", "--task", "Fix", "--playbook", "not-a-playbook", "--max-acu", "-5");
        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.StandardError, Does.Contain("max_acu_limit"));
    }

    [Test]
    public async Task Missing_key_is_exit_4_with_a_hint()
    {
        Cli.Environment["DEVIN_API_KEY"] = null;
        var result = await Cli.Run(Repo.Path, "create", "--task", "Fix");
        Assert.That(result.ExitCode, Is.EqualTo(4), result.ToString());
        Assert.That(result.StandardError, Does.Contain("DEVIN_API_KEY"));
    }

    [Test]
    public async Task Without_a_key_the_handoff_is_still_saved_and_resend_sends_it_once_the_key_is_set()
    {
        Cli.Environment["DEVIN_API_KEY"] = null;
        var failed = await Cli.RunWithInput(Repo.Path, "context only on stdin\n", "create", "--task", "Keep this task", "--context", "-");
        Assert.That(failed.ExitCode, Is.EqualTo(4), failed.ToString());
        Assert.That(failed.StandardError, Does.Contain("--resend"));

        Cli.Environment["DEVIN_API_KEY"] = Key;
        var resent = await Cli.Run(Repo.Path, "create", "--resend", "--json");
        Assert.That(resent.ExitCode, Is.Zero, resent.ToString());
        Assert.That(Fake.State.Sessions.Single().Prompt, Does.Contain("Keep this task").And.Contain("context only on stdin"));
    }

    [Test]
    public async Task Missing_task_is_a_usage_error()
    {
        var result = await Cli.Run(Repo.Path, "create", "--json");
        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        using var error = JsonDocument.Parse(result.StandardOutput);
        Assert.That(error.RootElement.GetProperty("error").GetProperty("code").GetString(), Is.EqualTo("usage"));
    }

    [Test]
    public async Task Org_comes_from_self_when_not_configured()
    {
        Cli.Environment["DEVIN_ORG_ID"] = null;
        var result = await Cli.Run(Repo.Path, "create", "--task", "Fix", "--json");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(Fake.RequestsTo("GET", "/v3/self"), Has.Count.EqualTo(1));
        Assert.That(Fake.RequestsTo("POST", $"/v3/organizations/{Fake.DefaultOrgId}/sessions"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Legacy_apk_key_uses_v1()
    {
        Cli.Environment["DEVIN_API_KEY"] = "apk_legacy_key_123456";
        var result = await Cli.Run(Repo.Path, "create", "--task", "Fix", "--tag", "legacy", "--json");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var create = Fake.RequestsTo("POST", "/v1/sessions").Single().BodyJson()!.RootElement;
        Assert.That(create.GetProperty("prompt").GetString(), Does.Contain("+print('changed')"));
        Assert.That(create.GetProperty("idempotent").GetBoolean(), Is.True);
    }

    [Test]
    public async Task Settings_come_from_git_config_below_env_and_flags()
    {
        Repo.Run("config", "devin-handoff.orgId", "org-from-git-config");
        Fake.State.AddOrganization("org-from-git-config");
        Cli.Environment["DEVIN_ORG_ID"] = null;
        var fromConfig = await Cli.Run(Repo.Path, "create", "--task", "Fix", "--json");
        Assert.That(fromConfig.ExitCode, Is.Zero, fromConfig.ToString());
        Assert.That(Fake.RequestsTo("POST", "/v3/organizations/org-from-git-config/sessions"), Has.Count.EqualTo(1));

        Fake.State.AddOrganization("org-from-flag");
        var fromFlag = await Cli.Run(Repo.Path, "create", "--task", "Fix", "--org-id", "org-from-flag", "--json");
        Assert.That(fromFlag.ExitCode, Is.Zero, fromFlag.ToString());
        Assert.That(Fake.RequestsTo("POST", "/v3/organizations/org-from-flag/sessions"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Push_runs_the_users_git_first_and_a_failed_push_stops_the_handoff()
    {
        var bare = Repo.CreateBareRemote("backup");
        var pushed = await Cli.Run(Repo.Path, "create", "--task", "Fix", "--push", "--remote", "backup", "--json");
        Assert.That(pushed.ExitCode, Is.Zero, pushed.ToString());
        Assert.That(Repo.RunIn(bare, "rev-parse", "main").Trim(), Is.EqualTo(Repo.Run("rev-parse", "HEAD").Trim()));

        Repo.Run("remote", "add", "broken", Path.Combine(Repo.Root, "does-not-exist.git"));
        var failed = await Cli.Run(Repo.Path, "create", "--task", "Fix", "--push", "--remote", "broken");
        Assert.That(failed.ExitCode, Is.EqualTo(1), failed.ToString());
        Assert.That(failed.StandardError, Does.Contain("git push"));
        Assert.That(Fake.State.Sessions, Has.Count.EqualTo(1), "no session after a failed push");
    }
}
