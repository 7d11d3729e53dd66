using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Handoff.IntegrationTests.FakeDevin;

public class SchedulesTests : FakeDevinTestBase
{
    [Test]
    public async Task Create_returns_iso_times_and_scheduled_session_id()
    {
        var created = await CreateSchedule("nightly");

        Assert.That(created.GetProperty("scheduled_session_id").GetString(), Does.StartWith("sched-"));
        Assert.That(created.TryGetProperty("schedule_id", out _), Is.False);
        Assert.That(created.GetProperty("frequency").GetString(), Is.EqualTo("0 9 * * 1-5"));
        Assert.That(created.GetProperty("enabled").GetBoolean(), Is.True);
        Assert.That(created.GetProperty("schedule_type").GetString(), Is.EqualTo("recurring"));
        Assert.That(created.GetProperty("agent").GetString(), Is.EqualTo("devin"));
        Assert.That(created.GetProperty("created_at").ValueKind, Is.EqualTo(JsonValueKind.String));
        Assert.That(DateTimeOffset.TryParse(created.GetProperty("created_at").GetString(), out _), Is.True);
    }

    [Test]
    public async Task List_pages_with_limit_and_offset()
    {
        for (var i = 0; i < 5; i++) await CreateSchedule("s" + i);

        var page = await OkJson(await Api.GetAsync(V3("schedules?limit=2&offset=2")));
        var last = await OkJson(await Api.GetAsync(V3("schedules?limit=2&offset=4")));

        Assert.That(Names(page), Is.EqualTo(new[] { "s2", "s3" }));
        Assert.That(page.GetProperty("has_next_page").GetBoolean(), Is.True);
        Assert.That(page.GetProperty("total").GetInt32(), Is.EqualTo(5));
        Assert.That(Names(last), Is.EqualTo(new[] { "s4" }));
        Assert.That(last.GetProperty("has_next_page").GetBoolean(), Is.False);
        Assert.That((int)(await Api.GetAsync(V3("schedules?limit=101"))).StatusCode, Is.EqualTo(422));
    }

    [Test]
    public async Task Patch_changes_only_the_sent_fields_and_null_detaches_the_playbook()
    {
        var playbook = await OkJson(await Api.PostAsJsonAsync(V3("playbooks"), new { title = "Deploy", body = "steps" }));
        var playbookId = playbook.GetProperty("playbook_id").GetString();
        var created = await OkJson(await Api.PostAsJsonAsync(V3("schedules"),
            new { name = "n", prompt = "p", frequency = "0 9 * * *", playbook_id = playbookId, tags = new[] { "t" } }));
        var id = created.GetProperty("scheduled_session_id").GetString();
        Assert.That(created.GetProperty("playbook").GetProperty("title").GetString(), Is.EqualTo("Deploy"));

        var disabled = await OkJson(await Api.PatchAsJsonAsync(V3($"schedules/{id}"), new { enabled = false }));
        Assert.That(disabled.GetProperty("enabled").GetBoolean(), Is.False);
        Assert.That(disabled.GetProperty("prompt").GetString(), Is.EqualTo("p"));
        Assert.That(disabled.GetProperty("playbook").GetProperty("playbook_id").GetString(), Is.EqualTo(playbookId));
        Assert.That(Strings(disabled.GetProperty("tags")), Is.EqualTo(new[] { "t" }));

        var detached = await OkJson(await Api.PatchAsync(V3($"schedules/{id}"),
            new StringContent("{\"playbook_id\": null}", System.Text.Encoding.UTF8, "application/json")));
        Assert.That(detached.GetProperty("playbook").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(detached.GetProperty("enabled").GetBoolean(), Is.False);
    }

    [Test]
    public async Task Invalid_patch_changes_nothing()
    {
        var id = (await CreateSchedule("keep")).GetProperty("scheduled_session_id").GetString();

        var bad = await Api.PatchAsJsonAsync(V3($"schedules/{id}"), new { name = "renamed", agent = "robot" });
        var after = await OkJson(await Api.GetAsync(V3($"schedules/{id}")));

        Assert.That((int)bad.StatusCode, Is.EqualTo(422));
        Assert.That(after.GetProperty("name").GetString(), Is.EqualTo("keep"));
    }

    [Test]
    public async Task Validation_follows_the_schedule_type()
    {
        var noFrequency = await Api.PostAsJsonAsync(V3("schedules"), new { name = "n", prompt = "p" });
        var badCron = await Api.PostAsJsonAsync(V3("schedules"), new { name = "n", prompt = "p", frequency = "every day" });
        var past = await Api.PostAsJsonAsync(V3("schedules"), new { name = "n", prompt = "p", schedule_type = "one_time", scheduled_at = "2001-01-01T00:00:00Z" });
        var future = await Api.PostAsJsonAsync(V3("schedules"), new { name = "n", prompt = "p", schedule_type = "one_time", scheduled_at = DateTimeOffset.UtcNow.AddDays(1).ToString("O") });
        var platform = await Api.PostAsJsonAsync(V3("schedules"), new { name = "n", prompt = "p", frequency = "0 9 * * *", platform = "amiga" });

        Assert.That((int)noFrequency.StatusCode, Is.EqualTo(422));
        Assert.That((int)badCron.StatusCode, Is.EqualTo(422));
        Assert.That((int)past.StatusCode, Is.EqualTo(422));
        Assert.That(future.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(platform.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Delete_is_soft_and_hides_the_schedule()
    {
        var id = (await CreateSchedule("gone")).GetProperty("scheduled_session_id").GetString()!;

        var deleted = await OkJson(await Api.DeleteAsync(V3($"schedules/{id}")));

        Assert.That(deleted.GetProperty("scheduled_session_id").GetString(), Is.EqualTo(id));
        Assert.That((await Api.GetAsync(V3($"schedules/{id}"))).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await OkJson(await Api.GetAsync(V3("schedules")))).GetProperty("total").GetInt32(), Is.Zero);
        Assert.That(Server.State.Schedules.Single().IsDeleted, Is.True);
    }

    private async Task<JsonElement> CreateSchedule(string name) =>
        await OkJson(await Api.PostAsJsonAsync(V3("schedules"), new { name, prompt = "run checks", frequency = "0 9 * * 1-5" }));

    private static IReadOnlyList<string> Names(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("name").GetString()!).ToList();
}
