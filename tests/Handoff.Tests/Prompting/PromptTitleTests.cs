using Handoff.Core.Prompting;

namespace Handoff.Tests.Prompting;

public class PromptTitleTests
{
    [Test]
    public void Short_first_line_is_used_as_is() =>
        Assert.That(PromptTitle.FromTask("Add dark mode\nwith a toggle"), Is.EqualTo("Add dark mode"));

    [Test]
    public void Long_line_is_cut_at_a_word_boundary_with_an_ellipsis()
    {
        var task = string.Join(" ", Enumerable.Range(1, 40).Select(i => $"word{i}"));
        var title = PromptTitle.FromTask(task);

        Assert.That(title.Length, Is.LessThanOrEqualTo(100));
        Assert.That(title, Does.EndWith("…"));
        var kept = title[..^1];
        Assert.That(task, Does.StartWith(kept + " "), "cut between words");
        Assert.That(kept, Does.Not.EndWith(" "));
    }

    [Test]
    public void Line_of_exactly_100_characters_is_kept_whole()
    {
        var task = new string('a', 50) + " " + new string('b', 49);
        Assert.That(PromptTitle.FromTask(task), Is.EqualTo(task));
    }

    [Test]
    public void One_long_word_is_cut_hard_without_splitting_a_surrogate_pair()
    {
        var task = new string('x', 98) + "𝄞𝄞𝄞";
        var title = PromptTitle.FromTask(task);
        Assert.That(title.Length, Is.LessThanOrEqualTo(100));
        Assert.That(title, Is.EqualTo(new string('x', 98) + "…"));
    }

    [Test]
    public void Blank_task_gets_a_neutral_title() => Assert.That(PromptTitle.FromTask(" \n "), Is.EqualTo("Handoff"));
}
