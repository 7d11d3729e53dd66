using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Handoff.Core;
using Handoff.Core.Devin;
using static Handoff.Tests.Devin.ClientFixture;

namespace Handoff.Tests.Devin;

public class DevinClientResourceTests
{
    [Test]
    public async Task Download_redirect_to_another_host_gets_no_authorization()
    {
        var file = Encoding.UTF8.GetBytes("attachment bytes");
        using var storage = new TestApiServer((_, r) => Reply.Bytes(r, file));
        using var api = new TestApiServer((_, r) => Reply.Redirect(r, storage.Url + "/bucket/a.txt?X-Amz-Signature=sekrit"));
        var (client, _, trace) = Create(api.Url);
        using var destination = new MemoryStream();

        await client.Attachments.Download(api.Url + "/v3/organizations/org-test/attachments/uuid-1/a.txt", destination);

        Assert.That(destination.ToArray(), Is.EqualTo(file));
        Assert.That(api.All.Single().Header("Authorization"), Is.EqualTo("Bearer " + CogKey));
        var storageRequest = storage.All.Single();
        Assert.That(storageRequest.Header("Authorization"), Is.Null);
        Assert.That(storageRequest.Path, Is.EqualTo("/bucket/a.txt"));
        Assert.That(storageRequest.QueryValues("X-Amz-Signature"), Is.EqualTo(new[] { "sekrit" }));
        Assert.That(string.Join("\n", trace.Lines), Does.Not.Contain("sekrit"), "pre-signed query strings are not traced");
    }

    [Test]
    public async Task Download_of_a_url_outside_the_api_host_never_sends_the_key()
    {
        using var storage = new TestApiServer((_, r) => Reply.Bytes(r, [1, 2, 3]));
        using var api = new TestApiServer((_, r) => Reply.Ok(r, "{}"));
        var (client, _, _) = Create(api.Url);
        using var destination = new MemoryStream();

        await client.Attachments.Download(storage.Url + "/file.bin", destination);

        Assert.That(destination.ToArray(), Is.EqualTo(new byte[] { 1, 2, 3 }));
        Assert.That(storage.All.Single().Header("Authorization"), Is.Null);
        Assert.That(api.All, Is.Empty);
    }

    [Test]
    public async Task Download_relative_api_path_is_fetched_with_auth_when_served_directly()
    {
        using var api = new TestApiServer((_, r) => Reply.Bytes(r, [9, 8]));
        var (client, _, _) = Create(api.Url);
        using var destination = new MemoryStream();

        await client.Attachments.Download("/v3/organizations/org-test/attachments/u/b.bin", destination);

        Assert.That(destination.ToArray(), Is.EqualTo(new byte[] { 9, 8 }));
        Assert.That(api.All.Single().Header("Authorization"), Is.EqualTo("Bearer " + CogKey));
    }

    [TestCase("""[{"attachment_id":"a1","name":"log.txt","url":"https://s/1","source":"devin","content_type":"text/plain"}]""")]
    [TestCase("""{"items":[{"attachment_id":"a1","name":"log.txt","url":"https://s/1","source":"devin","content_type":"text/plain"}]}""")]
    public async Task ListAttachments_accepts_a_bare_array_or_an_items_wrapper(string body)
    {
        using var server = new TestApiServer((_, r) => Reply.Ok(r, body));
        var (client, _, _) = Create(server.Url);

        var attachments = await client.Attachments.List("abc");

        Assert.That(server.All.Single().Path, Is.EqualTo("/v3/organizations/org-test/sessions/devin-abc/attachments"));
        var a = attachments.Single();
        Assert.That((a.AttachmentId, a.Name, a.Url, a.Source, a.ContentType), Is.EqualTo(("a1", "log.txt", "https://s/1", "devin", "text/plain")));
    }

