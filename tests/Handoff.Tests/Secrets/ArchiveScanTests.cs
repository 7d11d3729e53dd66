using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using Handoff.Core;
using Handoff.Core.Hooks;
using Handoff.Core.Secrets;
using Handoff.Core.Secrets.Archives;
using Handoff.Tests.Hooks;

namespace Handoff.Tests.Secrets;

/// <summary>Members of zip, tar and gzip archives (nested too) are scanned as files, within bounds; what a bound leaves out is a finding.</summary>
public class ArchiveScanTests
{
    private static readonly Random Random = new(3);

    private static string Token() => SampleTemplate.Expand("ghp_«GH»", Random);

    internal static byte[] Zip(params (string Name, byte[] Data)[] members) => Zip(CompressionLevel.Optimal, members);

    internal static byte[] Zip(CompressionLevel level, params (string Name, byte[] Data)[] members)
    {
        var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, data) in members)
            {
                using var entry = zip.CreateEntry(name, level).Open();
                entry.Write(data);
            }
        }
        return output.ToArray();
    }

    internal static byte[] Tar(params (string Name, byte[] Data)[] members)
    {
        var output = new MemoryStream();
        using (var tar = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var (name, data) in members)
                tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(data) });
        }
        return output.ToArray();
    }

    internal static byte[] Gzip(byte[] data)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(data);
        return output.ToArray();
    }

    internal static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);

    private static (List<Finding> Findings, IReadOnlyList<string> Notices) Scan(byte[] archive, string path, SecretScanConfig? config = null)
    {
        var scanner = new SecretScanner(config ?? SecretScanConfig.Default);
        var findings = scanner.ScanArchive(new MemoryStream(archive), path, "abc").ToList();
        return (findings, scanner.Notices);
    }

    private static IEnumerable<(string Rule, string File, int Line)> Keys(IEnumerable<Finding> findings) => findings.Select(f => (f.RuleId, f.File, f.Line));

    [Test]
    public void A_secret_in_a_zip_member_is_found_with_its_member_path_line_and_a_masked_preview()
    {
        var token = Token();
        var (findings, _) = Scan(Zip(("README.md", Text("# readme\n")), ("conf/app.py", Text($"x = 1\nTOKEN = '{token}'\n"))), "dist/bundle.zip");

        var finding = findings.Single();
        Assert.That((finding.RuleId, finding.File, finding.Line, finding.Commit), Is.EqualTo(("github-pat", "dist/bundle.zip!conf/app.py", 2, "abc")));
        Assert.That(finding.Preview, Does.Not.Contain(token[4..]));
        Assert.That(finding.Fingerprint, Does.StartWith("dist/bundle.zip!conf/app.py:github-pat:"));
    }

    [Test]
    public void Path_rules_apply_to_member_names_and_binary_members_are_checked_by_name_only()
    {
        var binaryWithToken = Text("\0\0" + Token());
        var (findings, _) = Scan(Zip(("pkg/.env", Text("A=1\n")), ("keys/id_rsa", binaryWithToken), ("img.png", binaryWithToken)), "lib.whl");

        Assert.That(Keys(findings), Is.EquivalentTo(new[] { ("path-dotenv", "lib.whl!pkg/.env", 0), ("path-ssh-private-key", "lib.whl!keys/id_rsa", 0) }));
    }

    [TestCase("backup.tar")]
    [TestCase("backup.tar.gz")]
    [TestCase("backup.tgz")]
    public void Tar_and_gzipped_tar_members_are_scanned(string name)
    {
        var token = Token();
        var tar = Tar(("etc/app.ini", Text($"[auth]\ntoken = {token}\n")));
        var (findings, _) = Scan(name.EndsWith(".tar") ? tar : Gzip(tar), name);

        Assert.That(Keys(findings), Is.EqualTo(new[] { ("github-pat", $"{name}!etc/app.ini", 2) }));
    }

    [Test]
    public void A_gzipped_file_is_scanned_as_the_file_it_holds()
    {
        var token = Token();
        var (findings, _) = Scan(Gzip(Text($"one\ntwo\nTOKEN={token}\n")), "logs/run.log.gz");
        var (env, _) = Scan(Gzip(Text("A=1\n")), "backup/.env.gz");

        Assert.That(Keys(findings), Is.EqualTo(new[] { ("github-pat", "logs/run.log.gz", 3) }));
        Assert.That(Keys(env), Is.EqualTo(new[] { ("path-dotenv", "backup/.env.gz", 0) }));
    }

    [Test]
    public void Nested_archives_are_scanned_to_the_depth_bound_and_deeper_ones_are_reported()
    {
        var token = Token();
        var inner = Zip(("secrets.py", Text($"TOKEN = '{token}'\n")));
        var nested = Zip(("vendor/deps.tar.gz", Gzip(Tar(("lib/inner.jar", inner)))));

        var (found, _) = Scan(nested, "app.war");
        var (tooDeep, _) = Scan(nested, "app.war", SecretScanConfig.Default with { Archives = new ArchivePolicy { MaxDepth = 3 } });

        Assert.That(Keys(found), Is.EqualTo(new[] { ("github-pat", "app.war!vendor/deps.tar.gz!lib/inner.jar!secrets.py", 1) }));
        Assert.That(Keys(tooDeep), Is.EqualTo(new[] { (ArchiveScanner.UnscannedRuleId, "app.war!vendor/deps.tar.gz!lib/inner.jar", 0) }));
        Assert.That(tooDeep[0].Preview, Does.Contain("nested more than 3 levels"));
    }

    [Test]
    public void More_members_than_the_bound_is_a_finding_and_the_members_before_it_are_scanned()
    {
        var token = Token();
        var members = Enumerable.Range(0, 5).Select(i => ($"f{i}.txt", Text(i == 1 ? $"t = '{token}'\n" : "x\n"))).ToArray();
        var (findings, _) = Scan(Zip(members), "many.zip", SecretScanConfig.Default with { Archives = new ArchivePolicy { MaxMembers = 3 } });

        Assert.That(Keys(findings), Is.EqualTo(new[] { ("github-pat", "many.zip!f1.txt", 1), (ArchiveScanner.UnscannedRuleId, "many.zip!f3.txt", 0) }));
        Assert.That(findings[1].Preview, Does.Contain("more than 3 members"));
    }

    [Test]
    public void More_bytes_than_the_bound_is_a_finding()
    {
        var big = Text(string.Concat(Enumerable.Range(0, 40_000).Select(i => $"line {i} {Random.Next()}\n")));
        var policy = new ArchivePolicy { MaxBytes = 100_000 };

        var (zip, _) = Scan(Zip(("big.txt", big)), "big.zip", SecretScanConfig.Default with { Archives = policy });
        var (tar, _) = Scan(Tar(("big.txt", big)), "big.tar", SecretScanConfig.Default with { Archives = policy });

        Assert.That(zip.Single().RuleId, Is.EqualTo(ArchiveScanner.UnscannedRuleId));
        Assert.That(zip.Single().Preview, Does.Contain("uncompressed"));
        Assert.That(tar.Single().RuleId, Is.EqualTo(ArchiveScanner.UnscannedRuleId));
    }

    [Test]
    public void A_zip_bomb_stops_at_the_ratio_bound_without_being_inflated()
    {
        var text = new byte[16 << 20]; // 16 MB of one letter (text, so it would be read) deflate to about 16 KB
        text.AsSpan().Fill((byte)'a');
        var bomb = Zip(("a.txt", text));
        var policy = new ArchivePolicy { MaxBytes = 1L << 40 };

        var (findings, _) = Scan(bomb, "bomb.zip", SecretScanConfig.Default with { Archives = policy });
        var (gz, _) = Scan(Gzip(text), "bomb.txt.gz", SecretScanConfig.Default with { Archives = policy });

        Assert.That(bomb, Has.Length.LessThan(1 << 20));
        Assert.That(Keys(findings), Is.EqualTo(new[] { (ArchiveScanner.UnscannedRuleId, "bomb.zip!a.txt", 0) }));
        Assert.That(findings[0].Preview, Does.Contain("expands more than 100 times"));
        Assert.That(gz.Single().Preview, Does.Contain("expands more than 100 times"));
    }

    [Test]
    public void A_corrupt_archive_and_an_encrypted_member_cannot_be_scanned_and_say_so()
    {
        var zip = Zip(CompressionLevel.NoCompression, ("plain.txt", Text("x\n")), ("locked.txt", Text("y\n")));
        SetEncryptedFlag(zip, "locked.txt");
        var corrupt = Zip(("a.txt", Text("hello\n")))[..40];

        var (encrypted, _) = Scan(zip, "locked.zip");
        var (broken, _) = Scan(corrupt, "broken.zip");

        Assert.That(Keys(encrypted), Is.EqualTo(new[] { (ArchiveScanner.UnscannedRuleId, "locked.zip!locked.txt", 0) }));
        Assert.That(encrypted[0].Preview, Does.Contain("encrypted"));
        Assert.That(Keys(broken), Is.EqualTo(new[] { (ArchiveScanner.UnscannedRuleId, "broken.zip", 0) }));
    }

    [Test]
    public void With_over_limit_warn_a_bound_is_a_note_not_a_finding_and_with_scan_off_members_are_not_read()
    {
        var token = Token();
        var zip = Zip(("a.txt", Text($"t = '{token}'\n")), ("b.txt", Text("x\n")));

        var (warned, notices) = Scan(zip, "w.zip", SecretScanConfig.Default with { Archives = new ArchivePolicy { MaxMembers = 1, OverLimit = ArchiveOverLimit.Warn } });
        var (off, _) = Scan(zip, "w.zip", SecretScanConfig.Default with { Archives = new ArchivePolicy { Scan = false } });

        Assert.That(Keys(warned), Is.EqualTo(new[] { ("github-pat", "w.zip!a.txt", 1) }));
        Assert.That(notices.Single(), Does.StartWith("w.zip!b.txt: not fully scanned (more than 1 members)"));
        Assert.That(off, Is.Empty);
    }

    [Test]
    public void An_accepted_unscanned_finding_stays_accepted_for_the_next_version_of_the_archive()
    {
        var policy = new ArchivePolicy { MaxMembers = 1 };
        var first = Scan(Zip(("a.txt", Text("1\n")), ("b.txt", Text("2\n"))), "v.zip", SecretScanConfig.Default with { Archives = policy }).Findings.Single();
        var config = SecretScanConfig.Default with { Archives = policy, IgnoredFingerprints = new HashSet<string> { first.Fingerprint } };

        Assert.That(Scan(Zip(("a.txt", Text("1\n")), ("b.txt", Text("3\n"))), "v.zip", config).Findings, Is.Empty);
    }

    [Test]
    public void The_archive_settings_are_read_from_the_config_and_checked()
    {
        var config = FileSecretConfigLoader.Parse("""{ "archives": { "maxMembers": 50, "maxDepth": 2, "overLimit": "warn" } }""");
        Assert.That(config.Archives, Is.EqualTo(ArchivePolicy.Default with { MaxMembers = 50, MaxDepth = 2, OverLimit = ArchiveOverLimit.Warn }));
        Assert.That(FileSecretConfigLoader.Parse("{}").Archives, Is.EqualTo(ArchivePolicy.Default));

        var bad = Assert.Throws<HandoffException>(() => FileSecretConfigLoader.Parse("""{ "archives": { "overLimit": "ignore" } }"""));
        Assert.That(bad!.ExitCode, Is.EqualTo(ExitCodes.AuthOrConfig));
        Assert.Throws<HandoffException>(() => FileSecretConfigLoader.Parse("""{ "archives": { "maxBytes": 0 } }"""));
    }

    [Test]
    public void Scan_paths_scans_archives_among_the_files()
    {
        var root = Directory.CreateTempSubdirectory("handoff-archives-").FullName;
        try
        {
            var token = Token();
            Directory.CreateDirectory(Path.Combine(root, "dist"));
            File.WriteAllBytes(Path.Combine(root, "dist", "site.tgz"), Gzip(Tar(("config.js", Text($"const t = '{token}';\n")))));
            File.WriteAllBytes(Path.Combine(root, "dist", "renamed.bin"), Zip(("a.py", Text($"T = '{token}'\n"))));

            var findings = new SecretScanner(root).ScanFiles(["dist"], root);

            Assert.That(Keys(findings), Is.EquivalentTo(new[] { ("github-pat", "dist/renamed.bin!a.py", 1), ("github-pat", "dist/site.tgz!config.js", 1) }));
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }

    [Test]
    public async Task Archives_a_diff_adds_are_read_from_git_and_scanned_once_for_the_first_commit_that_has_them()
    {
        var token = Token();
        var blob = new string('b', 40);
        string Commit(char c) => $"commit {new string(c, 40)}\n\ndiff --git a/lib/x.jar b/lib/x.jar\nindex {new string('0', 40)}..{blob} 100644\nBinary files /dev/null and b/lib/x.jar differ\n";
        var jar = Zip(("META-INF/app.properties", Text($"token={token}\n")));
        var git = new FakeGit()
            .On(a => a.Contains("log"), 0, Commit('1') + Commit('2'))
            .On(a => a[0] == "cat-file", 0, Encoding.Latin1.GetString(jar));

        var findings = await new GitDiffScan(git, new SecretScanner(SecretScanConfig.Default), "/repo").Commits([new string('1', 40), new string('2', 40)]);

        Assert.That(git.Calls.Where(c => c.Arguments[0] == "cat-file").Select(c => string.Join(' ', c.Arguments)), Is.EqualTo(new[] { $"cat-file blob {blob}" }));
        Assert.That(findings.Select(f => (f.RuleId, f.File, f.Line, f.Commit)), Is.EqualTo(new[] { ("github-pat", "lib/x.jar!META-INF/app.properties", 1, new string('1', 40)) }));
    }

    /// <summary>Sets the "encrypted" bit of a member in its local header and its central directory entry (no .NET API writes one).</summary>
    internal static void SetEncryptedFlag(byte[] zip, string name)
    {
        var nameBytes = Encoding.ASCII.GetBytes(name);
        for (var i = 0; i + 46 < zip.Length; i++)
        {
            if (zip[i] != 'P' || zip[i + 1] != 'K') continue;
            if (zip[i + 2] == 3 && zip[i + 3] == 4 && zip.AsSpan(i + 30, nameBytes.Length).SequenceEqual(nameBytes)) zip[i + 6] |= 1;
            if (zip[i + 2] == 1 && zip[i + 3] == 2 && zip.AsSpan(i + 46, nameBytes.Length).SequenceEqual(nameBytes)) zip[i + 8] |= 1;
        }
    }
}
