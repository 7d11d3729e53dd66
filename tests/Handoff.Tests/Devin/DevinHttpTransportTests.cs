using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Handoff.Core;
using Handoff.Core.Devin;
using static Handoff.Tests.Devin.ClientFixture;

namespace Handoff.Tests.Devin;

/// <summary>What the HTTP layer reports and traces when the network fails, and how storage downloads are retried.</summary>
public class DevinHttpTransportTests
{
    [Test]
    public void A_transport_failure_is_reported_by_its_innermost_cause()
    {
        var (client, _, _) = CreateWith("http://127.0.0.1:9", new ThrowingHandler(() =>
            new HttpRequestException("An error occurred while sending the request.", new IOException("the proxy closed the tunnel\nat frame 3"))), maxAttempts: 1);

        var e = Assert.ThrowsAsync<DevinApiException>(() => client.Sessions.Get("abc"));

        Assert.That(e!.Message, Is.EqualTo("could not reach the Devin API at 127.0.0.1:9 while getting session devin-abc: the proxy closed the tunnel (1 attempt)"));
    }

    [Test]
    public void The_trace_tells_a_network_error_from_a_timeout()
    {
        var (refused, _, refusedTrace) = CreateWith("http://127.0.0.1:9", new ThrowingHandler(() =>
            new HttpRequestException("outer", new IOException("connection reset by peer"))), maxAttempts: 1);
        Assert.ThrowsAsync<DevinApiException>(() => refused.Sessions.Get("abc"));
        Assert.That(refusedTrace.Lines[0], Does.Match(@"^GET http://127\.0\.0\.1:9/v3/organizations/org-test/sessions/devin-abc -> network error: connection reset by peer \(\d+ ms\)$"));

        using var slow = new TestApiServer(async (_, r) => { await Task.Delay(1500); await Reply.Ok(r, Session()); });
        var (client, _, trace) = Create(slow.Url, maxAttempts: 1, timeout: TimeSpan.FromMilliseconds(200));
        Assert.ThrowsAsync<DevinApiException>(() => client.Sessions.Get("abc"));
        Assert.That(trace.Lines[0], Does.Match(@"^GET http://127\.0\.0\.1:\d+/v3/organizations/org-test/sessions/devin-abc -> timeout \(\d+ ms\)$"));
    }

    [Test]
    public async Task A_storage_download_retried_after_a_dropped_body_holds_only_the_second_answer()
    {
        var attempts = 0;
        var storage = new StubHandler(() => ++attempts == 1
            ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new DropsAtEnd(Encoding.ASCII.GetBytes("a long first part that never finished"))) }
            : new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(Encoding.ASCII.GetBytes("whole file")) });
        var (client, _, trace) = CreateWith("http://127.0.0.1:9", download: storage);
        using var destination = new MemoryStream();

        await client.Attachments.Download("https://storage.example/bucket/f.txt?X-Amz-Signature=sekrit", destination);

        Assert.That(Encoding.ASCII.GetString(destination.ToArray()), Is.EqualTo("whole file"));
        Assert.That(attempts, Is.EqualTo(2));
        Assert.That(trace.Lines, Has.Some.Match(@"^GET https://storage\.example/bucket/f\.txt -> 200 \(\d+ ms, no auth\)$"));
        Assert.That(trace.Lines, Has.Some.Match(@"^GET https://storage\.example/bucket/f\.txt -> network error \(\d+ ms, no auth\)$"));
    }

    [Test]
    public void The_user_agent_is_the_product_and_the_version_of_Directory_Build_props_without_build_metadata()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Directory.Build.props"))) dir = dir.Parent;
        var version = Regex.Match(File.ReadAllText(Path.Combine(dir!.FullName, "Directory.Build.props")), "<Version>([^<]+)</Version>").Groups[1].Value;

        Assert.That(version, Is.Not.Empty);
        Assert.That(DevinClient.UserAgent, Is.EqualTo("devin-handoff/" + version));
    }

    private static (DevinClient Client, FakeClock Clock, ListTraceSink Trace) CreateWith(string url, HttpMessageHandler? api = null,
        HttpMessageHandler? download = null, int maxAttempts = 5)
    {
        var clock = new FakeClock();
        var trace = new ListTraceSink();
        var client = new DevinClient(
            new DevinConnection { ApiKey = CogKey, ApiUrl = url, OrgId = Org, Timeout = TimeSpan.FromSeconds(10) },
            new DevinClientOptions
            {
                Clock = clock, Trace = trace, MaxAttempts = maxAttempts, Jitter = () => 1.0,
                ConfigureMessageHandler = api is null ? null : _ => api,
                DownloadHandler = download,
            });
        return (client, clock, trace);
    }

    private sealed class ThrowingHandler(Func<Exception> exception) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromException<HttpResponseMessage>(exception());
    }

    private sealed class StubHandler(Func<HttpResponseMessage> respond) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(respond());
    }

    /// <summary>A body that delivers its bytes and then fails, as a connection dropped mid-download does.</summary>
    private sealed class DropsAtEnd(byte[] bytes) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) =>
            Position < Length ? base.Read(buffer, offset, Math.Min(count, 8)) : throw new IOException("connection reset");

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Position < Length ? base.ReadAsync(buffer[..Math.Min(buffer.Length, 8)], cancellationToken) : throw new IOException("connection reset");

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Position < Length ? base.ReadAsync(buffer, offset, Math.Min(count, 8), cancellationToken) : throw new IOException("connection reset");
    }
}
