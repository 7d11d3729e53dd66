using Handoff.Core;
using Handoff.Core.Devin;
using static Handoff.Tests.Devin.ClientFixture;

namespace Handoff.Tests.Devin;

/// <summary>The one-line errors of the HTTP layer, the Retry-After edge cases and redirects that were not asked for.</summary>
public class DevinHttpFailureTests
{
    [Test]
    public void A_single_attempt_is_counted_in_the_singular()
    {
        using var server = new TestApiServer((_, r) => Reply.Json(r, 503, """{"detail":"down"}"""));
        var (client, _, _) = Create(server.Url, maxAttempts: 1);

        var e = Assert.ThrowsAsync<DevinApiException>(() => client.Sessions.Get("abc"));

        Assert.That(e!.Message, Is.EqualTo("the Devin API failed with HTTP 503 while getting session devin-abc (1 attempt): down"));
    }

    [Test]
    public void A_429_that_never_clears_says_rate_limited()
    {
        using var server = new TestApiServer((_, r) => Reply.Json(r, 429, "", ("Retry-After", "1")));
        var (client, _, _) = Create(server.Url, maxAttempts: 2);

        var e = Assert.ThrowsAsync<DevinApiException>(() => client.Sessions.Get("abc"));

        Assert.That((e!.Message, e.ExitCode), Is.EqualTo(("rate limited by the Devin API while getting session devin-abc (2 attempts)", ExitCodes.ApiUnavailable)));
    }

    [Test]
    public void An_error_without_a_body_adds_no_detail()
    {
        using var server = new TestApiServer((_, r) => Reply.Json(r, 404, ""));
        var (client, _, _) = Create(server.Url);

        var e = Assert.ThrowsAsync<DevinApiException>(() => client.Sessions.List(new SessionListQuery()));
        Assert.That(e!.Message, Is.EqualTo("sessions not found"));
    }

    [TestCase("""{"title":"Unprocessable Entity","detail":"prompt too long"}""", "the Devin API rejected creating a session: prompt too long")]
    [TestCase("", "the Devin API rejected creating a session: validation error")]
    public void A_422_without_field_errors_shows_its_summary_or_says_validation_error(string body, string message)
    {
        using var server = new TestApiServer((_, r) => Reply.Json(r, 422, body));
        var (client, _, _) = Create(server.Url);

        var e = Assert.ThrowsAsync<DevinApiException>(() => client.Sessions.Create(new SessionCreateRequest { Prompt = "p" }));

        Assert.That(e!.Message, Is.EqualTo(message));
    }

    [Test]
    public void A_redirect_that_was_not_asked_for_is_an_error_and_is_not_followed()
    {
        using var elsewhere = new TestApiServer((_, r) => Reply.Ok(r, Session()));
        using var server = new TestApiServer((_, r) => Reply.Redirect(r, elsewhere.Url + "/v3/organizations/org-test/sessions/devin-abc"));
        var (client, _, _) = Create(server.Url);

        var e = Assert.ThrowsAsync<DevinApiException>(() => client.Sessions.Get("abc"));

        Assert.That((e!.Message, e.ExitCode, e.StatusCode), Is.EqualTo(("HTTP 307 while getting session devin-abc", ExitCodes.Error, (int?)307)));
        Assert.That(elsewhere.All, Is.Empty, "the key never follows a redirect");
    }

    [TestCase("0", 0)]
    [TestCase("120", 120)]
    public async Task Retry_after_from_zero_up_to_the_limit_is_waited_for_exactly(string retryAfter, int seconds)
    {
        var calls = 0;
        using var server = new TestApiServer((_, r) => Interlocked.Increment(ref calls) == 1
            ? Reply.Json(r, 503, "{}", ("Retry-After", retryAfter))
            : Reply.Ok(r, Session()));
        var (client, clock, _) = Create(server.Url);

        await client.Sessions.Get("abc");

        Assert.That(clock.Delays, Is.EqualTo(new[] { TimeSpan.FromSeconds(seconds) }));
    }

    [Test]
    public async Task A_retry_after_date_in_the_past_means_retry_at_once()
    {
        var calls = 0;
        var clockNow = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        using var server = new TestApiServer((_, r) => Interlocked.Increment(ref calls) == 1
            ? Reply.Json(r, 503, "{}", ("Retry-After", clockNow.AddSeconds(-30).ToString("r")))
            : Reply.Ok(r, Session()));
        var (client, clock, _) = Create(server.Url);
        clock.Now = clockNow;

        await client.Sessions.Get("abc");

        Assert.That(clock.Delays, Is.EqualTo(new[] { TimeSpan.Zero }));
    }

    [Test]
    public async Task Storage_downloads_carry_the_user_agent()
    {
        using var storage = new TestApiServer((_, r) => Reply.Bytes(r, [1]));
        using var api = new TestApiServer((_, r) => Reply.Ok(r, "{}"));
        var (client, _, _) = Create(api.Url);

        await client.Attachments.Download(storage.Url + "/f.bin", new MemoryStream());

        Assert.That(storage.All.Single().Header("User-Agent"), Is.EqualTo(DevinClient.UserAgent));
    }

    [Test]
    public void A_storage_link_that_expired_is_refused_at_once_with_advice()
    {
        using var storage = new TestApiServer((_, r) => Reply.Json(r, 403, "<Error>AccessDenied</Error>"));
        using var api = new TestApiServer((_, r) => Reply.Ok(r, "{}"));
        var (client, _, _) = Create(api.Url);

        var e = Assert.ThrowsAsync<DevinApiException>(() => client.Attachments.Download(storage.Url + "/f.bin?sig=x", new MemoryStream()));

        Assert.That(e!.Message, Is.EqualTo("the attachment link was refused by 127.0.0.1 (HTTP 403); links expire quickly, list the attachments again"));
        Assert.That(storage.All, Has.Length.EqualTo(1), "not retried");
    }

    [Test]
    public void A_storage_download_into_a_stream_that_cannot_rewind_is_not_retried_after_a_5xx()
    {
        using var storage = new TestApiServer((_, r) => Reply.Json(r, 503, "busy"));
        using var api = new TestApiServer((_, r) => Reply.Ok(r, "{}"));
        var (client, _, _) = Create(api.Url);

        var e = Assert.ThrowsAsync<DevinApiException>(() => client.Attachments.Download(storage.Url + "/f.bin", new ForwardOnly()));

        Assert.That(e!.Message, Is.EqualTo("the Devin API failed with HTTP 503 while downloading an attachment (1 attempt): busy"));
        Assert.That(storage.All, Has.Length.EqualTo(1));
    }

    private sealed class ForwardOnly : MemoryStream
    {
        public override bool CanSeek => false;
    }
}
