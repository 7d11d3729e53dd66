using System.Formats.Tar;
using System.IO.Compression;
using Handoff.Core.Secrets;
using Handoff.Core.Secrets.Archives;
using static Handoff.Tests.Secrets.ArchiveScanTests;

namespace Handoff.Tests.Secrets;

/// <summary>
/// Which members of an archive are read and how: archives that come through a pipe (a git blob), folders and links
/// (not members), members the config allows, and state that must not leak from one member into the next.
/// </summary>
public class ArchiveMemberTests
{
    private static readonly Random Random = new(15);

    private static string Token() => SampleTemplate.Expand("ghp_«GH»", Random);

    private static List<Finding> Scan(Stream archive, string path, ArchivePolicy? policy = null, IReadOnlyList<string>? allowPaths = null) =>
        new SecretScanner(SecretScanConfig.Default with { Archives = policy ?? ArchivePolicy.Default, AllowPaths = allowPaths ?? [] })
            .ScanArchive(archive, path, "abc").ToList();

    private static IEnumerable<(string Rule, string File, int Line)> Keys(IEnumerable<Finding> findings) => findings.Select(f => (f.RuleId, f.File, f.Line));

    [Test]
    public void A_zip_from_a_pipe_is_buffered_and_scanned()
    {
        var token = Token();
        var zip = Zip(("a.txt", Text("x\n")), ("conf/app.py", Text($"T = '{token}'\n")));

        var findings = Scan(new ArchiveBoundsTests.TrickleStream(zip, 1000), "p.zip");

        Assert.That(Keys(findings), Is.EqualTo(new[] { ("github-pat", "p.zip!conf/app.py", 1) }));
    }

    [Test]
    public void A_zip_from_a_pipe_too_big_for_memory_is_buffered_in_a_file_and_scanned_whole()
    {
        var token = Token();
        var noise = new byte[17 << 20]; // past the 16 MB kept in memory; random, so binary and not compressible
        new Random(1).NextBytes(noise);
        var zip = Zip(CompressionLevel.NoCompression, ("blob.bin", noise), ("app.py", Text($"T = '{token}'\n")));

        var findings = Scan(new ArchiveBoundsTests.TrickleStream(zip, 1 << 16), "big.zip");

        Assert.That(Keys(findings), Is.EqualTo(new[] { ("github-pat", "big.zip!app.py", 1) }));
    }

    [Test]
    public void A_zip_from_a_pipe_may_be_as_big_as_the_byte_bound_and_not_one_byte_bigger()
    {
        var token = Token();
        var zip = Zip(CompressionLevel.NoCompression, ("app.py", Text($"T = '{token}'\n")));

        var fits = Scan(new ArchiveBoundsTests.TrickleStream(zip, 100), "p.zip", new ArchivePolicy { MaxBytes = zip.Length });
        var over = Scan(new ArchiveBoundsTests.TrickleStream(zip, 100), "p.zip", new ArchivePolicy { MaxBytes = zip.Length - 1 });

        Assert.That(Keys(fits), Is.EqualTo(new[] { ("github-pat", "p.zip!app.py", 1) }));
        Assert.That(Keys(over), Is.EqualTo(new[] { (ArchiveScanner.UnscannedRuleId, "p.zip", 0) }));
        Assert.That(over[0].Preview, Is.EqualTo("(archive not fully scanned: more than 0 MB)"));
    }

    [Test]
    public void A_gzipped_tar_from_a_pipe_is_scanned()
    {
        var token = Token();
        var tgz = Gzip(Tar(("site/config.js", Text($"const t = '{token}';\n"))));

        var findings = Scan(new ArchiveBoundsTests.TrickleStream(tgz, 5), "site.tgz");

        Assert.That(Keys(findings), Is.EqualTo(new[] { ("github-pat", "site.tgz!site/config.js", 1) }));
    }

