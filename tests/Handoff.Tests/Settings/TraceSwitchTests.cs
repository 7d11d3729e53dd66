using Handoff.Core.Settings;
using Handoff.TestInfrastructure;

namespace Handoff.Tests.Settings;

public class TraceSwitchTests
{
    [TestCase("1", true)]
    [TestCase("true", true)]
    [TestCase("True", true)]
    [TestCase(" TRUE ", true)]
    [TestCase("0", false)]
    [TestCase("false", false)]
    [TestCase("yes", false)]
    [TestCase("", false)]
    [TestCase(null, false)]
    public void One_reading_of_DEVIN_HANDOFF_TRACE(string? value, bool on)
    {
        var environment = new DictionaryEnvironment(new Dictionary<string, string?> { [TraceSwitch.Variable] = value });
        Assert.That(TraceSwitch.IsOn(environment), Is.EqualTo(on));
    }
}
