using Handoff.Core;
using Handoff.Core.Devin;
using static Handoff.Tests.Devin.ClientFixture;

namespace Handoff.Tests.Devin;

/// <summary>What a 403 on create asks for, how retries are traced and spread, and when a v1 list has another page.</summary>
public class DevinClientMessagesAndPagingTests
{
    private static string Forbidden() => """{"title":"Forbidden","status":403,"detail":"no"}""";

    [Test]
    public void A_v3_create_as_a_user_names_both_permissions_it_needs()
    {
        using var server = new TestApiServer((_, r) => Reply.Json(r, 403, Forbidden()));
        var (client, _, _) = Create(server.Url, userId: "user-7");

        var e = Assert.ThrowsAsync<DevinApiException>(() => client.Sessions.Create(new SessionCreateRequest { Prompt = "p" }));

        Assert.That(e!.Message, Does.StartWith("permission denied while creating a session: this needs the ManageOrgSessions and ImpersonateOrgSessions permission"));
    }

    [Test]
    public void A_create_for_the_key_itself_names_only_the_manage_permission()
    {
        using var v3 = new TestApiServer((_, r) => Reply.Json(r, 403, Forbidden()));
        var (client, _, _) = Create(v3.Url);
        var e = Assert.ThrowsAsync<DevinApiException>(() => client.Sessions.Create(new SessionCreateRequest { Prompt = "p" }));
        Assert.That(e!.Message, Does.StartWith("permission denied while creating a session: this needs the ManageOrgSessions permission ("));

        using var v1 = new TestApiServer((_, r) => Reply.Json(r, 403, Forbidden()));
        var (v1Client, _, _) = Create(v1.Url, key: ApkKey, org: null, userId: "user-7");
        e = Assert.ThrowsAsync<DevinApiException>(() => v1Client.Sessions.Create(new SessionCreateRequest { Prompt = "p" }));
        Assert.That(e!.Message, Does.StartWith("permission denied while creating a session: this needs the ManageOrgSessions permission ("),
            "v1 has no create-as-user");
    }

    [Test]
    public async Task Each_retry_is_traced_with_its_wait_and_its_attempt_number()
    {
        var calls = 0;
        using var server = new TestApiServer((_, r) => Interlocked.Increment(ref calls) <= 2 ? Reply.Json(r, 503, "{}") : Reply.Ok(r, Session()));
        var (client, _, trace) = Create(server.Url, maxAttempts: 3);

        await client.Sessions.Get("abc");

        Assert.That(trace.Lines.Where(l => l.StartsWith("retrying")), Is.EqualTo(new[]
        {
            "retrying getting session devin-abc in 1000 ms (attempt 2 of 3)",
            "retrying getting session devin-abc in 2000 ms (attempt 3 of 3)",
        }));
    }

    [TestCase(0.0, 500)]
    [TestCase(0.5, 750)]
    public async Task The_backoff_is_jittered_between_half_and_all_of_each_step(double jitter, int milliseconds)
    {
        var calls = 0;
        using var server = new TestApiServer((_, r) => Interlocked.Increment(ref calls) == 1 ? Reply.Json(r, 503, "{}") : Reply.Ok(r, Session()));
        var clock = new FakeClock();
        using var client = new DevinClient(new DevinConnection { ApiKey = CogKey, ApiUrl = server.Url, OrgId = Org },
            new DevinClientOptions { Clock = clock, Jitter = () => jitter });

        await client.Sessions.Get("abc");

        Assert.That(clock.Delays, Is.EqualTo(new[] { TimeSpan.FromMilliseconds(milliseconds) }));
    }

    [Test]
    public async Task A_v1_list_shorter_than_its_limit_is_the_last_page_and_passes_the_user_filter()
    {
        using var server = new TestApiServer((_, r) => Reply.Ok(r, """{"sessions":[{"session_id":"devin-a"},{"session_id":"devin-b"}]}"""));
        var (client, _, _) = Create(server.Url, key: ApkKey, org: null);

        var page = await client.Sessions.List(new SessionListQuery { First = 5, UserEmail = "dev@example.com" });

        Assert.That(page.Items.Select(s => s.SessionId), Is.EqualTo(new[] { "devin-a", "devin-b" }));
        Assert.That((page.HasNextPage, page.EndCursor), Is.EqualTo((false, (string?)null)));
        Assert.That(server.All.Single().QueryValues("user_email"), Is.EqualTo(new[] { "dev@example.com" }));
        Assert.That(server.All.Single().QueryValues("limit"), Is.EqualTo(new[] { "5" }));
    }

    [Test]
    public async Task A_full_v1_page_has_a_next_page_at_the_next_offset_and_an_empty_one_never_does()
    {
        using var server = new TestApiServer((req, r) => req.QueryValues("offset").Count == 0
            ? Reply.Ok(r, """{"sessions":[{"session_id":"devin-a"},{"session_id":"devin-b"}]}""")
            : Reply.Ok(r, """{"sessions":[]}"""));
        var (client, _, _) = Create(server.Url, key: ApkKey, org: null);

        var full = await client.Sessions.List(new SessionListQuery { First = 2 });
        Assert.That((full.HasNextPage, full.EndCursor), Is.EqualTo((true, "2")));

        var empty = await client.Sessions.List(new SessionListQuery { First = 0, After = "2" });
        Assert.That((empty.HasNextPage, empty.EndCursor), Is.EqualTo((false, (string?)null)), "an empty page with limit 0 must not page forever");
    }

    [Test]
    public void Archiving_on_v1_is_refused_before_anything_is_sent()
    {
        using var server = new TestApiServer((_, r) => Reply.Ok(r, "{}"));
        var (client, _, _) = Create(server.Url, key: ApkKey, org: null);

        var e = Assert.ThrowsAsync<HandoffException>(() => client.Sessions.Archive("abc"));

        Assert.That(e!.Message, Does.StartWith("archiving a session needs the v3 API"));
        Assert.That(server.All, Is.Empty);
    }
}
