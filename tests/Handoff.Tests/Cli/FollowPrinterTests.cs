using System.Text.Json;
using Handoff.Core.Devin;
using Handoff.Cli.Output;
using Handoff.Core.Following;
using Handoff.Tests.Following;

namespace Handoff.Tests.Cli;

public class FollowPrinterTests
{
    private static readonly SessionMessage Multi = new()
    {
        EventId = "ev-1",
        CreatedAt = new DateTimeOffset(2025, 3, 4, 10, 20, 30, TimeSpan.Zero),
        Source = "devin",
        Message = "First line\nsecond line\n\nafter blank",
    };

    [Test]
    public void Text_messages_carry_local_time_and_source_and_indent_continuation_lines()
    {
        var output = new StringWriter { NewLine = "\n" };
        var printer = new FollowPrinter(output, TextWriter.Null, json: false, TimeZoneInfo.Utc);
        printer.Write(new MessageReceived(Multi));
        Assert.That(output.ToString(), Is.EqualTo(
            "10:20:30 devin: First line\n" +
            "                second line\n" +
            "\n" +
            "                after blank\n"));
    }

    [Test]
    public void Json_lines_parse_one_by_one_with_stable_fields()
    {
        var output = new StringWriter { NewLine = "\n" };
        var printer = new FollowPrinter(output, TextWriter.Null, json: true) { SessionId = "devin-abc" };
        var session = Sessions.With("running", "finished");
        printer.Write(new StatusChanged(session, session.Classify()));
        printer.Write(new MessageReceived(Multi));
        printer.Write(new FollowEnded(session, session.Classify(), TimedOut: false));

        var lines = output.ToString().TrimEnd('\n').Split('\n');
        Assert.That(lines, Has.Length.EqualTo(2), "status changes are not data");
        var message = JsonDocument.Parse(lines[0]).RootElement;
        Assert.That(message.GetProperty("type").GetString(), Is.EqualTo("message"));
        Assert.That(message.GetProperty("event_id").GetString(), Is.EqualTo("ev-1"));
        Assert.That(message.GetProperty("created_at").GetString(), Is.EqualTo("2025-03-04T10:20:30Z"));
        Assert.That(message.GetProperty("source").GetString(), Is.EqualTo("devin"));
        Assert.That(message.GetProperty("message").GetString(), Is.EqualTo(Multi.Message));
        Assert.That(message.GetProperty("session_id").GetString(), Is.EqualTo("devin-abc"));

        var end = JsonDocument.Parse(lines[1]).RootElement;
        Assert.That(end.GetProperty("type").GetString(), Is.EqualTo("end"));
        Assert.That(end.GetProperty("state").GetString(), Is.EqualTo("finished"));
        Assert.That(end.GetProperty("status").GetString(), Is.EqualTo("running"));
        Assert.That(end.GetProperty("status_detail").GetString(), Is.EqualTo("finished"));
        Assert.That(end.GetProperty("exit_code").GetInt32(), Is.EqualTo(0));
        Assert.That(end.GetProperty("timed_out").GetBoolean(), Is.False);
        Assert.That(end.GetProperty("url").GetString(), Is.EqualTo("https://app.devin.ai/sessions/devin-abc"));
        Assert.That(end.GetProperty("pull_requests")[0].GetProperty("url").GetString(), Is.EqualTo("https://github.com/o/r/pull/7"));
        Assert.That(end.GetProperty("pull_requests")[0].GetProperty("state").GetString(), Is.EqualTo("open"));
    }

    [Test]
    public void Text_end_lists_status_url_and_every_pr()
    {
        var output = new StringWriter { NewLine = "\n" };
        var session = Sessions.With("running", "finished") with
        {
            PullRequests = [new SessionPullRequest { PrUrl = "https://github.com/o/r/pull/7", PrState = "open" }, new SessionPullRequest { PrUrl = "https://github.com/o/r/pull/8" }],
        };
        new FollowPrinter(output, TextWriter.Null, json: false).Write(new FollowEnded(session, session.Classify(), false));
        Assert.That(output.ToString(), Is.EqualTo(
            "status: running/finished (finished)\n" +
            "title: Fix the flaky test\n" +
            "url: https://app.devin.ai/sessions/devin-abc\n" +
            "PR: https://github.com/o/r/pull/7 (open)\n" +
            "PR: https://github.com/o/r/pull/8 (unknown)\n"));
    }

    [Test]
    public void The_live_line_is_erased_before_data_and_never_reaches_stdout()
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        using var live = new LiveStatusLine(error, new ManualClock(), enabled: true, tick: TimeSpan.FromHours(1));
        var printer = new FollowPrinter(output, error, json: false, TimeZoneInfo.Utc, live);
        var session = Sessions.With("running", "working");
        printer.Write(new StatusChanged(session, session.Classify()));
        printer.Write(new MessageReceived(Multi with { Message = "hi" }));

        Assert.That(output.ToString(), Is.EqualTo("10:20:30 devin: hi\n"));
        Assert.That(error.ToString(), Does.Contain("working · 0s"));
        Assert.That(error.ToString(), Does.EndWith("working · 0s"), "drawn again after the message");
    }
}
