using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Handoff.FakeDevin;
using Handoff.FakeDevin.Infrastructure;
using Handoff.IntegrationTests.Support;

namespace Handoff.IntegrationTests.Workflows;

/// <summary>
/// One fake Devin API per fixture (reset before each test, which is cheap) and a sealed CLI runner pointed at it
/// with a cog_ key and the fake's org. Tests run the built binary and assert on its output and on the requests
/// the fake received.
/// </summary>
public abstract class WorkflowTestBase
{
    protected const string Key = "cog_workflows_test_key";
    protected FakeDevinServer Server { get; private set; } = null!;
    protected CliRunner Cli { get; private set; } = null!;
    protected string Org => Server.DefaultOrgId;
    private HttpClient _http = null!;

    protected virtual FakeDevinOptions Options() => new();

    [OneTimeSetUp]
    public async Task StartServer()
    {
        Server = await FakeDevinServer.StartAsync(Options());
        _http = new HttpClient { BaseAddress = Server.BaseUrl, Timeout = TimeSpan.FromSeconds(20) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
    }

    [OneTimeTearDown]
    public async Task StopServer()
    {
        _http.Dispose();
        await Server.DisposeAsync();
    }

    [SetUp]
    public void FreshState()
    {
        Server.Reset();
        Server.State.Self = SelfIdentity.ServiceUser(Org);
        Cli = new CliRunner();
        foreach (var (k, v) in Server.ClientEnvironment(Key)) Cli.Environment[k] = v;
    }

    [TearDown]
    public void DisposeCli() => Cli.Dispose();

    protected Task<CliResult> Run(params string[] args) => Cli.Run(Cli.Home, args);

    protected Task<CliResult> RunWithInput(string input, params string[] args) => Cli.RunWithInput(Cli.Home, input, args);

    protected static JsonElement ParseJson(CliResult result)
    {
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        using var doc = JsonDocument.Parse(result.StandardOutput);
        return doc.RootElement.Clone();
    }

    /// <summary>Seeds through the fake's own API (the binary is not involved).</summary>
    protected async Task<JsonElement> Post(string orgPath, object body)
    {
        var response = await _http.PostAsJsonAsync($"v3/organizations/{Org}/{orgPath}", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(200), text);
        Server.RequestLog.Clear();
        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.Clone();
    }

    /// <summary>Only the requests the binary sent to org-scoped or identity endpoints, method and path.</summary>
    protected IReadOnlyList<RecordedRequest> Sent(string method, string pattern) => Server.RequestsTo(method, pattern);

    protected static string Str(JsonElement e, string name) => e.GetProperty(name).GetString()!;
}
