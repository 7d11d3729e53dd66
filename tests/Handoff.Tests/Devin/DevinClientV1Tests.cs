using System.Text.Json.Nodes;
using Handoff.Core;
using Handoff.Core.Devin;
using static Handoff.Tests.Devin.ClientFixture;

namespace Handoff.Tests.Devin;

/// <summary>apk_ keys: terminate, knowledge and playbooks on their v1 routes with v1 field names, mapped to the v3 models.</summary>
public class DevinClientV1Tests
{
    private const string V1Note = """{"id":"note-1","name":"Deploy","body":"make deploy","trigger_description":"deploying","macro":"!dep","parent_folder_id":"folder-1","pinned_repo":"o/r","created_at":"2026-01-01T10:00:00Z","created_by":{"full_name":"A","id":"u1","image_url":null}}""";
    private const string V1Knowledge = $$"""{"knowledge":[{{V1Note}},{"id":"note-2","name":"Style","body":"tabs","trigger_description":"editing","parent_folder_id":null,"created_at":"2026-01-02T10:00:00Z"}],"folders":[{"id":"folder-1","name":"ops","description":null,"created_at":"2026-01-01T00:00:00Z"}]}""";
    private const string V1Playbook = """{"playbook_id":"playbook-1","title":"Release","body":"steps","status":"published","access_type":"team","org_id":"org-9","created_at":"2026-01-01T10:00:00Z","updated_at":"2026-01-03T10:00:00Z","created_by_user_id":"user-1","created_by_user_name":"Ann","updated_by_user_id":null,"updated_by_user_name":"Bob","macro":"!release"}""";

    [Test]
    public async Task Terminate_deletes_on_v1_and_reads_the_session_back()
    {
        using var server = new TestApiServer((req, r) => req.Method == "DELETE"
            ? Reply.Ok(r, """{"detail":"Session terminated successfully"}""")
            : Reply.Ok(r, """{"session_id":"devin-abc","status":"exit","status_enum":"finished","tags":[]}"""));
        var (client, _, _) = Create(server.Url, key: ApkKey, org: null);

        var session = await client.Sessions.Terminate("abc");

        Assert.That(server.All.Select(r => $"{r.Method} {r.Path}{r.Query}"), Is.EqualTo(new[] { "DELETE /v1/sessions/devin-abc", "GET /v1/sessions/devin-abc" }));
        Assert.That(server.All[0].Header("Authorization"), Is.EqualTo("Bearer " + ApkKey));
        Assert.That(session.SessionId, Is.EqualTo("devin-abc"));
        Assert.That(session.Status, Is.EqualTo("exit"));
    }

    [Test]
    public void Terminate_and_archive_has_no_v1_archive_and_sends_nothing()
    {
        using var server = new TestApiServer((_, r) => Reply.Ok(r, "{}"));
        var (client, _, _) = Create(server.Url, key: ApkKey, org: null);

        var e = Assert.ThrowsAsync<HandoffException>(() => client.Sessions.Terminate("abc", archive: true));

        Assert.That(e!.ExitCode, Is.EqualTo(ExitCodes.AuthOrConfig));
        Assert.That(e.Message, Does.StartWith("archiving a session needs the v3 API"));
        Assert.That(server.All, Is.Empty);
    }

