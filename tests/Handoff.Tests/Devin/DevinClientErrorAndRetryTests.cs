using Handoff.Core;
using Handoff.Core.Devin;
using static Handoff.Tests.Devin.ClientFixture;

namespace Handoff.Tests.Devin;

public class DevinClientErrorAndRetryTests
{
    [Test]
    public async Task Get_is_retried_on_503_honouring_retry_after_seconds()
    {
        var calls = 0;
        using var server = new TestApiServer((_, r) => Interlocked.Increment(ref calls) <= 2
            ? Reply.Json(r, 503, "{}", ("Retry-After", "2"))
            : Reply.Ok(r, Session()));
        var (client, clock, _) = Create(server.Url);

        var session = await client.Sessions.Get("abc");

        Assert.That(session.SessionId, Is.EqualTo("devin-abc"));
        Assert.That(server.All, Has.Length.EqualTo(3));
        Assert.That(clock.Delays, Is.EqualTo(new[] { TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2) }));
    }

    [Test]
    public async Task Retry_after_as_http_date_is_measured_from_the_clock()
    {
        var calls = 0;
        var clockNow = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        using var server = new TestApiServer((_, r) => Interlocked.Increment(ref calls) == 1
            ? Reply.Json(r, 429, "{}", ("Retry-After", clockNow.AddSeconds(7).ToString("r")))
            : Reply.Ok(r, Session()));
        var (client, clock, _) = Create(server.Url);
        clock.Now = clockNow;

        await client.Sessions.Get("abc");

        Assert.That(clock.Delays, Is.EqualTo(new[] { TimeSpan.FromSeconds(7) }));
    }

    [Test]
    public void Without_retry_after_the_backoff_grows_exponentially_then_gives_up_with_exit_6()
    {
        using var server = new TestApiServer((_, r) => Reply.Json(r, 502, """{"title":"Bad Gateway","status":502}"""));
        var (client, clock, _) = Create(server.Url, maxAttempts: 4);

        var e = Assert.ThrowsAsync<DevinApiException>(() => client.Sessions.Get("abc"));

        Assert.That(server.All, Has.Length.EqualTo(4));
        Assert.That(clock.Delays, Is.EqualTo(new[] { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4) }));
        Assert.That(e!.ExitCode, Is.EqualTo(ExitCodes.ApiUnavailable));
        Assert.That(e.StatusCode, Is.EqualTo(502));
        Assert.That(e.Message, Does.Contain("HTTP 502").And.Contain("4 attempts").And.Contain("Bad Gateway"));
    }

    [Test]
    public void Connection_refused_is_retried_then_exit_6()
    {
        var url = $"http://127.0.0.1:{TestApiServer.FreePort()}";
        var (client, clock, _) = Create(url, maxAttempts: 3);

        var e = Assert.ThrowsAsync<DevinApiException>(() => client.Sessions.Get("abc"));

        Assert.That(e!.ExitCode, Is.EqualTo(ExitCodes.ApiUnavailable));
        Assert.That(e.StatusCode, Is.Null);
        Assert.That(e.Message, Does.StartWith("could not reach the Devin API at 127.0.0.1:").And.Contain("3 attempts"));
        Assert.That(clock.Delays, Has.Count.EqualTo(2));
    }

    [Test]
    public void Timeout_is_retried_and_reported()
    {
        using var server = new TestApiServer(async (_, r) => { await Task.Delay(1500); await Reply.Ok(r, Session()); });
        var (client, _, _) = Create(server.Url, maxAttempts: 2, timeout: TimeSpan.FromMilliseconds(200));

        var e = Assert.ThrowsAsync<DevinApiException>(() => client.Sessions.Get("abc"));

        Assert.That(e!.ExitCode, Is.EqualTo(ExitCodes.ApiUnavailable));
        Assert.That(e.Message, Does.Contain("did not answer"));
        Assert.That(server.All, Has.Length.EqualTo(2));
    }

    [Test]
    public void Retry_after_beyond_the_limit_fails_fast()
    {
        using var server = new TestApiServer((_, r) => Reply.Json(r, 429, "{}", ("Retry-After", "3600")));
        var (client, clock, _) = Create(server.Url);

        var e = Assert.ThrowsAsync<DevinApiException>(() => client.Sessions.Get("abc"));

        Assert.That(e!.ExitCode, Is.EqualTo(ExitCodes.ApiUnavailable));
        Assert.That(e.Message, Does.Contain("3600 s"));
        Assert.That(clock.Delays, Is.Empty);
    }

    [Test]
    public void Unauthorized_names_key_type_and_org_but_never_the_key()
    {
        using var server = new TestApiServer((_, r) => Reply.Json(r, 401, $$"""{"title":"Unauthorized","status":401,"detail":"bad token {{CogKey}}"}"""));
        var (client, _, _) = Create(server.Url);

        var e = Assert.ThrowsAsync<DevinApiException>(() => client.Sessions.Get("abc"));

        Assert.That(e!.ExitCode, Is.EqualTo(ExitCodes.AuthOrConfig));
        Assert.That(e.Message, Is.EqualTo("invalid or expired key (key type cog_, org org-test); create a key at https://app.devin.ai/settings/api-keys"));
        Assert.That(server.All, Has.Length.EqualTo(1), "401 is not retried");
    }

    [Test]
    public void Forbidden_names_the_permission_the_endpoint_needs()
    {
        using var server = new TestApiServer((_, r) => Reply.Json(r, 403, $$"""{"title":"Forbidden","status":403,"detail":"key {{CogKey}} lacks permission"}"""));
        var (client, _, _) = Create(server.Url);

        var e = Assert.ThrowsAsync<DevinApiException>(() => client.Sessions.Archive("abc"));

        Assert.That(e!.ExitCode, Is.EqualTo(ExitCodes.AuthOrConfig));
        Assert.That(e.Message, Does.Contain("ManageOrgSessions").And.Contain("key type cog_").And.Contain("org org-test"));
        Assert.That(e.Message, Does.Not.Contain(CogKey), "an echoed key is masked");
        Assert.That(e.Message, Does.Contain("cog_***"));
    }

    [Test]
    public void Not_found_names_the_resource_with_exit_5()
    {
        using var server = new TestApiServer((_, r) => Reply.Json(r, 404, """{"detail":"Session not found"}"""));
        var (client, _, _) = Create(server.Url);

        var e = Assert.ThrowsAsync<DevinApiException>(() => client.Sessions.Get("zzz"));

        Assert.That(e!.ExitCode, Is.EqualTo(ExitCodes.NotFound));
        Assert.That(e.Message, Is.EqualTo("session devin-zzz not found: Session not found"));
    }

    [Test]
    public void Bad_request_shows_the_problem_detail_with_exit_1()
    {
        using var server = new TestApiServer((_, r) => Reply.Json(r, 400,
            """{"type":"about:blank","title":"Bad Request","status":400,"detail":"unknown platform 'beos'; valid: linux, windows"}"""));
        var (client, _, _) = Create(server.Url);

        var e = Assert.ThrowsAsync<DevinApiException>(() => client.Sessions.Create(new SessionCreateRequest { Prompt = "p", Platform = "beos" }));

        Assert.That(e!.ExitCode, Is.EqualTo(ExitCodes.Error));
        Assert.That(e.Message, Is.EqualTo("bad request while creating a session: unknown platform 'beos'; valid: linux, windows"));
    }

    [Test]
    public void Problem_detail_422_with_errors_lists_each_field()
    {
        using var server = new TestApiServer((_, r) => Reply.Json(r, 422,
            """{"title":"Unprocessable Entity","status":422,"errors":[{"loc":["body","frequency"],"msg":"invalid cron"}]}"""));
        var (client, _, _) = Create(server.Url);

        var e = Assert.ThrowsAsync<DevinApiException>(() => client.Schedules.Create(new ScheduleCreateRequest { Name = "n", Prompt = "p", Frequency = "nope" }));

        Assert.That(e!.FieldErrors, Is.EqualTo(new[] { "invalid cron @ body.frequency" }));
        Assert.That(e.Message, Is.EqualTo("the Devin API rejected creating a schedule: invalid cron @ body.frequency"));
    }

    [Test]
    public void Malformed_json_in_a_success_body_is_exit_1_with_a_clear_message()
    {
        using var server = new TestApiServer((_, r) => Reply.Ok(r, "<html>proxy login</html>"));
        var (client, _, _) = Create(server.Url);

        var e = Assert.ThrowsAsync<HandoffException>(() => client.Sessions.Get("abc"));

        Assert.That(e!.ExitCode, Is.EqualTo(ExitCodes.Error));
        Assert.That(e.Message, Does.StartWith("the Devin API sent malformed JSON while getting session devin-abc"));
    }

    [Test]
    public async Task Trace_writes_one_line_per_request_with_the_key_masked()
    {
        using var server = new TestApiServer((_, r) => Reply.Ok(r, Session()));
        var (client, _, trace) = Create(server.Url);

        await client.Sessions.Get("abc");

        var line = trace.Lines.Single();
        Assert.That(line, Does.Match(@"^GET http://127\.0\.0\.1:\d+/v3/organizations/org-test/sessions/devin-abc -> 200 \(\d+ ms\)$"));
    }

    [Test]
    public void Trace_masks_the_key_wherever_it_appears()
    {
        using var server = new TestApiServer((_, r) => Reply.Ok(r, Session()));
        var (client, _, trace) = Create(server.Url);

        // A caller-supplied value that happens to contain the key ends up in the traced URL.
        Assert.ThrowsAsync<HandoffException>(() => client.Sessions.Get(CogKey + "/x"));
        _ = client.Sessions.List(new SessionListQuery { Tags = [CogKey] }).Result;

        Assert.That(trace.Lines, Is.Not.Empty);
        Assert.That(string.Join("\n", trace.Lines), Does.Not.Contain(CogKey).And.Contain("cog_***"));
    }

    [Test]
    public void Trace_sink_from_environment_is_on_only_with_devin_handoff_trace()
    {
        var writer = new StringWriter();
        var on = DevinClientOptions.FromEnvironment(new Handoff.Core.Abstractions.DictionaryEnvironment(new Dictionary<string, string?> { ["DEVIN_HANDOFF_TRACE"] = "1" }), writer);
        var off = DevinClientOptions.FromEnvironment(new Handoff.Core.Abstractions.DictionaryEnvironment(new Dictionary<string, string?>()), writer);

        on.Trace.Trace("hello");
        off.Trace.Trace("hidden");

        Assert.That(writer.ToString(), Does.Contain("hello").And.Not.Contain("hidden"));
    }
}
