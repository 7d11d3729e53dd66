using System.Text.Json;
using Handoff.FakeDevin;
using Handoff.IntegrationTests.Secrets;

namespace Handoff.IntegrationTests.Mcp;

/// <summary>The repository tools (handoff_preview, handoff_create, secrets_scan) on a real temp repository and the fake API.</summary>
[TestFixture]
public sealed class McpHandoffToolsTests
{
    private FakeDevinServer _server = null!;
    private GitSandbox _sandbox = null!;

    [SetUp]
    public async Task SetUp()
    {
        _server = await FakeDevinServer.StartAsync();
        _sandbox = await new GitSandbox().WithPushedMain();
        foreach (var (k, v) in _server.ClientEnvironment()) _sandbox.Cli.Environment[k] = v;
        await _sandbox.GitOk(_sandbox.Repo, "remote", "set-url", "origin", "https://github.com/example/demo.git");
    }

    [TearDown]
    public async Task TearDown()
    {
        _sandbox.Dispose();
        await _server.DisposeAsync();
    }

    [Test]
    public async Task Handoff_preview_returns_the_prompt_withholds_a_secret_and_sends_nothing()
    {
        var key = TestSecrets.AwsKeyId();
        File.WriteAllText(Path.Combine(_sandbox.Repo, "settings.py"), $"AWS_ACCESS_KEY_ID = \"{key}\"\n");
        File.AppendAllText(Path.Combine(_sandbox.Repo, "README.md"), "More docs.\n");
        await using var mcp = await McpHarness.Start(_sandbox.Cli, _sandbox.Repo);

        var result = await mcp.Call("handoff_preview", new() { ["task"] = "Document the settings", ["context"] = "I read README.md" });

        var preview = McpHarness.Structured(result);
        var prompt = preview.GetProperty("request").GetProperty("prompt").GetString()!;
        Assert.That(prompt, Does.Contain("Document the settings").And.Contain("I read README.md").And.Contain("More docs."));
        Assert.That(prompt, Does.Contain("github.com/example/demo"));
        Assert.That(McpHarness.TextOf(result), Does.Not.Contain(key), "the secret left the server");
        var withheld = preview.GetProperty("inspection").GetProperty("withheld").EnumerateArray().ToList();
        Assert.That(withheld.Select(w => w.GetProperty("file").GetString()), Does.Contain("settings.py"));
        Assert.That(withheld.SelectMany(w => w.GetProperty("rules").EnumerateArray().Select(r => r.GetString())), Does.Contain("aws-access-key-id"));
        Assert.That(preview.GetProperty("inspection").GetProperty("bytes").GetInt64(), Is.EqualTo(System.Text.Encoding.UTF8.GetByteCount(prompt)));
        Assert.That(_server.RequestsTo("POST", "/v3/organizations/*/sessions"), Is.Empty, "a preview created a session");
    }

