using System.Text;
using System.Text.Json;

namespace Handoff.IntegrationTests.Workflows;

public class AttachmentsTests : WorkflowTestBase
{
    private static readonly string[] HostileNames =
    [
        "../../.bashrc", "/etc/passwd", "C:\\x", "a/../../b", "..", "", new string('n', 300) + ".txt", "résumé 日本.pdf", "CON", "report.txt", "REPORT.txt",
    ];

    private string _dir = null!;

    [SetUp]
    public void MakeDir() => _dir = Path.Combine(Cli.Home, "work", "downloads");

    [TestCase(false)]
    [TestCase(true)]
    public async Task Lists_attachments_from_a_bare_array_or_an_items_wrapper(bool wrapped)
    {
        Server.Settings.AttachmentListWrapped = wrapped;
        var session = Server.State.CreateSession("p");
        Server.State.AddAttachment(session.SessionId, "log.txt", "hello"u8.ToArray(), "text/plain");
        Server.State.AddAttachment(session.SessionId, "chart.png", [1, 2, 3], "image/png", source: "user");

        var json = ParseJson(await Run("attachments", session.SessionId.Replace("devin-", ""), "--json"));
        Assert.That(json.EnumerateArray().Select(a => Str(a, "name")), Is.EqualTo(new[] { "log.txt", "chart.png" }));
        Assert.That(Str(json[1], "source"), Is.EqualTo("user"));
        Assert.That(Str(json[0], "content_type"), Is.EqualTo("text/plain"));
        Assert.That(Sent("GET", $"/v3/organizations/{Org}/sessions/{session.SessionId}/attachments"), Has.Count.EqualTo(1), "bare ids get devin-");

        var table = await Run("attachments", session.SessionId);
        Assert.That(table.StandardOutput.Split('\n')[0], Does.StartWith("log.txt\tdevin\ttext/plain\thttp"));
    }

    [Test]
    public async Task Download_with_hostile_names_writes_only_inside_dir_and_never_sends_the_key_to_storage()
    {
        var session = Server.State.CreateSession("p");
        for (var i = 0; i < HostileNames.Length; i++)
            Server.State.AddAttachment(session.SessionId, HostileNames[i], Encoding.UTF8.GetBytes($"content {i}"));
        var before = AllFilesUnder(Cli.Home).Where(f => !f.StartsWith(_dir)).ToHashSet();

        var result = await Run("attachments", session.SessionId, "--download", _dir, "--json");
        var json = ParseJson(result);

        Assert.That(json.GetArrayLength(), Is.EqualTo(HostileNames.Length));
        Assert.That(json.EnumerateArray().Select(r => Str(r, "status")), Is.All.EqualTo("downloaded"), result.ToString());
        var written = Directory.GetFiles(_dir);
        Assert.That(written, Has.Length.EqualTo(HostileNames.Length), "one file each, collisions suffixed");
        Assert.That(written.Select(Path.GetDirectoryName), Is.All.EqualTo(_dir));
        Assert.That(AllFilesUnder(Cli.Home).Where(f => !f.StartsWith(_dir)).ToHashSet(), Is.EquivalentTo(before), "nothing written outside DIR");
        Assert.That(File.ReadAllText("/etc/passwd"), Does.Not.Contain("content 1"));
        var names = written.Select(Path.GetFileName).ToList();
        Assert.That(names, Does.Contain("bashrc").And.Contain("passwd").And.Contain("x").And.Contain("b").And.Contain("_CON").And.Contain("résumé 日本.pdf"));
        Assert.That(names, Does.Contain("report.txt").And.Contain("REPORT (2).txt"));
        Assert.That(names.Count(n => n!.StartsWith("attachment-")), Is.EqualTo(2), "'..' and '' get fallback names");
        Assert.That(names.Max(n => Encoding.UTF8.GetByteCount(n!)), Is.LessThanOrEqualTo(200));
        for (var i = 0; i < HostileNames.Length; i++)
            Assert.That(File.ReadAllText(Str(json[i], "path")), Is.EqualTo($"content {i}"), HostileNames[i]);

        // Each download: the API host (with the key) answers 307; the storage host gets the request without it.
        Assert.That(Sent("GET", $"/v3/organizations/{Org}/attachments/**"), Has.Count.EqualTo(HostileNames.Length));
        Assert.That(Sent("GET", $"/v3/organizations/{Org}/attachments/**").Select(r => r.Authorization), Is.All.EqualTo("Bearer " + Key));
        Assert.That(Server.StorageRequests, Has.Count.EqualTo(HostileNames.Length));
        Assert.That(Server.StorageRequests.Select(r => r.Authorization), Is.All.Null);
    }

