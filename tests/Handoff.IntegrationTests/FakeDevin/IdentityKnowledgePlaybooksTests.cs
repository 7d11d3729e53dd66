using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Handoff.FakeDevin;

namespace Handoff.IntegrationTests.FakeDevin;

public class IdentityTests : FakeDevinTestBase
{
    [Test]
    public async Task Self_is_a_service_user_of_the_default_org_by_default()
    {
        var self = await OkJson(await Api.GetAsync("v3/self"));

        Assert.That(self.GetProperty("principal_type").GetString(), Is.EqualTo("service_user"));
        Assert.That(self.GetProperty("service_user_id").GetString(), Is.Not.Empty);
        Assert.That(self.GetProperty("org_id").GetString(), Is.EqualTo(Org));
    }

    [Test]
    public async Task Self_can_be_a_pat_user_without_org()
    {
        Server.State.Self = SelfIdentity.PatUser(orgId: null);

        var self = await OkJson(await Api.GetAsync("v3/self"));
        var session = await CreateSessionAsync();

        Assert.That(self.GetProperty("principal_type").GetString(), Is.EqualTo("pat_user"));
        Assert.That(self.GetProperty("user_id").GetString(), Is.EqualTo("user-fake-0001"));
        Assert.That(self.GetProperty("api_key_name").GetString(), Is.Not.Empty);
        Assert.That(self.GetProperty("org_id").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(session.GetProperty("user_id").GetString(), Is.EqualTo("user-fake-0001"));
    }

    [Test]
    public async Task Enterprise_org_list_is_forbidden_for_org_users_and_paged_for_enterprise_users()
    {
        Assert.That((await Api.GetAsync("v3/enterprise/organizations")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));

        Server.State.Self = SelfIdentity.ServiceUser(orgId: null);
        Server.State.AddOrganization("org-second", "Second");
        Server.State.AddOrganization("org-third", "Third");
        var page1 = await OkJson(await Api.GetAsync("v3/enterprise/organizations?first=2"));
        var page2 = await OkJson(await Api.GetAsync("v3/enterprise/organizations?first=2&after=" + page1.GetProperty("end_cursor").GetString()));

        Assert.That(page1.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("org_id").GetString()), Is.EqualTo(new[] { Org, "org-second" }));
        Assert.That(page2.GetProperty("items")[0].GetProperty("name").GetString(), Is.EqualTo("Third"));
        Assert.That(page2.GetProperty("end_cursor").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(page2.GetProperty("items")[0].GetProperty("max_session_acu_limit").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public async Task A_second_org_is_separate_from_the_default_one()
    {
        Server.State.AddOrganization("org-other");
        await CreateSessionAsync();

        var other = await OkJson(await Api.GetAsync("v3/organizations/org-other/sessions"));

        Assert.That(other.GetProperty("items").GetArrayLength(), Is.Zero);
    }
}

public class KnowledgeTests : FakeDevinTestBase
{
    [Test]
    public async Task Notes_crud_with_full_replace()
    {
        var folder = Server.State.AddFolder("backend");
        var created = await OkJson(await Api.PostAsJsonAsync(V3("knowledge/notes"),
            new { name = "Build", body = "run make", trigger = "when building", folder_id = folder.FolderId }));
        var id = created.GetProperty("note_id").GetString()!;
        Assert.That(id, Does.StartWith("note-"));
        Assert.That(created.GetProperty("folder_path").GetString(), Is.EqualTo("/backend"));
        Assert.That(created.GetProperty("is_enabled").GetBoolean(), Is.True);
        Assert.That(created.GetProperty("access_type").GetString(), Is.EqualTo("org"));

        var replaced = await OkJson(await Api.PutAsJsonAsync(V3($"knowledge/notes/{id}"), new { name = "Build 2", body = "run just", trigger = "always" }));
        Assert.That(replaced.GetProperty("folder_id").ValueKind, Is.EqualTo(JsonValueKind.Null), "PUT is a full replace");
        var partial = await Api.PutAsJsonAsync(V3($"knowledge/notes/{id}"), new { name = "only a name" });
        Assert.That((int)partial.StatusCode, Is.EqualTo(422));

        var got = await OkJson(await Api.GetAsync(V3($"knowledge/notes/{id}")));
        Assert.That(got.GetProperty("body").GetString(), Is.EqualTo("run just"));

        var deleted = await OkJson(await Api.DeleteAsync(V3($"knowledge/notes/{id}")));
        Assert.That(deleted.GetProperty("note_id").GetString(), Is.EqualTo(id));
        Assert.That((await Api.GetAsync(V3($"knowledge/notes/{id}"))).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Notes_list_searches_and_folders_count_notes()
    {
        var folder = Server.State.AddFolder("docs");
        var sub = Server.State.AddFolder("api", folder.FolderId);
        await Api.PostAsJsonAsync(V3("knowledge/notes"), new { name = "Alpha", body = "a", trigger = "t", folder_id = sub.FolderId });
        await Api.PostAsJsonAsync(V3("knowledge/notes"), new { name = "Beta", body = "b", trigger = "t" });

        var search = await OkJson(await Api.GetAsync(V3("knowledge/notes?search=alp")));
        var folders = await OkJson(await Api.GetAsync(V3("knowledge/folders")));

        Assert.That(search.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("name").GetString()), Is.EqualTo(new[] { "Alpha" }));
        var api = folders.GetProperty("folders").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "api");
        Assert.That(api.GetProperty("path").GetString(), Is.EqualTo("/docs/api"));
        Assert.That(api.GetProperty("note_count").GetInt32(), Is.EqualTo(1));
        Assert.That(api.GetProperty("parent_folder_id").GetString(), Is.EqualTo(folder.FolderId));
        Assert.That(folders.GetProperty("root_note_count").GetInt32(), Is.EqualTo(1));
    }
}

public class PlaybooksTests : FakeDevinTestBase
{
    [Test]
    public async Task Playbooks_crud_and_macro_validation()
    {
        var created = await OkJson(await Api.PostAsJsonAsync(V3("playbooks"), new { title = "Deploy", body = "steps", macro = "!deploy" }));
        var id = created.GetProperty("playbook_id").GetString()!;
        Assert.That(id, Does.StartWith("playbook-"));
        Assert.That(created.GetProperty("created_by").GetString(), Is.Not.Empty);

        Assert.That((int)(await Api.PostAsJsonAsync(V3("playbooks"), new { title = "x", body = "y", macro = "deploy" })).StatusCode, Is.EqualTo(422));
        Assert.That((int)(await Api.PostAsJsonAsync(V3("playbooks"), new { name = "x", instructions = "y" })).StatusCode, Is.EqualTo(422),
            "the common-flows guide's name/instructions are not the reference's title/body");

        var replaced = await OkJson(await Api.PutAsJsonAsync(V3($"playbooks/{id}"), new { title = "Deploy v2", body = "new steps" }));
        Assert.That(replaced.GetProperty("macro").ValueKind, Is.EqualTo(JsonValueKind.Null));

        var list = await OkJson(await Api.GetAsync(V3("playbooks")));
        Assert.That(list.GetProperty("items")[0].GetProperty("title").GetString(), Is.EqualTo("Deploy v2"));

        await OkJson(await Api.DeleteAsync(V3($"playbooks/{id}")));
        Assert.That((await Api.GetAsync(V3($"playbooks/{id}"))).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
