using Handoff.Core;
using Handoff.Core.Schedules;

namespace Handoff.Tests.Schedules;

public class CronTimeZoneConverterTests
{
    private static readonly DateTimeOffset Winter = new(2026, 1, 14, 12, 0, 0, TimeSpan.Zero);  // a Wednesday
    private static readonly DateTimeOffset Summer = new(2026, 7, 15, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public void New_York_weekdays_at_nine_is_14_utc_in_winter_and_13_in_summer()
    {
        var winter = CronTimeZoneConverter.Convert("0 9 * * 1-5", "America/New_York", Winter);
        Assert.That(winter.UtcCron, Is.EqualTo("0 14 * * 1-5"));
        Assert.That(winter.Offset, Is.EqualTo(TimeSpan.FromHours(-5)));
        Assert.That(winter.NextRunUtc, Is.EqualTo(new DateTimeOffset(2026, 1, 14, 14, 0, 0, TimeSpan.Zero)));

        var summer = CronTimeZoneConverter.Convert("0 9 * * 1-5", "America/New_York", Summer);
        Assert.That(summer.UtcCron, Is.EqualTo("0 13 * * 1-5"));
        Assert.That(summer.Offset, Is.EqualTo(TimeSpan.FromHours(-4)));
    }

    [Test]
    public void The_coming_daylight_saving_change_is_reported_with_the_cron_for_after_it()
    {
        var winter = CronTimeZoneConverter.Convert("0 9 * * 1-5", "America/New_York", Winter);
        Assert.That(winter.OffsetChangeAt, Is.EqualTo(new DateTimeOffset(2026, 3, 8, 7, 0, 0, TimeSpan.Zero)), "2 am EST, 8 March 2026");
        Assert.That(winter.OtherOffset, Is.EqualTo(TimeSpan.FromHours(-4)));
        Assert.That(winter.OtherUtcCron, Is.EqualTo("0 13 * * 1-5"));
        Assert.That(winter.Warning, Does.Contain("2026-03-08").And.Contain("1 h later").And.Contain("'0 13 * * 1-5'"));

        var summer = CronTimeZoneConverter.Convert("0 9 * * 1-5", "America/New_York", Summer);
        Assert.That(summer.OffsetChangeAt!.Value.UtcDateTime.Date, Is.EqualTo(new DateTime(2026, 11, 1)));
        Assert.That(summer.Warning, Does.Contain("1 h earlier").And.Contain("'0 14 * * 1-5'"));
    }

    [Test]
    public void The_next_run_decides_when_now_is_just_before_the_change()
    {
        // Saturday 7 March 2026: the next weekday run (Monday 9 March) is already in daylight saving time.
        var saturday = new DateTimeOffset(2026, 3, 7, 12, 0, 0, TimeSpan.Zero);
        var result = CronTimeZoneConverter.Convert("0 9 * * 1-5", "America/New_York", saturday);
        Assert.That(result.UtcCron, Is.EqualTo("0 13 * * 1-5"));
        Assert.That(result.NextRunUtc, Is.EqualTo(new DateTimeOffset(2026, 3, 9, 13, 0, 0, TimeSpan.Zero)));
    }

    [Test]
    public void Zones_without_daylight_saving_give_no_warning()
    {
        var tokyo = CronTimeZoneConverter.Convert("30 10 * * *", "Asia/Tokyo", Winter);
        Assert.That(tokyo.UtcCron, Is.EqualTo("30 1 * * *"));
        Assert.That(tokyo.Warning, Is.Null);
        Assert.That(CronTimeZoneConverter.Convert("0 9 * * *", "UTC", Winter).UtcCron, Is.EqualTo("0 9 * * *"));
    }

    [TestCase("0 20 * * 1-5", "America/New_York", "0 1 * * 2-6")]      // evening → next day in UTC
    [TestCase("0 8 * * 1", "Asia/Tokyo", "0 23 * * 0")]                 // Monday morning → Sunday in UTC
    [TestCase("0 8 * * 0", "Asia/Tokyo", "0 23 * * 6")]                 // Sunday wraps to Saturday
    [TestCase("0 8 * * MON,WED", "Asia/Tokyo", "0 23 * * 0,2")]
    [TestCase("15 8-10 * * *", "Asia/Tokyo", "15 0,1,23 * * *")]        // split across midnight, every day: fine
    [TestCase("*/15 9-17 * * *", "Europe/London", "*/15 9-17 * * *")]   // winter: UTC+0
    [TestCase("0 * * * *", "Asia/Tokyo", "0 * * * *")]
    [TestCase("0 9 * * *", "Asia/Kolkata", "30 3 * * *")]               // UTC+05:30
    [TestCase("0 9,10 * * 1", "Asia/Kathmandu", "15 3,4 * * 1")]        // UTC+05:45
    public void Converts(string cron, string zone, string expected) =>
        Assert.That(CronTimeZoneConverter.Convert(cron, zone, Winter).UtcCron, Is.EqualTo(expected));

    [TestCase("0 8 1 * *", "Asia/Tokyo", "day-of-month")]               // the 1st in Tokyo is the last day of the previous month in UTC
    [TestCase("0 8 * 3 *", "Asia/Tokyo", "day-of-month and month")]
    [TestCase("15 8-10 * * 1", "Asia/Tokyo", "split it into two schedules")]
    [TestCase("* 9 * * *", "Asia/Kolkata", "not whole hours")]
    [TestCase("0 * * * 1-5", "America/New_York", "split it into two schedules")]
    public void Refuses_what_a_utc_cron_cannot_express(string cron, string zone, string reason)
    {
        var e = Assert.Throws<HandoffException>(() => CronTimeZoneConverter.Convert(cron, zone, Winter))!;
        Assert.That(e.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(e.Message, Does.Contain(reason));
    }

    [TestCase("0 9 * *", "five fields")]
    [TestCase("@daily", "five fields instead")]
    [TestCase("0 25 * * *", "hour '25'")]
    [TestCase("0 9 * * FUNDAY", "day-of-week")]
    [TestCase("0 9 31 2 *", "never runs")]
    public void Invalid_crons_are_usage_errors(string cron, string text)
    {
        var e = Assert.Throws<HandoffException>(() => CronTimeZoneConverter.Convert(cron, "Europe/Berlin", Winter))!;
        Assert.That(e.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(e.Message, Does.Contain(text));
    }

    [Test]
    public void Unknown_zone_is_a_usage_error()
    {
        var e = Assert.Throws<HandoffException>(() => CronTimeZoneConverter.Convert("0 9 * * *", "Mars/Olympus", Winter))!;
        Assert.That(e.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(e.Message, Does.Contain("Mars/Olympus"));
    }

    [Test]
    public void Spring_forward_gap_is_skipped_when_finding_the_next_run()
    {
        // 02:30 does not exist in New York on 8 March 2026; the next real 02:30 is the following day.
        var before = new DateTimeOffset(2026, 3, 8, 6, 0, 0, TimeSpan.Zero);
        var next = CronTimeZoneConverter.NextRun(CronExpression.Parse("30 2 * * *"), TimeZoneInfo.FindSystemTimeZoneById("America/New_York"), before);
        Assert.That(next, Is.EqualTo(new DateTimeOffset(2026, 3, 9, 6, 30, 0, TimeSpan.Zero)));
    }
}
