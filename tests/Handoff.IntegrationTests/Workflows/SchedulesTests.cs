using System.Text.Json;

namespace Handoff.IntegrationTests.Workflows;

public class SchedulesTests : WorkflowTestBase
{
    private string Path_(string rest = "") => $"/v3/organizations/{Org}/schedules{rest}";

    [Test]
    public async Task Create_recurring_in_utc_sends_frequency_name_prompt_playbook_and_tags()
    {
        var result = await Run("schedules", "create", "--name", "Nightly triage", "--prompt", "Triage new issues", "--cron", "0 9 * * 1-5",
            "--playbook", "playbook-abc", "--tag", "triage", "--tag", "bot", "--notify", "failure", "--json");
        var json = ParseJson(result);
        Assert.That(Str(json, "schedule_id"), Does.StartWith("sched-"));
        Assert.That(Str(json, "frequency"), Is.EqualTo("0 9 * * 1-5"));
        Assert.That(json.GetProperty("timezone_conversion").ValueKind, Is.EqualTo(JsonValueKind.Null));
        using var body = Sent("POST", Path_()).Single().BodyJson();
        var sent = body.RootElement;
        Assert.That(Str(sent, "name"), Is.EqualTo("Nightly triage"));
        Assert.That(Str(sent, "prompt"), Is.EqualTo("Triage new issues"));
        Assert.That(Str(sent, "schedule_type"), Is.EqualTo("recurring"));
        Assert.That(Str(sent, "frequency"), Is.EqualTo("0 9 * * 1-5"));
        Assert.That(Str(sent, "playbook_id"), Is.EqualTo("playbook-abc"));
        Assert.That(Str(sent, "notify_on"), Is.EqualTo("failure"));
        Assert.That(sent.GetProperty("tags").EnumerateArray().Select(t => t.GetString()), Is.EqualTo(new[] { "triage", "bot" }));
        Assert.That(sent.TryGetProperty("timezone", out _), Is.False, "the API has no timezone field");
    }

    [Test]
    public async Task Timezone_without_daylight_saving_converts_and_shifts_the_weekday()
    {
        var result = await Run("schedules", "create", "--name", "n", "--prompt", "p", "--cron", "0 8 * * 1", "--timezone", "Asia/Tokyo", "--json");
        var json = ParseJson(result);
        using var body = Sent("POST", Path_()).Single().BodyJson();
        Assert.That(Str(body.RootElement, "frequency"), Is.EqualTo("0 23 * * 0"), "Monday 08:00 JST is Sunday 23:00 UTC");
        var conversion = json.GetProperty("timezone_conversion");
        Assert.That(Str(conversion, "utc_offset"), Is.EqualTo("UTC+09:00"));
        Assert.That(conversion.GetProperty("warning").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(result.StandardError, Does.Contain("'0 23 * * 0' in UTC"));
    }

    [Test]
    public async Task Timezone_with_daylight_saving_sends_the_cron_for_the_next_run_and_warns()
    {
        var result = await Run("schedules", "create", "--name", "n", "--prompt", "p", "--cron", "0 9 * * 1-5", "--timezone", "America/New_York");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        using var body = Sent("POST", Path_()).Single().BodyJson();
        Assert.That(Str(body.RootElement, "frequency"), Is.AnyOf("0 14 * * 1-5", "0 13 * * 1-5"));
        Assert.That(result.StandardError, Does.Contain("warning: America/New_York changes from"));
        Assert.That(result.StandardError, Does.Contain(Str(body.RootElement, "frequency") == "0 14 * * 1-5" ? "'0 13 * * 1-5'" : "'0 14 * * 1-5'"));
    }

    [Test]
    public async Task A_conversion_that_would_change_the_day_of_month_is_refused_before_sending()
    {
        var result = await Run("schedules", "create", "--name", "n", "--prompt", "p", "--cron", "0 8 1 * *", "--timezone", "Asia/Tokyo");
        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.StandardError, Does.Contain("previous day").And.Contain("day-of-month"));
        Assert.That(Server.Requests, Is.Empty);
    }

