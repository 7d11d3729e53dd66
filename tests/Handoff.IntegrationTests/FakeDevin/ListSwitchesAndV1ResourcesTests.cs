using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Handoff.IntegrationTests.FakeDevin;

/// <summary>The fake's list-order and tag-filter switches, v1 terminate, v1 knowledge and playbooks, and run_as_user_id on schedule updates.</summary>
public class ListSwitchesAndV1ResourcesTests : FakeDevinTestBase
{
    [Test]
    public async Task Session_lists_come_oldest_first_when_switched_and_page_in_that_order()
    {
        for (var i = 0; i < 3; i++) Server.State.CreateSession("s" + i, tags: ["t"], title: "s" + i);
        Server.Settings.SessionsOldestFirst = true;

        var first = await OkJson(await Api.GetAsync(V3("sessions?first=2")));
        var rest = await OkJson(await Api.GetAsync(V3("sessions?first=2&after=" + first.GetProperty("end_cursor").GetString())));
        var v1 = await OkJson(await V1.GetAsync("v1/sessions?limit=2&offset=1"));

        Assert.That(Titles(first.GetProperty("items")).Concat(Titles(rest.GetProperty("items"))), Is.EqualTo(new[] { "s0", "s1", "s2" }));
        Assert.That(Titles(v1.GetProperty("sessions")), Is.EqualTo(new[] { "s1", "s2" }));

        Server.Reset();
        Assert.That(Server.Settings.SessionsOldestFirst, Is.False, "reset restores newest first");
    }

    [Test]
    public async Task An_ignored_tag_filter_returns_every_session()
    {
        Server.State.CreateSession("mine", tags: ["handoff-id:a"], title: "mine");
        Server.State.CreateSession("theirs", tags: ["handoff-id:b"], title: "theirs");

        var filtered = await OkJson(await Api.GetAsync(V3("sessions?tags=handoff-id:a")));
        Server.Settings.TagFilterIgnored = true;
        var loose = await OkJson(await Api.GetAsync(V3("sessions?tags=handoff-id:a")));
        var looseV1 = await OkJson(await V1.GetAsync("v1/sessions?tags=handoff-id:a"));

        Assert.That(Titles(filtered.GetProperty("items")), Is.EqualTo(new[] { "mine" }));
        Assert.That(Titles(loose.GetProperty("items")), Is.EquivalentTo(new[] { "mine", "theirs" }));
        Assert.That(Titles(looseV1.GetProperty("sessions")), Is.EquivalentTo(new[] { "mine", "theirs" }));
    }

    [Test]
    public async Task Settings_switches_are_reachable_over_the_control_endpoint()
    {
        var control = Client(null);
        var put = await control.PutAsJsonAsync("_fake/settings", new { sessions_oldest_first = true, tag_filter_ignored = true });
        var settings = await OkJson(put);
        Assert.That(settings.GetProperty("sessions_oldest_first").GetBoolean(), Is.True);
        Assert.That(settings.GetProperty("tag_filter_ignored").GetBoolean(), Is.True);
        Assert.That(Server.Settings.TagFilterIgnored, Is.True);
    }

