namespace Handoff.IntegrationTests.Create;

/// <summary>Control characters typed or piped into --task / --context never reach the terminal or the prompt as they are.</summary>
public class ControlCharacterTests : CreateFixture
{
    [Test]
    public async Task Ansi_escapes_and_controls_are_shown_escaped_on_the_terminal_and_in_the_prompt()
    {
        Repo.CommitFile("README.md", "# demo\n");

        var dryRun = await Cli.RunWithInput(Repo.Path, "test output:\n\u001b[31mFAILED\u001b[0m test_login\rPASSED\n",
            "create", "--dry-run", "--task", "Fix it\u0001 \u001b[2J now", "--context", "-");

        Assert.That(dryRun.ExitCode, Is.Zero, dryRun.ToString());
        var shown = dryRun.StandardOutput + dryRun.StandardError;
        Assert.That(shown, Does.Contain("Fix it␁ ␛[2J now"));
        Assert.That(shown, Does.Contain("␛[31mFAILED␛[0m test_login␍PASSED"));
        Assert.That(shown.Where(c => char.IsControl(c) && c is not '\n' and not '\t' and not '\r'), Is.Empty);

        var (_, prompt, body) = await CreateAndCapture(null, "--title", "Title\u001b]0;x\u0007");
        Assert.That(body.GetProperty("title").GetString(), Is.EqualTo("Title␛]0;x␇"));
        Assert.That(prompt.Where(c => char.IsControl(c) && c is not '\n' and not '\t' and not '\r'), Is.Empty);
    }
}
