using Handoff.Core;
using Handoff.Core.Schedules;

namespace Handoff.Tests.Schedules;

public class ScheduleTimeTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [TestCase("2026-03-01T14:00Z", "2026-03-01T14:00:00+00:00")]
    [TestCase("2026-03-01T09:00-05:00", "2026-03-01T14:00:00+00:00")]
    [TestCase("2026-03-01T09:00", "2026-03-01T14:00:00+00:00")]        // in the zone, winter
    [TestCase("2026-07-01 09:00", "2026-07-01T13:00:00+00:00")]        // in the zone, summer
    public void Parses_into_utc(string text, string expected) =>
        Assert.That(ScheduleTime.ParseFuture(text, NewYork, Now), Is.EqualTo(DateTimeOffset.Parse(expected)));

    [TestCase("2025-12-31T23:00Z", "in the past")]
    [TestCase("tomorrow", "not a time")]
    [TestCase("2026-03-08T02:30", "does not exist")]
    public void Refuses(string text, string reason)
    {
        var e = Assert.Throws<HandoffException>(() => ScheduleTime.ParseFuture(text, NewYork, Now))!;
        Assert.That(e.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(e.Message, Does.Contain(reason));
    }
}
