using Handoff.Core;
using Handoff.Core.Devin;
using Handoff.Core.Following;
using Moq;

namespace Handoff.Tests.Following;

public class MessageCursorTests
{
    private Mock<IDevinClient> _client = null!;
    private PagedMessages _messages = null!;

    [SetUp]
    public void SetUp()
    {
        _client = new Mock<IDevinClient>(MockBehavior.Strict);
        _messages = new PagedMessages();
        _messages.Wire(_client);
    }

    private async Task<List<SessionMessage>> Read(MessageCursor cursor)
    {
        var fresh = new List<SessionMessage>();
        await cursor.ReadNew(fresh, CancellationToken.None);
        return fresh;
    }

    [Test]
    public async Task Reads_every_page_once_in_order()
    {
        _messages.Add(250);
        var cursor = new MessageCursor(_client.Object, "devin-abc", 100);

        var fresh = await Read(cursor);

        Assert.That(fresh.Select(m => m.EventId), Is.EqualTo(Enumerable.Range(1, 250).Select(n => $"e{n}")));
    }

    [Test]
    public async Task Idle_looks_start_from_the_last_cursor_and_return_at_most_one_old_message()
    {
        _messages.Add(250);
        var cursor = new MessageCursor(_client.Object, "devin-abc", 100);
        await Read(cursor);
        _messages.Requests.Clear();

        for (var i = 0; i < 3; i++)
            Assert.That(await Read(cursor), Is.Empty);

        Assert.That(_messages.Requests, Has.Count.EqualTo(3));
        Assert.That(_messages.Requests.Select(r => r.After), Is.All.EqualTo("248"), "the cursor sits on the message before the newest");
    }

    [Test]
    public async Task New_messages_after_idle_looks_come_exactly_once()
    {
        _messages.Add(3);
        var cursor = new MessageCursor(_client.Object, "devin-abc", 200);
        Assert.That((await Read(cursor)).Select(m => m.EventId), Is.EqualTo(new[] { "e1", "e2", "e3" }));
        Assert.That(await Read(cursor), Is.Empty);

        _messages.Add(2);
        Assert.That((await Read(cursor)).Select(m => m.EventId), Is.EqualTo(new[] { "e4", "e5" }));
        _messages.Add(1);
        Assert.That((await Read(cursor)).Select(m => m.EventId), Is.EqualTo(new[] { "e6" }));
        Assert.That(await Read(cursor), Is.Empty);
    }

    [Test]
    public async Task A_server_that_gives_a_cursor_on_the_last_page_needs_no_extra_request()
    {
        var client = new Mock<IDevinClient>(MockBehavior.Strict);
        client.SetupSequence(c => c.Messages.List("devin-abc", It.IsAny<string?>(), It.IsAny<int?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Page<SessionMessage> { Items = [new SessionMessage { EventId = "a" }, new SessionMessage { EventId = "b" }], EndCursor = "c2" })
            .ReturnsAsync(new Page<SessionMessage> { Items = [], EndCursor = null });
        var cursor = new MessageCursor(client.Object, "devin-abc", 200);

        Assert.That((await Read(cursor)).Select(m => m.EventId), Is.EqualTo(new[] { "a", "b" }));
        Assert.That(await Read(cursor), Is.Empty);

        client.Verify(c => c.Messages.List("devin-abc", null, 200, It.IsAny<CancellationToken>()), Times.Once);
        client.Verify(c => c.Messages.List("devin-abc", "c2", 200, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task A_failed_second_page_keeps_the_first_and_the_next_read_goes_on_from_its_cursor()
    {
        _messages.Add(150);
        var cursor = new MessageCursor(_client.Object, "devin-abc", 100);
        _messages.Failures.Enqueue(null);
        _messages.Failures.Enqueue(Sessions.Unavailable());
        var fresh = new List<SessionMessage>();

        Assert.ThrowsAsync<DevinApiException>(() => cursor.ReadNew(fresh, CancellationToken.None));
        Assert.That(fresh, Has.Count.EqualTo(100));

        var rest = await Read(cursor);
        Assert.That(fresh.Concat(rest).Select(m => m.EventId), Is.EqualTo(Enumerable.Range(1, 150).Select(n => $"e{n}")));
        Assert.That(_messages.Requests.Count(r => r.After is null), Is.EqualTo(1), "the first page is never read again");
    }

    [Test]
    public async Task Since_reports_only_later_messages()
    {
        _messages.Add(5);
        var cursor = new MessageCursor(_client.Object, "devin-abc", 200, sinceEventId: "e3");
        Assert.That((await Read(cursor)).Select(m => m.EventId), Is.EqualTo(new[] { "e4", "e5" }));
    }

    [Test]
    public void Since_an_unknown_event_is_not_found()
    {
        _messages.Add(2);
        var cursor = new MessageCursor(_client.Object, "devin-abc", 200, sinceEventId: "nope");
        var e = Assert.ThrowsAsync<HandoffException>(() => cursor.ReadNew([], CancellationToken.None));
        Assert.That(e!.ExitCode, Is.EqualTo(ExitCodes.NotFound));
        Assert.That(e.Message, Does.Contain("nope"));
    }
}
