namespace Handoff.IntegrationTests.Workflows;

/// <summary>
/// Legacy apk_ keys: knowledge and playbooks go to /v1/knowledge and /v1/playbooks with the v1 field names
/// (trigger_description, parent_folder_id, id), and print the same JSON as with a cog_ key.
/// </summary>
public class V1KnowledgeAndPlaybooksTests : WorkflowTestBase
{
    private const string V1Key = "apk_workflows_legacy_key";

    [SetUp]
    public void UseALegacyKey() => Cli.Environment["DEVIN_API_KEY"] = V1Key;

    [Test]
    public async Task Knowledge_create_sends_the_v1_field_names_and_prints_the_v3_shape()
    {
        var folder = Server.State.AddFolder("backend");
        var json = ParseJson(await Run("knowledge", "create", "--name", "Package manager", "--trigger", "installing packages",
            "--body", "Use pnpm.", "--folder", "backend", "--pinned-repo", "acme/widgets", "--json"));

        using var body = Sent("POST", "/v1/knowledge").Single().BodyJson();
        var sent = body.RootElement;
        Assert.That(Str(sent, "name"), Is.EqualTo("Package manager"));
        Assert.That(Str(sent, "trigger_description"), Is.EqualTo("installing packages"));
        Assert.That(Str(sent, "parent_folder_id"), Is.EqualTo(folder.FolderId));
        Assert.That(Str(sent, "pinned_repo"), Is.EqualTo("acme/widgets"));
        Assert.That(sent.TryGetProperty("trigger", out _), Is.False, "v1 has no 'trigger'");
        Assert.That(sent.TryGetProperty("folder_id", out _), Is.False, "v1 has no 'folder_id'");
        Assert.That(Server.Requests.Where(r => r.Path.StartsWith("/v3/")), Is.Empty);

        var note = Server.State.Notes.Single();
        Assert.That(Str(json, "note_id"), Is.EqualTo(note.NoteId));
        Assert.That(Str(json, "trigger"), Is.EqualTo("installing packages"));
        Assert.That(Str(json, "folder_id"), Is.EqualTo(folder.FolderId));
        Assert.That(note.Trigger, Is.EqualTo("installing packages"));
    }

    [Test]
    public async Task Knowledge_list_show_update_and_delete_work_on_the_v1_list()
    {
        var folder = Server.State.AddFolder("ops");
        foreach (var (name, repo) in new[] { ("Deploy", "acme/a"), ("Style", "acme/b"), ("Release", "acme/a") })
            Assert.That((await Run("knowledge", "create", "--name", name, "--trigger", "t " + name, "--body", "b " + name,
                "--pinned-repo", repo, "--folder", "/ops")).ExitCode, Is.Zero);
        var ids = Server.State.Notes.Select(n => n.NoteId).ToList();

        var pinned = ParseJson(await Run("knowledge", "list", "--pinned-repo", "acme/a", "--json"));
        Assert.That(pinned.EnumerateArray().Select(n => Str(n, "name")), Is.EqualTo(new[] { "Deploy", "Release" }));
        Assert.That(pinned.EnumerateArray().Select(n => Str(n, "folder_path")), Is.All.EqualTo("/ops"));
        var limited = ParseJson(await Run("knowledge", "list", "--limit", "2", "--json"));
        Assert.That(limited.GetArrayLength(), Is.EqualTo(2));

        var show = ParseJson(await Run("knowledge", "show", ids[1], "--json"));
        Assert.That(Str(show, "body"), Is.EqualTo("b Style"));

        var updated = ParseJson(await Run("knowledge", "update", ids[1], "--trigger", "formatting code", "--folder", "/", "--json"));
        Assert.That(Str(updated, "trigger"), Is.EqualTo("formatting code"));
        using (var put = Sent("PUT", $"/v1/knowledge/{ids[1]}").Single().BodyJson())
        {
            Assert.That(Str(put.RootElement, "trigger_description"), Is.EqualTo("formatting code"));
            Assert.That(Str(put.RootElement, "name"), Is.EqualTo("Style"), "the rest of the note is sent back as read");
            Assert.That(Str(put.RootElement, "body"), Is.EqualTo("b Style"));
            Assert.That(put.RootElement.TryGetProperty("parent_folder_id", out _), Is.False, "moved to the top level");
        }

        var deleted = ParseJson(await Run("knowledge", "delete", ids[0], "--json"));
        Assert.That(Str(deleted, "name"), Is.EqualTo("Deploy"), "the deleted note as it was");
        Assert.That(Sent("DELETE", $"/v1/knowledge/{ids[0]}"), Has.Count.EqualTo(1));
        Assert.That(Server.State.Notes.Select(n => n.Name), Is.EqualTo(new[] { "Style", "Release" }));

        var missing = await Run("knowledge", "show", ids[0]);
        Assert.That(missing.ExitCode, Is.EqualTo(5), missing.ToString());
        Assert.That(missing.StandardError, Does.Contain($"knowledge note {ids[0]} not found"));
        Assert.That(folder.FolderId, Does.StartWith("folder-"));
    }

