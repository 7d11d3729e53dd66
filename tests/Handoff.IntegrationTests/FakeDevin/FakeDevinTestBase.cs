using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Handoff.FakeDevin;

namespace Handoff.IntegrationTests.FakeDevin;

/// <summary>Starts a fresh fake per test and gives HttpClients pointed at it.</summary>
public abstract class FakeDevinTestBase
{
    protected const string V3Key = "cog_test_key";
    protected const string V1Key = "apk_test_key";

    private readonly List<HttpClient> _clients = [];

    protected FakeDevinServer Server { get; private set; } = null!;

    /// <summary>Authenticated client with the v3 key, base address at the server root.</summary>
    protected HttpClient Api { get; private set; } = null!;

    /// <summary>Authenticated client with the legacy v1 (apk_) key.</summary>
    protected HttpClient V1 { get; private set; } = null!;

    protected string Org => Server.DefaultOrgId;

    protected virtual FakeDevinOptions Options() => new();

    [SetUp]
    public async Task StartServer()
    {
        Server = await FakeDevinServer.StartAsync(Options());
        Api = Client(V3Key);
        V1 = Client(V1Key);
    }

    [TearDown]
    public async Task StopServer()
    {
        Api.Dispose();
        V1.Dispose();
        foreach (var client in _clients) client.Dispose();
        _clients.Clear();
        await Server.DisposeAsync();
    }

    protected HttpClient Client(string? key, HttpMessageHandler? handler = null)
    {
        var client = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: true);
        client.BaseAddress = Server.BaseUrl;
        client.Timeout = TimeSpan.FromSeconds(20);
        if (key is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        _clients.Add(client);
        return client;
    }

    protected string V3(string path) => $"v3/organizations/{Org}/{path}";

    protected static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.Clone();
    }

    protected static async Task<JsonElement> OkJson(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(200), text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    protected async Task<JsonElement> CreateSessionAsync(string prompt = "do the thing", params string[] tags)
    {
        var response = await Api.PostAsJsonAsync(V3("sessions"), new { prompt, tags });
        return await OkJson(response);
    }

    protected static IReadOnlyList<string> Strings(JsonElement array) =>
        array.EnumerateArray().Select(e => e.GetString()!).ToList();
}