    [Test]
    public async Task UploadAttachment_v3_sends_multipart_part_named_file()
    {
        using var server = new TestApiServer((_, r) => Reply.Ok(r, """{"attachment_id":"att-1","name":"notes.md","url":"https://s/att-1"}"""));
        var (client, _, _) = Create(server.Url);

        var uploaded = await client.Attachments.Upload("/tmp/dir/notes.md", () => new MemoryStream(Encoding.UTF8.GetBytes("# hello")));

        var request = server.All.Single();
        Assert.That(request.Path, Is.EqualTo("/v3/organizations/org-test/attachments"));
        Assert.That(request.Header("Content-Type"), Does.StartWith("multipart/form-data"));
        Assert.That(request.BodyText, Does.Contain("name=\"file\"").Or.Contain("name=file"));
        Assert.That(request.BodyText, Does.Contain("notes.md").And.Contain("# hello"));
        Assert.That(uploaded.Url, Is.EqualTo("https://s/att-1"));
        Assert.That(uploaded.AttachmentId, Is.EqualTo("att-1"));
    }

    [Test]
    public async Task UploadAttachment_v1_reads_a_bare_json_string_url()
    {
        using var server = new TestApiServer((_, r) => Reply.Ok(r, "\"https://storage/v1/file.txt\""));
        var (client, _, _) = Create(server.Url, key: ApkKey, org: null);

        var uploaded = await client.Attachments.Upload("file.txt", () => new MemoryStream([65]));

        Assert.That(server.All.Single().Path, Is.EqualTo("/v1/attachments"));
        Assert.That(uploaded.Url, Is.EqualTo("https://storage/v1/file.txt"));
        Assert.That(uploaded.Name, Is.EqualTo("file.txt"));
    }

    [Test]
    public async Task V1_key_routes_sessions_to_v1_and_maps_the_single_pull_request()
    {
        using var server = new TestApiServer((req, r) => req.Method == "GET"
            ? Reply.Ok(r, """
                {"session_id":"devin-v1","status":"running","status_enum":"blocked","title":"t","tags":["a"],
                 "created_at":"2026-01-01T10:00:00Z","updated_at":"2026-01-01T10:05:00Z",
                 "pull_request":{"url":"https://github.com/o/r/pull/9"},"requesting_user_email":"a@b.c",
                 "messages":[{"type":"devin_message","message":"need info","timestamp":"2026-01-01T10:01:00Z","event_id":"ev1"},
                             {"type":"user_message","message":"ok","timestamp":"2026-01-01T10:02:00Z"}]}
                """)
            : Reply.Ok(r, """{"session_id":"devin-v1","url":"https://app.devin.ai/sessions/v1","is_new_session":false}"""));
        var (client, _, _) = Create(server.Url, key: ApkKey, org: null);

        var session = await client.Sessions.Get("v1");
        var messages = await client.Messages.List("v1");
        var created = await client.Sessions.Create(new SessionCreateRequest { Prompt = "p", Repos = ["o/r"], AttachmentUrls = ["https://u/x"] }, "t1");

        Assert.That(server.All[0].Path, Is.EqualTo("/v1/sessions/devin-v1"));
        Assert.That(server.All[0].Header("Authorization"), Is.EqualTo("Bearer " + ApkKey));
        Assert.That(session.PullRequests.Single().PrUrl, Is.EqualTo("https://github.com/o/r/pull/9"));
        Assert.That(session.CreatedAt, Is.EqualTo(new DateTimeOffset(2026, 1, 1, 10, 0, 0, TimeSpan.Zero)));
        Assert.That(session.Classify().State, Is.EqualTo(SessionState.NeedsHuman));
        Assert.That(messages.Items.Select(m => (m.EventId, m.Source, m.Message)), Is.EqualTo(new[] { ("ev1", "devin", "need info"), ("v1-1", "user", "ok") }));

        var post = server.All.Single(r => r.Method == "POST");
        Assert.That(post.Path, Is.EqualTo("/v1/sessions"));
        var body = JsonNode.Parse(post.BodyText)!.AsObject();
        Assert.That(body["idempotent"]!.GetValue<bool>(), Is.True);
        Assert.That(body.ContainsKey("repos"), Is.False);
        Assert.That(body["prompt"]!.GetValue<string>(), Is.EqualTo("p\n\nATTACHMENT:\"https://u/x\""));
        Assert.That(body["tags"]!.AsArray().Select(t => t!.GetValue<string>()), Is.EqualTo(new[] { "handoff-id:t1" }));
        Assert.That(created.IsNewSession, Is.False);
        Assert.That(created.Session.Url, Is.EqualTo("https://app.devin.ai/sessions/v1"));
    }