    [Test]
    public async Task Handoff_create_creates_one_session_and_the_same_call_again_returns_it()
    {
        File.AppendAllText(Path.Combine(_sandbox.Repo, "README.md"), "Work in progress.\n");
        await using var mcp = await McpHarness.Start(_sandbox.Cli, _sandbox.Repo);
        var arguments = new Dictionary<string, object?> { ["task"] = "Finish the README", ["tags"] = new[] { "docs" } };

        var first = McpHarness.Structured(await mcp.Call("handoff_create", arguments));
        var again = McpHarness.Structured(await mcp.Call("handoff_create", arguments));

        var session = _server.State.Sessions.Single();
        Assert.That(first.GetProperty("session_id").GetString(), Is.EqualTo(session.SessionId));
        Assert.That(first.GetProperty("is_new_session").GetBoolean(), Is.True);
        Assert.That(first.GetProperty("tags").EnumerateArray().Select(t => t.GetString()), Does.Contain("docs").And.Contain("handoff"));
        Assert.That(session.Prompt, Does.Contain("Finish the README").And.Contain("Work in progress."));
        Assert.That(again.GetProperty("session_id").GetString(), Is.EqualTo(session.SessionId));
        Assert.That(again.GetProperty("is_new_session").GetBoolean(), Is.False);
        Assert.That(_server.RequestsTo("POST", "/v3/organizations/*/sessions"), Has.Count.EqualTo(1));

        // Other arguments are another request; an explicit client_token is one too.
        McpHarness.Structured(await mcp.Call("handoff_create", new() { ["task"] = "Finish the README", ["client_token"] = "t-1" }));
        Assert.That(_server.State.Sessions, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task A_retry_after_a_create_whose_answer_was_lost_finds_the_session_instead_of_creating_another()
    {
        await using var mcp = await McpHarness.Start(_sandbox.Cli, _sandbox.Repo);
        // The session is created but every answer is lost, and the client cannot look it up either: the call fails.
        _server.Faults.DropAfterCreateSession(count: 10);
        _server.Faults.FailNext("GET", "/v3/organizations/*/sessions", 500, count: 100);
        var failed = McpHarness.ErrorOf(await mcp.Call("handoff_create", new() { ["task"] = "Fix the flaky test" }));
        Assert.That(failed.GetProperty("code").GetString(), Is.EqualTo("api_unavailable"));
        Assert.That(_server.State.Sessions, Has.Count.EqualTo(1), "the first attempt did create the session");

        _server.Faults.Clear();
        var retried = McpHarness.Structured(await mcp.Call("handoff_create", new() { ["task"] = "Fix the flaky test" }));

        Assert.That(_server.State.Sessions, Has.Count.EqualTo(1), "the retry created a second session");
        Assert.That(retried.GetProperty("session_id").GetString(), Is.EqualTo(_server.State.Sessions[0].SessionId));
        Assert.That(retried.GetProperty("recovered").GetBoolean(), Is.True);
    }

    [Test]
    public async Task Without_a_key_handoff_create_is_an_auth_tool_error_that_says_how_to_fix_it()
    {
        _sandbox.Cli.Environment["DEVIN_API_KEY"] = null;
        await using var mcp = await McpHarness.Start(_sandbox.Cli, _sandbox.Repo);

        var error = McpHarness.ErrorOf(await mcp.Call("handoff_create", new() { ["task"] = "Fix it" }));

        Assert.That(error.GetProperty("code").GetString(), Is.EqualTo("auth"));
        Assert.That(error.GetProperty("exit_code").GetInt32(), Is.EqualTo(4));
        Assert.That(error.GetProperty("message").GetString(), Does.Contain("DEVIN_API_KEY").And.Contain("auth login"));
        Assert.That(_server.State.Sessions, Is.Empty);
    }

    [Test]
    public async Task Secrets_scan_reports_staged_and_committed_secrets_redacted_and_refuses_paths_outside_the_repository_and_option_ranges()
    {
        var key = TestSecrets.StripeKey();
        File.WriteAllText(Path.Combine(_sandbox.Repo, "billing.py"), $"STRIPE = '{key}'\n");
        await _sandbox.GitOk(_sandbox.Repo, "add", "billing.py");
        var outside = Path.Combine(_sandbox.Cli.Home, "outside.txt");
        File.WriteAllText(outside, $"STRIPE = '{TestSecrets.StripeKey()}'\n");
        File.CreateSymbolicLink(Path.Combine(_sandbox.Repo, "link.txt"), outside);
        await using var mcp = await McpHarness.Start(_sandbox.Cli, _sandbox.Repo);

        var result = await mcp.Call("secrets_scan", new() { ["staged"] = true });
        var report = McpHarness.Structured(result);
        Assert.That(report.GetProperty("mode").GetString(), Is.EqualTo("staged"));
        var finding = report.GetProperty("findings").EnumerateArray().Single();
        Assert.That(finding.GetProperty("rule").GetString(), Is.EqualTo("stripe-secret-key"));
        Assert.That(finding.GetProperty("file").GetString(), Is.EqualTo("billing.py"));
        Assert.That(McpHarness.TextOf(result), Does.Not.Contain(key));

        foreach (var escape in new[] { "../outside.txt", outside, "link.txt" })
        {
            var error = McpHarness.ErrorOf(await mcp.Call("secrets_scan", new() { ["paths"] = new[] { escape } }));
            Assert.That(error.GetProperty("code").GetString(), Is.EqualTo("usage"), escape);
            Assert.That(error.GetProperty("message").GetString(), Does.Contain("outside the repository"), escape);
        }
        var inside = McpHarness.Structured(await mcp.Call("secrets_scan", new() { ["paths"] = new[] { "billing.py" } }));
        Assert.That(inside.GetProperty("findings").GetArrayLength(), Is.EqualTo(1));

        var committed = await _sandbox.CommitFile("billing.py", $"STRIPE = '{key}'\n", "billing");
        var range = McpHarness.Structured(await mcp.Call("secrets_scan", new() { ["range"] = "HEAD~1..HEAD" }));
        Assert.That(range.GetProperty("mode").GetString(), Is.EqualTo("range"));
        Assert.That(range.GetProperty("findings").EnumerateArray().Single().GetProperty("commit").GetString(), Is.EqualTo(committed));
        // A range is never an option of the git it is handed to (--output= would write a file).
        var injected = Path.Combine(_sandbox.Cli.Home, "written.txt");
        var option = McpHarness.ErrorOf(await mcp.Call("secrets_scan", new() { ["range"] = "--output=" + injected }));
        Assert.That(option.GetProperty("code").GetString(), Is.EqualTo("usage"));
        Assert.That(File.Exists(injected), Is.False);
    }

    [Test]
    public async Task Repository_path_must_be_inside_a_git_work_tree()
    {
        var plain = Directory.CreateDirectory(Path.Combine(_sandbox.Cli.Home, "not-a-repo")).FullName;
        var sub = Directory.CreateDirectory(Path.Combine(_sandbox.Repo, "docs")).FullName;
        File.AppendAllText(Path.Combine(_sandbox.Repo, "README.md"), "Changed.\n");
        await using var mcp = await McpHarness.Start(_sandbox.Cli, plain);

        foreach (var bad in new[] { plain, Path.Combine(_sandbox.Repo, ".git"), Path.Combine(plain, "missing") })
        {
            var error = McpHarness.ErrorOf(await mcp.Call("handoff_preview", new() { ["task"] = "x", ["repository_path"] = bad }));
            Assert.That(error.GetProperty("code").GetString(), Is.EqualTo("usage"), bad);
        }
        // The server's own directory is not a repository either.
        Assert.That(McpHarness.ErrorOf(await mcp.Call("handoff_preview", new() { ["task"] = "x" })).GetProperty("exit_code").GetInt32(), Is.EqualTo(2));

        var preview = McpHarness.Structured(await mcp.Call("handoff_preview", new() { ["task"] = "x", ["repository_path"] = sub }));
        Assert.That(preview.GetProperty("request").GetProperty("prompt").GetString(), Does.Contain("Changed."));
    }
}
