using Handoff.Core.Secrets;

namespace Handoff.Tests.Secrets;

/// <summary>
/// The prompt-wide redaction pass (the last line of defence in create): lines of a diff in the prompt are judged as lines
/// of their file, as the hunk scan judged them, so code goes through untouched; free text around them stays free text.
/// </summary>
public class PromptRedactionTests
{
    private readonly SecretScanner _scanner = new(SecretScanConfig.Default);
    private readonly Random _random = new(20261204);

    private string Generated(int length = 24)
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789";
        return "Q7" + new string(Enumerable.Range(0, length - 2).Select(_ => alphabet[_random.Next(alphabet.Length)]).ToArray());
    }

    private static string Prompt(params string[] diffLines) =>
        "Fix the flaky auth test\n\n### Uncommitted changes\n\n```diff\n" +
        "diff --git a/internal/auth/login.go b/internal/auth/login.go\nindex 1111111..2222222 100644\n" +
        "--- a/internal/auth/login.go\n+++ b/internal/auth/login.go\n@@ -10,6 +10,8 @@\n" +
        string.Join('\n', diffLines) + "\n```\n\n## End of local repository state\n";

    [Test]
    public void Code_in_a_diff_goes_through_untouched()
    {
        // As free text, "secretKey = hmacKey…" and "password = …" read as key=value lines; as Go they are variables.
        var prompt = Prompt(
            " \t\tBrowser:  opts.Browser,",
            "+\t\t// retry once when the token check races the keyring write",
            " \t\tCredentialFlow: &session.GitCredentialFlow{",
            "+\tsecretKey = hmacKey9fK2mQx7",
            "-\tpassword = Hk29sLq0PzX8",
            "+\trequire.True(t, hasActiveToken, \"expected an active token after retry\")");

        var result = _scanner.Redact("prompt", prompt);

        Assert.That(result.Findings, Is.Empty);
        Assert.That(result.Text, Is.EqualTo(prompt));
    }

    [Test]
    public void Secrets_in_a_diff_and_in_the_text_around_it_are_still_redacted()
    {
        string added = Generated(), removed = Generated(), task = Generated();
        var prompt = $"Context: api_key = {task}\n" + Prompt(
            $"+\tconst apiKey = \"{added}\"",
            $"-\tclientSecret := \"{removed}\"",
            " \treturn nil");

        var result = _scanner.Redact("prompt", prompt);

        Assert.That(result.Text, Does.Not.Contain(added).And.Not.Contain(removed).And.Not.Contain(task));
        Assert.That(result.Text, Does.Contain("+\tconst apiKey = \"[REDACTED:generic-api-key]\"\n-\tclientSecret := \"[REDACTED:generic-secret]\"\n \treturn nil\n"),
            "the diff's own first character is kept, only the value is replaced");
        Assert.That(result.Findings.Select(f => f.File).Distinct(), Is.EqualTo(new[] { "prompt" }));
    }

    [Test]
    public void After_the_diff_ends_lines_are_free_text_again()
    {
        var value = Generated();
        var prompt = Prompt("+\tsecretKey = hmacKey9fK2mQx7") + $"Notes from the developer:\nsecretKey = {value}\n";

        var result = _scanner.Redact("prompt", prompt);

        Assert.That(result.Text, Does.Contain("+\tsecretKey = hmacKey9fK2mQx7"));
        Assert.That(result.Text, Does.Not.Contain(value));
    }
}
