using Handoff.Core;
using Handoff.Core.Devin;
using Handoff.Core.Handoffs;
using Handoff.Core.Settings;
using Moq;

namespace Handoff.Tests.Handoffs;

/// <summary>The send workflow as a second front end (the MCP server) calls it: plain inputs, a result record, events.</summary>
public class HandoffSenderTests
{
    private string _gitDir = null!;
    private HandoffStore _store = null!;

    [SetUp]
    public void SetUp()
    {
        _gitDir = Directory.CreateTempSubdirectory("handoff-sender-").FullName;
        _store = new HandoffStore(_gitDir);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_gitDir, recursive: true);

    private static readonly SavedHandoff Draft = new() { ClientToken = "tok-1", Prompt = "Fix the build", Title = "Fix the build", Tags = ["handoff"] };

    private sealed class Connector(Func<IDevinClient> connect, string? key = "cog_key_0123456789", string? userId = null) : IDevinConnector
    {
        public int Connects { get; private set; }

        public Task<ResolvedConnection> Resolve(CancellationToken ct) =>
            Task.FromResult(new ResolvedConnection("https://api.devin.ai", key, "org-1", userId));

        public Task<IDevinClient> Connect(ThrottleGate? gate, CancellationToken ct)
        {
            Connects++;
            return Task.FromResult(connect());
        }
    }

