using Handoff.Core;
using Handoff.Core.Hooks;
using Handoff.Core.Secrets;

namespace Handoff.Tests.Hooks;

public class GitArchiveScanTests
{
    private static readonly string BlobA = new('a', 40), BlobB = new('b', 40);

    [Test]
    public async Task Each_blob_is_read_once_and_a_second_scan_reads_nothing_again()
    {
        var git = new FakeGit().On(a => a[0] == "cat-file", 0, "not an archive");
        var scan = new GitArchiveScan(git, new SecretScanner(SecretScanConfig.Default), "/repo");
        scan.Add(new ArchiveBlob("a.zip", BlobA, "c1"));
        scan.Add(new ArchiveBlob("copy.zip", BlobA, "c2"));
        scan.Add(new ArchiveBlob("b.jar", BlobB, "c2"));

        await scan.Scan();
        Assert.That(git.Calls.Select(c => c.Arguments), Is.EqualTo(new[] { new[] { "cat-file", "blob", BlobA }, new[] { "cat-file", "blob", BlobB } }));
        await scan.Scan();
        Assert.That(git.Calls, Has.Count.EqualTo(2), "the blobs of the first scan are not read again");
    }

    [Test]
    public void A_blob_git_cannot_read_is_an_error_naming_the_file()
    {
        var git = new FakeGit().On(_ => true, 128, stderr: "fatal: Not a valid object name\n");
        var scan = new GitArchiveScan(git, new SecretScanner(SecretScanConfig.Default), "/repo");
        scan.Add(new ArchiveBlob("lib/a.zip", BlobA, "c1"));

        var e = Assert.ThrowsAsync<HandoffException>(() => scan.Scan());
        Assert.That(e!.Message, Is.EqualTo("git cat-file failed for lib/a.zip: fatal: Not a valid object name"));
        Assert.That(e.ExitCode, Is.EqualTo(ExitCodes.Error));
    }
}
