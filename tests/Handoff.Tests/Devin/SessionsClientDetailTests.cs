using Handoff.Core;
using Handoff.Core.Devin;
using static Handoff.Tests.Devin.ClientFixture;

namespace Handoff.Tests.Devin;

/// <summary>Sessions client details: every list filter's query name, what each call is called in errors, recovery flags, tags on v1.</summary>
public class SessionsClientDetailTests
{
    [Test]
    public async Task Every_list_filter_goes_out_under_the_documented_query_name()
    {
        using var server = new TestApiServer((_, r) => Reply.Ok(r, """{"items":[],"has_next_page":false,"end_cursor":null}"""));
        var (client, _, _) = Create(server.Url);

        await client.Sessions.List(new SessionListQuery
        {
            CreatedBefore = 1700000100, UpdatedAfter = 1700000200, UpdatedBefore = 1700000300, PlaybookId = "pb-1", ScheduleId = "sch-1",
            UserIds = ["u1", "u2"], ServiceUserIds = ["su1"], Category = "handoff",
        });

        var q = server.All.Single();
        Assert.That(q.QueryValues("created_before"), Is.EqualTo(new[] { "1700000100" }));
        Assert.That(q.QueryValues("updated_after"), Is.EqualTo(new[] { "1700000200" }));
        Assert.That(q.QueryValues("updated_before"), Is.EqualTo(new[] { "1700000300" }));
        Assert.That(q.QueryValues("playbook_id"), Is.EqualTo(new[] { "pb-1" }));
        Assert.That(q.QueryValues("schedule_id"), Is.EqualTo(new[] { "sch-1" }));
        Assert.That(q.QueryValues("user_ids"), Is.EqualTo(new[] { "u1", "u2" }));
        Assert.That(q.QueryValues("service_user_ids"), Is.EqualTo(new[] { "su1" }));
        Assert.That(q.QueryValues("category"), Is.EqualTo(new[] { "handoff" }));
    }

    private static readonly (string Name, Func<IDevinClient, Task> Call, string Action)[] Calls =
    [
        ("get", c => c.Sessions.Get("abc"), "getting session devin-abc"),
        ("list", c => c.Sessions.List(new SessionListQuery()), "listing sessions"),
        ("archive", c => c.Sessions.Archive("abc"), "archiving session devin-abc"),
        ("terminate", c => c.Sessions.Terminate("abc"), "terminating session devin-abc"),
        ("get tags", c => c.Sessions.GetTags("abc"), "reading tags of session devin-abc"),
        ("put tags", c => c.Sessions.PutTags("abc", ["a"]), "setting tags of session devin-abc"),
        ("append tags", c => c.Sessions.AppendTags("abc", ["a"]), "adding tags to session devin-abc"),
    ];

    private static IEnumerable<TestCaseData> CallCases() => Calls.Select(c => new TestCaseData(c.Call, c.Action).SetArgDisplayNames(c.Name));

    [TestCaseSource(nameof(CallCases))]
    public void Each_call_is_named_in_its_errors(Func<IDevinClient, Task> call, string action)
    {
        using var server = new TestApiServer((_, r) => Reply.Json(r, 400, ""));
        var (client, _, _) = Create(server.Url);

        var e = Assert.ThrowsAsync<DevinApiException>(() => call(client));

        Assert.That(e!.Message, Is.EqualTo("bad request while " + action));
    }

    [Test]
    public void A_missing_session_in_a_tags_call_is_named()
    {
        using var server = new TestApiServer((_, r) => Reply.Json(r, 404, ""));
        var (client, _, _) = Create(server.Url);

        var e = Assert.ThrowsAsync<DevinApiException>(() => client.Sessions.PutTags("abc", ["a"]));

        Assert.That(e!.Message, Is.EqualTo("session devin-abc not found"));
    }

    [Test]
    public async Task V1_tags_are_read_from_the_session_and_a_put_answers_with_what_was_sent()
    {
        using var server = new TestApiServer((req, r) => req.Method == "GET"
            ? Reply.Ok(r, """{"session_id":"devin-abc","status_enum":"working","tags":["x"]}""")
            : Reply.Ok(r, """{"detail":"Tags updated"}"""));
        var (client, _, _) = Create(server.Url, key: ApkKey, org: null);

        Assert.That(await client.Sessions.GetTags("abc"), Is.EqualTo(new[] { "x" }));
        Assert.That(await client.Sessions.PutTags("abc", ["y", "z"]), Is.EqualTo(new[] { "y", "z" }));
        Assert.That(server.All.Select(r => $"{r.Method} {r.Path}"), Is.EqualTo(new[] { "GET /v1/sessions/devin-abc", "PUT /v1/sessions/devin-abc/tags" }));
    }