    [Test]
    public async Task Knowledge_list_maps_v1_names_filters_and_pages_from_one_read()
    {
        using var server = new TestApiServer((_, r) => Reply.Ok(r, V1Knowledge));
        var (client, _, _) = Create(server.Url, key: ApkKey, org: null);

        var first = await client.Knowledge.List(new NoteListQuery { First = 1 });
        var second = await client.Knowledge.List(new NoteListQuery { First = 1, After = first.EndCursor });
        var pinned = await client.Knowledge.List(new NoteListQuery { PinnedRepo = "o/r", Search = "DEPLOY" });
        var inOps = await client.Knowledge.List(new NoteListQuery { FolderPath = "/ops" });

        var note = first.Items.Single();
        Assert.That((note.NoteId, note.Name, note.Body, note.Trigger, note.FolderId, note.FolderPath, note.Macro, note.PinnedRepo),
            Is.EqualTo(("note-1", "Deploy", "make deploy", "deploying", "folder-1", "/ops", "!dep", "o/r")));
        Assert.That(note.IsEnabled, Is.Null, "v1 has no enabled flag");
        Assert.That(note.CreatedAt, Is.EqualTo(new DateTimeOffset(2026, 1, 1, 10, 0, 0, TimeSpan.Zero)));
        Assert.That(first.HasNextPage, Is.True);
        Assert.That(second.Items.Single().FolderPath, Is.EqualTo("/"));
        Assert.That(second.HasNextPage, Is.False);
        Assert.That(pinned.Items.Select(n => n.NoteId), Is.EqualTo(new[] { "note-1" }));
        Assert.That(inOps.Items.Select(n => n.NoteId), Is.EqualTo(new[] { "note-1" }));
        Assert.That(server.All.Select(r => $"{r.Method} {r.Path}"), Is.EqualTo(Enumerable.Repeat("GET /v1/knowledge", 3)), "the second page came from the first read");
    }

    [Test]
    public async Task Knowledge_create_and_update_send_v1_names_and_update_keeps_the_macro()
    {
        using var server = new TestApiServer((req, r) => Reply.Ok(r, req.Method == "GET" ? V1Knowledge : V1Note));
        var (client, _, _) = Create(server.Url, key: ApkKey, org: null);
        var request = new KnowledgeNoteRequest { Name = "Deploy", Body = "make deploy", Trigger = "deploying", FolderId = "folder-1", PinnedRepo = "o/r" };

        var created = await client.Knowledge.Create(request);
        var updated = await client.Knowledge.Update("note-1", request with { Trigger = "shipping", FolderId = null });

        var post = server.All.Single(r => r.Method == "POST");
        Assert.That(post.Path, Is.EqualTo("/v1/knowledge"));
        Assert.That(post.BodyText, Is.EqualTo("""{"name":"Deploy","body":"make deploy","trigger_description":"deploying","parent_folder_id":"folder-1","pinned_repo":"o/r"}"""));
        var put = server.All.Single(r => r.Method == "PUT");
        Assert.That(put.Path, Is.EqualTo("/v1/knowledge/note-1"));
        Assert.That(put.BodyText, Is.EqualTo("""{"name":"Deploy","body":"make deploy","trigger_description":"shipping","macro":"!dep","pinned_repo":"o/r"}"""));
        Assert.That(created.NoteId, Is.EqualTo("note-1"));
        Assert.That(updated.FolderPath, Is.EqualTo("/ops"), "known from the list read before the update");
    }

    [Test]
    public void Knowledge_enabled_flag_is_refused_with_a_v1_key_before_sending()
    {
        using var server = new TestApiServer((_, r) => Reply.Ok(r, V1Note));
        var (client, _, _) = Create(server.Url, key: ApkKey, org: null);

        var e = Assert.ThrowsAsync<HandoffException>(() => client.Knowledge.Create(new KnowledgeNoteRequest { Name = "n", Body = "b", Trigger = "t", IsEnabled = false }));

        Assert.That(e!.ExitCode, Is.EqualTo(ExitCodes.AuthOrConfig));
        Assert.That(server.All, Is.Empty);
    }

