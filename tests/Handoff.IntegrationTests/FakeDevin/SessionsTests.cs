using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Handoff.FakeDevin.State;

namespace Handoff.IntegrationTests.FakeDevin;

public class SessionsTests : FakeDevinTestBase
{
    [Test]
    public async Task Create_returns_a_session_response_and_stores_the_request()
    {
        var created = await CreateSessionAsync("fix the build", "handoff", "token-1");

        var id = created.GetProperty("session_id").GetString()!;
        Assert.That(id, Does.Match("^devin-[0-9a-f]{32}$"));
        Assert.That(created.GetProperty("url").GetString(), Is.EqualTo("https://app.devin.ai/sessions/" + id));
        Assert.That(created.GetProperty("status").GetString(), Is.EqualTo("new"));
        Assert.That(created.GetProperty("status_detail").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(Strings(created.GetProperty("tags")), Is.EqualTo(new[] { "handoff", "token-1" }));
        Assert.That(created.GetProperty("org_id").GetString(), Is.EqualTo(Org));
        Assert.That(created.GetProperty("created_at").ValueKind, Is.EqualTo(JsonValueKind.Number));
        Assert.That(created.GetProperty("pull_requests").GetArrayLength(), Is.Zero);
        Assert.That(created.GetProperty("is_archived").GetBoolean(), Is.False);

        var stored = Server.State.FindSession(id)!;
        Assert.That(stored.Prompt, Is.EqualTo("fix the build"));
        Assert.That(stored.CreateRequestBody, Does.Contain("\"prompt\""));
    }

    [Test]
    public async Task Get_returns_the_created_session_and_unknown_ids_are_404()
    {
        var id = (await CreateSessionAsync()).GetProperty("session_id").GetString()!;

        var got = await OkJson(await Api.GetAsync(V3("sessions/" + id)));
        Assert.That(got.GetProperty("session_id").GetString(), Is.EqualTo(id));

        var bare = await Api.GetAsync(V3("sessions/" + id["devin-".Length..]));
        Assert.That(bare.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "v3 path ids carry the devin- prefix");
        var other = await Api.GetAsync(V3("sessions/devin-00000000000000000000000000000000"));
        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(other.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task Unknown_organization_is_404()
    {
        var response = await Api.GetAsync("v3/organizations/org-missing/sessions");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var body = await Json(response);
        Assert.That(body.GetProperty("detail").GetString(), Does.Contain("org-missing"));
    }

    [Test]
    public async Task List_pages_with_first_and_after_and_the_last_page_has_a_null_end_cursor()
    {
        for (var i = 0; i < 5; i++) await CreateSessionAsync("task " + i);

        var seen = new List<string>();
        string? after = null;
        var pages = 0;
        while (true)
        {
            var url = V3("sessions?first=2") + (after is null ? "" : "&after=" + Uri.EscapeDataString(after));
            var page = await OkJson(await Api.GetAsync(url));
            pages++;
            Assert.That(page.GetProperty("total").GetInt32(), Is.EqualTo(5));
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("session_id").GetString()!));
            if (!page.GetProperty("has_next_page").GetBoolean())
            {
                Assert.That(page.GetProperty("end_cursor").ValueKind, Is.EqualTo(JsonValueKind.Null));
                break;
            }
            after = page.GetProperty("end_cursor").GetString();
            Assert.That(after, Is.Not.Null.And.Not.Empty);
        }

        Assert.That(pages, Is.EqualTo(3));
        Assert.That(seen, Is.Unique);
        Assert.That(seen, Is.EquivalentTo(Server.State.Sessions.Select(s => s.SessionId)));
        Assert.That(Server.State.FindSession(seen[0])!.Prompt, Is.EqualTo("task 4"), "newest first");
    }

    [Test]
    public async Task List_filters_by_tags_matching_any_by_session_ids_and_by_archived()
    {
        var a = (await CreateSessionAsync("a", "alpha")).GetProperty("session_id").GetString()!;
        var b = (await CreateSessionAsync("b", "beta")).GetProperty("session_id").GetString()!;
        var c = (await CreateSessionAsync("c", "gamma")).GetProperty("session_id").GetString()!;
        await Api.PostAsync(V3($"sessions/{c}/archive"), null);

        var byTags = await OkJson(await Api.GetAsync(V3("sessions?tags=alpha&tags=beta")));
        Assert.That(Ids(byTags), Is.EquivalentTo(new[] { a, b }));

        var byIds = await OkJson(await Api.GetAsync(V3($"sessions?session_ids={a}&session_ids={c}")));
        Assert.That(Ids(byIds), Is.EquivalentTo(new[] { a, c }));

        var archived = await OkJson(await Api.GetAsync(V3("sessions?is_archived=true")));
        Assert.That(Ids(archived), Is.EqualTo(new[] { c }));
    }

    [Test]
    public async Task List_filters_by_created_after()
    {
        var old = Server.State.CreateSession("old", createdAt: DateTimeOffset.FromUnixTimeSeconds(1_000));
        var recent = Server.State.CreateSession("recent", createdAt: DateTimeOffset.FromUnixTimeSeconds(2_000));

        var page = await OkJson(await Api.GetAsync(V3("sessions?created_after=1500")));
        Assert.That(Ids(page), Is.EqualTo(new[] { recent.SessionId }));
        Assert.That(Ids(page), Does.Not.Contain(old.SessionId));
    }

    [Test]
    public async Task List_rejects_first_above_200_and_bad_cursors()
    {
        Assert.That((int)(await Api.GetAsync(V3("sessions?first=201"))).StatusCode, Is.EqualTo(422));
        Assert.That((await Api.GetAsync(V3("sessions?after=garbage!"))).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Missing_prompt_is_422_as_problem_details_with_errors()
    {
        var response = await Api.PostAsJsonAsync(V3("sessions"), new { title = "no prompt" });

        Assert.That((int)response.StatusCode, Is.EqualTo(422));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        var body = await Json(response);
        Assert.That(body.GetProperty("status").GetInt32(), Is.EqualTo(422));
        Assert.That(body.GetProperty("title").GetString(), Is.Not.Empty);
        Assert.That(body.GetProperty("instance").GetString(), Is.EqualTo("/" + V3("sessions")));
        var error = body.GetProperty("errors")[0];
        Assert.That(Strings(error.GetProperty("loc")), Is.EqualTo(new[] { "body", "prompt" }));
        Assert.That(error.GetProperty("type").GetString(), Is.EqualTo("missing"));
        Assert.That(Server.State.Sessions, Is.Empty);
    }

    [Test]
    public async Task Missing_prompt_is_422_in_the_fastapi_shape_when_switched()
    {
        Server.Settings.ErrorShape = Handoff.FakeDevin.Infrastructure.ErrorShape.FastApi;

        var response = await Api.PostAsJsonAsync(V3("sessions"), new { title = "no prompt" });

        Assert.That((int)response.StatusCode, Is.EqualTo(422));
        var body = await Json(response);
        var detail = body.GetProperty("detail");
        Assert.That(detail.ValueKind, Is.EqualTo(JsonValueKind.Array));
        Assert.That(Strings(detail[0].GetProperty("loc")), Is.EqualTo(new[] { "body", "prompt" }));
        Assert.That(detail[0].GetProperty("msg").GetString(), Is.EqualTo("Field required"));
        Assert.That(body.TryGetProperty("title", out _), Is.False);

        var notFound = await Json(await Api.GetAsync(V3("sessions/devin-nope")));
        Assert.That(notFound.GetProperty("detail").ValueKind, Is.EqualTo(JsonValueKind.String), "non-422 errors are {\"detail\": string}");
    }

    [Test]
    public async Task Invalid_json_and_wrong_types_are_422()
    {
        var invalid = await Api.PostAsync(V3("sessions"), new StringContent("{\"prompt\": ", System.Text.Encoding.UTF8, "application/json"));
        Assert.That((int)invalid.StatusCode, Is.EqualTo(422));

        var wrongType = await Api.PostAsJsonAsync(V3("sessions"), new { prompt = "x", tags = "not-a-list" });
        Assert.That((int)wrongType.StatusCode, Is.EqualTo(422));
    }

    [Test]
    public async Task Unknown_platform_is_400_listing_the_valid_ones()
    {
        var response = await Api.PostAsJsonAsync(V3("sessions"), new { prompt = "x", platform = "amiga" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await Json(response)).GetProperty("detail").GetString(), Does.Contain("windows"));
    }

    [Test]
    public async Task Scripted_statuses_are_applied_one_per_get()
    {
        var id = (await CreateSessionAsync()).GetProperty("session_id").GetString()!;
        Server.State.ScriptStatuses(id,
            new StatusStep("claimed"),
            new StatusStep("running", "working"),
            new StatusStep("running", "waiting_for_user"));

        var seen = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var s = await OkJson(await Api.GetAsync(V3("sessions/" + id)));
            seen.Add(s.GetProperty("status").GetString() + "/" + (s.GetProperty("status_detail").GetString() ?? "-"));
        }

        Assert.That(seen, Is.EqualTo(new[] { "claimed/-", "running/working", "running/waiting_for_user", "running/waiting_for_user" }));
    }

    [Test]
    public async Task Pull_requests_use_pr_url_and_pr_state()
    {
        var id = (await CreateSessionAsync()).GetProperty("session_id").GetString()!;
        Server.State.AddPullRequest(id, "https://github.com/o/r/pull/7", "open");

        var pr = (await OkJson(await Api.GetAsync(V3("sessions/" + id)))).GetProperty("pull_requests")[0];

        Assert.That(pr.GetProperty("pr_url").GetString(), Is.EqualTo("https://github.com/o/r/pull/7"));
        Assert.That(pr.GetProperty("pr_state").GetString(), Is.EqualTo("open"));
        Assert.That(pr.TryGetProperty("url", out _), Is.False);
    }

    [Test]
    public async Task Archive_sleeps_a_running_session_and_blocks_messages()
    {
        var id = (await CreateSessionAsync()).GetProperty("session_id").GetString()!;
        Server.State.SetStatus(id, "running", "working");

        var archived = await OkJson(await Api.PostAsync(V3($"sessions/{id}/archive"), null));

        Assert.That(archived.GetProperty("is_archived").GetBoolean(), Is.True);
        Assert.That(archived.GetProperty("status").GetString(), Is.EqualTo("suspended"));
        var message = await Api.PostAsJsonAsync(V3($"sessions/{id}/messages"), new { message = "hello?" });
        Assert.That(message.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Terminate_sets_exit_and_archive_query_archives()
    {
        var keep = (await CreateSessionAsync()).GetProperty("session_id").GetString()!;
        var drop = (await CreateSessionAsync()).GetProperty("session_id").GetString()!;

        var kept = await OkJson(await Api.DeleteAsync(V3($"sessions/{keep}?archive=true")));
        var dropped = await OkJson(await Api.DeleteAsync(V3($"sessions/{drop}")));

        Assert.That(kept.GetProperty("status").GetString(), Is.EqualTo("exit"));
        Assert.That(kept.GetProperty("is_archived").GetBoolean(), Is.True);
        Assert.That(dropped.GetProperty("status").GetString(), Is.EqualTo("exit"));
        Assert.That(dropped.GetProperty("is_archived").GetBoolean(), Is.False);
    }

    [Test]
    public async Task Tags_can_be_read_replaced_and_appended_with_dedupe()
    {
        var id = (await CreateSessionAsync("x", "a")).GetProperty("session_id").GetString()!;

        var replaced = await OkJson(await Api.PutAsJsonAsync(V3($"sessions/{id}/tags"), new { tags = new[] { "b", "c" } }));
        Assert.That(Strings(replaced.GetProperty("tags")), Is.EqualTo(new[] { "b", "c" }));

        var appended = await OkJson(await Api.PostAsJsonAsync(V3($"sessions/{id}/tags"), new { tags = new[] { "c", "d" } }));
        Assert.That(Strings(appended.GetProperty("tags")), Is.EqualTo(new[] { "b", "c", "d" }));

        var read = await OkJson(await Api.GetAsync(V3($"sessions/{id}/tags")));
        Assert.That(Strings(read.GetProperty("tags")), Is.EqualTo(new[] { "b", "c", "d" }));

        var tooMany = await Api.PutAsJsonAsync(V3($"sessions/{id}/tags"), new { tags = Enumerable.Range(0, 51).Select(i => "t" + i) });
        Assert.That((int)tooMany.StatusCode, Is.EqualTo(422));
    }

    [Test]
    public async Task Concurrent_creates_are_all_stored()
    {
        var creates = Enumerable.Range(0, 40).Select(i => CreateSessionAsync("parallel " + i));
        var results = await Task.WhenAll(creates);

        Assert.That(results.Select(r => r.GetProperty("session_id").GetString()), Is.Unique);
        Assert.That(Server.State.Sessions, Has.Count.EqualTo(40));
    }

    private static IReadOnlyList<string> Ids(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("session_id").GetString()!).ToList();
}