    [Test]
    public async Task V1_list_uses_limit_offset_and_hands_out_the_offset_as_cursor()
    {
        using var server = new TestApiServer((req, r) => req.QueryValues("offset").Count == 0
            ? Reply.Ok(r, """{"sessions":[{"session_id":"devin-1","status_enum":"working"},{"session_id":"devin-2","status_enum":"finished"}]}""")
            : Reply.Ok(r, """{"sessions":[{"session_id":"devin-3","status_enum":"expired"}]}"""));
        var (client, _, _) = Create(server.Url, key: ApkKey, org: null);

        var all = new List<SessionResponse>();
        await foreach (var s in client.Sessions.Enumerate(new SessionListQuery { First = 2, Tags = ["x", "y"] })) all.Add(s);

        Assert.That(all.Select(s => s.SessionId), Is.EqualTo(new[] { "devin-1", "devin-2", "devin-3" }));
        Assert.That(all.Select(s => s.Classify().State), Is.EqualTo(new[] { SessionState.Working, SessionState.Finished, SessionState.Exited }));
        var first = server.All[0];
        Assert.That(first.Path, Is.EqualTo("/v1/sessions"));
        Assert.That(first.QueryValues("limit"), Is.EqualTo(new[] { "2" }));
        Assert.That(first.QueryValues("tags"), Is.EqualTo(new[] { "x", "y" }));
        Assert.That(server.All[1].QueryValues("offset"), Is.EqualTo(new[] { "2" }));
    }

    [Test]
    public void V1_key_calls_without_a_v1_endpoint_explain_that_a_cog_key_is_needed()
    {
        using var server = new TestApiServer((_, r) => Reply.Ok(r, "{}"));
        var (client, _, _) = Create(server.Url, key: ApkKey, org: null);

        foreach (var call in new Func<Task>[] { () => client.Sessions.Archive("x"), () => client.Sessions.Terminate("x", archive: true), () => client.Identity.GetSelf(), () => client.Identity.ListOrganizations(), () => client.Schedules.List() })
        {
            var e = Assert.ThrowsAsync<HandoffException>(() => call());
            Assert.That(e!.ExitCode, Is.EqualTo(ExitCodes.AuthOrConfig));
            Assert.That(e.Message, Does.Contain("apk_ keys use the legacy v1 API, which lacks it; use a cog_ key"));
        }
        Assert.That(server.All, Is.Empty);
    }

    [Test]
    public async Task V1_send_message_returns_the_detail_note()
    {
        using var server = new TestApiServer((_, r) => Reply.Ok(r, """{"detail":"Session is suspended; message queued"}"""));
        var (client, _, _) = Create(server.Url, key: ApkKey, org: null);

        var sent = await client.Messages.Send("abc", new SendMessageRequest { Message = "hi" });

        Assert.That(server.All.Single().Path, Is.EqualTo("/v1/sessions/devin-abc/message"));
        Assert.That(server.All.Single().BodyText, Is.EqualTo("""{"message":"hi"}"""));
        Assert.That(sent.Detail, Is.EqualTo("Session is suspended; message queued"));
        Assert.That(sent.Session, Is.Null);
    }

