using Handoff.Core;
using Handoff.Core.Devin;
using static Handoff.Tests.Devin.ClientFixture;

namespace Handoff.Tests.Devin;

/// <summary>Edges of the v1 routes and of storage downloads that the main tests do not reach.</summary>
public class DevinV1AndStorageEdgeTests
{
    [Test]
    public void A_json_null_body_is_malformed_with_the_reason()
    {
        using var server = new TestApiServer((_, r) => Reply.Ok(r, "null"));
        var (client, _, _) = Create(server.Url);

        var e = Assert.ThrowsAsync<HandoffException>(() => client.Sessions.Get("abc"));

        Assert.That(e!.Message, Is.EqualTo("the Devin API sent malformed JSON while getting session devin-abc: the body is empty or null"));
    }

    [Test]
    public void A_key_whose_org_is_not_known_yet_is_described_by_its_type_alone()
    {
        using var server = new TestApiServer((_, r) => Reply.Json(r, 401, ""));
        var (client, _, _) = Create(server.Url, org: null);

        var e = Assert.ThrowsAsync<DevinApiException>(() => client.Sessions.Get("abc"));

        Assert.That(e!.Message, Is.EqualTo("invalid or expired key (key type cog_); create a key at https://app.devin.ai/settings/api-keys"));
        Assert.That(server.All.Single().Path, Is.EqualTo("/v3/self"), "the org is looked up first");
    }

    [Test]
    public void V1_calls_are_named_in_their_errors()
    {
        using var server = new TestApiServer((req, r) => req.Path == "/v1/sessions" ? Reply.Json(r, 404, "") : Reply.Json(r, 400, ""));
        var (client, _, _) = Create(server.Url, key: ApkKey, org: null);

        Assert.That(Assert.ThrowsAsync<DevinApiException>(() => client.Sessions.Get("abc"))!.Message, Is.EqualTo("bad request while getting session devin-abc"));
        Assert.That(Assert.ThrowsAsync<DevinApiException>(() => client.Sessions.List(new SessionListQuery()))!.Message, Is.EqualTo("sessions not found"));
    }

    [Test]
    public async Task A_v1_create_answer_without_is_new_session_counts_as_new()
    {
        using var server = new TestApiServer((_, r) => Reply.Ok(r, """{"session_id":"devin-v1","url":"https://app.devin.ai/sessions/v1"}"""));
        var (client, _, _) = Create(server.Url, key: ApkKey, org: null);

        var created = await client.Sessions.Create(new SessionCreateRequest { Prompt = "p" });

        Assert.That((created.Session.SessionId, created.IsNewSession, created.Recovered), Is.EqualTo(("devin-v1", true, false)));
    }

    [Test]
    public async Task A_v1_session_without_tags_has_none()
    {
        using var server = new TestApiServer((_, r) => Reply.Ok(r, """{"session_id":"devin-abc","status_enum":"working"}"""));
        var (client, _, _) = Create(server.Url, key: ApkKey, org: null);

        Assert.That(await client.Sessions.GetTags("abc"), Is.Not.Null.And.Empty);
    }

    [Test]
    public async Task Appending_tags_where_post_is_refused_is_traced()
    {
        using var server = new TestApiServer((req, r) => req.Method == "POST" ? Reply.Json(r, 405, "") : Reply.Ok(r, """{"tags":["a"]}"""));
        var (client, _, trace) = Create(server.Url);

        await client.Sessions.AppendTags("abc", ["a"]);

        Assert.That(trace.Lines, Does.Contain("POST on tags is not allowed; merging and replacing instead"));
    }

    [Test]
    public void A_missing_storage_object_is_named_as_an_attachment()
    {
        using var storage = new TestApiServer((_, r) => Reply.Json(r, 404, ""));
        using var api = new TestApiServer((_, r) => Reply.Ok(r, "{}"));
        var (client, _, _) = Create(api.Url);

        var e = Assert.ThrowsAsync<DevinApiException>(() => client.Attachments.Download(storage.Url + "/gone.bin", new MemoryStream()));

        Assert.That((e!.Message, e.ExitCode), Is.EqualTo(("attachment not found", ExitCodes.NotFound)));
    }

    [Test]
    public async Task A_storage_redirect_is_followed_without_the_key()
    {
        using var final = new TestApiServer((_, r) => Reply.Bytes(r, [7, 7]));
        using var storage = new TestApiServer((_, r) => Reply.Redirect(r, final.Url + "/real.bin"));
        using var api = new TestApiServer((_, r) => Reply.Ok(r, "{}"));
        var (client, _, _) = Create(api.Url);
        using var destination = new MemoryStream();

        await client.Attachments.Download(storage.Url + "/f.bin", destination);

        Assert.That(destination.ToArray(), Is.EqualTo(new byte[] { 7, 7 }));
        Assert.That(final.All.Single().Header("Authorization"), Is.Null);
    }

    [Test]
    public void A_storage_host_that_does_not_answer_times_out_like_the_api()
    {
        using var storage = new TestApiServer(async (_, r) => { await Task.Delay(1500); await Reply.Bytes(r, [1]); });
        using var api = new TestApiServer((_, r) => Reply.Ok(r, "{}"));
        var (client, _, _) = Create(api.Url, maxAttempts: 1, timeout: TimeSpan.FromMilliseconds(200));

        var e = Assert.ThrowsAsync<DevinApiException>(() => client.Attachments.Download(storage.Url + "/slow.bin", new MemoryStream()));

        Assert.That(e!.Message, Does.StartWith($"the Devin API at 127.0.0.1:{new Uri(api.Url).Port} did not answer within 0 s while downloading an attachment"));
    }

    [Test]
    public void A_missing_session_id_is_required_not_invalid()
    {
        Assert.That(Assert.Throws<HandoffException>(() => SessionIds.Normalize(null!))!.Message, Is.EqualTo("a session id is required (e.g. devin-abc123)"));
    }
}
