using System.Text.Json;

namespace Handoff.IntegrationTests.Agents;

/// <summary>
/// The field sets documented in docs/json.md, checked against the real output of each command: a renamed or
/// dropped field fails here. Also: JSON-mode errors (usage errors included) are one object and nothing else.
/// </summary>
public class JsonContractTests : AgentsFixture
{
    private static readonly string[] SessionFields =
        ["session_id", "url", "title", "status", "status_detail", "status_enum", "state", "reason", "acus_consumed", "created_at", "updated_at", "is_archived", "tags", "pull_requests"];
    private static readonly string[] EndFields =
        ["type", "session_id", "status", "status_detail", "status_enum", "state", "reason", "exit_code", "timed_out", "url", "title", "pull_requests"];

    [Test]
    public async Task Session_commands_print_the_documented_fields()
    {
        var create = await Cli.Run(Repo, "create", "--task", "Contract check", "--json");
        Assert.That(create.ExitCode, Is.Zero, create.ToString());
        var created = ParseSingleJson(create);
        AssertFields(created, "session_id", "url", "status", "title", "tags", "is_new_session", "recovered");
        var id = created.GetProperty("session_id").GetString()!;
        Server.State.AddPullRequest(id, "https://github.com/example/agents/pull/3");
        Server.State.AddMessage(id, "working on it");

        var status = ParseSingleJson(await Must("status", id, "--json"));
        AssertFields(status, SessionFields);
        Assert.That(status.GetProperty("pull_requests")[0].EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "url", "state" }));
        Assert.That(status.GetProperty("created_at").GetString(), Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$"));

        var list = await Must("sessions", "--json");
        using (var doc = JsonDocument.Parse(list.StandardOutput))
            foreach (var item in doc.RootElement.EnumerateArray())
                AssertFields(item, SessionFields);

        var tail = ParseJsonLines((await Must("tail", id, "--json", "--no-follow")).StandardOutput);
        AssertFields(tail[0], "type", "session_id", "event_id", "created_at", "source", "message");
        AssertFields(tail[^1], EndFields);

        AssertFields(ParseSingleJson(await Must("send", id, "please continue", "--json")), "session_id", "sent", "status", "status_detail", "detail");

        Server.State.SetStatus(id, "running", "finished");
        AssertFields(ParseSingleJson(await Must("poll", id, "--json", "--interval", "0.1")), EndFields);
        AssertFields(ParseSingleJson(await Must("archive", id, "--json")), SessionFields);
    }

    [Test]
    public async Task Account_commands_print_the_documented_fields()
    {
        AssertFields(ParseSingleJson(await Must("auth", "status", "--json")),
            "api_url", "source", "key_type", "valid", "principal_type", "name", "org_id", "error");
        AssertFields(ParseSingleJson(await Must("whoami", "--json")),
            "key_type", "api_version", "principal_type", "id", "name", "org_id", "org_source", "api_key_id", "api_key_name", "unavailable");
    }

    [TestCase("create", "--no-such-flag", "--json")]
    [TestCase("no-such-command", "--json")]
    [TestCase("status", "devin-x", "--interval", "--json")]
    [TestCase("batch", "--json")]
    public async Task Usage_errors_in_json_mode_are_one_error_object_and_exit_2(params string[] args)
    {
        var result = await Cli.Run(Repo, args);
        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        var json = ParseSingleJson(result);
        AssertFields(json, "error");
        AssertFields(json.GetProperty("error"), "code", "message", "exit_code");
        Assert.That(json.GetProperty("error").GetProperty("code").GetString(), Is.EqualTo("usage"));
        Assert.That(json.GetProperty("error").GetProperty("exit_code").GetInt32(), Is.EqualTo(2));
    }

    [Test]
    public async Task Api_errors_in_json_mode_carry_the_documented_code()
    {
        var missing = await Cli.Run(Repo, "status", "devin-does-not-exist", "--json");
        Assert.That(missing.ExitCode, Is.EqualTo(5), missing.ToString());
        Assert.That(ParseSingleJson(missing).GetProperty("error").GetProperty("code").GetString(), Is.EqualTo("not_found"));

        Cli.Environment["DEVIN_API_KEY"] = null;
        var noKey = await Cli.Run(Repo, "create", "--task", "x", "--json");
        Assert.That(noKey.ExitCode, Is.EqualTo(4), noKey.ToString());
        Assert.That(ParseSingleJson(noKey).GetProperty("error").GetProperty("code").GetString(), Is.EqualTo("auth"));
    }

    [Test]
    public async Task Nothing_reads_a_closed_stdin_as_a_prompt()
    {
        // terminate must not ask when there is no terminal: it names --yes instead.
        var session = Server.State.CreateSession("x", tags: ["handoff"]);
        var result = await Cli.RunWithInput(Repo, "", "terminate", session.SessionId, "--json");
        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(ParseSingleJson(result).GetProperty("error").GetProperty("message").GetString(), Does.Contain("--yes"));
    }

    private async Task<Handoff.IntegrationTests.Support.CliResult> Must(params string[] args)
    {
        var result = await Cli.Run(Repo, args);
        Assert.That(result.ExitCode, Is.Zero, $"{string.Join(' ', args)}\n{result}");
        return result;
    }
}
