namespace Handoff.IntegrationTests.Workflows;

public class PlaybooksTests : WorkflowTestBase
{
    [Test]
    public async Task Create_sends_title_body_and_macro()
    {
        var file = Path.Combine(Cli.Home, "deploy.md");
        File.WriteAllText(file, "1. build\n2. ship\n");
        var result = await Run("playbooks", "create", "--title", "Deploy", "--body-file", file, "--macro", "deploy");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.StandardOutput.Trim(), Does.StartWith("playbook-"));
        using var body = Sent("POST", $"/v3/organizations/{Org}/playbooks").Single().BodyJson();
        Assert.That(Str(body.RootElement, "title"), Is.EqualTo("Deploy"));
        Assert.That(Str(body.RootElement, "body"), Is.EqualTo("1. build\n2. ship\n"));
        Assert.That(Str(body.RootElement, "macro"), Is.EqualTo("!deploy"));
    }

    [Test]
    public async Task Update_keeps_the_fields_not_given_and_macro_none_removes_it()
    {
        var created = await Post("playbooks", new { title = "Old", body = "Steps.", macro = "!old" });
        var id = Str(created, "playbook_id");
        var result = await RunWithInput("New steps.", "playbooks", "update", id, "--body-file", "-", "--json");
        var json = ParseJson(result);
        Assert.That(Str(json, "body"), Is.EqualTo("New steps."));
        using (var put = Sent("PUT", $"/v3/organizations/{Org}/playbooks/{id}").Single().BodyJson())
        {
            Assert.That(Str(put.RootElement, "title"), Is.EqualTo("Old"));
            Assert.That(Str(put.RootElement, "macro"), Is.EqualTo("!old"));
        }
        Assert.That((await Run("playbooks", "update", id, "--macro", "none")).ExitCode, Is.Zero);
        Assert.That(Server.State.Playbooks.Single().Macro, Is.Null);
        Assert.That(Server.State.Playbooks.Single().Body, Is.EqualTo("New steps."));
    }

    [Test]
    public async Task List_show_and_delete()
    {
        for (var i = 0; i < 3; i++) await Post("playbooks", new { title = $"P{i}", body = "b" });
        var list = ParseJson(await Run("playbooks", "list", "--json"));
        Assert.That(list.EnumerateArray().Select(p => Str(p, "title")), Is.EqualTo(new[] { "P0", "P1", "P2" }));
        var id = Str(list[1], "playbook_id");

        var show = await Run("playbooks", "show", id);
        Assert.That(show.StandardOutput, Does.Contain("title:").And.Contain("P1"));

        var deleted = await Run("playbooks", "delete", id);
        Assert.That(deleted.ExitCode, Is.Zero, deleted.ToString());
        Assert.That(deleted.StandardError, Does.Contain("deleted playbook"));
        Assert.That(Server.State.Playbooks.Select(p => p.Title), Is.EqualTo(new[] { "P0", "P2" }));

        var limited = await Run("playbooks", "list", "--limit", "1");
        Assert.That(limited.StandardOutput.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(Sent("GET", $"/v3/organizations/{Org}/playbooks").Last().Query("first"), Is.EqualTo(new[] { "1" }));
    }
}
