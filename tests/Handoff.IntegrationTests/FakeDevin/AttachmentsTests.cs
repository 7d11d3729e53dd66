using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Handoff.IntegrationTests.FakeDevin;

public class AttachmentsTests : FakeDevinTestBase
{
    [Test]
    public async Task Upload_takes_the_file_part_and_returns_id_name_url()
    {
        var upload = await OkJson(await Api.PostAsync(V3("attachments"), FilePart("notes.txt", "hello attachment")));

        var id = upload.GetProperty("attachment_id").GetString()!;
        Assert.That(upload.GetProperty("name").GetString(), Is.EqualTo("notes.txt"));
        Assert.That(upload.GetProperty("url").GetString(), Does.Contain($"/attachments/{id}/notes.txt"));
        Assert.That(Encoding.UTF8.GetString(Server.State.FindAttachment(id)!.Content), Is.EqualTo("hello attachment"));
    }

    [Test]
    public async Task Upload_without_a_file_part_is_422()
    {
        var form = new MultipartFormDataContent { { new StringContent("x"), "document", "x.txt" } };

        Assert.That((int)(await Api.PostAsync(V3("attachments"), form)).StatusCode, Is.EqualTo(422));
    }

    [Test]
    public async Task Download_is_a_307_to_the_storage_server()
    {
        var attachment = await SessionWithAttachment("report.txt", "report body");
        using var noRedirects = Client(V3Key, new HttpClientHandler { AllowAutoRedirect = false });

        var response = await noRedirects.GetAsync(Server.State.ApiDownloadUrl(attachment));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.TemporaryRedirect));
        Assert.That(response.Headers.Location!.Authority, Is.EqualTo(Server.StorageBaseUrl.Authority));
        Assert.That(response.Headers.Location!.Authority, Is.Not.EqualTo(Server.BaseUrl.Authority));
    }

    [Test]
    public async Task Following_the_redirect_gets_the_bytes_and_storage_never_sees_the_api_key()
    {
        var attachment = await SessionWithAttachment("report.txt", "report body");

        var response = await Api.GetAsync(Server.State.ApiDownloadUrl(attachment)); // default handler follows redirects

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("report body"));
        var storageRequest = Server.StorageRequests.Single();
        Assert.That(storageRequest.Authorization, Is.Null);
        Assert.That(storageRequest.Headers.Keys, Has.None.EqualTo("Authorization").IgnoreCase);
        Assert.That(Server.RequestsTo("GET", "/v3/organizations/*/attachments/**").Single().Authorization, Is.EqualTo("Bearer " + V3Key));
    }

    [Test]
    public async Task Storage_refuses_a_request_that_carries_authorization()
    {
        var attachment = await SessionWithAttachment("a.txt", "x");
        using var leaky = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, Server.State.StorageDownloadUrl(attachment));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", V3Key);

        var response = await leaky.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(Server.StorageRequests.Single().Authorization, Is.EqualTo("Bearer " + V3Key));
    }

    [Test]
    public async Task Storage_can_drop_the_connection_mid_body()
    {
        var attachment = await SessionWithAttachment("big.bin", new string('x', 200_000));
        Server.Settings.StorageDropsMidBody = true;

        Assert.ThrowsAsync(Is.InstanceOf<HttpRequestException>().Or.InstanceOf<IOException>(),
            async () => await (await Api.GetAsync(Server.State.ApiDownloadUrl(attachment))).Content.ReadAsByteArrayAsync());
    }

    [Test]
    public async Task Session_attachment_list_is_a_bare_array_and_keeps_hostile_names()
    {
        var id = (await CreateSessionAsync()).GetProperty("session_id").GetString()!;
        Server.State.AddAttachment(id, "../../.bashrc", "evil"u8.ToArray(), "text/plain");
        Server.State.AddAttachment(id, "fine.txt", "ok"u8.ToArray(), source: "user");

        var list = await OkJson(await Api.GetAsync(V3($"sessions/{id}/attachments")));

        Assert.That(list.ValueKind, Is.EqualTo(JsonValueKind.Array));
        Assert.That(list.EnumerateArray().Select(a => a.GetProperty("name").GetString()), Is.EqualTo(new[] { "../../.bashrc", "fine.txt" }));
        Assert.That(list[0].GetProperty("source").GetString(), Is.EqualTo("devin"));
        Assert.That(list[0].GetProperty("content_type").GetString(), Is.EqualTo("text/plain"));
        Assert.That(list[1].GetProperty("content_type").ValueKind, Is.EqualTo(JsonValueKind.Null));

        var hostileUrl = list[0].GetProperty("url").GetString()!;
        Assert.That(hostileUrl, Does.Contain("..%2F..%2F.bashrc"));
        Assert.That(await (await Api.GetAsync(hostileUrl)).Content.ReadAsStringAsync(), Is.EqualTo("evil"));
    }

    [Test]
    public async Task Session_attachment_list_can_be_wrapped_in_items()
    {
        var id = (await CreateSessionAsync()).GetProperty("session_id").GetString()!;
        Server.State.AddAttachment(id, "a.txt", "a"u8.ToArray());
        Server.Settings.AttachmentListWrapped = true;

        var list = await OkJson(await Api.GetAsync(V3($"sessions/{id}/attachments")));

        Assert.That(list.GetProperty("items").GetArrayLength(), Is.EqualTo(1));
    }

    [Test]
    public async Task Attachment_urls_can_point_straight_at_storage()
    {
        var id = (await CreateSessionAsync()).GetProperty("session_id").GetString()!;
        Server.State.AddAttachment(id, "a.txt", "direct"u8.ToArray());
        Server.Settings.AttachmentUrlsPointToStorage = true;

        var url = (await OkJson(await Api.GetAsync(V3($"sessions/{id}/attachments"))))[0].GetProperty("url").GetString()!;
        using var plain = new HttpClient();

        Assert.That(new Uri(url).Authority, Is.EqualTo(Server.StorageBaseUrl.Authority));
        Assert.That(await plain.GetStringAsync(url), Is.EqualTo("direct"));
    }

    [Test]
    public async Task Download_of_an_unknown_attachment_is_404()
    {
        var response = await Api.GetAsync(V3($"attachments/{Guid.NewGuid()}/x.txt"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    private async Task<Handoff.FakeDevin.State.FakeAttachment> SessionWithAttachment(string name, string content)
    {
        var id = (await CreateSessionAsync()).GetProperty("session_id").GetString()!;
        return Server.State.AddAttachment(id, name, Encoding.UTF8.GetBytes(content), "text/plain");
    }

    private static MultipartFormDataContent FilePart(string name, string content)
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        return new MultipartFormDataContent { { file, "file", name } };
    }
}