    [Test]
    public async Task One_time_at_a_local_time_is_sent_as_utc()
    {
        var result = await Run("schedules", "create", "--name", "once", "--prompt", "p", "--at", "2999-01-15T09:30", "--timezone", "Europe/Berlin", "--json");
        var json = ParseJson(result);
        Assert.That(Str(json, "schedule_type"), Is.EqualTo("one_time"));
        using var body = Sent("POST", Path_()).Single().BodyJson();
        Assert.That(Str(body.RootElement, "schedule_type"), Is.EqualTo("one_time"));
        Assert.That(DateTimeOffset.Parse(Str(body.RootElement, "scheduled_at")), Is.EqualTo(new DateTimeOffset(2999, 1, 15, 8, 30, 0, TimeSpan.Zero)));
        Assert.That(body.RootElement.TryGetProperty("frequency", out _), Is.False);

        var past = await Run("schedules", "create", "--name", "once", "--prompt", "p", "--at", "2001-01-01T00:00Z");
        Assert.That(past.ExitCode, Is.EqualTo(2), past.ToString());
        Assert.That(past.StandardError, Does.Contain("in the past"));
    }

    [Test]
    public async Task Update_patches_only_the_fields_given()
    {
        var created = await Post("schedules", new { name = "n", prompt = "p", frequency = "0 9 * * *", playbook_id = "playbook-x", tags = new[] { "a" } });
        var id = Str(created, "scheduled_session_id");
        var result = await Run("schedules", "update", id, "--name", "renamed", "--no-playbook");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        using var body = Sent("PATCH", Path_($"/{id}")).Single().BodyJson();
        var fields = body.RootElement.EnumerateObject().Select(p => p.Name).OrderBy(n => n).ToList();
        Assert.That(fields, Is.EqualTo(new[] { "name", "playbook_id" }));
        Assert.That(body.RootElement.GetProperty("playbook_id").ValueKind, Is.EqualTo(JsonValueKind.Null));
        var stored = Server.State.Schedules.Single();
        Assert.That(stored.Name, Is.EqualTo("renamed"));
        Assert.That(stored.Prompt, Is.EqualTo("p"));
        Assert.That(stored.Tags, Is.EqualTo(new[] { "a" }));
        Assert.That(stored.PlaybookId, Is.Null);

        var nothing = await Run("schedules", "update", id);
        Assert.That(nothing.ExitCode, Is.EqualTo(2), nothing.ToString());
    }

    [Test]
    public async Task Disable_enable_and_delete()
    {
        var id = Str(await Post("schedules", new { name = "n", prompt = "p", frequency = "0 9 * * *" }), "scheduled_session_id");
        var disabled = ParseJson(await Run("schedules", "disable", id, "--json"));
        Assert.That(disabled.GetProperty("enabled").GetBoolean(), Is.False);
        using (var body = Sent("PATCH", Path_($"/{id}")).Single().BodyJson())
            Assert.That(body.RootElement.GetRawText(), Is.EqualTo("{\"enabled\":false}"));

        Assert.That((await Run("schedules", "enable", id)).ExitCode, Is.Zero);
        Assert.That(Server.State.Schedules.Single().Enabled, Is.True);

        var deleted = await Run("schedules", "delete", id);
        Assert.That(deleted.ExitCode, Is.Zero, deleted.ToString());
        Assert.That(Sent("DELETE", Path_($"/{id}")), Has.Count.EqualTo(1));
        var show = await Run("schedules", "show", id);
        Assert.That(show.ExitCode, Is.EqualTo(5), show.ToString());
    }

    [Test]
    public async Task List_pages_with_limit_and_offset_and_shows_utc()
    {
        for (var i = 0; i < 103; i++)
            await Post("schedules", new { name = $"s{i:000}", prompt = "p", frequency = "0 9 * * *" });
        var json = ParseJson(await Run("schedules", "list", "--json"));
        Assert.That(json.GetArrayLength(), Is.EqualTo(103));
        var pages = Sent("GET", Path_());
        Assert.That(pages, Has.Count.EqualTo(2));
        Assert.That(pages[0].Query("limit"), Is.EqualTo(new[] { "100" }));
        Assert.That(pages[0].Query("offset"), Is.Empty);
        Assert.That(pages[1].Query("offset"), Is.EqualTo(new[] { "100" }));

        var table = await Run("schedules", "list", "--limit", "2");
        var lines = table.StandardOutput.TrimEnd().Split('\n');
        Assert.That(lines, Has.Length.EqualTo(2));
        Assert.That(lines[0].Split('\t')[1..4], Is.EqualTo(new[] { "s000", "0 9 * * *", "yes" }));
    }
}