    [Test]
    public async Task Download_keeps_existing_files_unless_force()
    {
        var session = Server.State.CreateSession("p");
        Server.State.AddAttachment(session.SessionId, "notes.md", "new"u8.ToArray());
        Directory.CreateDirectory(_dir);
        var target = Path.Combine(_dir, "notes.md");
        File.WriteAllText(target, "mine");

        var kept = await Run("attachments", session.SessionId, "--download", _dir);
        Assert.That(kept.ExitCode, Is.Zero, kept.ToString());
        Assert.That(kept.StandardError, Does.Contain("kept").And.Contain("--force"));
        Assert.That(File.ReadAllText(target), Is.EqualTo("mine"));

        var forced = await Run("attachments", session.SessionId, "--download", _dir, "--force");
        Assert.That(forced.ExitCode, Is.Zero, forced.ToString());
        Assert.That(forced.StandardOutput.Trim(), Is.EqualTo(target));
        Assert.That(File.ReadAllText(target), Is.EqualTo("new"));
        Assert.That(Directory.GetFiles(_dir), Has.Length.EqualTo(1), "no temp files left behind");
    }

    [Test]
    public async Task Storage_urls_in_the_list_are_fetched_without_the_key()
    {
        Server.Settings.AttachmentUrlsPointToStorage = true;
        var session = Server.State.CreateSession("p");
        Server.State.AddAttachment(session.SessionId, "direct.bin", [9, 9]);
        var result = await Run("attachments", session.SessionId, "--download", _dir);
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(File.ReadAllBytes(Path.Combine(_dir, "direct.bin")), Is.EqualTo(new byte[] { 9, 9 }));
        Assert.That(Server.StorageRequests.Single().Authorization, Is.Null);
    }

    [Test]
    public async Task Upload_posts_each_file_as_multipart_and_prints_the_urls()
    {
        var a = Path.Combine(Cli.Home, "a.txt");
        var b = Path.Combine(Cli.Home, "b.log");
        File.WriteAllText(a, "alpha");
        File.WriteAllText(b, "beta");
        var result = await Run("upload", a, b);
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var urls = result.StandardOutput.Trim().Split('\n');
        Assert.That(urls, Has.Length.EqualTo(2));
        Assert.That(urls[0], Does.Contain("/a.txt"));
        var posts = Sent("POST", $"/v3/organizations/{Org}/attachments");
        Assert.That(posts, Has.Count.EqualTo(2));
        Assert.That(posts[0].Header("Content-Type"), Does.StartWith("multipart/form-data"));
        Assert.That(posts[0].Body, Does.Contain("name=\"file\"").Or.Contain("name=file").And.Contain("alpha"));
        Assert.That(Server.State.Attachments.Select(x => x.Name), Is.EquivalentTo(new[] { "a.txt", "b.log" }));

        var missing = await Run("upload", a, Path.Combine(Cli.Home, "nope.txt"));
        Assert.That(missing.ExitCode, Is.EqualTo(2), missing.ToString());
        Assert.That(Sent("POST", $"/v3/organizations/{Org}/attachments"), Has.Count.EqualTo(2), "nothing uploaded when a file is missing");
    }

    [Test]
    public async Task Create_attach_uploads_first_and_passes_attachment_urls()
    {
        var repo = await NewRepo();
        var file = Path.Combine(Cli.Home, "trace.txt");
        File.WriteAllText(file, "stack trace");
        var result = await Cli.Run(repo, "create", "--task", "look at the trace", "--attach", file, "--json");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var upload = Sent("POST", $"/v3/organizations/{Org}/attachments").Single();
        var create = Sent("POST", $"/v3/organizations/{Org}/sessions").Single();
        Assert.That(upload.Timestamp, Is.LessThanOrEqualTo(create.Timestamp));
        using var body = create.BodyJson();
        var urls = body.RootElement.GetProperty("attachment_urls").EnumerateArray().Select(u => u.GetString()).ToList();
        Assert.That(urls, Has.Count.EqualTo(1));
        Assert.That(urls[0], Is.EqualTo(Server.State.ApiDownloadUrl(Server.State.Attachments.Single()).AbsoluteUri));
    }

    [Test]
    public async Task Create_attach_with_a_v1_key_puts_attachment_lines_in_the_prompt()
    {
        Cli.Environment["DEVIN_API_KEY"] = "apk_legacy_test";
        var repo = await NewRepo();
        var file = Path.Combine(Cli.Home, "trace.txt");
        File.WriteAllText(file, "stack trace");
        var result = await Cli.Run(repo, "create", "--task", "look", "--attach", file);
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(Sent("POST", "/v1/attachments"), Has.Count.EqualTo(1));
        using var body = Sent("POST", "/v1/sessions").Single().BodyJson();
        Assert.That(body.RootElement.GetProperty("prompt").GetString(), Does.Match("\nATTACHMENT:\"http[^\"]+trace.txt\"$"));
    }

    private async Task<string> NewRepo()
    {
        var repo = Path.Combine(Cli.Home, "repo");
        Directory.CreateDirectory(repo);
        foreach (var args in new[]
                 {
                     new[] { "init", "-q", "-b", "main" }, ["config", "user.email", "t@example.com"], ["config", "user.name", "T"],
                     ["remote", "add", "origin", "https://github.com/acme/widgets.git"], ["commit", "-q", "--allow-empty", "-m", "init"],
                 })
            Assert.That((await Cli.Git(repo, args)).ExitCode, Is.Zero, string.Join(' ', args));
        return repo;
    }

    private static IEnumerable<string> AllFilesUnder(string root) =>
        Directory.Exists(root) ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories) : [];
}
