using Handoff.Core;
using Handoff.Core.Attachments;
using Handoff.Core.Devin;
using Moq;

namespace Handoff.Tests.Attachments;

/// <summary>`upload` and `create --attach` check every file before anything is sent.</summary>
public class AttachmentUploaderTests
{
    private string _dir = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = Path.Combine(Path.GetTempPath(), "dh-upload-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Path.Combine(_dir, "sub"));
        File.WriteAllText(Path.Combine(_dir, "a.txt"), "alpha");
        File.WriteAllText(Path.Combine(_dir, "sub", "b.log"), "bravo!");
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, true);

    [Test]
    public void Files_are_resolved_against_the_working_folder_in_the_order_given()
    {
        var paths = AttachmentUploader.CheckFiles(["sub/b.log", "a.txt"], _dir);
        Assert.That(paths, Is.EqualTo(new[] { Path.Combine(_dir, "sub", "b.log"), Path.Combine(_dir, "a.txt") }));
    }

    [Test]
    public void No_file_at_all_is_a_usage_error()
    {
        var e = Assert.Throws<HandoffException>(() => AttachmentUploader.CheckFiles([], _dir));
        Assert.That((e!.Message, e.ExitCode), Is.EqualTo(("name at least one file to upload", ExitCodes.Usage)));
    }

    [Test]
    public void A_folder_or_a_missing_file_is_a_usage_error_naming_it_even_after_good_files()
    {
        var e = Assert.Throws<HandoffException>(() => AttachmentUploader.CheckFiles(["a.txt", "sub"], _dir));
        Assert.That((e!.Message, e.ExitCode), Is.EqualTo(("sub is a folder; attach files", ExitCodes.Usage)));

        e = Assert.Throws<HandoffException>(() => AttachmentUploader.CheckFiles(["a.txt", "nope.txt"], _dir));
        Assert.That((e!.Message, e.ExitCode), Is.EqualTo(("no such file: nope.txt", ExitCodes.Usage)));
    }

    [Test]
    public void Without_attach_nothing_is_checked()
    {
        Assert.That(AttachmentUploader.CheckFilesOrNone(null, _dir), Is.Empty);
        Assert.That(AttachmentUploader.CheckFilesOrNone([], _dir), Is.Empty);
        Assert.That(AttachmentUploader.CheckFilesOrNone(["a.txt"], _dir), Is.EqualTo(new[] { Path.Combine(_dir, "a.txt") }));
        Assert.Throws<HandoffException>(() => AttachmentUploader.CheckFilesOrNone(["nope.txt"], _dir));
    }

    [Test]
    public async Task Each_file_is_uploaded_under_its_own_name_with_its_content()
    {
        var sent = new List<(string Name, string Content)>();
        var attachments = new Mock<IAttachmentsClient>(MockBehavior.Strict);
        attachments.Setup(a => a.Upload(It.IsAny<string>(), It.IsAny<Func<Stream>>(), It.IsAny<CancellationToken>()))
            .Returns<string, Func<Stream>, CancellationToken>((name, open, _) =>
            {
                using var reader = new StreamReader(open());
                sent.Add((name, reader.ReadToEnd()));
                return Task.FromResult(new UploadedAttachment { AttachmentId = "att-" + sent.Count, Name = name, Url = "https://x/" + name });
            });
        var client = new Mock<IDevinClient>(MockBehavior.Strict);
        client.SetupGet(c => c.Attachments).Returns(attachments.Object);
        var paths = new[] { Path.Combine(_dir, "a.txt"), Path.Combine(_dir, "sub", "b.log") };

        var uploaded = await AttachmentUploader.UploadAll(client.Object, paths, CancellationToken.None);

        Assert.That(sent, Is.EqualTo(new[] { ("a.txt", "alpha"), ("b.log", "bravo!") }));
        Assert.That(uploaded.Select(u => (u.Path, u.Attachment.AttachmentId)), Is.EqualTo(new[] { (paths[0], "att-1"), (paths[1], "att-2") }));
    }
}
