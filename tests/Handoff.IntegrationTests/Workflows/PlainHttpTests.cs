namespace Handoff.IntegrationTests.Workflows;

/// <summary>
/// A plain-http API URL to another machine would carry the bearer key in clear: it is refused before anything is sent,
/// wherever the URL comes from. The fake API stands in as an HTTP proxy, so a request that did go out is seen there
/// (with its Host header) instead of reaching the network.
/// </summary>
public class PlainHttpTests : WorkflowTestBase
{
    private const string RemoteHttpUrl = "http://example.invalid";

    [SetUp]
    public void RouteHttpThroughTheFake()
    {
        foreach (var name in new[] { "HTTP_PROXY", "http_proxy" }) Cli.Environment[name] = Server.DevinApiUrl;
        foreach (var name in new[] { "NO_PROXY", "no_proxy", "HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy" }) Cli.Environment[name] = null;
    }

    [TestCase("flag")]
    [TestCase("DEVIN_API_URL")]
    [TestCase("git config")]
    public async Task A_plain_http_url_to_another_host_is_refused_before_anything_is_sent(string source)
    {
        string[] extra = [];
        switch (source)
        {
            case "flag": extra = ["--api-url", RemoteHttpUrl]; break;
            case "DEVIN_API_URL": Cli.Environment["DEVIN_API_URL"] = RemoteHttpUrl; break;
            default:
                Cli.Environment["DEVIN_API_URL"] = null;
                File.WriteAllText(Cli.GlobalGitConfig, $"[devin-handoff]\n\tapiUrl = {RemoteHttpUrl}\n");
                break;
        }

        var result = await Run(["status", "devin-abc123", .. extra]);

        Assert.That(result.ExitCode, Is.EqualTo(4), result.ToString());
        Assert.That(Server.Requests, Is.Empty, "nothing was sent, not even through the proxy");
        var lines = result.StandardError.Trim().Split('\n');
        Assert.That(lines, Has.Length.EqualTo(1), result.ToString());
        Assert.That(lines[0], Does.Contain("plain http").And.Contain("example.invalid").And.Contain("https://"));
        Assert.That(result.StandardError, Does.Not.Contain(Key));
    }

    [Test]
    public async Task Plain_http_to_this_machine_is_allowed()
    {
        var url = Server.DevinApiUrl.Replace("127.0.0.1", "localhost");
        foreach (var name in new[] { "HTTP_PROXY", "http_proxy" }) Cli.Environment[name] = null;

        var result = await Run("status", "devin-abc123", "--api-url", url);

        Assert.That(result.ExitCode, Is.EqualTo(5), result.ToString()); // the fake answered: no such session
        Assert.That(Server.Requests, Has.Count.EqualTo(1));
    }
}
