using Handoff.Core.Secrets.Archives;

namespace Handoff.Tests.Secrets;

/// <summary>Which changed files are fetched as archives, by name, and what a gzip holds.</summary>
public class ArchiveFormatTests
{
    // Formats that are zip files: Java (jar, war, ear), Android (aar, apk), iOS (ipa), Python (whl, egg), NuGet (nupkg,
    // snupkg), VS Code (vsix), Firefox (xpi), Office Open XML and OpenDocument.
    [TestCase("a.zip")]
    [TestCase("lib/app.jar")]
    [TestCase("app.war")]
    [TestCase("app.ear")]
    [TestCase("lib.aar")]
    [TestCase("app.apk")]
    [TestCase("App.ipa")]
    [TestCase("dist/pkg-1.0-py3-none-any.whl")]
    [TestCase("pkg.egg")]
    [TestCase("Pkg.1.0.0.nupkg")]
    [TestCase("Pkg.1.0.0.snupkg")]
    [TestCase("ext.vsix")]
    [TestCase("addon.xpi")]
    [TestCase("report.docx")]
    [TestCase("sheet.xlsx")]
    [TestCase("slides.pptx")]
    [TestCase("text.odt")]
    [TestCase("sheet.ods")]
    [TestCase("slides.odp")]
    [TestCase("SHOUTING.ZIP")]
    public void Zip_based_formats_are_zips(string path) => Assert.That(ArchiveFormat.FromName(path), Is.EqualTo(ArchiveKind.Zip));

    [TestCase("backup.tar", "Tar")]
    [TestCase("backup.TAR", "Tar")]
    [TestCase("backup.tar.gz", "Gzip")]
    [TestCase("backup.tgz", "Gzip")]
    [TestCase("backup.taz", "Gzip")]
    [TestCase("notes.txt.GZ", "Gzip")]
    public void Tar_and_gzip_are_known_by_their_extensions(string path, string kind) => Assert.That(ArchiveFormat.FromName(path).ToString(), Is.EqualTo(kind));

    [TestCase("zip")]
    [TestCase("src/zip.cs")]
    [TestCase("a.zip/readme.md")]
    [TestCase("notes.gzip")]
    [TestCase("image.png")]
    public void Other_names_are_not_archives(string path) => Assert.That(ArchiveFormat.FromName(path), Is.Null);

    [TestCase("a.tar.gz", "a.tar")]
    [TestCase("a.tgz", "a.tar")]
    [TestCase("a.TAZ", "a.tar")]
    [TestCase("notes.txt.gz", "notes.txt")]
    [TestCase("plain", "plain")]
    public void A_gzip_holds_its_name_without_gz(string name, string inner) => Assert.That(ArchiveFormat.GzipContentName(name), Is.EqualTo(inner));
}
