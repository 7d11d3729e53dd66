using System.Net;
using System.Net.Http.Json;
using Handoff.FakeDevin.Infrastructure;

namespace Handoff.IntegrationTests.FakeDevin;

public class FaultsTests : FakeDevinTestBase
{
    [Test]
    public async Task Rate_limit_sends_429_with_retry_after_then_recovers()
    {
        Server.Faults.RateLimitNext("GET", "/v3/organizations/*/sessions", retryAfterSeconds: 7);

        var limited = await Api.GetAsync(V3("sessions"));
        var next = await Api.GetAsync(V3("sessions"));

        Assert.That((int)limited.StatusCode, Is.EqualTo(429));
        Assert.That(limited.Headers.RetryAfter!.Delta, Is.EqualTo(TimeSpan.FromSeconds(7)));
        Assert.That((await Json(limited)).GetProperty("status").GetInt32(), Is.EqualTo(429));
        Assert.That(next.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_status_fault_hits_only_matching_method_and_path_for_count_requests()
    {
        Server.Faults.FailNext("POST", "/v3/organizations/*/sessions", 500, count: 2);

        var get = await Api.GetAsync(V3("sessions"));
        var post1 = await Api.PostAsJsonAsync(V3("sessions"), new { prompt = "x" });
        var post2 = await Api.PostAsJsonAsync(V3("sessions"), new { prompt = "x" });
        var post3 = await Api.PostAsJsonAsync(V3("sessions"), new { prompt = "x" });

        Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(new[] { post1.StatusCode, post2.StatusCode, post3.StatusCode },
            Is.EqualTo(new[] { HttpStatusCode.InternalServerError, HttpStatusCode.InternalServerError, HttpStatusCode.OK }));
        Assert.That(Server.State.Sessions, Has.Count.EqualTo(1), "faulted requests never reach the endpoint");
        Assert.That(Server.Faults.Active, Is.Empty);
    }

    [Test]
    public async Task Double_star_glob_matches_across_segments()
    {
        Server.Faults.FailNext("*", "/v3/**", 503, count: 1);

        var response = await Api.GetAsync(V3("sessions/devin-x/messages"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
    }

    [Test]
    public void A_dropped_connection_gives_the_client_an_error_without_a_response()
    {
        Server.Faults.DropNext("GET", "/v3/self");

        Assert.ThrowsAsync<HttpRequestException>(() => Api.GetAsync("v3/self"));
        Assert.That(Server.RequestsTo("GET", "/v3/self").Single().ResponseStatusCode, Is.Null);
    }

    [Test]
    public async Task Drop_after_create_stores_the_session_but_the_client_sees_no_response()
    {
        Server.Faults.DropAfterCreateSession();

        Assert.ThrowsAsync<HttpRequestException>(() => Api.PostAsJsonAsync(V3("sessions"), new { prompt = "retry me", tags = new[] { "client-token-123" } }));

        var stored = Server.State.Sessions.Single();
        Assert.That(stored.Tags, Does.Contain("client-token-123"));
        var listed = await OkJson(await Api.GetAsync(V3("sessions?tags=client-token-123")));
        Assert.That(listed.GetProperty("items")[0].GetProperty("session_id").GetString(), Is.EqualTo(stored.SessionId));
    }

    [Test]
    public async Task A_delay_fault_delays_then_answers_normally()
    {
        Server.Faults.DelayNext("GET", "/v3/self", TimeSpan.FromMilliseconds(300));
        using var shortTimeout = Client(V3Key);
        shortTimeout.Timeout = TimeSpan.FromMilliseconds(100);

        Assert.ThrowsAsync<TaskCanceledException>(() => shortTimeout.GetAsync("v3/self"));
        Assert.That((await Api.GetAsync("v3/self")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Malformed_json_is_a_200_that_does_not_parse()
    {
        Server.Faults.MalformedJsonNext("GET", "/v3/self");

        var response = await Api.GetAsync("v3/self");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/json"));
        Assert.ThrowsAsync(Is.InstanceOf<System.Text.Json.JsonException>(), async () => await Json(response));
    }

    [Test]
    public async Task Faults_can_be_added_over_http()
    {
        using var control = Client(null);
        var added = await control.PostAsJsonAsync("_fake/faults",
            new { method = "GET", path = "/v3/self", kind = "status", status_code = 502, count = 1 });
        Assert.That(added.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        Assert.That((await Api.GetAsync("v3/self")).StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
        Assert.That((await Api.GetAsync("v3/self")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var bad = await control.PostAsJsonAsync("_fake/faults", new { path = "/v3/self", kind = "explode" });
        Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Drop_after_create_for_v1_over_http()
    {
        using var control = Client(null);
        await control.PostAsJsonAsync("_fake/faults", new { method = "POST", path = FaultControl.V1CreateSessionPath, kind = "drop_after_processing" });
        using var v1 = Client(V1Key);

        Assert.ThrowsAsync<HttpRequestException>(() => v1.PostAsJsonAsync("v1/sessions", new { prompt = "v1 task" }));
        Assert.That(Server.State.Sessions.Single().Prompt, Is.EqualTo("v1 task"));
    }
}