    private static Mock<IDevinClient> Client(string? userId = "user-7")
    {
        var client = new Mock<IDevinClient>(MockBehavior.Strict);
        client.SetupGet(c => c.Connection).Returns(new DevinConnection { ApiKey = "cog_key_0123456789", UserId = userId });
        client.Setup(c => c.Sessions.Create(It.IsAny<SessionCreateRequest>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SessionCreated(new SessionResponse { SessionId = "devin-9", Status = "new" }, IsNewSession: true, Recovered: false, "handoff-id:tok-1"));
        return client;
    }

    private sealed class Events : IProgress<SendEvent>
    {
        public List<SendEvent> Seen { get; } = [];
        public void Report(SendEvent value) => Seen.Add(value);
    }

    [Test]
    public void Saves_before_connecting_so_a_missing_key_loses_nothing()
    {
        var sender = new HandoffSender(new Connector(() => throw new HandoffException("DEVIN_API_KEY is not set", ExitCodes.AuthOrConfig)));

        var failure = Assert.ThrowsAsync<HandoffNotSentException>(() => sender.Send(_store, Draft, [], null, CancellationToken.None));

        Assert.That(failure!.ExitCode, Is.EqualTo(ExitCodes.AuthOrConfig));
        Assert.That(failure.Message, Is.EqualTo("DEVIN_API_KEY is not set"));
        Assert.That(_store.Load()?.Prompt, Is.EqualTo(Draft.Prompt), "saved before the connection failed");
        Assert.That(_store.LastSession(), Is.Null);
    }

    [Test]
    public async Task Creates_the_session_as_the_connection_user_and_records_it()
    {
        var client = Client();
        var events = new Events();

        var sent = await new HandoffSender(new Connector(() => client.Object)).Send(_store, Draft, [], events, CancellationToken.None);

        client.Verify(c => c.Sessions.Create(It.Is<SessionCreateRequest>(r => r.Prompt == "Fix the build" && r.CreateAsUserId == "user-7"), "tok-1", It.IsAny<CancellationToken>()));
        Assert.That(sent.Session.SessionId, Is.EqualTo("devin-9"));
        Assert.That(sent.Url, Is.EqualTo(SessionIds.WebUrl(sent.Session)));
        Assert.That(_store.LastSession(), Is.EqualTo("devin-9"));
        Assert.That(_store.Load()!.SessionId, Is.EqualTo("devin-9"));
        Assert.That(_store.Load()!.CreateAsUserId, Is.EqualTo("user-7"));
        Assert.That(events.Seen.Single(), Is.InstanceOf<CreatingSession>());
    }

    [Test]
    public async Task Uploads_attachments_first_and_keeps_their_urls_with_the_handoff()
    {
        var file = Path.Combine(_gitDir, "notes.txt");
        await File.WriteAllTextAsync(file, "notes");
        var client = Client();
        client.Setup(c => c.Attachments.Upload("notes.txt", It.IsAny<Func<Stream>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new UploadedAttachment { Url = "https://storage.invalid/notes.txt" });
        var events = new Events();

        await new HandoffSender(new Connector(() => client.Object)).Send(_store, Draft, [file], events, CancellationToken.None);

        client.Verify(c => c.Sessions.Create(It.Is<SessionCreateRequest>(r => r.AttachmentUrls!.Single() == "https://storage.invalid/notes.txt"), "tok-1", It.IsAny<CancellationToken>()));
        Assert.That(_store.Load()!.AttachmentUrls, Is.EqualTo(new[] { "https://storage.invalid/notes.txt" }));
        Assert.That(events.Seen.Select(e => e.GetType()), Is.EqualTo(new[] { typeof(AttachmentsUploaded), typeof(CreatingSession) }));
    }

    [Test]
    public void A_failed_create_is_not_sent_and_the_handoff_stays_for_a_resend()
    {
        var client = Client();
        client.Setup(c => c.Sessions.Create(It.IsAny<SessionCreateRequest>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new HandoffException("API unavailable", ExitCodes.ApiUnavailable));

        var failure = Assert.ThrowsAsync<HandoffNotSentException>(() =>
            new HandoffSender(new Connector(() => client.Object)).Send(_store, Draft, [], null, CancellationToken.None));

        Assert.That(failure!.ExitCode, Is.EqualTo(ExitCodes.ApiUnavailable));
        Assert.That(_store.Load()!.ClientToken, Is.EqualTo("tok-1"));
    }

    [Test]
    public async Task Resend_sends_the_saved_handoff_with_its_client_token()
    {
        _store.Save(Draft);
        var client = Client();
        var events = new Events();

        var sent = await new HandoffSender(new Connector(() => client.Object)).Resend(_store, events, CancellationToken.None);

        client.Verify(c => c.Sessions.Create(It.IsAny<SessionCreateRequest>(), "tok-1", It.IsAny<CancellationToken>()));
        Assert.That(sent.Handoff.SessionId, Is.EqualTo("devin-9"));
        Assert.That(events.Seen.Single(), Is.InstanceOf<Resending>());
    }

    [Test]
    public void Resend_without_a_saved_handoff_is_not_found_and_connects_nowhere()
    {
        var connector = new Connector(() => throw new AssertionException("no connection expected"));

        var failure = Assert.ThrowsAsync<HandoffException>(() => new HandoffSender(connector).Resend(_store, null, CancellationToken.None));

        Assert.That(failure!.ExitCode, Is.EqualTo(ExitCodes.NotFound));
        Assert.That(connector.Connects, Is.Zero);
    }

    [TestCase("apk_user_legacy_0123456789", true)]
    [TestCase("cog_key_0123456789", false)]
    [TestCase(null, false)]
    public async Task The_request_body_is_the_one_a_send_with_the_resolved_key_would_post(string? key, bool v1)
    {
        var connector = new Connector(() => throw new AssertionException("a dry run never connects"), key, userId: "user-3");

        var body = await new HandoffSender(connector).RequestBody(Draft, CancellationToken.None);

        Assert.That(body["idempotent"] is not null, Is.EqualTo(v1), body.ToJsonString());
        Assert.That(body["create_as_user_id"]?.GetValue<string>(), Is.EqualTo(v1 ? null : "user-3"));
        Assert.That(body["tags"]!.AsArray().Select(t => t!.GetValue<string>()), Does.Contain("handoff-id:tok-1"));
        Assert.That(connector.Connects, Is.Zero);
    }
}
