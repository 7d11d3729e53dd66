using System.Text.Json;
using Handoff.Core;
using Handoff.Core.Devin;
using static Handoff.Tests.Devin.ClientFixture;

namespace Handoff.Tests.Devin;

public class DevinClientSessionTests
{
    [Test]
    public async Task GetSelf_sends_bearer_key_and_user_agent_and_tolerates_unknown_principal()
    {
        using var server = new TestApiServer((_, r) => Reply.Ok(r, """{"principal_type":"windsurf_session","org_id":"org-9","session_ref":"w1"}"""));
        var (client, _, _) = Create(server.Url);

        var self = await client.Identity.GetSelf();

        var request = server.All.Single();
        Assert.That(request.Method, Is.EqualTo("GET"));
        Assert.That(request.Path, Is.EqualTo("/v3/self"));
        Assert.That(request.Header("Authorization"), Is.EqualTo("Bearer " + CogKey));
        Assert.That(request.Header("User-Agent"), Does.StartWith("devin-handoff/"));
        Assert.That(self.PrincipalType, Is.EqualTo("windsurf_session"));
        Assert.That(self.OrgId, Is.EqualTo("org-9"));
        Assert.That(self.Extra!["session_ref"].GetString(), Is.EqualTo("w1"));
    }

    [Test]
    public async Task Org_id_comes_from_self_when_not_configured_and_is_cached()
    {
        using var server = new TestApiServer((req, r) => req.Path == "/v3/self"
            ? Reply.Ok(r, """{"principal_type":"pat_user","user_id":"u1","org_id":"org-from-self"}""")
            : Reply.Ok(r, Session()));
        var (client, _, _) = Create(server.Url, org: null);

        await client.Sessions.Get("abc");
        await client.Sessions.Get("abc");

        Assert.That(server.All.Select(r => r.Path), Is.EqualTo(new[]
        {
            "/v3/self", "/v3/organizations/org-from-self/sessions/devin-abc", "/v3/organizations/org-from-self/sessions/devin-abc",
        }));
    }

    [Test]
    public void No_org_anywhere_is_a_config_error()
    {
        using var server = new TestApiServer((_, r) => Reply.Ok(r, """{"principal_type":"service_user","service_user_id":"s","org_id":null}"""));
        var (client, _, _) = Create(server.Url, org: null);

        var e = Assert.ThrowsAsync<HandoffException>(() => client.Sessions.List(new SessionListQuery()));
        Assert.That(e!.ExitCode, Is.EqualTo(ExitCodes.AuthOrConfig));
        Assert.That(e.Message, Is.EqualTo("no organization: set DEVIN_ORG_ID or --org-id"));
    }

