using System.Text.Json;

namespace Handoff.IntegrationTests.Workflows;

public class KnowledgeTests : WorkflowTestBase
{
    [Test]
    public async Task Create_sends_every_field_resolving_the_folder_path_and_reading_the_body_from_stdin()
    {
        var folder = Server.State.AddFolder("backend");
        var result = await RunWithInput("Use pnpm, never npm.\n", "knowledge", "create", "--name", "Package manager", "--trigger", "installing packages",
            "--body-file", "-", "--folder", "/backend", "--pinned-repo", "acme/widgets", "--disabled", "--json");
        var json = ParseJson(result);
        Assert.That(Str(json, "note_id"), Does.StartWith("note-"));
        Assert.That(Str(json, "folder_path"), Is.EqualTo("/backend"));

        using var body = Sent("POST", $"/v3/organizations/{Org}/knowledge/notes").Single().BodyJson();
        var sent = body.RootElement;
        Assert.That(Str(sent, "name"), Is.EqualTo("Package manager"));
        Assert.That(Str(sent, "trigger"), Is.EqualTo("installing packages"));
        Assert.That(Str(sent, "body"), Is.EqualTo("Use pnpm, never npm.\n"));
        Assert.That(Str(sent, "folder_id"), Is.EqualTo(folder.FolderId));
        Assert.That(Str(sent, "pinned_repo"), Is.EqualTo("acme/widgets"));
        Assert.That(sent.GetProperty("is_enabled").GetBoolean(), Is.False);
    }

    [Test]
    public async Task Create_without_a_body_names_the_flags_and_sends_nothing()
    {
        var result = await Run("knowledge", "create", "--name", "n", "--trigger", "t");
        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.StandardError, Does.Contain("--body").And.Contain("--body-file"));
        Assert.That(Server.Requests, Is.Empty);
    }

    [Test]
    public async Task Update_reads_the_note_and_replaces_it_changing_only_what_was_given()
    {
        var note = await Post("knowledge/notes", new { name = "Style", body = "Tabs.", trigger = "editing", pinned_repo = "acme/a" });
        var id = Str(note, "note_id");
        var bodyFile = Path.Combine(Cli.Home, "body.md");
        File.WriteAllText(bodyFile, "Spaces, 4.");

        var result = await Run("knowledge", "update", id, "--body-file", bodyFile);
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.StandardOutput.Trim(), Is.EqualTo(id));

        Assert.That(Sent("GET", $"/v3/organizations/{Org}/knowledge/notes/{id}"), Has.Count.EqualTo(1));
        using var put = Sent("PUT", $"/v3/organizations/{Org}/knowledge/notes/{id}").Single().BodyJson();
        var sent = put.RootElement;
        Assert.That(Str(sent, "name"), Is.EqualTo("Style"));
        Assert.That(Str(sent, "trigger"), Is.EqualTo("editing"));
        Assert.That(Str(sent, "body"), Is.EqualTo("Spaces, 4."));
        Assert.That(Str(sent, "pinned_repo"), Is.EqualTo("acme/a"));
        Assert.That(sent.GetProperty("is_enabled").GetBoolean(), Is.True);

        var unpin = await Run("knowledge", "update", id, "--pinned-repo", "none", "--disabled");
        Assert.That(unpin.ExitCode, Is.Zero, unpin.ToString());
        Assert.That(Server.State.Notes.Single().PinnedRepo, Is.Null);
        Assert.That(Server.State.Notes.Single().IsEnabled, Is.False);
        Assert.That(Server.State.Notes.Single().Body, Is.EqualTo("Spaces, 4."));
    }

    [Test]
    public async Task List_pages_through_everything_with_filters_and_limit_caps()
    {
        for (var i = 0; i < 5; i++)
            await Post("knowledge/notes", new { name = $"note {i}", body = "b", trigger = "t", pinned_repo = "acme/widgets" });
        Server.RequestLog.Clear();

        var all = ParseJson(await Run("knowledge", "list", "--pinned-repo", "acme/widgets", "--search", "note", "--json"));
        Assert.That(all.GetArrayLength(), Is.EqualTo(5));
        var request = Sent("GET", $"/v3/organizations/{Org}/knowledge/notes").Single();
        Assert.That(request.Query("pinned_repo"), Is.EqualTo(new[] { "acme/widgets" }));
        Assert.That(request.Query("search"), Is.EqualTo(new[] { "note" }));
        Assert.That(request.Query("first"), Is.EqualTo(new[] { "200" }));

        Server.RequestLog.Clear();
        var limited = await Run("knowledge", "list", "--limit", "3");
        Assert.That(limited.StandardOutput.TrimEnd().Split('\n'), Has.Length.EqualTo(3));
        Assert.That(Sent("GET", $"/v3/organizations/{Org}/knowledge/notes").Single().Query("first"), Is.EqualTo(new[] { "3" }));
    }

    [Test]
    public async Task List_follows_cursors_across_pages()
    {
        for (var i = 0; i < 201; i++)
            await Post("knowledge/notes", new { name = $"n{i:000}", body = "b", trigger = "t" });
        var json = ParseJson(await Run("knowledge", "list", "--json"));
        Assert.That(json.GetArrayLength(), Is.EqualTo(201));
        Assert.That(Str(json[200], "name"), Is.EqualTo("n200"));
        var pages = Sent("GET", $"/v3/organizations/{Org}/knowledge/notes");
        Assert.That(pages, Has.Count.EqualTo(2));
        Assert.That(pages[1].Query("after"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Show_prints_the_body_and_delete_removes_the_note()
    {
        var note = await Post("knowledge/notes", new { name = "Deploy", body = "Run make deploy.", trigger = "deploying" });
        var id = Str(note, "note_id");
        var show = await Run("knowledge", "show", id);
        Assert.That(show.ExitCode, Is.Zero, show.ToString());
        Assert.That(show.StandardOutput, Does.Contain("trigger:").And.Contain("deploying").And.EndWith("Run make deploy.\n"));

        var deleted = ParseJson(await Run("knowledge", "delete", id, "--json"));
        Assert.That(Str(deleted, "note_id"), Is.EqualTo(id));
        Assert.That(Sent("DELETE", $"/v3/organizations/{Org}/knowledge/notes/{id}"), Has.Count.EqualTo(1));
        Assert.That(Server.State.Notes, Is.Empty);

        var again = await Run("knowledge", "show", id);
        Assert.That(again.ExitCode, Is.EqualTo(5), again.ToString());
        Assert.That(again.StandardError, Does.Contain($"knowledge note {id} not found"));
    }
}
