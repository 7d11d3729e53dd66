using Handoff.Core;
using Handoff.Core.Following;

namespace Handoff.Tests.Following;

public class DurationTextTests
{
    [TestCase("0.05", 50)]
    [TestCase("5", 5000)]
    [TestCase("90s", 90_000)]
    [TestCase("30m", 1_800_000)]
    [TestCase("2h", 7_200_000)]
    [TestCase("1h30m", 5_400_000)]
    [TestCase("1.5m", 90_000)]
    [TestCase("250ms", 250)]
    public void Parses(string text, double milliseconds) =>
        Assert.That(DurationText.Parse(text, "--timeout").TotalMilliseconds, Is.EqualTo(milliseconds).Within(0.001));

    [TestCase("")]
    [TestCase("0")]
    [TestCase("-5")]
    [TestCase("soon")]
    [TestCase("5x")]
    [TestCase("m")]
    public void Rejects_with_a_usage_error_naming_the_flag(string text)
    {
        var e = Assert.Throws<HandoffException>(() => DurationText.Parse(text, "--timeout"));
        Assert.That(e!.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(e.Message, Does.StartWith("--timeout"));
    }

    [TestCase(4.2, "4s")]
    [TestCase(125, "2m05s")]
    [TestCase(3900, "1h05m")]
    public void Formats(double seconds, string expected) =>
        Assert.That(DurationText.Format(TimeSpan.FromSeconds(seconds)), Is.EqualTo(expected));
}