    [Test]
    public async Task GetSession_maps_v3_fields_and_keeps_unknown_values()
    {
        using var server = new TestApiServer((_, r) => Reply.Ok(r, Session(status: "hibernating", detail: "dreaming")));
        var (client, _, _) = Create(server.Url);

        var session = await client.Sessions.Get("https://app.devin.ai/sessions/abc");

        Assert.That(server.All.Single().Path, Is.EqualTo("/v3/organizations/org-test/sessions/devin-abc"));
        Assert.That(session.Status, Is.EqualTo("hibernating"));
        Assert.That(session.StatusDetail, Is.EqualTo("dreaming"));
        Assert.That(session.PullRequests.Single().PrUrl, Is.EqualTo("https://github.com/o/r/pull/1"));
        Assert.That(session.PullRequests.Single().PrState, Is.EqualTo("open"));
        Assert.That(session.CreatedAt, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1767225600)));
        Assert.That(session.AcusConsumed, Is.EqualTo(1.5));
        Assert.That(session.Classify().State, Is.EqualTo(SessionState.Working));
        Assert.That(session.Classify().Note, Does.Contain("hibernating"));
    }

    [Test]
    public async Task CreateSession_v3_sends_only_non_null_snake_case_fields_plus_client_tag()
    {
        using var server = new TestApiServer((_, r) => Reply.Ok(r, Session(tags: """["handoff","handoff-id:tok1"]""")));
        var (client, _, _) = Create(server.Url, userId: "user-7");

        var created = await client.Sessions.Create(new SessionCreateRequest
        {
            Prompt = "do it",
            Title = "Title",
            Tags = ["handoff"],
            Repos = ["o/r"],
            MaxAcuLimit = 5,
            DevinMode = DevinModes.Fast,
            StructuredOutputRequired = false,
            SnapshotId = "v1-only",
        }, "tok1");

        var request = server.All.Single();
        Assert.That(request.Method, Is.EqualTo("POST"));
        Assert.That(request.Path, Is.EqualTo("/v3/organizations/org-test/sessions"));
        Assert.That(request.Header("Content-Type"), Does.StartWith("application/json"));
        using var body = JsonDocument.Parse(request.BodyText);
        var names = body.RootElement.EnumerateObject().Select(p => p.Name).OrderBy(n => n).ToArray();
        Assert.That(names, Is.EqualTo(new[] { "create_as_user_id", "devin_mode", "max_acu_limit", "prompt", "repos", "structured_output_required", "tags", "title" }));
        Assert.That(body.RootElement.GetProperty("tags").EnumerateArray().Select(t => t.GetString()), Is.EqualTo(new[] { "handoff", "handoff-id:tok1" }));
        Assert.That(body.RootElement.GetProperty("create_as_user_id").GetString(), Is.EqualTo("user-7"));
        Assert.That(created.Session.SessionId, Is.EqualTo("devin-abc"));
        Assert.That(created.Recovered, Is.False);
        Assert.That(created.ClientTag, Is.EqualTo("handoff-id:tok1"));
    }

    [Test]
    public async Task CreateSession_after_dropped_connection_finds_the_stored_session_by_tag_and_posts_once()
    {
        using var server = new RawHttpServer(req => req.Method == "POST"
            ? null // the server stored the session, then the connection died before the answer
            : new RawResponse(200, $$"""{"items":[{{Session("devin-stored", tags: """["handoff-id:tok2"]""")}}],"has_next_page":false,"end_cursor":null}"""));
        var (client, clock, _) = Create(server.Url);

        var created = await client.Sessions.Create(new SessionCreateRequest { Prompt = "p" }, "tok2");

        Assert.That(server.All.Count(r => r.Method == "POST"), Is.EqualTo(1));
        Assert.That(created.Recovered, Is.True);
        Assert.That(created.Session.SessionId, Is.EqualTo("devin-stored"));
        var lookup = server.All.Single(r => r.Method == "GET");
        Assert.That(lookup.Path, Is.EqualTo("/v3/organizations/org-test/sessions"));
        Assert.That(lookup.QueryValues("tags"), Is.EqualTo(new[] { "handoff-id:tok2" }));
        Assert.That(clock.Delays, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task CreateSession_with_unreadable_success_body_finds_the_session_by_tag()
    {
        using var server = new TestApiServer((req, r) => req.Method == "POST"
            ? Reply.Json(r, 200, "")
            : Reply.Ok(r, $$"""{"items":[{{Session("devin-found", tags: """["x","handoff-id:tok5"]""")}}],"has_next_page":false,"end_cursor":null}"""));
        var (client, _, _) = Create(server.Url);

        var created = await client.Sessions.Create(new SessionCreateRequest { Prompt = "p" }, "tok5");

        Assert.That(created.Session.SessionId, Is.EqualTo("devin-found"));
        Assert.That(created.Recovered, Is.True);
        Assert.That(server.All.Count(r => r.Method == "POST"), Is.EqualTo(1));
    }

    [Test]
    public async Task CreateSession_after_500_with_no_stored_session_sends_again_once()
    {
        var posts = 0;
        using var server = new TestApiServer((req, r) =>
        {
            if (req.Method == "POST")
                return Interlocked.Increment(ref posts) == 1 ? Reply.Json(r, 500, """{"detail":"boom"}""") : Reply.Ok(r, Session("devin-new"));
            return Reply.Ok(r, """{"items":[],"has_next_page":false,"end_cursor":null}""");
        });
        var (client, _, _) = Create(server.Url);

        var created = await client.Sessions.Create(new SessionCreateRequest { Prompt = "p" }, "tok3");

        Assert.That(posts, Is.EqualTo(2));
        Assert.That(created.Session.SessionId, Is.EqualTo("devin-new"));
        Assert.That(created.Recovered, Is.False);
        var lookups = server.All.Where(r => r.Method == "GET").ToArray();
        Assert.That(lookups, Has.Length.EqualTo(2), "live then archived lookup");
        Assert.That(lookups[1].QueryValues("is_archived"), Is.EqualTo(new[] { "true" }));
        var bodies = server.All.Where(r => r.Method == "POST").Select(r => r.BodyText).Distinct().ToArray();
        Assert.That(bodies, Has.Length.EqualTo(1), "the re-sent create keeps the same tag");
    }

    [Test]
    public async Task CreateSession_on_429_waits_retry_after_and_resends_without_lookup()
    {
        var posts = 0;
        using var server = new TestApiServer((req, r) =>
            Interlocked.Increment(ref posts) == 1
                ? Reply.Json(r, 429, """{"detail":"slow down"}""", ("Retry-After", "3"))
                : Reply.Ok(r, Session()));
        var (client, clock, _) = Create(server.Url);

        await client.Sessions.Create(new SessionCreateRequest { Prompt = "p" }, "tok4");

        Assert.That(server.All.Select(r => r.Method), Is.EqualTo(new[] { "POST", "POST" }));
        Assert.That(clock.Delays, Is.EqualTo(new[] { TimeSpan.FromSeconds(3) }));
    }

    [Test]
    public void CreateSession_422_is_not_retried_and_lists_field_errors()
    {
        using var server = new TestApiServer((_, r) => Reply.Json(r, 422,
            """{"detail":[{"loc":["body","max_acu_limit"],"msg":"must be greater than 0","type":"value_error"},{"loc":["body","prompt"],"msg":"field required","type":"missing"}]}"""));
        var (client, _, _) = Create(server.Url);

        var e = Assert.ThrowsAsync<DevinApiException>(() => client.Sessions.Create(new SessionCreateRequest { Prompt = "p", MaxAcuLimit = 0 }));

        Assert.That(server.All, Has.Length.EqualTo(1));
        Assert.That(e!.ExitCode, Is.EqualTo(ExitCodes.Error));
        Assert.That(e.StatusCode, Is.EqualTo(422));
        Assert.That(e.FieldErrors, Is.EqualTo(new[] { "must be greater than 0 @ body.max_acu_limit", "field required @ body.prompt" }));
        Assert.That(e.Message, Does.Contain("must be greater than 0 @ body.max_acu_limit; field required @ body.prompt"));
    }

    [Test]
    public async Task ListSessions_sends_repeat_key_arrays_paging_and_filters()
    {
        using var server = new TestApiServer((_, r) => Reply.Ok(r, """{"items":[],"has_next_page":false,"end_cursor":null,"total":0}"""));
        var (client, _, _) = Create(server.Url);

        await client.Sessions.List(new SessionListQuery
        {
            First = 50, After = "cur1", Tags = ["a", "b c"], SessionIds = ["x1", "devin-x2"], IsArchived = false,
            CreatedAfter = 1700000000, Origins = ["api", "cli"], RepoNames = ["o/r"],
        });

        var q = server.All.Single();
        Assert.That(q.QueryValues("tags"), Is.EqualTo(new[] { "a", "b c" }));
        Assert.That(q.QueryValues("session_ids"), Is.EqualTo(new[] { "devin-x1", "devin-x2" }));
        Assert.That(q.QueryValues("first"), Is.EqualTo(new[] { "50" }));
        Assert.That(q.QueryValues("after"), Is.EqualTo(new[] { "cur1" }));
        Assert.That(q.QueryValues("is_archived"), Is.EqualTo(new[] { "false" }));
        Assert.That(q.QueryValues("created_after"), Is.EqualTo(new[] { "1700000000" }));
        Assert.That(q.QueryValues("origins"), Is.EqualTo(new[] { "api", "cli" }));
        Assert.That(q.QueryValues("repo_names"), Is.EqualTo(new[] { "o/r" }));
        Assert.That(q.QueryValues("playbook_id"), Is.Empty);
    }

    [Test]
    public async Task EnumerateSessions_walks_pages_until_end_cursor_is_null()
    {
        using var server = new TestApiServer((req, r) =>
        {
            var after = req.QueryValues("after").SingleOrDefault();
            return after switch
            {
                null => Reply.Ok(r, $$"""{"items":[{{Session("devin-1")}},{{Session("devin-2")}}],"has_next_page":true,"end_cursor":"c1"}"""),
                "c1" => Reply.Ok(r, $$"""{"items":[{{Session("devin-3")}}],"has_next_page":true,"end_cursor":"c2"}"""),
                _ => Reply.Ok(r, $$"""{"items":[{{Session("devin-4")}}],"has_next_page":false,"end_cursor":null}"""),
            };
        });
        var (client, _, _) = Create(server.Url);

        var ids = new List<string>();
        await foreach (var s in client.Sessions.Enumerate(new SessionListQuery { First = 2 }))
            ids.Add(s.SessionId);

        Assert.That(ids, Is.EqualTo(new[] { "devin-1", "devin-2", "devin-3", "devin-4" }));
        Assert.That(server.All.Select(r => r.QueryValues("after").SingleOrDefault()), Is.EqualTo(new[] { null, "c1", "c2" }));
    }

    [Test]
    public async Task ListMessages_passes_cursor_and_returns_envelope()
    {
        using var server = new TestApiServer((_, r) => Reply.Ok(r,
            """{"items":[{"event_id":"e1","created_at":1767225600,"message":"hi","source":"devin"}],"has_next_page":false,"end_cursor":null}"""));
        var (client, _, _) = Create(server.Url);

        var page = await client.Messages.List("abc", after: "cur", first: 200);

        var request = server.All.Single();
        Assert.That(request.Path, Is.EqualTo("/v3/organizations/org-test/sessions/devin-abc/messages"));
        Assert.That(request.QueryValues("after"), Is.EqualTo(new[] { "cur" }));
        Assert.That(request.QueryValues("first"), Is.EqualTo(new[] { "200" }));
        Assert.That(page.Items.Single().EventId, Is.EqualTo("e1"));
        Assert.That(page.Items.Single().Source, Is.EqualTo("devin"));
        Assert.That(page.EndCursor, Is.Null);
        Assert.That(page.HasNextPage, Is.False);
    }

    [Test]
    public async Task SendMessage_posts_body_and_is_not_retried_on_500()
    {
        using var server = new TestApiServer((_, r) => Reply.Json(r, 500, "oops"));
        var (client, clock, _) = Create(server.Url);

        var e = Assert.ThrowsAsync<DevinApiException>(() => client.Messages.Send("abc", new SendMessageRequest { Message = "more", AttachmentUrls = ["https://u/1"] }));

        Assert.That(e!.ExitCode, Is.EqualTo(ExitCodes.ApiUnavailable));
        var request = server.All.Single();
        Assert.That(request.Path, Is.EqualTo("/v3/organizations/org-test/sessions/devin-abc/messages"));
        Assert.That(request.BodyText, Is.EqualTo("""{"message":"more","attachment_urls":["https://u/1"]}"""));
        Assert.That(clock.Delays, Is.Empty);
        await Task.CompletedTask;
    }

    [Test]
    public async Task Archive_terminate_and_tags_use_the_documented_routes()
    {
        using var server = new TestApiServer((req, r) => req.Path.EndsWith("/tags")
            ? Reply.Ok(r, """{"tags":["a","b"]}""")
            : Reply.Ok(r, Session()));
        var (client, _, _) = Create(server.Url);

        await client.Sessions.Archive("abc");
        await client.Sessions.Terminate("devin-abc", archive: true);
        await client.Sessions.GetTags("abc");
        var put = await client.Sessions.PutTags("abc", ["a", "b"]);
        await client.Sessions.AppendTags("abc", ["b"]);

        var all = server.All;
        Assert.That(all.Select(r => $"{r.Method} {r.Path}{r.Query}"), Is.EqualTo(new[]
        {
            "POST /v3/organizations/org-test/sessions/devin-abc/archive",
            "DELETE /v3/organizations/org-test/sessions/devin-abc?archive=true",
            "GET /v3/organizations/org-test/sessions/devin-abc/tags",
            "PUT /v3/organizations/org-test/sessions/devin-abc/tags",
            "POST /v3/organizations/org-test/sessions/devin-abc/tags",
        }));
        Assert.That(all[3].BodyText, Is.EqualTo("""{"tags":["a","b"]}"""));
        Assert.That(put, Is.EqualTo(new[] { "a", "b" }));
    }

    [Test]
    public async Task AppendTags_falls_back_to_merge_and_replace_when_post_is_not_allowed()
    {
        using var server = new TestApiServer((req, r) => req.Method switch
        {
            "POST" => Reply.Json(r, 405, """{"detail":"Method Not Allowed"}"""),
            "GET" => Reply.Ok(r, """{"tags":["a","b"]}"""),
            _ => Reply.Ok(r, """{"tags":["a","b","c"]}"""),
        });
        var (client, _, _) = Create(server.Url);

        var tags = await client.Sessions.AppendTags("abc", ["b", "c"]);

        Assert.That(tags, Is.EqualTo(new[] { "a", "b", "c" }));
        Assert.That(server.All.Last().BodyText, Is.EqualTo("""{"tags":["a","b","c"]}"""));
    }
}