    [Test]
    public void Folders_and_links_are_not_members()
    {
        var token = Token();
        var zip = Zip(("dir/", []), ("dir/sub/", []), ("dir/a.py", Text($"T = '{token}'\n")));
        var output = new MemoryStream();
        using (var writer = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true))
        {
            writer.WriteEntry(new PaxTarEntry(TarEntryType.Directory, "dir/"));
            writer.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, "dir/link") { LinkName = "a.py" });
            writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "dir/a.py") { DataStream = new MemoryStream(Text($"T = '{token}'\n")) });
        }
        var oneMember = new ArchivePolicy { MaxMembers = 1 };

        Assert.That(Keys(Scan(new MemoryStream(zip), "f.zip", oneMember)), Is.EqualTo(new[] { ("github-pat", "f.zip!dir/a.py", 1) }));
        Assert.That(Keys(Scan(new MemoryStream(output.ToArray()), "f.tar", oneMember)), Is.EqualTo(new[] { ("github-pat", "f.tar!dir/a.py", 1) }));
    }

    [Test]
    public void A_contiguous_file_in_a_tar_is_a_member()
    {
        var token = Token();
        var output = new MemoryStream();
        using (var writer = new TarWriter(output, TarEntryFormat.Ustar, leaveOpen: true))
            writer.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, "c.py") { DataStream = new MemoryStream(Text($"T = '{token}'\n")) });
        var tar = output.ToArray();
        // .NET writes no contiguous file ('7', a regular file to every reader): turn the first header's type into one.
        Assert.That(tar.AsSpan(257, 5).SequenceEqual("ustar"u8) && tar[156] == '0' ? "ustar file" : "other", Is.EqualTo("ustar file"));
        tar[156] = (byte)'7';
        tar.AsSpan(148, 8).Fill((byte)' ');
        var sum = tar.AsSpan(0, 512).ToArray().Sum(b => b);
        System.Text.Encoding.ASCII.GetBytes(Convert.ToString(sum, 8).PadLeft(6, '0') + "\0 ").CopyTo(tar, 148);

        Assert.That(Keys(Scan(new MemoryStream(tar), "c.tar")), Is.EqualTo(new[] { ("github-pat", "c.tar!c.py", 1) }));
    }

    [Test]
    public void A_member_whose_path_the_config_allows_is_not_scanned_but_its_neighbours_are()
    {
        var token = Token();
        var zip = Zip(("fixtures/key.py", Text($"T = '{token}'\n")), ("src/key.py", Text($"T = '{token}'\n")));

        var findings = Scan(new MemoryStream(zip), "a.zip", allowPaths: [@"^a\.zip!fixtures/"]);

        Assert.That(Keys(findings), Is.EqualTo(new[] { ("github-pat", "a.zip!src/key.py", 1) }));
    }

    [Test]
    public void A_private_key_left_open_at_the_end_of_a_member_does_not_swallow_the_next_member()
    {
        var token = Token();
        var zip = Zip(("a.txt", Text("-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA0Z3VS5JJcds3xfn/ygWyF8PbnGy0AHB7MhgHcTz6sE2I2yPB\n")),
            ("b.py", Text($"T = '{token}'\n")));

        var findings = Scan(new MemoryStream(zip), "k.zip");

        Assert.That(Keys(findings), Does.Contain(("github-pat", "k.zip!b.py", 1)));
    }

    [Test]
    public void A_gzip_member_is_named_after_what_it_holds_when_it_sits_at_the_top_of_an_archive()
    {
        var zip = Zip((".htpasswd.gz", Gzip(Text("admin:$apr1$x$y\n"))));

        Assert.That(Keys(Scan(new MemoryStream(zip), "x.zip")), Is.EqualTo(new[] { ("path-htpasswd", "x.zip!.htpasswd.gz", 0) }));
    }

    [Test]
    public void A_member_with_a_compression_method_nobody_reads_is_unscanned_and_the_rest_is_scanned()
    {
        var token = Token();
        var zip = Zip(CompressionLevel.NoCompression, ("odd.txt", Text("x\n")), ("b.py", Text($"T = '{token}'\n")));
        SetCompressionMethod(zip, "odd.txt", 99);

        var findings = Scan(new MemoryStream(zip), "u.zip");

        Assert.That(Keys(findings), Is.EqualTo(new[] { (ArchiveScanner.UnscannedRuleId, "u.zip!odd.txt", 0), ("github-pat", "u.zip!b.py", 1) }));
        Assert.That(findings[0].Preview, Does.StartWith("(archive not fully scanned: cannot be read: "));
    }

    [Test]
    public void An_unscanned_finding_is_high_confidence_on_the_whole_member_of_its_commit()
    {
        var finding = Scan(new MemoryStream(Zip(("a.txt", Text("1\n")), ("b.txt", Text("2\n")))), "m.zip", new ArchivePolicy { MaxMembers = 1 }).Single();

        Assert.That((finding.RuleId, finding.File, finding.Line, finding.Commit, finding.Confidence),
            Is.EqualTo((ArchiveScanner.UnscannedRuleId, "m.zip!b.txt", 0, "abc", FindingConfidence.High)));
        Assert.That(finding.Preview, Is.EqualTo("(archive not fully scanned: more than 1 members)"));
    }

    [Test]
    public void With_over_limit_warn_the_note_names_the_member_the_reason_and_the_setting()
    {
        var scanner = new SecretScanner(SecretScanConfig.Default with { Archives = new ArchivePolicy { MaxDepth = 1, OverLimit = ArchiveOverLimit.Warn } });

        var findings = scanner.ScanArchive(new MemoryStream(Zip(("in.zip", Zip(("a.txt", Text("x\n")))))), "out.zip");

        Assert.That(findings, Is.Empty);
        Assert.That(scanner.Notices, Is.EqualTo(new[]
        {
            "out.zip!in.zip: not fully scanned (an archive nested more than 1 levels deep); allowed by \"archives\": {\"overLimit\": \"warn\"}",
        }));
    }

    /// <summary>Sets the compression method of a member in its local header and its central directory entry.</summary>
    private static void SetCompressionMethod(byte[] zip, string name, byte method)
    {
        var nameBytes = System.Text.Encoding.ASCII.GetBytes(name);
        for (var i = 0; i + 46 < zip.Length; i++)
        {
            if (zip[i] != 'P' || zip[i + 1] != 'K') continue;
            if (zip[i + 2] == 3 && zip[i + 3] == 4 && zip.AsSpan(i + 30, nameBytes.Length).SequenceEqual(nameBytes)) zip[i + 8] = method;
            if (zip[i + 2] == 1 && zip[i + 3] == 2 && zip.AsSpan(i + 46, nameBytes.Length).SequenceEqual(nameBytes)) zip[i + 10] = method;
        }
    }
}

