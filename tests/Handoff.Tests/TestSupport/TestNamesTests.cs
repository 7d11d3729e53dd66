using NUnit.Framework.Api;
using NUnit.Framework.Interfaces;

namespace Handoff.Tests.TestSupport;

// vstest cannot carry a test name holding a control character other than tab, line feed or carriage return: a run
// filtered by name (dotnet test --filter, Stryker's --test-case-filter) silently skips such a case, and Stryker's
// initial test run fails because it counts more tests than it gets back. A case whose arguments hold one needs a
// TestName.
public class TestNamesTests
{
    [Test]
    public void No_test_name_holds_a_control_character_that_a_filtered_run_would_drop()
    {
        var suite = new DefaultTestAssemblyBuilder().Build(typeof(TestNamesTests).Assembly, new Dictionary<string, object>());

        var unfilterable = Cases(suite).Select(test => test.FullName).Where(HoldsUnfilterableCharacter).ToList();

        Assert.That(Cases(suite).Count(), Is.GreaterThan(1000), "the builder found the suite's cases");
        Assert.That(unfilterable.Select(Visible), Is.Empty);
    }

    [TestCase("Method(\"a\\tb\\r\\n\")", false)]
    [TestCase("Method(\"caf\u00e9 \u202E\")", false)]
    [TestCase("Method(\"\u001b[31m\")", true, TestName = "{m}(ESC)")]
    [TestCase("Method(\"a\u007f\")", true, TestName = "{m}(DEL)")]
    [TestCase("Method(\"\u009b\")", true, TestName = "{m}(CSI)")]
    [TestCase("Method(\"\0\")", true, TestName = "{m}(NUL)")]
    public void Only_controls_other_than_tab_and_line_ends_are_unfilterable(string name, bool unfilterable) =>
        Assert.That(HoldsUnfilterableCharacter(name), Is.EqualTo(unfilterable));

    private static IEnumerable<ITest> Cases(ITest test) =>
        test.HasChildren ? test.Tests.SelectMany(Cases) : [test];

    private static bool HoldsUnfilterableCharacter(string name) =>
        name.Any(c => char.IsControl(c) && c is not '\t' and not '\n' and not '\r');

    private static string Visible(string name) =>
        string.Concat(name.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
}
