using Handoff.FakeDevin;

namespace Handoff.IntegrationTests.Workflows;

public class IdentityTests : WorkflowTestBase
{
    [Test]
    public async Task Whoami_shows_the_service_user_and_the_org_and_never_the_key()
    {
        var result = await Run("whoami");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.StandardOutput, Does.Contain("service user fake-service-user (svc-fake-0001)"));
        Assert.That(result.StandardOutput, Does.Contain($"{Org} (from DEVIN_ORG_ID)"));
        Assert.That(result.StandardOutput + result.StandardError, Does.Not.Contain(Key));
        Assert.That(Sent("GET", "/v3/self"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Whoami_json_for_a_personal_token_takes_the_org_from_self_when_none_is_set()
    {
        Server.State.Self = SelfIdentity.PatUser(Org);
        Cli.Environment["DEVIN_ORG_ID"] = null;
        var json = ParseJson(await Run("whoami", "--json"));
        Assert.That(Str(json, "principal_type"), Is.EqualTo("pat_user"));
        Assert.That(Str(json, "name"), Is.EqualTo("Fake Person"));
        Assert.That(Str(json, "id"), Is.EqualTo("user-fake-0001"));
        Assert.That(Str(json, "org_id"), Is.EqualTo(Org));
        Assert.That(Str(json, "org_source"), Is.EqualTo("GET /v3/self"));
        Assert.That(Str(json, "api_version"), Is.EqualTo("v3"));
        Assert.That(Str(json, "key_type"), Is.EqualTo("cog_"));
        Assert.That(Str(json, "api_key_name"), Is.EqualTo("fake personal token"));
    }

    [Test]
    public async Task Whoami_with_a_legacy_key_says_v1_and_what_it_cannot_do_after_one_cheap_call()
    {
        Cli.Environment["DEVIN_API_KEY"] = "apk_legacy_test";
        var result = await Run("whoami");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.StandardOutput, Does.Contain("v1 API"));
        Assert.That(result.StandardError, Does.Contain("knowledge").And.Contain("schedules").And.Contain("orgs"));
        var call = Sent("GET", "/v1/sessions").Single();
        Assert.That(call.Query("limit"), Is.EqualTo(new[] { "1" }));
        Assert.That(Sent("GET", "/v3/**"), Is.Empty);

        var json = ParseJson(await Run("whoami", "--json"));
        Assert.That(Str(json, "api_version"), Is.EqualTo("v1"));
        Assert.That(json.GetProperty("unavailable").GetArrayLength(), Is.GreaterThan(3));
    }

    [Test]
    public async Task Orgs_pages_through_every_organization_and_limit_caps()
    {
        Server.State.Self = SelfIdentity.ServiceUser(orgId: null);
        for (var i = 0; i < 204; i++) Server.State.AddOrganization($"org-extra-{i:000}", $"Extra {i}");

        var json = ParseJson(await Run("orgs", "--json"));
        Assert.That(json.GetArrayLength(), Is.EqualTo(205));
        Assert.That(Str(json[1], "org_id"), Is.EqualTo("org-extra-000"));
        var pages = Sent("GET", "/v3/enterprise/organizations");
        Assert.That(pages, Has.Count.EqualTo(2));
        Assert.That(pages[0].Query("first"), Is.EqualTo(new[] { "200" }));
        Assert.That(pages[0].Query("after"), Is.Empty);
        Assert.That(pages[1].Query("after"), Has.Count.EqualTo(1));

        var limited = await Run("orgs", "--limit", "3");
        Assert.That(limited.ExitCode, Is.Zero, limited.ToString());
        var lines = limited.StandardOutput.TrimEnd('\n').Split('\n');
        Assert.That(lines, Has.Length.EqualTo(3));
        Assert.That(lines[0].Split('\t')[0], Is.EqualTo(Org), "tab-separated when not a terminal");
    }

    [Test]
    public async Task Orgs_with_an_org_scoped_key_is_a_403_naming_the_permission_exit_4()
    {
        var result = await Run("orgs");
        Assert.That(result.ExitCode, Is.EqualTo(4), result.ToString());
        Assert.That(result.StandardError, Does.Contain("ManageOrganizations"));
        Assert.That(result.StandardError.Trim().Split('\n'), Has.Length.EqualTo(1));
    }
}