/// <summary>What an archive finding says and keeps: the bound in its fingerprint (so an accepted one outlives the archive's next version), the caller's stream, a line that cannot be scanned.</summary>
public class ArchiveFindingDetailTests
{
    private static readonly Random Random = new(16);

    private static List<Finding> Scan(byte[] archive, string path, ArchivePolicy? policy = null) =>
        new SecretScanner(SecretScanConfig.Default with { Archives = policy ?? ArchivePolicy.Default }).ScanArchive(new MemoryStream(archive), path, "abc").ToList();

    private static string Expected(string display, string bound) => Fingerprint.Of(display, ArchiveScanner.UnscannedRuleId, bound);

    [Test]
    public void Each_unscanned_finding_names_its_bound_in_its_fingerprint()
    {
        var plain = Zip(CompressionLevel.NoCompression, ("locked.txt", Text("y\n")), ("odd.txt", Text("x\n")));
        SetEncryptedFlag(plain, "locked.txt");
        var odd = Zip(CompressionLevel.NoCompression, ("odd.txt", Text("x\n")));
        odd[8] = 99; // the local header's compression method
        for (var i = 0; i + 46 < odd.Length; i++) if (odd[i] == 'P' && odd[i + 1] == 'K' && odd[i + 2] == 1 && odd[i + 3] == 2) odd[i + 10] = 99;
        var nested = Zip(("in.zip", Zip(("a.txt", Text("x\n")))));
        var corrupt = Zip(("a.txt", Text("hello\n")))[..40];

        Assert.That(Scan(plain, "p.zip")[0].Fingerprint, Is.EqualTo(Expected("p.zip!locked.txt", "encrypted")));
        Assert.That(Scan(odd, "o.zip").Single().Fingerprint, Is.EqualTo(Expected("o.zip!odd.txt", "unreadable")));
        Assert.That(Scan(nested, "n.zip", new ArchivePolicy { MaxDepth = 1 }).Single().Fingerprint, Is.EqualTo(Expected("n.zip!in.zip", "depth")));
        var broken = Scan(corrupt, "c.zip").Single();
        Assert.That(broken.Fingerprint, Is.EqualTo(Expected("c.zip", "unreadable")));
        Assert.That(broken.Preview, Does.StartWith("(archive not fully scanned: cannot be read: "));
        var pipe = new SecretScanner(SecretScanConfig.Default with { Archives = new ArchivePolicy { MaxBytes = 10 } })
            .ScanArchive(new ArchiveBoundsTests.TrickleStream(nested, 100), "big.zip").Single();
        Assert.That(pipe.Fingerprint, Is.EqualTo(Expected("big.zip", "bytes")));
    }

