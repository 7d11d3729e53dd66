using Handoff.Core.Secrets;
using static Handoff.Tests.Secrets.DiffStream.DiffScan;

namespace Handoff.Tests.Secrets.DiffStream;

/// <summary>
/// An archive a diff adds or changes (zip, jar, tar, gz…) is handed over by its full new blob id, for its members to be
/// scanned from git; an allowlisted one, or one whose blob id is abbreviated, is not.
/// </summary>
public class DiffArchiveHandOffTests
{
    private const string Blob = "0123456789abcdef0123456789abcdef01234567";

    private static string Archive(string path, string newBlob, bool gitBinaryPatch) =>
        $"diff --git a/{path} b/{path}\nnew file mode 100644\nindex 0000000000000000000000000000000000000000..{newBlob}\n"
        + (gitBinaryPatch ? "GIT binary patch\nliteral 22\nPcmZQzWXed*$;k%*20{WD\n\nliteral 0\nHcmV?d00001\n\n" : $"Binary files /dev/null and b/{path} differ\n");

    private static List<ArchiveBlob> HandedOver(string diff, SecretScanConfig? config = null)
    {
        var archives = new List<ArchiveBlob>();
        Scan(diff, config, archives.Add);
        return archives;
    }

    [Test]
    public void An_archive_is_handed_over_with_its_blob_and_commit_whichever_way_git_shows_the_binary()
    {
        foreach (var binaryPatch in new[] { false, true })
        {
            var diff = $"commit {ShaA}\n\n    add\n\n" + Archive("lib/a.zip", Blob, binaryPatch);

            Assert.That(HandedOver(diff), Is.EqualTo(new[] { new ArchiveBlob("lib/a.zip", Blob, ShaA) }), binaryPatch ? "GIT binary patch" : "Binary files differ");
        }
    }

    [Test]
    public void An_allowlisted_archive_is_not_handed_over()
    {
        var diff = Archive("vendor/a.zip", Blob, gitBinaryPatch: false);

        Assert.That(HandedOver(diff, new SecretScanConfig { AllowPaths = ["^vendor/"] }), Is.Empty);
    }

    [Test]
    public void An_archive_without_a_full_blob_id_or_a_binary_that_is_no_archive_is_not_handed_over()
    {
        var diff = Archive("lib/a.zip", "1234567", gitBinaryPatch: false) + Archive("img/logo.png", Blob, gitBinaryPatch: true);

        Assert.That(HandedOver(diff), Is.Empty);
    }

    [Test]
    public void Archives_in_a_scan_that_takes_no_archives_are_skipped_without_error()
    {
        var diff = Archive("lib/a.zip", Blob, gitBinaryPatch: false) + Archive("lib/b.jar", "1234567", gitBinaryPatch: true);

        Assert.That(Scan(diff), Is.Empty);
    }
}
