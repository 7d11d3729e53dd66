using System.Text.Json;

namespace Handoff.IntegrationTests.Workflows;

public class DoctorTests : WorkflowTestBase
{
    private async Task<string> Repo(string remote = "https://github.com/acme/widgets.git")
    {
        var repo = Path.Combine(Cli.Home, "repo");
        Directory.CreateDirectory(repo);
        Assert.That((await Cli.Git(repo, "init", "-q")).ExitCode, Is.Zero);
        Assert.That((await Cli.Git(repo, "remote", "add", "origin", remote)).ExitCode, Is.Zero);
        return repo;
    }

    private static Dictionary<string, JsonElement> Checks(JsonElement json) =>
        json.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.Clone());

    [Test]
    public async Task All_checks_pass_with_alias_hook_key_and_org_honouring_core_hooksPath()
    {
        var repo = await Repo();
        Assert.That((await Cli.Run(Cli.Home, "install", "--path", Support.CliRunner.BinaryPath)).ExitCode, Is.Zero);
        Assert.That((await Cli.Git(repo, "config", "core.hooksPath", "githooks")).ExitCode, Is.Zero);
        Directory.CreateDirectory(Path.Combine(repo, "githooks"));
        File.WriteAllText(Path.Combine(repo, "githooks", "pre-push"), "#!/bin/sh\nexec devin-handoff hook pre-push \"$@\"\n");

        var result = await Cli.Run(repo, "doctor");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var lines = result.StandardOutput.TrimEnd().Split('\n');
        Assert.That(lines.Select(l => l[..4]), Is.All.EqualTo("ok  "), result.ToString());
        Assert.That(lines.Select(l => l[6..].Split(' ')[0]), Is.EqualTo(new[] { "git", "repository", "remote", "api", "key", "org", "alias", "hook" }));
        Assert.That(result.StandardOutput, Does.Contain("github.com/acme/widgets").And.Contain("githooks"));
        Assert.That(result.StandardOutput + result.StandardError, Does.Not.Contain(Key));
        Assert.That(Sent("GET", "/v3/self"), Has.Count.EqualTo(1), "one cheap call");
    }

    [Test]
    public async Task Failures_are_reported_per_check_with_exit_1_and_json()
    {
        var repo = await Repo(remote: "/some/local/path");
        Server.Auth.Reject(Key);
        var result = await Cli.Run(repo, "doctor", "--json");
        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        using var doc = JsonDocument.Parse(result.StandardOutput);
        Assert.That(doc.RootElement.GetProperty("ok").GetBoolean(), Is.False);
        var checks = Checks(doc.RootElement);
        Assert.That(checks["git"].GetProperty("ok").GetBoolean(), Is.True);
        Assert.That(checks["repository"].GetProperty("ok").GetBoolean(), Is.True);
        Assert.That(checks["remote"].GetProperty("ok").GetBoolean(), Is.False);
        Assert.That(checks["api"].GetProperty("ok").GetBoolean(), Is.True);
        Assert.That(checks["key"].GetProperty("ok").GetBoolean(), Is.False);
        Assert.That(checks["key"].GetProperty("detail").GetString(), Does.Contain("invalid or expired").And.Contain("cog_"));
        Assert.That(checks["alias"].GetProperty("ok").GetBoolean(), Is.False);
        Assert.That(checks["hook"].GetProperty("ok").GetBoolean(), Is.False);
        Assert.That(result.StandardOutput, Does.Not.Contain(Key));
    }

    [Test]
    public async Task Outside_a_repository_and_without_a_key()
    {
        Cli.Environment["DEVIN_API_KEY"] = null;
        var result = await Cli.Run(Cli.Home, "doctor");
        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.StandardOutput, Does.Contain("FAIL  repository"));
        Assert.That(result.StandardOutput, Does.Contain("FAIL  key").And.Contain("DEVIN_API_KEY is not set"));
        Assert.That(result.StandardOutput, Does.Contain("ok    api"), "reachability is checked without a key");
    }
}
