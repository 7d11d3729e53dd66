using Handoff.Core.Devin;
using RestSharp;
using static Handoff.Tests.Devin.ClientFixture;

namespace Handoff.Tests.Devin;

/// <summary>What counts as success, redirect and transient, which calls may be sent again, and query values.</summary>
public class ApiCallTests
{
    private static HttpOutcome Status(int? status, string? location = null) => new(status, "", null, null, location, null, false);

    [TestCase(199, false)]
    [TestCase(200, true)]
    [TestCase(204, true)]
    [TestCase(299, true)]
    [TestCase(300, false)]
    public void Success_is_2xx_only(int status, bool success) => Assert.That(Status(status).IsSuccess, Is.EqualTo(success));

    [TestCase(299, "/x", false)]
    [TestCase(300, "/x", true)]
    [TestCase(307, "/x", true)]
    [TestCase(399, "/x", true)]
    [TestCase(400, "/x", false)]
    [TestCase(200, "/x", false)]
    [TestCase(307, null, false)]
    public void A_redirect_is_a_3xx_with_a_location(int status, string? location, bool redirect) =>
        Assert.That(Status(status, location).IsRedirect, Is.EqualTo(redirect));

    [TestCase(null, true)]
    [TestCase(429, true)]
    [TestCase(500, true)]
    [TestCase(599, true)]
    [TestCase(499, false)]
    [TestCase(404, false)]
    public void Transient_is_no_answer_429_or_5xx(int? status, bool transient) => Assert.That(Status(status).IsTransient, Is.EqualTo(transient));

    [Test]
    public void A_throttle_only_call_is_sent_again_only_after_a_429()
    {
        var call = new ApiCall(Method.Post, "x", "doing x", "P") { Retry = RetryMode.ThrottleOnly };
        Assert.That((call.MayRetry(Status(429)), call.MayRetry(Status(503)), call.MayRetry(Status(null))), Is.EqualTo((true, false, false)));
        var safe = new ApiCall(Method.Get, "x", "reading x", "P");
        Assert.That((safe.MayRetry(Status(429)), safe.MayRetry(Status(503)), safe.MayRetry(Status(null)), safe.MayRetry(Status(400))), Is.EqualTo((true, true, true, false)));
    }

    [Test]
    public void Query_values_of_any_type_are_written_invariantly_and_nulls_are_left_out()
    {
        var call = new ApiCall(Method.Get, "x", "reading x", "P")
            .With("s", "text").With("n", null).With("b", true).With("many", new[] { "a", "b" }).With("d", 1.5).With("u", new Uri("https://h/p"));
        Assert.That(call.Query.Select(q => $"{q.Key}={q.Value}"), Is.EqualTo(new[] { "s=text", "b=true", "many=a", "many=b", "d=1.5", "u=https://h/p" }));
    }

    [Test]
    public void A_value_of_another_type_is_written_with_its_ToString()
    {
        var call = new ApiCall(Method.Get, "x", "reading x", "P").With("k", new Named("kind-a")).With("n", new Named(null));
        Assert.That(call.Query.Select(q => $"{q.Key}={q.Value}"), Is.EqualTo(new[] { "k=kind-a", "n=" }));
    }

    private sealed class Named(string? text)
    {
        public override string? ToString() => text;
    }

    [Test]
    public void A_request_cancelled_in_flight_ends_at_once_and_is_not_retried()
    {
        using var server = new TestApiServer(async (_, r) => { await Task.Delay(1500); await Reply.Ok(r, Session()); });
        var (client, clock, _) = Create(server.Url);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        Assert.CatchAsync<OperationCanceledException>(() => client.Sessions.Get("abc", cancel.Token));

        Assert.That(clock.Delays, Is.Empty);
        Assert.That(server.All, Has.Length.EqualTo(1));
    }
}