    [Test]
    public async Task Organizations_are_read_across_all_pages()
    {
        using var server = new TestApiServer((req, r) => req.QueryValues("after").Count == 0
            ? Reply.Ok(r, """{"items":[{"org_id":"org-1","name":"One","created_at":1767225600,"updated_at":1767225600,"max_cycle_acu_limit":null,"max_session_acu_limit":50}],"has_next_page":true,"end_cursor":"n"}""")
            : Reply.Ok(r, """{"items":[{"org_id":"org-2","name":"Two","created_at":1767225600000,"updated_at":1767225600}],"has_next_page":false,"end_cursor":null}"""));
        var (client, _, _) = Create(server.Url);

        var orgs = await client.Identity.ListOrganizations();

        Assert.That(orgs.Select(o => o.OrgId), Is.EqualTo(new[] { "org-1", "org-2" }));
        Assert.That(orgs[0].MaxSessionAcuLimit, Is.EqualTo(50));
        Assert.That(orgs[1].CreatedAt, Is.EqualTo(orgs[0].CreatedAt), "epoch milliseconds are recognised");
        Assert.That(server.All[0].Path, Is.EqualTo("/v3/enterprise/organizations"));
        Assert.That(server.All[0].QueryValues("first"), Is.EqualTo(new[] { "200" }));
    }