    [Test]
    public async Task Knowledge_enabled_flag_has_no_v1_field_and_is_refused_before_sending()
    {
        var result = await Run("knowledge", "create", "--name", "n", "--trigger", "t", "--body", "b", "--disabled");
        Assert.That(result.ExitCode, Is.EqualTo(4), result.ToString());
        Assert.That(result.StandardError, Does.Contain("v3 API"));
        Assert.That(Server.Requests.Where(r => r.Method == "POST"), Is.Empty);
    }

    [Test]
    public async Task Playbooks_create_list_show_update_and_delete_through_v1()
    {
        var created = ParseJson(await Run("playbooks", "create", "--title", "Deploy", "--body", "1. build", "--macro", "deploy", "--json"));
        var id = Str(created, "playbook_id");
        using (var post = Sent("POST", "/v1/playbooks").Single().BodyJson())
            Assert.That(Str(post.RootElement, "macro"), Is.EqualTo("!deploy"));
        Assert.That(Str(created, "title"), Is.EqualTo("Deploy"));
        Assert.That(DateTimeOffset.Parse(created.GetProperty("created_at").GetString()!).ToUnixTimeSeconds(),
            Is.EqualTo(Server.State.Playbooks.Single().CreatedAt), "v1's ISO time read as the same instant");
        Assert.That(Str(created, "created_by"), Is.EqualTo(Server.State.Self.Id));

        Assert.That((await Run("playbooks", "create", "--title", "Review", "--body", "look")).ExitCode, Is.Zero);
        var list = ParseJson(await Run("playbooks", "list", "--json"));
        Assert.That(list.EnumerateArray().Select(p => Str(p, "title")), Is.EqualTo(new[] { "Deploy", "Review" }));

        var updated = ParseJson(await Run("playbooks", "update", id, "--body", "1. build\n2. ship", "--json"));
        Assert.That(Str(updated, "body"), Is.EqualTo("1. build\n2. ship"), "read back after the v1 PUT, which answers only a status");
        using (var put = Sent("PUT", $"/v1/playbooks/{id}").Single().BodyJson())
        {
            Assert.That(Str(put.RootElement, "title"), Is.EqualTo("Deploy"));
            Assert.That(Str(put.RootElement, "macro"), Is.EqualTo("!deploy"));
        }

        var deleted = ParseJson(await Run("playbooks", "delete", id, "--json"));
        Assert.That(Str(deleted, "title"), Is.EqualTo("Deploy"));
        Assert.That(Sent("DELETE", $"/v1/playbooks/{id}"), Has.Count.EqualTo(1));
        Assert.That(Server.State.Playbooks.Select(p => p.Title), Is.EqualTo(new[] { "Review" }));
        Assert.That(Server.Requests.Where(r => r.Path.StartsWith("/v3/")), Is.Empty);
    }
}