    [Test]
    public async Task Knowledge_show_and_delete_find_the_note_in_the_list_and_a_missing_one_is_exit_5()
    {
        using var server = new TestApiServer((req, r) => req.Method == "DELETE" ? Reply.Json(r, 204, "") : Reply.Ok(r, V1Knowledge));
        var (client, _, _) = Create(server.Url, key: ApkKey, org: null);

        var shown = await client.Knowledge.Get("note-2");
        var deleted = await client.Knowledge.Delete("note-1");
        var missing = Assert.ThrowsAsync<DevinApiException>(() => client.Knowledge.Get("note-9"));
        var folders = await client.Knowledge.ListFolders();

        Assert.That(shown.Name, Is.EqualTo("Style"));
        Assert.That(deleted.Name, Is.EqualTo("Deploy"), "the note as it was");
        Assert.That(server.All.Count(r => r.Method == "DELETE" && r.Path == "/v1/knowledge/note-1"), Is.EqualTo(1));
        Assert.That(missing!.ExitCode, Is.EqualTo(ExitCodes.NotFound));
        Assert.That(missing.Message, Is.EqualTo("knowledge note note-9 not found"));
        var folder = folders.Folders.Single();
        Assert.That((folder.FolderId, folder.Name, folder.Path, folder.NoteCount), Is.EqualTo(("folder-1", "ops", "/ops", 1)));
        Assert.That(folders.RootNoteCount, Is.EqualTo(1));
    }

    [Test]
    public async Task Playbooks_list_a_bare_array_and_map_authors_and_iso_times()
    {
        using var server = new TestApiServer((_, r) => Reply.Ok(r, $"[{V1Playbook}]"));
        var (client, _, _) = Create(server.Url, key: ApkKey, org: null);

        var page = await client.Playbooks.List(first: 50);

        Assert.That(server.All.Single().Path, Is.EqualTo("/v1/playbooks"));
        var p = page.Items.Single();
        Assert.That((p.PlaybookId, p.Title, p.Body, p.Macro, p.AccessType, p.OrgId), Is.EqualTo(("playbook-1", "Release", "steps", "!release", "team", "org-9")));
        Assert.That(p.UpdatedAt, Is.EqualTo(new DateTimeOffset(2026, 1, 3, 10, 0, 0, TimeSpan.Zero)));
        Assert.That(p.CreatedBy!.GetValue<string>(), Is.EqualTo("user-1"));
        Assert.That(p.UpdatedBy!.GetValue<string>(), Is.EqualTo("Bob"), "the name when v1 gives no id");
    }

    [Test]
    public async Task Playbook_update_reads_back_after_the_status_answer_and_delete_reads_first()
    {
        using var server = new TestApiServer((req, r) => req.Method is "PUT" or "DELETE" ? Reply.Ok(r, """{"status":"success"}""") : Reply.Ok(r, V1Playbook));
        var (client, _, _) = Create(server.Url, key: ApkKey, org: null);

        var updated = await client.Playbooks.Update("playbook-1", new PlaybookRequest { Title = "Release", Body = "steps", Macro = "!release" });
        var deleted = await client.Playbooks.Delete("playbook-1");

        Assert.That(server.All.Select(r => $"{r.Method} {r.Path}"), Is.EqualTo(new[]
        {
            "PUT /v1/playbooks/playbook-1", "GET /v1/playbooks/playbook-1", "GET /v1/playbooks/playbook-1", "DELETE /v1/playbooks/playbook-1",
        }));
        Assert.That(server.All[0].BodyText, Is.EqualTo("""{"title":"Release","body":"steps","macro":"!release"}"""));
        Assert.That(updated.Title, Is.EqualTo("Release"));
        Assert.That(deleted.PlaybookId, Is.EqualTo("playbook-1"));
    }

    [Test]
    public void A_playbook_schema_has_no_v1_field_and_is_refused()
    {
        using var server = new TestApiServer((_, r) => Reply.Ok(r, V1Playbook));
        var (client, _, _) = Create(server.Url, key: ApkKey, org: null);

        var e = Assert.ThrowsAsync<HandoffException>(() => client.Playbooks.Create(
            new PlaybookRequest { Title = "t", Body = "b", StructuredOutputSchema = JsonNode.Parse("""{"type":"object"}""") }));

        Assert.That(e!.ExitCode, Is.EqualTo(ExitCodes.AuthOrConfig));
        Assert.That(server.All, Is.Empty);
    }
}
