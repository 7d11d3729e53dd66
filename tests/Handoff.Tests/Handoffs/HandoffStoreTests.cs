using System.Text.Json;
using Handoff.Core.Handoffs;

namespace Handoff.Tests.Handoffs;

public class HandoffStoreTests
{
    private string _gitDir = null!;

    [SetUp]
    public void SetUp() => _gitDir = Directory.CreateTempSubdirectory("handoff-store-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_gitDir, recursive: true);

    private static SavedHandoff Sample(int? maxAcu) => new()
    {
        ClientToken = "0123456789abcdef",
        Prompt = "Fix the build\n\"quoted\" ünïcode <tag>",
        Title = "Fix the build",
        Tags = ["handoff", "ci"],
        KnowledgeIds = maxAcu is null ? null : ["note-1"],
        MaxAcuLimit = maxAcu,
        CreateAsUserId = null,
        AttachmentUrls = ["https://example.invalid/a.txt"],
        SavedAt = new DateTimeOffset(2026, 11, 30, 1, 2, 3, TimeSpan.Zero),
        SessionId = maxAcu is null ? null : "devin-abc",
    };

    [TestCase(null)]
    [TestCase(7)]
    public void Saved_file_is_what_the_reading_settings_would_write_and_reads_back(int? maxAcu)
    {
        var store = new HandoffStore(_gitDir);
        var handoff = Sample(maxAcu);

        store.Save(handoff);

        // The write-only fast path must produce exactly the document the full metadata would.
        var expected = JsonSerializer.Serialize(handoff, HandoffStoreJson.Default.SavedHandoff);
        Assert.That(File.ReadAllText(store.HandoffPath), Is.EqualTo(expected));
        var loaded = store.Load()!;
        Assert.That(loaded with { Tags = handoff.Tags, KnowledgeIds = handoff.KnowledgeIds, AttachmentUrls = handoff.AttachmentUrls, Repos = handoff.Repos },
            Is.EqualTo(handoff));
        Assert.That(loaded.Tags, Is.EqualTo(handoff.Tags));
        Assert.That(loaded.KnowledgeIds, Is.EqualTo(handoff.KnowledgeIds));
        Assert.That(loaded.AttachmentUrls, Is.EqualTo(handoff.AttachmentUrls));
    }

    [Test]
    public void A_failed_write_keeps_the_last_session_and_leaves_no_temp_file()
    {
        var store = new HandoffStore(_gitDir);
        store.RecordSession("devin-first");
        // The handoff's place is taken by a folder: the final rename fails after the temp file was written.
        Directory.CreateDirectory(store.HandoffPath);

        Assert.That(() => store.Save(Sample(null)), Throws.InstanceOf<IOException>().Or.InstanceOf<UnauthorizedAccessException>());

        Assert.That(store.LastSession(), Is.EqualTo("devin-first"));
        Assert.That(Directory.GetFiles(Path.GetDirectoryName(store.HandoffPath)!, "*.tmp-*"), Is.Empty);
    }

    [Test]
    public void A_file_from_before_a_list_field_existed_loads_with_empty_lists()
    {
        var store = new HandoffStore(_gitDir);
        Directory.CreateDirectory(Path.GetDirectoryName(store.HandoffPath)!);
        File.WriteAllText(store.HandoffPath, """{"client_token":"t","prompt":"p","title":"x","saved_at":"2026-11-30T01:02:03+00:00"}""");

        var loaded = store.Load()!;

        Assert.That(loaded.Tags, Is.Not.Null.And.Empty);
        Assert.That(loaded.Repos, Is.Not.Null.And.Empty);
        Assert.That(loaded.AttachmentUrls, Is.Not.Null.And.Empty);
    }
}
