using Handoff.Core;
using Handoff.Core.Devin;
using Handoff.Core.Following;
using Moq;

namespace Handoff.Tests.Following;

public class MessageTailerTests
{
    private Mock<IDevinClient> _client = null!;
    private PagedMessages _messages = null!;
    private ManualClock _clock = null!;

    [SetUp]
    public void SetUp()
    {
        _client = new Mock<IDevinClient>(MockBehavior.Strict);
        _messages = new PagedMessages();
        _messages.Wire(_client);
        _clock = new ManualClock();
    }

    private async Task<List<FollowEvent>> Follow(TailOptions options)
    {
        var events = new List<FollowEvent>();
        await foreach (var e in new MessageTailer(_client.Object, _clock, options).Follow("abc"))
            events.Add(e);
        return events;
    }

    private void Statuses(params object[] steps)
    {
        var setup = _client.SetupSequence(c => c.Sessions.Get("devin-abc", It.IsAny<CancellationToken>()));
        foreach (var step in steps)
            setup = step is Exception e ? setup.ThrowsAsync(e) : setup.ReturnsAsync((SessionResponse)step);
    }

    [Test]
    public async Task Follows_until_finished_reporting_messages_as_they_come()
    {
        Statuses(Sessions.With("running", "working"), Sessions.With("running", "working"), Sessions.With("running", "finished"));
        _messages.Add(2);
        _clock.OnDelay = () => _messages.Add(1);

        var events = await Follow(new TailOptions { Interval = TimeSpan.FromSeconds(3) });

        Assert.That(events.OfType<MessageReceived>().Select(m => m.Message.EventId), Is.EqualTo(new[] { "e1", "e2", "e3", "e4" }));
        Assert.That(events.OfType<StatusChanged>().Select(s => s.Session.StatusDetail), Is.EqualTo(new[] { "working", "finished" }));
        var end = (FollowEnded)events[^1];
        Assert.That(end.Classification.State, Is.EqualTo(SessionState.Finished));
        Assert.That(end.ExitCode, Is.EqualTo(ExitCodes.Ok));
        Assert.That(_clock.Delays, Is.EqualTo(new[] { TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3) }));
    }

    [TestCase("running", "waiting_for_user", ExitCodes.NeedsHuman)]
    [TestCase("running", "waiting_for_approval", ExitCodes.NeedsHuman)]
    [TestCase("error", null, ExitCodes.SessionFailed)]
    [TestCase("exit", null, ExitCodes.Ok)]
    [TestCase("suspended", "inactivity", ExitCodes.Ok)]
    [TestCase("suspended", "out_of_credits", ExitCodes.NeedsHuman)]
    public async Task Each_end_state_maps_to_its_exit_code(string status, string? detail, int exitCode)
    {
        Statuses(Sessions.With("running", "working"), Sessions.With(status, detail));
        var end = (FollowEnded)(await Follow(new TailOptions()))[^1];
        Assert.That(end.ExitCode, Is.EqualTo(exitCode));
        Assert.That(end.TimedOut, Is.False);
    }

    [Test]
    public async Task No_follow_looks_once_even_while_working()
    {
        Statuses(Sessions.With("running", "working"));
        _messages.Add(3);
        var events = await Follow(new TailOptions { Follow = false });
        Assert.That(events.OfType<MessageReceived>().Count(), Is.EqualTo(3));
        Assert.That(((FollowEnded)events[^1]).Classification.State, Is.EqualTo(SessionState.Working));
        Assert.That(_clock.Delays, Is.Empty);
    }

    [Test]
    public async Task Poll_mode_reads_no_messages()
    {
        Statuses(Sessions.With("running", "working"), Sessions.With("exit"));
        var events = await Follow(new TailOptions { ReadMessages = false });
        Assert.That(events.OfType<MessageReceived>(), Is.Empty);
        _client.Verify(c => c.Messages.List(It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<int?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Times_out_with_exit_1_and_the_last_known_state()
    {
        _client.Setup(c => c.Sessions.Get("devin-abc", It.IsAny<CancellationToken>())).ReturnsAsync(Sessions.With("running", "working"));
        var events = await Follow(new TailOptions { Interval = TimeSpan.FromSeconds(40), Timeout = TimeSpan.FromMinutes(2), ReadMessages = false });
        var end = (FollowEnded)events[^1];
        Assert.That(end.TimedOut, Is.True);
        Assert.That(end.ExitCode, Is.EqualTo(ExitCodes.Error));
        Assert.That(_clock.Delays.Aggregate(TimeSpan.Zero, (a, b) => a + b), Is.EqualTo(TimeSpan.FromMinutes(2)));
    }

    [Test]
    public async Task An_outage_after_the_client_retries_is_ridden_out_and_loses_no_message()
    {
        _messages.Add(2);
        Statuses(Sessions.With("running", "working"), Sessions.Unavailable(), Sessions.Unavailable(), Sessions.With("running", "finished"));
        _clock.OnDelay = () => { if (_messages.All.Count < 4) _messages.Add(1); };

        var events = await Follow(new TailOptions { Interval = TimeSpan.FromSeconds(1) });

        Assert.That(events.OfType<ApiTrouble>().Count(), Is.EqualTo(2));
        Assert.That(events.OfType<MessageReceived>().Select(m => m.Message.EventId), Is.EqualTo(new[] { "e1", "e2", "e3", "e4" }));
        Assert.That(((FollowEnded)events[^1]).ExitCode, Is.EqualTo(ExitCodes.Ok));
        Assert.That(_clock.Delays[1], Is.GreaterThan(_clock.Delays[0]), "backs off during the outage");
    }

    [Test]
    public void A_long_outage_gives_up_with_exit_6()
    {
        _client.Setup(c => c.Sessions.Get("devin-abc", It.IsAny<CancellationToken>())).ThrowsAsync(Sessions.Unavailable());
        var e = Assert.ThrowsAsync<DevinApiException>(() => Follow(new TailOptions { MaxOutage = TimeSpan.FromMinutes(3) }));
        Assert.That(e!.ExitCode, Is.EqualTo(ExitCodes.ApiUnavailable));
        Assert.That(_clock.Delays.Aggregate(TimeSpan.Zero, (a, b) => a + b), Is.GreaterThanOrEqualTo(TimeSpan.FromMinutes(3)));
    }

    [Test]
    public void Not_found_is_not_retried()
    {
        _client.Setup(c => c.Sessions.Get("devin-abc", It.IsAny<CancellationToken>())).ThrowsAsync(new DevinApiException("session devin-abc not found", ExitCodes.NotFound, 404));
        var e = Assert.ThrowsAsync<DevinApiException>(() => Follow(new TailOptions()));
        Assert.That(e!.ExitCode, Is.EqualTo(ExitCodes.NotFound));
        Assert.That(_clock.Delays, Is.Empty);
    }

    [Test]
    public void Cancellation_stops_following()
    {
        _client.Setup(c => c.Sessions.Get("devin-abc", It.IsAny<CancellationToken>())).ReturnsAsync(Sessions.With("running", "working"));
        using var cts = new CancellationTokenSource();
        _clock.OnDelay = () => { if (_clock.Delays.Count == 3) cts.Cancel(); };
        Assert.CatchAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in new MessageTailer(_client.Object, _clock, new TailOptions { ReadMessages = false }).Follow("abc", cts.Token)) { }
        });
        _client.Verify(c => c.Sessions.Archive(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}
