using System.Text.Json;

namespace Handoff.IntegrationTests.Create;

/// <summary>
/// Settings that several places read must mean the same everywhere: the trace switch, and the key a dry run
/// and a real send pick the API version from.
/// </summary>
public class CreateSettingsAgreementTests : CreateFixture
{
    [SetUp]
    public void CommitSomething() => CommitAndChangeAppPy();

    [TestCase("1")]
    [TestCase("True")]
    [TestCase("TRUE")]
    public async Task Every_trace_output_follows_the_one_trace_switch(string value)
    {
        Cli.Environment["DEVIN_HANDOFF_TRACE"] = value;

        var sent = await Cli.Run(Repo.Path, "create", "--task", "Fix", "--json");
        Assert.That(sent.ExitCode, Is.Zero, sent.ToString());
        Assert.That(sent.StandardError, Does.Contain("[devin-handoff trace] POST"), "the HTTP trace");
        Assert.That(sent.StandardError, Does.Contain("[devin-handoff trace] inspect: "), "the stage timings");

        var failed = await Cli.Run(Repo.Path, "status", "devin-doesnotexist");
        Assert.That(failed.ExitCode, Is.EqualTo(5), failed.ToString());
        Assert.That(failed.StandardError, Does.Contain("DevinApiException"), "the exception behind the one-line error");
    }

    [Test]
    public async Task Trace_off_prints_no_trace_and_no_exception()
    {
        Cli.Environment["DEVIN_HANDOFF_TRACE"] = "0";
        var failed = await Cli.Run(Repo.Path, "status", "devin-doesnotexist");
        Assert.That(failed.ExitCode, Is.EqualTo(5), failed.ToString());
        Assert.That(failed.StandardError, Does.Not.Contain("[devin-handoff trace]").And.Not.Contain("Exception"));
    }

    [Test]
    public async Task Dry_run_json_shows_the_body_for_the_key_auth_login_stored_as_the_send_posts_it()
    {
        const string legacyKey = "apk_user_stored_by_login_0123456789";
        var storeFile = Path.Combine(Cli.Home, "credentials-store");
        var helper = await Cli.Git(Cli.Home, "config", "--global", "credential.helper", $"store --file {storeFile}");
        Assert.That(helper.ExitCode, Is.Zero, helper.ToString());
        Cli.Environment["DEVIN_API_KEY"] = null;
        var login = await Cli.RunWithInput(Repo.Path, legacyKey + "\n", "auth", "login", "--with-token");
        Assert.That(login.ExitCode, Is.Zero, login.ToString());

        var dry = await Cli.Run(Repo.Path, "create", "--task", "Fix it", "--dry-run", "--json");
        Assert.That(dry.ExitCode, Is.Zero, dry.ToString());
        Assert.That(dry.StandardOutput + dry.StandardError, Does.Not.Contain(legacyKey), "the key is never printed");
        var shown = JsonDocument.Parse(dry.StandardOutput).RootElement.GetProperty("request");

        var sent = await Cli.Run(Repo.Path, "create", "--task", "Fix it", "--json");
        Assert.That(sent.ExitCode, Is.Zero, sent.ToString());
        var posted = Fake.RequestsTo("POST", "/v1/sessions").Single().BodyJson()!.RootElement;

        Assert.That(shown.TryGetProperty("idempotent", out var idempotent) && idempotent.GetBoolean(), Is.True,
            "a v1 body, as the send posts: " + shown);
        Assert.That(Names(shown), Is.EqualTo(Names(posted)));
    }

    private static List<string> Names(JsonElement body) => body.EnumerateObject().Select(p => p.Name).ToList();
}