    [Test]
    public void An_encrypted_member_is_reported_and_never_read()
    {
        var token = SampleTemplate.Expand("ghp_«GH»", Random);
        var zip = Zip(CompressionLevel.NoCompression, ("locked.py", Text($"T = '{token}'\n")));
        SetEncryptedFlag(zip, "locked.py"); // the flag only: the bytes would still read as text

        Assert.That(Scan(zip, "l.zip").Select(f => f.RuleId), Is.EqualTo(new[] { ArchiveScanner.UnscannedRuleId }));
    }

    [Test]
    public void Tar_members_count_towards_the_member_bound_and_an_empty_file_holds_nothing_to_read()
    {
        var token = SampleTemplate.Expand("ghp_«GH»", Random);
        var tar = Tar(("empty.txt", []), ("a.py", Text($"T = '{token}'\n")));

        Assert.That(Scan(tar, "t.tar").Select(f => (f.RuleId, f.File)), Is.EqualTo(new[] { ("github-pat", "t.tar!a.py") }));
        Assert.That(Scan(Tar(("b.txt", Text("x\n")), ("a.py", Text($"T = '{token}'\n"))), "t.tar", new ArchivePolicy { MaxMembers = 1 }).Select(f => (f.RuleId, f.File)),
            Is.EqualTo(new[] { (ArchiveScanner.UnscannedRuleId, "t.tar!a.py") }));
    }

    [Test]
    public void The_callers_stream_is_left_open()
    {
        foreach (var (archive, name) in new[] { (Zip(("a.txt", Text("x\n"))), "a.zip"), (Tar(("a.txt", Text("x\n"))), "a.tar"), (Gzip(Text("x\n")), "a.txt.gz") })
        {
            var content = new MemoryStream(archive);
            new SecretScanner(SecretScanConfig.Default).ScanArchive(content, name);
            Assert.That(content.CanRead, Is.True, name);
        }
    }

    [Test]
    public void A_member_line_that_cannot_be_scanned_in_time_is_a_scan_error()
    {
        // A rule that backtracks catastrophically on a run of x's: the real 2 s regex timeout.
        var config = SecretScanConfig.Default with
        {
            ExtraRules = [new SecretRule { Id = "evil", Description = "catastrophic backtracking", Regex = "(x+x+)+y", Keywords = ["xxx"] }],
        };
        var zip = Zip(("notes.txt", Text("fine\n" + new string('x', 5000) + "\n")));

        var finding = new SecretScanner(config).ScanArchive(new MemoryStream(zip), "s.zip", "abc").Single();

        Assert.That((finding.RuleId, finding.File, finding.Line, finding.Fingerprint, finding.Preview, finding.Commit),
            Is.EqualTo((SecretScanner.ScanErrorRuleId, "s.zip!notes.txt", 2, "s.zip!notes.txt:scan-error:2", "(line could not be scanned)", "abc")));
    }
}
