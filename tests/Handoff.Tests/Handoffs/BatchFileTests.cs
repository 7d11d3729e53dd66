using Handoff.Core;
using Handoff.Core.Handoffs;

namespace Handoff.Tests.Handoffs;

public class BatchFileTests
{
    [Test]
    public void Lines_skip_blanks_and_comments()
    {
        var entries = BatchFile.Parse("# header\nFix A\n\n  Fix B  \r\n# done\n", "tasks.txt");
        Assert.That(entries.Select(e => e.Task), Is.EqualTo(new[] { "Fix A", "Fix B" }));
    }

    [Test]
    public void Json_list_of_strings_and_objects()
    {
        var entries = BatchFile.Parse("""[ "Fix A", {"task": "Fix B", "tags": "one", "knowledge": ["n1","n2"], "max_acu": 3} ]""", "-");
        Assert.That(entries, Has.Count.EqualTo(2));
        Assert.That(entries[1].Tags, Is.EqualTo(new[] { "one" }));
        Assert.That(entries[1].Knowledge, Is.EqualTo(new[] { "n1", "n2" }));
        Assert.That(entries[1].MaxAcu, Is.EqualTo(3));
    }

    [Test]
    public void Yaml_by_extension_with_multiline_task()
    {
        var entries = BatchFile.Parse("- task: |\n    Line one\n    Line two\n  title: Short\n- Plain\n", "jobs.yaml");
        Assert.That(entries[0].Task, Is.EqualTo("Line one\nLine two"));
        Assert.That(entries[0].Title, Is.EqualTo("Short"));
        Assert.That(entries[1].Task, Is.EqualTo("Plain"));
    }

    [TestCase("tasks:\n  - context: no task here\n", "'task' is missing")]
    [TestCase("- task: a\n  colour: blue\n", "unknown key 'colour'")]
    [TestCase("- task: a\n  max_acu: lots\n", "max_acu")]
    [TestCase("[ \"unterminated", "not valid YAML/JSON")]
    [TestCase("# only a comment\n", "has no tasks")]
    public void Bad_input_is_a_usage_error_naming_the_problem(string text, string expected)
    {
        var e = Assert.Throws<HandoffException>(() => BatchFile.Parse(text, text.StartsWith('#') ? "t.txt" : "t.yaml"));
        Assert.That(e!.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(e.Message, Does.Contain(expected));
    }

    [Test]
    public void More_than_the_limit_is_refused()
    {
        var text = string.Join("\n", Enumerable.Range(0, BatchFile.MaxTasks + 1).Select(i => $"task {i}"));
        Assert.Throws<HandoffException>(() => BatchFile.Parse(text, "t.txt"));
    }
}
