using System.Net.Http.Json;
using System.Text.Json;
using Handoff.FakeDevin.State;

namespace Handoff.IntegrationTests.FakeDevin;

public class MessagesTests : FakeDevinTestBase
{
    [Test]
    public async Task Messages_are_chronological_pages_with_a_null_cursor_on_the_last_page()
    {
        var id = (await CreateSessionAsync()).GetProperty("session_id").GetString()!;
        for (var i = 1; i <= 5; i++) Server.State.AddMessage(id, "m" + i);

        var first = await OkJson(await Api.GetAsync(V3($"sessions/{id}/messages?first=3")));
        Assert.That(Texts(first), Is.EqualTo(new[] { "m1", "m2", "m3" }));
        Assert.That(first.GetProperty("has_next_page").GetBoolean(), Is.True);
        var cursor = first.GetProperty("end_cursor").GetString()!;

        var second = await OkJson(await Api.GetAsync(V3($"sessions/{id}/messages?first=3&after={Uri.EscapeDataString(cursor)}")));
        Assert.That(Texts(second), Is.EqualTo(new[] { "m4", "m5" }));
        Assert.That(second.GetProperty("has_next_page").GetBoolean(), Is.False);
        Assert.That(second.GetProperty("end_cursor").ValueKind, Is.EqualTo(JsonValueKind.Null));

        var item = first.GetProperty("items")[0];
        Assert.That(item.GetProperty("event_id").GetString(), Does.StartWith("event-"));
        Assert.That(item.GetProperty("source").GetString(), Is.EqualTo("devin"));
        Assert.That(item.GetProperty("created_at").ValueKind, Is.EqualTo(JsonValueKind.Number));
    }

    [Test]
    public async Task Resuming_from_the_last_non_null_cursor_returns_only_newer_messages()
    {
        var id = (await CreateSessionAsync()).GetProperty("session_id").GetString()!;
        for (var i = 1; i <= 3; i++) Server.State.AddMessage(id, "m" + i);
        var page1 = await OkJson(await Api.GetAsync(V3($"sessions/{id}/messages?first=2")));
        var lastCursor = page1.GetProperty("end_cursor").GetString()!;
        Server.State.AddMessage(id, "m4");

        var next = await OkJson(await Api.GetAsync(V3($"sessions/{id}/messages?first=2&after={Uri.EscapeDataString(lastCursor)}")));

        Assert.That(Texts(next), Is.EqualTo(new[] { "m3", "m4" }));
    }

    [Test]
    public async Task End_cursor_can_be_switched_on_for_the_last_page()
    {
        Server.Settings.EndCursorOnLastPage = true;
        var id = (await CreateSessionAsync()).GetProperty("session_id").GetString()!;
        Server.State.AddMessage(id, "only");

        var page = await OkJson(await Api.GetAsync(V3($"sessions/{id}/messages")));

        Assert.That(page.GetProperty("has_next_page").GetBoolean(), Is.False);
        Assert.That(page.GetProperty("end_cursor").GetString(), Is.Not.Null.And.Not.Empty);
    }

    [Test]
    public async Task Posting_a_message_records_it_as_user_and_wakes_a_suspended_session()
    {
        var id = (await CreateSessionAsync()).GetProperty("session_id").GetString()!;
        Server.State.SetStatus(id, "suspended", "inactivity");

        var response = await OkJson(await Api.PostAsJsonAsync(V3($"sessions/{id}/messages"), new { message = "please continue" }));

        Assert.That(response.GetProperty("session_id").GetString(), Is.EqualTo(id));
        Assert.That(response.GetProperty("status").GetString(), Is.EqualTo("running"));
        var stored = Server.State.Messages(id).Single();
        Assert.That(stored.Message, Is.EqualTo("please continue"));
        Assert.That(stored.Source, Is.EqualTo("user"));
    }

    [Test]
    public async Task Posting_without_message_is_422_and_to_a_terminated_session_is_400()
    {
        var id = (await CreateSessionAsync()).GetProperty("session_id").GetString()!;
        Assert.That((int)(await Api.PostAsJsonAsync(V3($"sessions/{id}/messages"), new { text = "x" })).StatusCode, Is.EqualTo(422));

        await Api.DeleteAsync(V3($"sessions/{id}"));
        Assert.That((int)(await Api.PostAsJsonAsync(V3($"sessions/{id}/messages"), new { message = "x" })).StatusCode, Is.EqualTo(400));
    }

    [Test]
    public async Task A_message_script_emits_per_read_then_sets_the_final_status()
    {
        var id = (await CreateSessionAsync()).GetProperty("session_id").GetString()!;
        Server.State.ScriptMessages(id, new MessageScript(250, PerStep: 100, FinalStatus: "running", FinalStatusDetail: "finished"));

        var counts = new List<int>();
        for (var read = 0; read < 3; read++)
        {
            var page = await OkJson(await Api.GetAsync(V3($"sessions/{id}/messages?first=200")));
            counts.Add(page.GetProperty("total").GetInt32());
        }
        var session = await OkJson(await Api.GetAsync(V3($"sessions/{id}")));

        Assert.That(counts, Is.EqualTo(new[] { 100, 200, 250 }));
        Assert.That(session.GetProperty("status").GetString(), Is.EqualTo("running"));
        Assert.That(session.GetProperty("status_detail").GetString(), Is.EqualTo("finished"));
        Assert.That(Server.State.Messages(id).Select(m => m.Message).Last(), Is.EqualTo("Devin message 250"));
        Assert.That(Server.State.Messages(id).Select(m => m.EventId), Is.Unique);
    }

    [Test]
    public async Task A_timed_message_script_emits_by_elapsed_time()
    {
        var id = (await CreateSessionAsync()).GetProperty("session_id").GetString()!;
        Server.State.ScriptMessages(id, new MessageScript(3, Interval: TimeSpan.FromMilliseconds(50), FinalStatus: "exit"));

        await Task.Delay(400);
        var page = await OkJson(await Api.GetAsync(V3($"sessions/{id}/messages")));

        Assert.That(Texts(page), Is.EqualTo(new[] { "Devin message 1", "Devin message 2", "Devin message 3" }));
        Assert.That(Server.State.FindSession(id)!.Status, Is.EqualTo("exit"));
    }

    private static IReadOnlyList<string> Texts(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("message").GetString()!).ToList();
}
