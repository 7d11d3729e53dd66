using System.Text.Json;

namespace Handoff.IntegrationTests.Agents;

public class AuthTests : AgentsFixture
{
    private string _storeFile = null!;

    [SetUp]
    public async Task UseATempCredentialStore()
    {
        _storeFile = Path.Combine(Cli.Home, "credentials-store");
        await MustGit(Cli, Cli.Home, "config", "--global", "credential.helper", $"store --file {_storeFile}");
        Cli.Environment["DEVIN_API_KEY"] = null; // the key must come from the store
    }

    [Test]
    public async Task Login_with_token_checks_the_key_stores_it_in_the_helper_and_create_finds_it_there()
    {
        var login = await Cli.RunWithInput(Repo, Key + "\n", "auth", "login", "--with-token", "--json");
        Assert.That(login.ExitCode, Is.Zero, login.ToString());
        var json = ParseSingleJson(login);
        AssertFields(json, "stored", "api_url", "key_type", "principal_type", "name", "org_id");
        Assert.That(json.GetProperty("stored").GetBoolean(), Is.True);
        Assert.That(json.GetProperty("api_url").GetString(), Is.EqualTo(Server.DevinApiUrl));
        Assert.That(json.GetProperty("key_type").GetString(), Is.EqualTo("cog_"));
        Assert.That(json.GetProperty("principal_type").GetString(), Is.EqualTo("service_user"));
        Assert.That(json.GetProperty("org_id").GetString(), Is.EqualTo("org-test"));
        Assert.That(login.StandardOutput + login.StandardError, Does.Not.Contain(Key), "the key is never printed");
        Assert.That(Server.RequestsTo("GET", "/v3/self").Single().Authorization, Is.EqualTo("Bearer " + Key));

        // git's store helper writes one URL per credential (it percent-encodes the port's colon).
        Assert.That(File.ReadAllText(_storeFile).Trim(), Does.StartWith($"http://devin-api-key:{Key}@127.0.0.1"));

        var status = await Cli.Run(Repo, "auth", "status", "--json");
        Assert.That(status.ExitCode, Is.Zero, status.ToString());
        var st = ParseSingleJson(status);
        AssertFields(st, "api_url", "source", "key_type", "valid", "principal_type", "name", "org_id", "error");
        Assert.That(st.GetProperty("source").GetString(), Is.EqualTo("credential_store"));
        Assert.That(st.GetProperty("valid").GetBoolean(), Is.True);
        Assert.That(st.GetProperty("error").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(status.StandardOutput, Does.Not.Contain(Key));

        var create = await Cli.Run(Repo, "create", "--task", "Fix it", "--json");
        Assert.That(create.ExitCode, Is.Zero, create.ToString());
        var post = Server.RequestsTo("POST", "/v3/organizations/*/sessions").Single();
        Assert.That(post.Authorization, Is.EqualTo("Bearer " + Key));

        var logout = await Cli.Run(Repo, "auth", "logout", "--json");
        Assert.That(logout.ExitCode, Is.Zero, logout.ToString());
        var lo = ParseSingleJson(logout);
        AssertFields(lo, "removed", "api_url", "environment_key_set");
        Assert.That(lo.GetProperty("removed").GetBoolean(), Is.True);
        Assert.That(File.ReadAllText(_storeFile), Does.Not.Contain(Key));

        var after = await Cli.Run(Repo, "auth", "status", "--json");
        Assert.That(after.ExitCode, Is.EqualTo(4), after.ToString());
        Assert.That(ParseSingleJson(after).GetProperty("valid").GetBoolean(), Is.False);
        var noKey = await Cli.Run(Repo, "create", "--task", "Fix it");
        Assert.That(noKey.ExitCode, Is.EqualTo(4), noKey.ToString());
    }

    [Test]
    public async Task A_rejected_key_is_not_stored_and_exits_4()
    {
        Server.Auth.Reject("cog_revoked");
        var login = await Cli.RunWithInput(Repo, "cog_revoked", "auth", "login", "--with-token");
        Assert.That(login.ExitCode, Is.EqualTo(4), login.ToString());
        Assert.That(login.StandardError, Does.StartWith("devin-handoff: invalid or expired key"));
        Assert.That(File.Exists(_storeFile) ? File.ReadAllText(_storeFile) : "", Does.Not.Contain("cog_revoked"));
    }

    [Test]
    public async Task Login_without_a_terminal_or_with_token_is_a_usage_error_naming_the_flag()
    {
        var login = await Cli.RunWithInput(Repo, "", "auth", "login", "--json");
        Assert.That(login.ExitCode, Is.EqualTo(2), login.ToString());
        var error = ParseSingleJson(login).GetProperty("error");
        Assert.That(error.GetProperty("code").GetString(), Is.EqualTo("usage"));
        Assert.That(error.GetProperty("exit_code").GetInt32(), Is.EqualTo(2));
        Assert.That(error.GetProperty("message").GetString(), Does.Contain("--with-token"));
    }

    [Test]
    public async Task Status_prefers_the_environment_and_never_prints_the_key()
    {
        Cli.Environment["DEVIN_API_KEY"] = Key;
        var status = await Cli.Run(Repo, "auth", "status");
        Assert.That(status.ExitCode, Is.Zero, status.ToString());
        Assert.That(status.StandardError, Does.Contain("DEVIN_API_KEY"));
        Assert.That(status.StandardOutput + status.StandardError, Does.Not.Contain(Key));
    }

    [Test]
    public async Task Without_a_helper_login_says_how_to_configure_one()
    {
        await MustGit(Cli, Cli.Home, "config", "--global", "--unset", "credential.helper");
        var login = await Cli.RunWithInput(Repo, Key, "auth", "login", "--with-token");
        Assert.That(login.ExitCode, Is.EqualTo(4), login.ToString());
        Assert.That(login.StandardError, Does.Contain("credential.helper"));
    }
}
