using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Handoff.FakeDevin.State;

namespace Handoff.IntegrationTests.FakeDevin;

public class V1Tests : FakeDevinTestBase
{
    [Test]
    public async Task Create_returns_id_url_and_is_new_session_and_idempotent_reuses_the_session()
    {
        var first = await OkJson(await V1.PostAsJsonAsync("v1/sessions", new { prompt = "same task", idempotent = true }));
        var again = await OkJson(await V1.PostAsJsonAsync("v1/sessions", new { prompt = "same task", idempotent = true }));
        var fresh = await OkJson(await V1.PostAsJsonAsync("v1/sessions", new { prompt = "same task" }));

        Assert.That(first.GetProperty("is_new_session").GetBoolean(), Is.True);
        Assert.That(again.GetProperty("is_new_session").GetBoolean(), Is.False);
        Assert.That(again.GetProperty("session_id").GetString(), Is.EqualTo(first.GetProperty("session_id").GetString()));
        Assert.That(fresh.GetProperty("is_new_session").GetBoolean(), Is.True);
        Assert.That(fresh.GetProperty("session_id").GetString(), Is.Not.EqualTo(first.GetProperty("session_id").GetString()));
        Assert.That(first.GetProperty("url").GetString(), Does.StartWith("https://app.devin.ai/sessions/devin-"));
    }

    [Test]
    public async Task Create_without_prompt_is_422()
    {
        Assert.That((int)(await V1.PostAsJsonAsync("v1/sessions", new { title = "x" })).StatusCode, Is.EqualTo(422));
    }

    [Test]
    public async Task List_uses_limit_offset_and_tags()
    {
        for (var i = 0; i < 5; i++) Server.State.CreateSession("s" + i, tags: [i % 2 == 0 ? "even" : "odd"]);

        var page = await OkJson(await V1.GetAsync("v1/sessions?limit=2&offset=1"));
        var even = await OkJson(await V1.GetAsync("v1/sessions?tags=even"));

        Assert.That(Prompts(page), Is.EqualTo(new[] { "s3", "s2" }));
        Assert.That(Prompts(even), Is.EquivalentTo(new[] { "s0", "s2", "s4" }));
    }

    [Test]
    public async Task Get_has_status_enum_pull_request_url_iso_times_and_messages()
    {
        var session = Server.State.CreateSession("v1 prompt");
        Server.State.AddPullRequest(session.SessionId, "https://github.com/o/r/pull/1");
        Server.State.AddMessage(session.SessionId, "working on it");
        Server.State.ScriptStatuses(session.SessionId, new StatusStep("running", "waiting_for_user"), new StatusStep("running", "finished", V1StatusEnum: "expired"));

        var blocked = await OkJson(await V1.GetAsync($"v1/sessions/{session.SessionId}"));
        var overridden = await OkJson(await V1.GetAsync($"v1/sessions/{session.SessionId["devin-".Length..]}"));

        Assert.That(blocked.GetProperty("status_enum").GetString(), Is.EqualTo("blocked"));
        Assert.That(blocked.GetProperty("pull_request").GetProperty("url").GetString(), Is.EqualTo("https://github.com/o/r/pull/1"));
        Assert.That(DateTimeOffset.TryParse(blocked.GetProperty("created_at").GetString(), out _), Is.True);
        var messages = blocked.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("message").GetString()).ToList();
        Assert.That(messages, Is.EqualTo(new[] { "v1 prompt", "working on it" }));
        Assert.That(overridden.GetProperty("status_enum").GetString(), Is.EqualTo("expired"), "bare ids work on v1");
    }

    [Test]
    public async Task Pull_request_is_null_without_one()
    {
        var session = Server.State.CreateSession("x");

        var got = await OkJson(await V1.GetAsync($"v1/sessions/{session.SessionId}"));

        Assert.That(got.GetProperty("pull_request").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public async Task Message_returns_null_normally_and_detail_when_state_matters()
    {
        var session = Server.State.CreateSession("x", status: "running", statusDetail: "working");

        var normal = await V1.PostAsJsonAsync($"v1/sessions/{session.SessionId}/message", new { message = "hi" });
        Assert.That(normal.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await normal.Content.ReadAsStringAsync(), Is.EqualTo("null"));

        Server.State.SetStatus(session.SessionId, "suspended", "inactivity");
        var woken = await OkJson(await V1.PostAsJsonAsync($"v1/sessions/{session.SessionId}/message", new { message = "wake" }));
        Assert.That(woken.GetProperty("detail").GetString(), Is.Not.Empty);
        Assert.That(Server.State.FindSession(session.SessionId)!.Status, Is.EqualTo("running"));
        Assert.That(Server.State.Messages(session.SessionId).Select(m => m.Message), Is.EqualTo(new[] { "hi", "wake" }));
    }

    [Test]
    public async Task Put_tags_replaces_them_and_answers_detail()
    {
        var session = Server.State.CreateSession("x", tags: ["old"]);

        var response = await OkJson(await V1.PutAsJsonAsync($"v1/sessions/{session.SessionId}/tags", new { tags = new[] { "new1", "new2" } }));

        Assert.That(response.GetProperty("detail").GetString(), Is.Not.Empty);
        Assert.That(Server.State.FindSession(session.SessionId)!.Tags, Is.EqualTo(new[] { "new1", "new2" }));
    }

    [Test]
    public async Task Attachment_upload_returns_the_url_as_a_bare_json_string()
    {
        var file = new ByteArrayContent("v1 file"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");

        var body = await OkJson(await V1.PostAsync("v1/attachments", new MultipartFormDataContent { { file, "file", "a.txt" } }));

        Assert.That(body.ValueKind, Is.EqualTo(JsonValueKind.String));
        Assert.That(body.GetString(), Does.EndWith("/a.txt"));
    }

    private IReadOnlyList<string> Prompts(JsonElement list) =>
        list.GetProperty("sessions").EnumerateArray()
            .Select(s => Server.State.FindSession(s.GetProperty("session_id").GetString()!)!.Prompt).ToList();
}