    [Test]
    public async Task V1_delete_terminates_once_and_refuses_a_session_that_already_ended()
    {
        var session = Server.State.CreateSession("to stop", status: "running", statusDetail: "working");

        var first = await OkJson(await V1.DeleteAsync($"v1/sessions/{session.SessionId}"));
        var again = await V1.DeleteAsync($"v1/sessions/{session.SessionId}");
        var missing = await V1.DeleteAsync("v1/sessions/devin-nope");

        Assert.That(first.GetProperty("detail").GetString(), Is.Not.Empty);
        Assert.That(Server.State.FindSession(session.SessionId)!.Status, Is.EqualTo("exit"));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await Api.DeleteAsync($"v1/sessions/{session.SessionId}")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "cog_ keys cannot use v1");
    }

    [Test]
    public async Task V1_knowledge_uses_id_trigger_description_and_parent_folder_id()
    {
        var folder = Server.State.AddFolder("ops");
        var created = await OkJson(await V1.PostAsJsonAsync("v1/knowledge",
            new { name = "Deploy", body = "make deploy", trigger_description = "deploying", parent_folder_id = folder.FolderId, macro = "!deploy" }));
        var v3Names = await V1.PostAsJsonAsync("v1/knowledge", new { name = "n", body = "b", trigger = "t" });
        var id = created.GetProperty("id").GetString()!;
        var replaced = await OkJson(await V1.PutAsJsonAsync($"v1/knowledge/{id}", new { name = "Deploy", body = "make ship", trigger_description = "shipping" }));
        var list = await OkJson(await V1.GetAsync("v1/knowledge"));
        var deleted = await V1.DeleteAsync($"v1/knowledge/{id}");

        Assert.That(created.GetProperty("trigger_description").GetString(), Is.EqualTo("deploying"));
        Assert.That(created.GetProperty("parent_folder_id").GetString(), Is.EqualTo(folder.FolderId));
        Assert.That((int)v3Names.StatusCode, Is.EqualTo(422), "trigger_description is required");
        Assert.That(replaced.GetProperty("parent_folder_id").ValueKind, Is.EqualTo(JsonValueKind.Null), "a PUT replaces everything");
        Assert.That(list.GetProperty("knowledge").EnumerateArray().Single().GetProperty("body").GetString(), Is.EqualTo("make ship"));
        Assert.That(list.GetProperty("folders").EnumerateArray().Single().GetProperty("id").GetString(), Is.EqualTo(folder.FolderId));
        Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(Server.State.Notes, Is.Empty);
    }

    [Test]
    public async Task V1_playbooks_list_as_a_bare_array_and_answer_updates_with_a_status()
    {
        var created = await OkJson(await V1.PostAsJsonAsync("v1/playbooks", new { title = "Release", body = "steps", macro = "!release" }));
        var id = created.GetProperty("playbook_id").GetString()!;
        var updated = await OkJson(await V1.PutAsJsonAsync($"v1/playbooks/{id}", new { title = "Release", body = "new steps" }));
        var read = await OkJson(await V1.GetAsync($"v1/playbooks/{id}"));
        var list = await OkJson(await V1.GetAsync("v1/playbooks"));
        var deleted = await OkJson(await V1.DeleteAsync($"v1/playbooks/{id}"));

        Assert.That(created.GetProperty("created_by_user_id").GetString(), Is.EqualTo(Server.State.Self.Id));
        Assert.That(DateTimeOffset.TryParse(created.GetProperty("created_at").GetString(), out _), Is.True);
        Assert.That(updated.GetProperty("status").GetString(), Is.EqualTo("success"));
        Assert.That(read.GetProperty("body").GetString(), Is.EqualTo("new steps"));
        Assert.That(read.GetProperty("macro").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(list.ValueKind, Is.EqualTo(JsonValueKind.Array));
        Assert.That(deleted.GetProperty("status").GetString(), Is.EqualTo("success"));
        Assert.That(Server.State.Playbooks, Is.Empty);
    }

    [Test]
    public async Task A_schedule_update_sets_the_acting_user_from_run_as_user_id_only()
    {
        var created = await OkJson(await Api.PostAsJsonAsync(V3("schedules"),
            new { name = "Nightly", prompt = "p", frequency = "0 9 * * *", create_as_user_id = "user-a" }));
        var id = created.GetProperty("scheduled_session_id").GetString()!;

        await OkJson(await Api.PatchAsJsonAsync(V3($"schedules/{id}"), new { create_as_user_id = "user-b" }));
        Assert.That(Server.State.Schedules.Single().CreateAsUserId, Is.EqualTo("user-a"), "the update schema has no create_as_user_id");
        await OkJson(await Api.PatchAsJsonAsync(V3($"schedules/{id}"), new { run_as_user_id = "user-c" }));
        Assert.That(Server.State.Schedules.Single().CreateAsUserId, Is.EqualTo("user-c"));
    }

    private static IEnumerable<string?> Titles(JsonElement items) => items.EnumerateArray().Select(s => s.GetProperty("title").GetString());
}