    [Test]
    public async Task A_session_found_after_a_lost_create_is_reported_new_and_recovered_and_traced()
    {
        using var server = new TestApiServer((req, r) => req.Method == "POST"
            ? Reply.Json(r, 502, "")
            : Reply.Ok(r, """{"items":[""" + Session("devin-made", tags: """["handoff-id:t-z"]""") + """],"has_next_page":false,"end_cursor":null}"""));
        var (client, _, trace) = Create(server.Url);

        var created = await client.Sessions.Create(new SessionCreateRequest { Prompt = "p" }, "t-z");

        Assert.That((created.IsNewSession, created.Recovered, created.ClientTag), Is.EqualTo((true, true, "handoff-id:t-z")));
        Assert.That(trace.Lines, Does.Contain("the lost create was found by tag handoff-id:t-z: devin-made"));
    }

    [Test]
    public async Task A_created_session_with_an_unreadable_answer_is_found_by_tag_and_counts_as_new()
    {
        using var server = new TestApiServer((req, r) => req.Method == "POST"
            ? Reply.Ok(r, "not json")
            : Reply.Ok(r, """{"items":[""" + Session("devin-made", tags: """["handoff-id:t-y"]""") + """],"has_next_page":false,"end_cursor":null}"""));
        var (client, _, _) = Create(server.Url);

        var created = await client.Sessions.Create(new SessionCreateRequest { Prompt = "p" }, "t-y");

        Assert.That((created.Session.SessionId, created.IsNewSession, created.Recovered), Is.EqualTo(("devin-made", true, true)));
    }

    [Test]
    public async Task A_v3_create_answer_is_a_new_session_not_a_recovered_one()
    {
        using var server = new TestApiServer((_, r) => Reply.Ok(r, Session("devin-new")));
        var (client, _, _) = Create(server.Url);

        var created = await client.Sessions.Create(new SessionCreateRequest { Prompt = "p" });

        Assert.That((created.Session.SessionId, created.IsNewSession, created.Recovered), Is.EqualTo(("devin-new", true, false)));
        Assert.That(created.ClientTag, Does.Match("^handoff-id:[0-9a-f]{32}$"), "a fresh client token is 32 hex digits");
    }

    [Test]
    public void An_unreadable_create_answer_with_no_session_to_find_is_the_parse_error()
    {
        using var server = new TestApiServer((req, r) => req.Method == "POST"
            ? Reply.Ok(r, "not json")
            : Reply.Ok(r, """{"items":[],"has_next_page":false,"end_cursor":null}"""));
        var (client, _, _) = Create(server.Url);

        var e = Assert.ThrowsAsync<HandoffException>(() => client.Sessions.Create(new SessionCreateRequest { Prompt = "p" }, "t-x"));

        Assert.That(e!.Message, Does.StartWith("the Devin API sent malformed JSON while creating a session"));
    }

    [Test]
    public void When_the_lookup_after_a_failed_create_fails_too_the_error_says_to_look_for_the_tag()
    {
        using var server = new TestApiServer((req, r) => req.Method == "POST" ? Reply.Json(r, 502, "") : Reply.Json(r, 403, ""));
        var (client, _, _) = Create(server.Url);

        var e = Assert.ThrowsAsync<DevinApiException>(() => client.Sessions.Create(new SessionCreateRequest { Prompt = "p" }, "t-w"));

        Assert.That(e!.Message, Does.StartWith("could not create the session, and could not check whether it was created (look for tag handoff-id:t-w): permission denied"));
        Assert.That(e.ExitCode, Is.EqualTo(ExitCodes.AuthOrConfig));
        Assert.That(server.All.Count(r => r.Method == "POST"), Is.EqualTo(1), "never sent twice without knowing");
    }

    [TestCase("")]
    [TestCase("  ")]
    public void A_session_needs_a_prompt(string prompt)
    {
        using var server = new TestApiServer((_, r) => Reply.Ok(r, Session()));
        var (client, _, _) = Create(server.Url);

        var e = Assert.ThrowsAsync<HandoffException>(() => client.Sessions.Create(new SessionCreateRequest { Prompt = prompt }));

        Assert.That((e!.Message, e.ExitCode), Is.EqualTo(("a session needs a prompt", ExitCodes.Usage)));
        Assert.That(server.All, Is.Empty);
    }
}
