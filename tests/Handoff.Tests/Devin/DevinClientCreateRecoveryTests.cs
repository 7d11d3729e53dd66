using Handoff.Core.Devin;
using static Handoff.Tests.Devin.ClientFixture;

namespace Handoff.Tests.Devin;

/// <summary>
/// A create whose answer is lost may have made the session: the client looks it up by its handoff-id tag before it
/// sends again, and only a session that really carries that tag counts. Each case stands on its own.
/// </summary>
public class DevinClientCreateRecoveryTests
{
    private static string Page(params string[] sessions) => $$"""{"items":[{{string.Join(",", sessions)}}],"has_next_page":false,"end_cursor":null}""";

    [Test]
    public async Task A_502_then_an_answer_lost_after_processing_is_found_and_not_sent_a_third_time()
    {
        var posts = 0;
        string? stored = null;
        using var server = new RawHttpServer(req =>
        {
            if (req.Method == "POST")
            {
                if (Interlocked.Increment(ref posts) == 1) return new RawResponse(502, """{"title":"Bad Gateway","status":502}""");
                stored = Session("devin-second", tags: """["handoff-id:t-a"]""");
                return null; // processed, then the connection died
            }
            return new RawResponse(200, stored is null ? Page() : Page(stored));
        });
        var (client, _, _) = Create(server.Url);

        var created = await client.Sessions.Create(new SessionCreateRequest { Prompt = "p" }, "t-a");

        Assert.That(posts, Is.EqualTo(2));
        Assert.That(server.All.Select(r => r.Method), Is.EqualTo(new[] { "POST", "GET", "GET", "POST", "GET" }),
            "after the 502 it looked (live, then archived) before sending again; after the lost answer it looked and stopped");
        Assert.That(created.Recovered, Is.True);
        Assert.That(created.Session.SessionId, Is.EqualTo("devin-second"));
    }

    [Test]
    public async Task A_500_from_a_server_that_did_create_the_session_is_found_and_not_sent_again()
    {
        var posts = 0;
        using var server = new TestApiServer((req, r) =>
        {
            if (req.Method != "POST") return Reply.Ok(r, Page(Session("devin-made", tags: """["handoff","handoff-id:t-b"]""")));
            Interlocked.Increment(ref posts);
            return Reply.Json(r, 500, """{"detail":"stored, then failed to answer"}""");
        });
        var (client, clock, _) = Create(server.Url);

        var created = await client.Sessions.Create(new SessionCreateRequest { Prompt = "p", Tags = ["handoff"] }, "t-b");

        Assert.That(posts, Is.EqualTo(1));
        Assert.That(created.Recovered, Is.True);
        Assert.That(created.Session.SessionId, Is.EqualTo("devin-made"));
        Assert.That(clock.Delays, Has.Count.EqualTo(1), "it backs off before looking");
    }

    [Test]
    public async Task A_v1_503_with_nothing_found_is_sent_again_exactly_once_with_the_same_body()
    {
        var posts = new List<string>();
        using var server = new TestApiServer((req, r) =>
        {
            if (req.Method == "GET") return Reply.Ok(r, """{"sessions":[]}""");
            lock (posts) posts.Add(req.BodyText);
            return posts.Count == 1 ? Reply.Json(r, 503, "{}") : Reply.Ok(r, """{"session_id":"devin-v1","url":"https://app.devin.ai/sessions/v1","is_new_session":true}""");
        });
        var (client, _, _) = Create(server.Url, key: ApkKey, org: null);

        var created = await client.Sessions.Create(new SessionCreateRequest { Prompt = "p" }, "t-c");

        Assert.That(posts, Has.Count.EqualTo(2));
        Assert.That(posts[1], Is.EqualTo(posts[0]));
        var lookup = server.All.Single(r => r.Method == "GET");
        Assert.That(lookup.Path, Is.EqualTo("/v1/sessions"));
        Assert.That(lookup.QueryValues("tags"), Is.EqualTo(new[] { "handoff-id:t-c" }));
        Assert.That(created.Session.SessionId, Is.EqualTo("devin-v1"));
        Assert.That(created.Recovered, Is.False);
    }

    [Test]
    public async Task A_timeout_after_the_server_stored_the_session_is_found_by_tag()
    {
        var posts = 0;
        using var server = new TestApiServer(async (req, r) =>
        {
            if (req.Method == "POST")
            {
                Interlocked.Increment(ref posts);
                await Task.Delay(1500); // slower than the client's timeout
                await Reply.Ok(r, Session("devin-slow", tags: """["handoff-id:t-d"]"""));
                return;
            }
            await Reply.Ok(r, Page(Session("devin-slow", tags: """["handoff-id:t-d"]""")));
        });
        var (client, _, _) = Create(server.Url, timeout: TimeSpan.FromMilliseconds(300));

        var created = await client.Sessions.Create(new SessionCreateRequest { Prompt = "p" }, "t-d");

        Assert.That(posts, Is.EqualTo(1));
        Assert.That(created.Recovered, Is.True);
        Assert.That(created.Session.SessionId, Is.EqualTo("devin-slow"));
    }

    [Test]
    public async Task A_list_that_ignores_the_tag_filter_never_recovers_someone_elses_session()
    {
        var posts = 0;
        using var server = new TestApiServer((req, r) => req.Method == "POST"
            ? (Interlocked.Increment(ref posts) == 1 ? Reply.Json(r, 500, "{}") : Reply.Ok(r, Session("devin-mine", tags: """["handoff-id:t-e"]""")))
            : Reply.Ok(r, Page(Session("devin-theirs", tags: """["handoff","handoff-id:other"]"""))));
        var (client, _, _) = Create(server.Url);

        var created = await client.Sessions.Create(new SessionCreateRequest { Prompt = "p" }, "t-e");

        Assert.That(created.Session.SessionId, Is.EqualTo("devin-mine"));
        Assert.That(created.Recovered, Is.False);
        Assert.That(posts, Is.EqualTo(2));
    }

    [Test]
    public async Task A_lost_create_is_picked_out_of_an_unfiltered_list_by_its_own_tag()
    {
        var posts = 0;
        using var server = new RawHttpServer(req =>
        {
            if (req.Method == "POST") { Interlocked.Increment(ref posts); return null; }
            return new RawResponse(200, Page(
                Session("devin-theirs", tags: """["handoff-id:other"]"""),
                Session("devin-mine", tags: """["handoff","handoff-id:t-f"]""")));
        });
        var (client, _, _) = Create(server.Url);

        var created = await client.Sessions.Create(new SessionCreateRequest { Prompt = "p" }, "t-f");

        Assert.That(created.Session.SessionId, Is.EqualTo("devin-mine"));
        Assert.That(created.Recovered, Is.True);
        Assert.That(posts, Is.EqualTo(1));
    }
}
