using Handoff.FakeDevin;

namespace Handoff.IntegrationTests.Secrets;

/// <summary>
/// End to end: `create` from a repository full of secrets sends none of them to the (fake) API, keeps what is
/// allowed or a placeholder, and the prompt says what was withheld.
/// </summary>
public class CreateSendsNoSecretsTests
{
    [Test]
    public async Task Create_withholds_every_secret_keeps_allowed_lines_and_placeholders_and_names_what_was_withheld()
    {
        await using var server = await FakeDevinServer.StartAsync();
        using var s = new GitSandbox();
        foreach (var (k, v) in server.ClientEnvironment()) s.Cli.Environment[k] = v;

        await s.GitOk(s.Repo, "init", "-q", "-b", "main");
        await s.CommitFile("app/config.py", "import os\n\nDEBUG = False\n", "initial");
        await s.GitOk(s.Repo, "remote", "add", "origin", "https://github.com/example/demo.git");
        await s.GitOk(s.Repo, "update-ref", "refs/remotes/origin/main", "HEAD");
        await s.GitOk(s.Repo, "branch", "-q", "--set-upstream-to=origin/main", "main");

        var committedKey = TestSecrets.StripeKey();
        await s.CommitFile("app/billing.py", $"import stripe\nstripe.api_key = '{committedKey}'\n", "billing (unpushed)");

        var trackedKey = TestSecrets.AwsKeyId();
        var allowedKey = TestSecrets.AwsKeyId();
        File.WriteAllText(Path.Combine(s.Repo, "app", "config.py"),
            "import os\n\nDEBUG = False\n" +
            $"AWS_ACCESS_KEY_ID = \"{trackedKey}\"\n");
        // Withhold mode leaves out a whole hunk, so the allowed line and the placeholders live in their own file.
        File.WriteAllText(Path.Combine(s.Repo, "app", "sample_settings.py"),
            "import os\n\n" +
            $"DOCS_SAMPLE_KEY = \"{allowedKey}\"  # devin-handoff:allow\n" +
            "API_TOKEN = \"your-api-token-here\"\n" +
            "DB_PASSWORD = os.environ[\"DB_PASSWORD\"]\n");
        var envSecret = TestSecrets.StripeKey();
        File.WriteAllText(Path.Combine(s.Repo, ".env"), $"STRIPE_SECRET_KEY={envSecret}\nDATABASE_URL=postgres://app:hunter2-{envSecret[^6..]}@db/app\n");
        var keyBody = Convert.ToBase64String(Guid.NewGuid().ToByteArray().Concat(Guid.NewGuid().ToByteArray()).Concat(Guid.NewGuid().ToByteArray()).ToArray());
        File.WriteAllText(Path.Combine(s.Repo, "deploy_key"), $"-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA{keyBody}\n-----END OPENSSH PRIVATE KEY-----\n");
        File.WriteAllText(Path.Combine(s.Repo, "id_ed25519"), $"{keyBody}\n");
        File.WriteAllText(Path.Combine(s.Repo, "app", "notes.md"), "Placeholders: STRIPE_KEY=sk_test_xxxxxxxxxxxxxxxxxxxxxxxx, token <your-token>\n");

        var taskKey = TestSecrets.StripeKey();
        var contextKey = TestSecrets.AwsKeyId();
        var result = await s.Run("create", "--task", $"Fix billing: the key {taskKey} is rejected", "--context", $"I tried aws_access_key_id={contextKey} too", "--json");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var request = server.RequestsTo("POST", "/v3/organizations/*/sessions").Single();
        var body = request.Body;
        using var json = request.BodyJson();
        var prompt = json.RootElement.GetProperty("prompt").GetString()!;

        foreach (var secret in new[] { committedKey, trackedKey, envSecret, keyBody, taskKey, contextKey, $"hunter2-{envSecret[^6..]}" })
            Assert.That(body, Does.Not.Contain(secret), "a secret reached the API");
        Assert.That(body, Does.Not.Contain("BEGIN OPENSSH PRIVATE KEY"));

        Assert.That(prompt, Does.Contain($"DOCS_SAMPLE_KEY = \"{allowedKey}\"  # devin-handoff:allow"), "an allowed line is kept");
        Assert.That(prompt, Does.Contain("API_TOKEN = \"your-api-token-here\""));
        Assert.That(prompt, Does.Contain("DB_PASSWORD = os.environ[\"DB_PASSWORD\"]"));
        Assert.That(prompt, Does.Contain("sk_test_xxxxxxxxxxxxxxxxxxxxxxxx"), "a placeholder is kept");
        Assert.That(prompt, Does.Contain("[REDACTED:stripe-secret-key]"), "the task is redacted, not dropped");
        Assert.That(prompt, Does.Contain("Fix billing: the key"));
        Assert.That(prompt, Does.Contain("[REDACTED:aws-access-key-id]"), "the context is redacted");

        Assert.That(prompt, Does.Contain("Withheld by the secret scanner"));
        var withheld = prompt[prompt.IndexOf("Withheld by the secret scanner", StringComparison.Ordinal)..];
        foreach (var name in new[] { ".env", "deploy_key", "id_ed25519", "app/config.py", "app/billing.py" })
            Assert.That(withheld, Does.Contain(name), $"the prompt names {name} as withheld");
        Assert.That(result.StandardOutput + result.StandardError, Does.Not.Contain(trackedKey).And.Not.Contain(taskKey));
    }
}
