using System.Net;
using System.Net.Http.Json;
using Handoff.FakeDevin;

namespace Handoff.IntegrationTests.FakeDevin;

/// <summary>The /_fake endpoints used when running the fake by hand.</summary>
public class ControlEndpointsTests : FakeDevinTestBase
{
    private HttpClient Control => Client(null);

    [Test]
    public async Task Status_pull_requests_messages_and_attachments_can_be_set_over_http()
    {
        var id = (await CreateSessionAsync()).GetProperty("session_id").GetString()!;
        var control = Control;

        await control.PostAsJsonAsync($"_fake/sessions/{id}/status", new { status = "running", status_detail = "waiting_for_approval" });
        await control.PostAsJsonAsync($"_fake/sessions/{id}/pull-requests", new { pr_url = "https://github.com/o/r/pull/9", pr_state = "merged" });
        await control.PostAsJsonAsync($"_fake/sessions/{id}/messages", new { message = "need approval" });
        await control.PostAsJsonAsync($"_fake/sessions/{id}/attachments", new { name = "../../.bashrc", content = "x" });

        var session = await OkJson(await Api.GetAsync(V3("sessions/" + id)));
        Assert.That(session.GetProperty("status_detail").GetString(), Is.EqualTo("waiting_for_approval"));
        Assert.That(session.GetProperty("pull_requests")[0].GetProperty("pr_state").GetString(), Is.EqualTo("merged"));
        Assert.That(Server.State.Messages(id).Single().Message, Is.EqualTo("need approval"));
        Assert.That(Server.State.Attachments.Single().Name, Is.EqualTo("../../.bashrc"));
    }

    [Test]
    public async Task Status_and_message_scripts_can_be_set_over_http()
    {
        var id = (await CreateSessionAsync()).GetProperty("session_id").GetString()!;
        var control = Control;

        await control.PostAsJsonAsync($"_fake/sessions/{id}/status-script",
            new { steps = new object[] { new { status = "claimed" }, new { status = "running", status_detail = "working" } } });
        await control.PostAsJsonAsync($"_fake/sessions/{id}/message-script",
            new { count = 4, per_step = 2, final_status = "exit" });

        var first = await OkJson(await Api.GetAsync(V3("sessions/" + id)));
        var second = await OkJson(await Api.GetAsync(V3("sessions/" + id)));

        Assert.That(first.GetProperty("status").GetString(), Is.EqualTo("claimed"));
        Assert.That(second.GetProperty("status").GetString(), Is.EqualTo("running"), "the status step comes after the message script's final status");
        Assert.That(Server.State.Messages(id), Has.Count.EqualTo(4));
    }

    [Test]
    public async Task Bad_base64_attachment_content_is_400()
    {
        var id = (await CreateSessionAsync()).GetProperty("session_id").GetString()!;

        var response = await Control.PostAsJsonAsync($"_fake/sessions/{id}/attachments", new { name = "x", content_base64 = "%%%" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Unknown_session_is_404()
    {
        var response = await Control.PostAsJsonAsync("_fake/sessions/devin-nope/status", new { status = "exit" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Settings_switch_the_error_shape_and_reset_restores_defaults()
    {
        var control = Control;
        var put = await control.PutAsJsonAsync("_fake/settings", new { error_shape = "fast_api", attachment_list_wrapped = true });
        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var error = await Json(await Api.PostAsJsonAsync(V3("sessions"), new { }));
        Assert.That(error.GetProperty("detail").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Array));
        Assert.That(Server.Settings.AttachmentListWrapped, Is.True);

        await CreateSessionAsync();
        await control.PostAsync("_fake/reset", null);

        Assert.That(Server.Settings.ErrorShape, Is.EqualTo(Handoff.FakeDevin.Infrastructure.ErrorShape.ProblemDetails));
        Assert.That(Server.State.Sessions, Is.Empty);
        Assert.That(Server.Requests, Is.Empty);
        Assert.That(Server.State.OrganizationExists(Org), Is.True);
    }

    [Test]
    public async Task Request_log_is_readable_over_http()
    {
        await Api.GetAsync("v3/self");

        var log = await OkJson(await Control.GetAsync("_fake/requests"));

        Assert.That(log.GetArrayLength(), Is.EqualTo(1));
        Assert.That(log[0].GetProperty("path").GetString(), Is.EqualTo("/v3/self"));
        Assert.That(log[0].GetProperty("response_status_code").GetInt32(), Is.EqualTo(200));
    }

    [Test]
    public async Task Self_and_orgs_and_rejected_keys_can_be_set_over_http()
    {
        var control = Control;
        await control.PutAsJsonAsync("_fake/self", new { principal_type = "pat_user", id = "user-9", name = "Nine", org_id = (string?)null });
        await control.PostAsJsonAsync("_fake/organizations", new { org_id = "org-extra" });
        await control.PostAsJsonAsync("_fake/keys/rejected", new { key = "cog_bad" });

        var self = await OkJson(await Api.GetAsync("v3/self"));
        Assert.That(self.GetProperty("user_id").GetString(), Is.EqualTo("user-9"));
        Assert.That((await Api.GetAsync("v3/organizations/org-extra/sessions")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await Client("cog_bad").GetAsync("v3/self")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }
}

public class ServerLifecycleTests
{
    [Test]
    public void Non_loopback_urls_are_refused()
    {
        Assert.ThrowsAsync<ArgumentException>(() => FakeDevinServer.StartAsync(new FakeDevinOptions { Url = "http://0.0.0.0:0" }));
    }

    [Test]
    public async Task Two_servers_get_different_ports_and_new_session_scripts_apply_to_api_creates()
    {
        await using var a = await FakeDevinServer.StartAsync(new FakeDevinOptions
        {
            DefaultOrgId = "org-a",
            NewSessionStatusScript = [new Handoff.FakeDevin.State.StatusStep("running", "finished")],
        });
        await using var b = await FakeDevinServer.StartAsync();
        using var client = new HttpClient { BaseAddress = a.BaseUrl };
        client.DefaultRequestHeaders.Add("Authorization", "Bearer cog_x");

        var created = await client.PostAsJsonAsync("v3/organizations/org-a/sessions", new { prompt = "p" });
        var id = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("session_id").GetString();
        var got = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"v3/organizations/org-a/sessions/{id}");

        Assert.That(a.BaseUrl.Port, Is.Not.EqualTo(b.BaseUrl.Port));
        Assert.That(a.StorageBaseUrl.Port, Is.Not.EqualTo(a.BaseUrl.Port));
        Assert.That(got.GetProperty("status_detail").GetString(), Is.EqualTo("finished"));
        Assert.That(a.BaseUrl.Host, Is.EqualTo("127.0.0.1"));
    }

    [Test]
    public async Task Client_environment_points_at_the_server_without_a_trailing_slash()
    {
        await using var server = await FakeDevinServer.StartAsync();

        var env = server.ClientEnvironment("cog_abc");

        Assert.That(env["DEVIN_API_URL"], Is.EqualTo($"http://127.0.0.1:{server.BaseUrl.Port}"));
        Assert.That(env["DEVIN_API_KEY"], Is.EqualTo("cog_abc"));
        Assert.That(env["DEVIN_ORG_ID"], Is.EqualTo("org-test"));
    }
}
