using System.Text;
using Handoff.Core;
using Handoff.Core.Attachments;
using Handoff.Core.Devin;

namespace Handoff.Tests.Attachments;

public class AttachmentDownloaderTests
{
    private string _root = null!;
    private string _dir = null!;

    [SetUp]
    public void MakeDirs()
    {
        _root = Path.Combine(Path.GetTempPath(), "dl-test-" + Guid.NewGuid().ToString("N")[..8]);
        _dir = Path.Combine(_root, "inside", "dir");
    }

    [TearDown]
    public void Clean()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private static SessionAttachment Att(string name, string url = "https://x/y") => new() { Name = name, Url = url };

    private static Task Write(string text, Stream s, CancellationToken ct) => s.WriteAsync(Encoding.UTF8.GetBytes(text), ct).AsTask();

    [Test]
    public async Task An_interrupted_download_leaves_no_file_under_its_final_name_and_no_temp_file()
    {
        var downloader = new AttachmentDownloader(async (url, stream, ct) =>
        {
            await Write("half of the", stream, ct);
            throw new IOException("The response ended prematurely");
        });
        var results = await downloader.DownloadAll([Att("big.bin")], _dir, overwrite: false);
        Assert.That(results.Single().Status, Is.EqualTo(DownloadStatus.Failed));
        Assert.That(results.Single().Reason, Does.Contain("prematurely"));
        Assert.That(File.Exists(Path.Combine(_dir, "big.bin")), Is.False);
        Assert.That(Directory.GetFileSystemEntries(_dir), Is.Empty, "temp file removed");
    }

    [Test]
    public async Task A_failed_overwrite_keeps_the_old_file_intact()
    {
        Directory.CreateDirectory(_dir);
        File.WriteAllText(Path.Combine(_dir, "a.txt"), "old and complete");
        var downloader = new AttachmentDownloader(async (url, stream, ct) =>
        {
            await Write("new but", stream, ct);
            throw new HandoffException("the Devin API failed with HTTP 502", ExitCodes.ApiUnavailable);
        });
        var result = (await downloader.DownloadAll([Att("a.txt")], _dir, overwrite: true)).Single();
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.ApiUnavailable));
        Assert.That(File.ReadAllText(Path.Combine(_dir, "a.txt")), Is.EqualTo("old and complete"));
        Assert.That(Directory.GetFiles(_dir), Has.Length.EqualTo(1));
    }

    [Test]
    public async Task Hostile_names_land_inside_the_folder_with_collisions_suffixed()
    {
        var names = new[] { "../../escape.txt", "/tmp/escape.txt", "ESCAPE.TXT", "..", "" };
        var downloader = new AttachmentDownloader((url, stream, ct) => Write(url, stream, ct));
        var results = await downloader.DownloadAll(names.Select((n, i) => Att(n, $"u{i}")).ToList(), _dir, overwrite: false);

        Assert.That(results.Select(r => r.FileName), Is.EqualTo(new[] { "escape.txt", "escape (2).txt", "ESCAPE (3).TXT", "attachment-4", "attachment-5" }));
        Assert.That(Directory.GetFiles(_root, "*", SearchOption.AllDirectories).Select(Path.GetDirectoryName), Is.All.EqualTo(_dir));
        Assert.That(File.ReadAllText(Path.Combine(_dir, "escape (2).txt")), Is.EqualTo("u1"));
    }

    [Test]
    public async Task Existing_files_are_kept_without_overwrite_and_replaced_with_it()
    {
        Directory.CreateDirectory(_dir);
        File.WriteAllText(Path.Combine(_dir, "a.txt"), "mine");
        var downloader = new AttachmentDownloader((url, stream, ct) => Write("theirs", stream, ct));

        var kept = (await downloader.DownloadAll([Att("a.txt")], _dir, overwrite: false)).Single();
        Assert.That(kept.Status, Is.EqualTo(DownloadStatus.Skipped));
        Assert.That(File.ReadAllText(Path.Combine(_dir, "a.txt")), Is.EqualTo("mine"));

        var replaced = (await downloader.DownloadAll([Att("a.txt")], _dir, overwrite: true)).Single();
        Assert.That(replaced.Status, Is.EqualTo(DownloadStatus.Downloaded));
        Assert.That(replaced.Bytes, Is.EqualTo(6));
        Assert.That(File.ReadAllText(Path.Combine(_dir, "a.txt")), Is.EqualTo("theirs"));
    }

    [Test]
    public void A_name_that_would_leave_the_folder_is_refused()
    {
        Assert.That(() => AttachmentDownloader.InsideOrThrow(_dir, "../x"), Throws.InstanceOf<HandoffException>());
        Assert.That(() => AttachmentDownloader.InsideOrThrow(_dir, "sub/x"), Throws.InstanceOf<HandoffException>());
        Assert.That(AttachmentDownloader.InsideOrThrow(_dir, "x"), Is.EqualTo(Path.Combine(_dir, "x")));
    }

    [Test]
    public async Task A_folder_in_the_way_is_skipped_without_force_and_a_failure_with_it()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "a.txt"));
        var downloader = new AttachmentDownloader((url, stream, ct) => Write("x", stream, ct));

        var kept = (await downloader.DownloadAll([Att("a.txt")], _dir, overwrite: false)).Single();
        Assert.That((kept.Status, kept.Reason), Is.EqualTo((DownloadStatus.Skipped, "exists (use --force to overwrite)")));

        var refused = (await downloader.DownloadAll([Att("a.txt")], _dir, overwrite: true)).Single();
        Assert.That((refused.Status, refused.Reason, refused.ExitCode), Is.EqualTo((DownloadStatus.Failed, "a folder of that name exists", ExitCodes.Error)));
        Assert.That(Directory.Exists(Path.Combine(_dir, "a.txt")), Is.True);
    }

    [Test]
    public async Task Each_result_is_reported_as_it_completes()
    {
        var seen = new List<string>();
        var downloader = new AttachmentDownloader((url, stream, ct) => Write(url, stream, ct));

        await downloader.DownloadAll([Att("a.txt", "1"), Att("b.txt", "2")], _dir, overwrite: false, progress: r => seen.Add(r.FileName));

        Assert.That(seen, Is.EqualTo(new[] { "a.txt", "b.txt" }));
    }
}
