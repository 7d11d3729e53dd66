using System.Text.Json;
using Handoff.FakeDevin.Infrastructure;

namespace Handoff.IntegrationTests.Workflows;

/// <summary>How every API command reports failures: one line, documented exit codes, JSON errors on stdout.</summary>
public class ErrorTests : WorkflowTestBase
{
    [Test]
    public async Task Rejected_key_is_exit_4_with_where_to_get_a_key_and_never_the_key()
    {
        Server.Auth.Reject(Key);
        var result = await Run("knowledge", "list");
        Assert.That(result.ExitCode, Is.EqualTo(4), result.ToString());
        Assert.That(result.StandardError, Does.Contain("invalid or expired key").And.Contain("https://app.devin.ai/settings/api-keys"));
        Assert.That(result.StandardError, Does.Not.Contain(Key));
        Assert.That(result.StandardError.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
    }

    [Test]
    public async Task Missing_key_is_exit_4_but_usage_errors_come_first_with_exit_2_and_nothing_sent()
    {
        Cli.Environment["DEVIN_API_KEY"] = null;
        var missingKey = await Run("playbooks", "list");
        Assert.That(missingKey.ExitCode, Is.EqualTo(4), missingKey.ToString());
        Assert.That(missingKey.StandardError, Does.Contain("DEVIN_API_KEY"));

        var usage = await Run("playbooks", "create", "--body", "x");
        Assert.That(usage.ExitCode, Is.EqualTo(2), usage.ToString());
        Assert.That(usage.StandardError, Does.Contain("--title"));
        Assert.That(Server.Requests, Is.Empty);
    }

    [Test]
    public async Task Forbidden_names_the_permission_the_endpoint_needs()
    {
        Server.Faults.FailNext("GET", "/v3/organizations/*/schedules", 403);
        var result = await Run("schedules", "list");
        Assert.That(result.ExitCode, Is.EqualTo(4), result.ToString());
        Assert.That(result.StandardError, Does.Contain("ManageOrgSchedules"));
    }

    [Test]
    public async Task Not_found_names_the_resource_with_exit_5_and_a_json_error_object_on_stdout()
    {
        var result = await Run("playbooks", "show", "playbook-missing", "--json");
        Assert.That(result.ExitCode, Is.EqualTo(5), result.ToString());
        using var doc = JsonDocument.Parse(result.StandardOutput);
        var error = doc.RootElement.GetProperty("error");
        Assert.That(error.GetProperty("code").GetString(), Is.EqualTo("not_found"));
        Assert.That(error.GetProperty("exit_code").GetInt32(), Is.EqualTo(5));
        Assert.That(error.GetProperty("message").GetString(), Does.Contain("playbook playbook-missing not found"));
    }

    [TestCase(ErrorShape.ProblemDetails)]
    [TestCase(ErrorShape.FastApi)]
    public async Task A_422_shows_every_field_error_in_both_body_shapes(ErrorShape shape)
    {
        Server.Settings.ErrorShape = shape;
        Server.Faults.Add(new FaultRule
        {
            Method = "POST", PathPattern = "/v3/organizations/*/knowledge/notes", StatusCode = 422,
            FieldErrors = [new(["body", "name"], "String should have at most 100 characters", "string_too_long"), new(["body", "trigger"], "Field required", "missing")],
        });
        var result = await Run("knowledge", "create", "--name", "n", "--trigger", "t", "--body", "b");
        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.StandardError, Does.Contain("String should have at most 100 characters @ body.name"));
        Assert.That(result.StandardError, Does.Contain("Field required @ body.trigger"));
        Assert.That(result.StandardError.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
    }

    [Test]
    public async Task Rate_limits_and_server_errors_are_retried_then_succeed()
    {
        Server.Faults.RateLimitNext("GET", "/v3/organizations/*/playbooks", retryAfterSeconds: 0, count: 2);
        Server.Faults.FailNext("GET", "/v3/organizations/*/playbooks", 503, count: 1, retryAfterSeconds: 0);
        var result = await Run("playbooks", "list", "--json");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(Sent("GET", "/v3/organizations/*/playbooks"), Has.Count.EqualTo(4));
    }

    [TestCase(429, "rate limited")]
    [TestCase(502, "HTTP 502")]
    public async Task Persistent_rate_limits_and_server_errors_end_with_exit_6_after_retries(int status, string text)
    {
        Server.Faults.FailNext("GET", "/v3/organizations/*/schedules", status, count: 99, retryAfterSeconds: 0);
        var result = await Run("schedules", "list");
        Assert.That(result.ExitCode, Is.EqualTo(6), result.ToString());
        Assert.That(result.StandardError, Does.Contain(text).And.Contain("5 attempts"));
        Assert.That(Sent("GET", "/v3/organizations/*/schedules"), Has.Count.EqualTo(5));
    }

    [Test]
    public async Task A_dropped_connection_is_retried()
    {
        Server.Faults.DropNext("GET", "/v3/self");
        var result = await Run("whoami", "--json");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(Sent("GET", "/v3/self"), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task An_unreachable_api_fails_the_doctor_api_check()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // nothing listens there now
        Cli.Environment["DEVIN_API_URL"] = $"http://127.0.0.1:{port}";
        var result = await Run("doctor", "--json");
        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        using var doc = JsonDocument.Parse(result.StandardOutput);
        var api = doc.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "api");
        Assert.That(api.GetProperty("ok").GetBoolean(), Is.False);
        Assert.That(api.GetProperty("detail").GetString(), Does.Contain("could not reach"));
    }
}
