using System.Net;
using System.Net.Http.Json;

namespace Handoff.IntegrationTests.FakeDevin;

public class AuthTests : FakeDevinTestBase
{
    [Test]
    public async Task Missing_or_empty_key_is_401_problem_detail()
    {
        using var anonymous = Client(null);
        using var empty = Client(null);
        empty.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Bearer ");

        var none = await anonymous.GetAsync("v3/self");
        var blank = await empty.GetAsync("v3/self");

        Assert.That(none.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(blank.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(none.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That((await Json(none)).GetProperty("status").GetInt32(), Is.EqualTo(401));
    }

    [Test]
    public async Task Rejected_keys_are_401_and_others_still_work()
    {
        Server.Auth.Reject("cog_revoked");
        using var revoked = Client("cog_revoked");

        Assert.That((await revoked.GetAsync("v3/self")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await Api.GetAsync("v3/self")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Allow_only_limits_the_accepted_keys()
    {
        Server.Auth.AllowOnly("cog_the_one");
        using var theOne = Client("cog_the_one");

        Assert.That((await Api.GetAsync("v3/self")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await theOne.GetAsync("v3/self")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Cog_keys_get_403_on_v1_and_apk_keys_get_403_on_v3()
    {
        using var apk = Client(V1Key);
        using var apkUser = Client("apk_user_abc");

        Assert.That((await Api.GetAsync("v1/sessions")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await apk.GetAsync("v3/self")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await apkUser.GetAsync(V3("sessions"))).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await apk.GetAsync("v1/sessions")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await Api.GetAsync(V3("sessions"))).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task The_request_log_keeps_the_authorization_header_and_body_as_received()
    {
        await Api.PostAsJsonAsync(V3("sessions"), new { prompt = "logged" });

        var request = Server.RequestsTo("POST", "/v3/organizations/*/sessions").Single();
        Assert.That(request.Authorization, Is.EqualTo("Bearer " + V3Key));
        Assert.That(request.ResponseStatusCode, Is.EqualTo(200));
        using var body = request.BodyJson();
        Assert.That(body.RootElement.GetProperty("prompt").GetString(), Is.EqualTo("logged"));
    }

    [Test]
    public async Task Control_endpoints_need_no_key_and_are_not_logged()
    {
        using var anonymous = Client(null);

        var settings = await anonymous.GetAsync("_fake/settings");

        Assert.That(settings.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Server.Requests, Is.Empty);
    }
}