    [Test]
    public async Task Knowledge_notes_and_folders_use_org_routes_and_full_bodies()
    {
        const string note = """{"note_id":"note-1","name":"N","body":"B","trigger":"T","folder_id":null,"folder_path":"/","is_enabled":true,"macro":null,"pinned_repo":"o/r","org_id":"org-test","access_type":"org","created_at":1767225600,"updated_at":1767225601}""";
        using var server = new TestApiServer((req, r) => req.Path.EndsWith("/folders")
            ? Reply.Ok(r, """{"folders":[{"folder_id":"f1","name":"Docs","path":"/Docs","note_count":3,"parent_folder_id":null}],"root_note_count":2}""")
            : req.Method == "GET" && req.Path.EndsWith("/notes") ? Reply.Ok(r, $$"""{"items":[{{note}}],"has_next_page":false}""") : Reply.Ok(r, note));
        var (client, _, _) = Create(server.Url);

        var page = await client.Knowledge.List(new NoteListQuery { Search = "deploy", First = 10 });
        await client.Knowledge.Create(new KnowledgeNoteRequest { Name = "N", Body = "B", Trigger = "T", PinnedRepo = "o/r" });
        var updated = await client.Knowledge.Update("note-1", new KnowledgeNoteRequest { Name = "N", Body = "B2", Trigger = "T" });
        await client.Knowledge.Get("note-1");
        await client.Knowledge.Delete("note-1");
        var folders = await client.Knowledge.ListFolders();

        Assert.That(server.All.Select(r => $"{r.Method} {r.Path}"), Is.EqualTo(new[]
        {
            "GET /v3/organizations/org-test/knowledge/notes",
            "POST /v3/organizations/org-test/knowledge/notes",
            "PUT /v3/organizations/org-test/knowledge/notes/note-1",
            "GET /v3/organizations/org-test/knowledge/notes/note-1",
            "DELETE /v3/organizations/org-test/knowledge/notes/note-1",
            "GET /v3/organizations/org-test/knowledge/folders",
        }));
        Assert.That(server.All[0].QueryValues("search"), Is.EqualTo(new[] { "deploy" }));
        Assert.That(server.All[1].BodyText, Is.EqualTo("""{"name":"N","body":"B","trigger":"T","pinned_repo":"o/r"}"""));
        Assert.That(page.Items.Single().PinnedRepo, Is.EqualTo("o/r"));
        Assert.That(updated.UpdatedAt, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1767225601)));
        Assert.That(folders.Folders.Single().NoteCount, Is.EqualTo(3));
        Assert.That(folders.RootNoteCount, Is.EqualTo(2));
    }

    [Test]
    public async Task Playbooks_use_title_and_body()
    {
        using var server = new TestApiServer((_, r) => Reply.Ok(r,
            """{"playbook_id":"playbook-1","title":"Deploy","body":"steps","macro":"!deploy","access_type":"org","org_id":"org-test","created_at":1767225600,"updated_at":1767225600,"created_by":"user-1","updated_by":{"id":"u"}}"""));
        var (client, _, _) = Create(server.Url);

        var created = await client.Playbooks.Create(new PlaybookRequest { Title = "Deploy", Body = "steps", Macro = "!deploy", StructuredOutputSchema = JsonNode.Parse("""{"type":"object"}""") });
        await client.Playbooks.Update("playbook-1", new PlaybookRequest { Title = "Deploy", Body = "steps2" });
        await client.Playbooks.Delete("playbook-1");

        Assert.That(server.All[0].Path, Is.EqualTo("/v3/organizations/org-test/playbooks"));
        Assert.That(server.All[0].BodyText, Is.EqualTo("""{"title":"Deploy","body":"steps","macro":"!deploy","structured_output_schema":{"type":"object"}}"""));
        Assert.That(server.All[1].Method + " " + server.All[1].Path, Is.EqualTo("PUT /v3/organizations/org-test/playbooks/playbook-1"));
        Assert.That(server.All[2].Method, Is.EqualTo("DELETE"));
        Assert.That(created.Macro, Is.EqualTo("!deploy"));
        Assert.That(created.CreatedBy!.GetValue<string>(), Is.EqualTo("user-1"));
    }

    [Test]
    public async Task Schedules_page_with_limit_offset_patch_only_changes_and_parse_iso_times()
    {
        const string schedule = """{"scheduled_session_id":"sched-1","name":"Nightly","prompt":"p","frequency":"0 9 * * 1-5","enabled":true,"agent":"devin","notify_on":"failure","playbook":{"playbook_id":"playbook-1","title":"PB"},"org_id":"org-test","created_at":"2026-01-01T09:00:00Z","updated_at":"2026-01-02T09:00:00+00:00","schedule_type":"recurring","consecutive_failures":0}""";
        using var server = new TestApiServer((req, r) => req.Method == "GET" && req.Path.EndsWith("/schedules")
            ? Reply.Ok(r, $$"""{"items":[{{schedule}}],"has_next_page":false,"end_cursor":null,"total":1}""")
            : Reply.Ok(r, schedule));
        var (client, _, _) = Create(server.Url);

        var page = await client.Schedules.List(limit: 50, offset: 100);
        await client.Schedules.Create(new ScheduleCreateRequest { Name = "Nightly", Prompt = "p", Frequency = "0 9 * * 1-5", ScheduledAt = new DateTimeOffset(2026, 2, 1, 8, 0, 0, TimeSpan.Zero) });
        await client.Schedules.Update("sched-1", new SchedulePatch { Enabled = false, DetachPlaybook = true });
        await client.Schedules.Update("sched-1", new SchedulePatch { RunAsUserId = "user-2" });

        Assert.That(server.All[0].QueryValues("limit"), Is.EqualTo(new[] { "50" }));
        Assert.That(server.All[0].QueryValues("offset"), Is.EqualTo(new[] { "100" }));
        Assert.That(server.All[1].BodyText, Is.EqualTo("""{"name":"Nightly","prompt":"p","frequency":"0 9 * * 1-5","scheduled_at":"2026-02-01T08:00:00Z"}"""));
        Assert.That(server.All[2].Method + " " + server.All[2].Path, Is.EqualTo("PATCH /v3/organizations/org-test/schedules/sched-1"));
        Assert.That(server.All[2].BodyText, Is.EqualTo("""{"enabled":false,"playbook_id":null}"""));
        Assert.That(server.All[3].BodyText, Is.EqualTo("""{"run_as_user_id":"user-2"}"""), "the update schema's name for the acting user");
        var s = page.Items.Single();
        Assert.That(s.CreatedAt, Is.EqualTo(new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero)));
        Assert.That(s.Playbook!.Title, Is.EqualTo("PB"));
        Assert.That(page.Total, Is.EqualTo(1));
    }
}
