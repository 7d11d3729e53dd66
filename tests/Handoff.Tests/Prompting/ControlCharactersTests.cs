using Handoff.Core.Prompting;

namespace Handoff.Tests.Prompting;

public class ControlCharactersTests
{
    [TestCase("plain text", "plain text")]
    [TestCase("tab\tand\nnewline and crlf\r\n", "tab\tand\nnewline and crlf\r\n")]
    [TestCase("\u001b[31mred\u001b[0m", "␛[31mred␛[0m", TestName = "{m}(ESC)")]
    [TestCase("bell\u0007 nul\u0000 soh\u0001", "bell␇ nul␀ soh␁", TestName = "{m}(BEL NUL SOH)")]
    [TestCase("overwrite\rthis", "overwrite␍this")]
    [TestCase("del\u007f", "del␡", TestName = "{m}(DEL)")]
    [TestCase("csi\u009b2J", "csi\\u009B2J", TestName = "{m}(CSI)")]
    [TestCase("evil\u202Eexe.txt", "evil\\u202Eexe.txt")]
    [TestCase("isolate\u2066x\u2069", "isolate\\u2066x\\u2069")]
    [TestCase("ünïcödé 日本 🙂 and emoji", "ünïcödé 日本 🙂 and emoji")]
    public void Controls_become_visible_while_tabs_newlines_and_text_stay(string input, string expected)
    {
        Assert.That(ControlCharacters.Escape(input), Is.EqualTo(expected));
    }

    [Test]
    public void Task_context_and_title_reach_the_prompt_escaped()
    {
        var input = Samples.Input(task: "Fix \u001b[2Jthe\u0001 bug\tnow", context: "log:\r\n\u001b[31mFAIL\u001b[0m\rOK\n") with { Title = "T\u001b]0;owned\u0007" };

        var result = new PromptComposer().Compose(input);

        Assert.That(result.Prompt, Does.Contain("Fix ␛[2Jthe␁ bug\tnow\n"));
        Assert.That(result.Prompt, Does.Contain("log:\r\n␛[31mFAIL␛[0m␍OK\n"));
        Assert.That(result.Title, Is.EqualTo("T␛]0;owned␇"));
        Assert.That(result.Prompt.Where(c => char.IsControl(c) && c is not '\n' and not '\t' and not '\r'), Is.Empty);
    }

    [Test]
    public void The_title_made_from_the_task_is_escaped_too()
    {
        var result = new PromptComposer().Compose(Samples.Input(task: "\u001b[1mBold\u001b[0m task"));

        Assert.That(result.Title, Is.EqualTo("␛[1mBold␛[0m task"));
    }
}
