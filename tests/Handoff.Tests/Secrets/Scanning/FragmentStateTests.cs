using Handoff.Core.Secrets;

namespace Handoff.Tests.Secrets.Scanning;

/// <summary>
/// What a fragment scanner carries from line to line (a Markdown code fence, a name whose value is on the next line)
/// and what <see cref="FragmentScanner.Reset"/> forgets; what a line returns when it holds nothing to withhold.
/// </summary>
public class FragmentStateTests
{
    // A keyword assignment written as code: in Markdown it counts inside a code block only.
    private const string CodeLine = "client.login(API_TOKEN=\"Xq7pL2mRv9TzK4wB\")";

    [Test]
    public void A_markdown_assignment_counts_inside_a_fence_only()
    {
        var prose = new Fragment();
        prose.Line(CodeLine, "README.md");
        var fenced = new Fragment();
        fenced.Line("```python", "README.md");
        fenced.Line(CodeLine, "README.md");

        Assert.That((prose.Findings.Count, fenced.Findings.Count), Is.EqualTo((0, 1)));
    }

    [TestCase("   ```", 1)]   // up to three spaces: still a fence
    [TestCase("    ```", 0)]  // four: an indented code line that shows a fence
    [TestCase("~~~", 1)]
    public void A_fence_may_be_indented_by_three_spaces_at_most(string fence, int found)
    {
        var fragment = new Fragment();
        fragment.Line(fence, "README.md");
        fragment.Line(CodeLine, "README.md");

        Assert.That(fragment.Findings, Has.Count.EqualTo(found));
    }

    [Test]
    public void A_prompt_line_judged_as_a_markdown_file_follows_that_files_fences()
    {
        var fragment = new Fragment();
        fragment.Line("```", "prompt", rulePath: "docs/setup.md");
        fragment.Line(CodeLine, "prompt", rulePath: "docs/setup.md");

        Assert.That(fragment.Findings, Has.Count.EqualTo(1));
    }

    [Test]
    public void Reset_closes_an_open_fence()
    {
        var fragment = new Fragment();
        fragment.Line("```", "README.md");
        fragment.Scanner.Reset();
        fragment.Line(CodeLine, "README.md");

        Assert.That(fragment.Findings, Is.Empty);
    }

    [Test]
    public void Reset_forgets_a_name_whose_value_was_expected_on_the_next_line()
    {
        var kept = new Fragment();
        kept.Line("<apiToken>", "app.config");
        kept.Line("Xq7pL2mRv9TzK4wB", "app.config");
        var reset = new Fragment();
        reset.Line("<apiToken>", "app.config");
        reset.Scanner.Reset();
        reset.Line("Xq7pL2mRv9TzK4wB", "app.config");

        Assert.That((kept.Findings.Count, reset.Findings.Count), Is.EqualTo((1, 0)));
    }

    [Test]
    public void A_list_of_values_none_of_which_is_a_secret_is_no_secret()
    {
        var fragment = new Fragment();

        Assert.That(fragment.Line("API_KEYS = ['dev', 'local']", "settings.py"), Is.EqualTo((false, (string?)null)));
    }

    [Test]
    public void A_secret_whose_fingerprint_is_ignored_leaves_its_line_as_it_is()
    {
        var line = "API_TOKEN = \"Xq7pL2mRv9TzK4wB\"";
        var fingerprint = Fingerprint.Of("settings.py", "generic-token", "Xq7pL2mRv9TzK4wB");
        var ignoring = new Fragment(SecretScanConfig.Default with { IgnoredFingerprints = new HashSet<string> { fingerprint } });

        Assert.That(ignoring.Line(line, "settings.py"), Is.EqualTo((false, (string?)null)));
        Assert.That(ignoring.Findings, Is.Empty);
        Assert.That(new Fragment().Line(line, "settings.py").Secret, Is.True, "the same line, not ignored");
    }
}
