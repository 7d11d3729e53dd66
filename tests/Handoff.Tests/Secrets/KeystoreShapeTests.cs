using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Handoff.Core.Secrets;

namespace Handoff.Tests.Secrets;

/// <summary>
/// A file named like a keystore is withheld when its bytes can be one that exposes a key, not when they are random, cut
/// off or empty, nor when it is a PKCS#12 that needs a password of its own. The PKCS#12 files are made by .NET's own
/// exporter, not by the code under test.
/// </summary>
public class KeystoreShapeTests
{
    private static byte[] Pfx(int bodyLength)
    {
        // SEQUENCE (long form length) { INTEGER 3, then filler standing for the ContentInfo and MacData }
        var body = new byte[bodyLength];
        body[0] = 0x02; body[1] = 0x01; body[2] = 0x03;
        new Random(3).NextBytes(body.AsSpan(3));
        return [0x30, 0x82, (byte)(bodyLength >> 8), (byte)bodyLength, .. body];
    }

    private static IReadOnlyList<Finding> Scan(string name, byte[] content)
    {
        var root = Directory.CreateTempSubdirectory("keystore-").FullName;
        try
        {
            File.WriteAllBytes(Path.Combine(root, name), content);
            return new SecretScanner(SecretScanConfig.Default).ScanFiles([name], root);
        }
        finally { Directory.Delete(root, true); }
    }

    [Test]
    public void A_pkcs12_structure_is_withheld()
    {
        Assert.That(Scan("client.p12", Pfx(1200)).Select(f => f.RuleId), Does.Contain("path-keystore"));
        Assert.That(Scan("client.pfx", Pfx(300)).Select(f => f.RuleId), Does.Contain("path-keystore"));
    }

    [Test]
    public void Java_keystores_are_withheld()
    {
        Assert.That(Scan("app.jks", [0xFE, 0xED, 0xFE, 0xED, 0, 0, 0, 2, 1, 2, 3]).Select(f => f.RuleId), Does.Contain("path-keystore"));
        Assert.That(Scan("app.jceks", [0xCE, 0xCE, 0xCE, 0xCE, 0, 0, 0, 2, 1, 2, 3]).Select(f => f.RuleId), Does.Contain("path-keystore"));
    }

    [Test]
    public void Random_or_cut_off_bytes_named_like_a_keystore_are_not()
    {
        var random = new byte[100];
        new Random(5).NextBytes(random);
        random[0] = 0x26;
        Assert.That(Scan("random.p12", random).Select(f => f.RuleId), Does.Not.Contain("path-keystore"));
        Assert.That(Scan("cut.p12", Pfx(1200)[..200]).Select(f => f.RuleId), Does.Not.Contain("path-keystore"));
    }

    private static X509Certificate2 CertificateWithKey()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=keystore-test", key, HashAlgorithmName.SHA256);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
    }

    [TestCase(null)]
    [TestCase("notasecret")] // what Google service-account keys ship with
    [TestCase("changeit")]   // keytool's suggestion
    [TestCase("")]
    [TestCase("changeme")]
    [TestCase("password")]
    [TestCase("secret")]
    [TestCase("test")]
    public void A_pkcs12_whose_key_opens_with_no_or_a_default_password_is_withheld(string? password)
    {
        using var certificate = CertificateWithKey();
        var findings = Scan("service-account.p12", certificate.Export(X509ContentType.Pkcs12, password));
        Assert.That(findings.Select(f => f.RuleId), Does.Contain("path-keystore"));
    }

    [Test]
    public void A_pkcs12_that_needs_its_own_password_is_not_a_secret_in_clear()
    {
        using var certificate = CertificateWithKey();
        var findings = Scan("server.pfx", certificate.Export(X509ContentType.Pkcs12, "Wq7-vLz2!pR9x"));
        Assert.That(findings.Select(f => f.RuleId), Does.Not.Contain("path-keystore"));
    }

    [Test]
    public void A_pkcs12_with_certificates_only_holds_nothing_secret()
    {
        using var withKey = CertificateWithKey();
        using var publicOnly = X509CertificateLoader.LoadCertificate(withKey.Export(X509ContentType.Cert));
        var findings = Scan("ca-bundle.p12", publicOnly.Export(X509ContentType.Pkcs12, "notasecret"));
        Assert.That(findings.Select(f => f.RuleId), Does.Not.Contain("path-keystore"));
    }

    [Test]
    public void A_pkcs12_too_costly_to_open_is_withheld_unopened()
    {
        // Two million MAC iterations: far above what tools write; trying passwords would stall the scan, so it fails closed.
        using var certificate = CertificateWithKey();
        var costly = certificate.ExportPkcs12(new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 2_000_000), "Wq7-vLz2!pR9x");
        Assert.That(Scan("costly.p12", costly).Select(f => f.RuleId), Does.Contain("path-keystore"));
    }

    [Test]
    public void A_keystore_written_out_as_text_is_withheld()
    {
        // A base64 or PEM dump of a keystore: it cannot be opened here, so it counts as one (tabs and CRLF are still text).
        Assert.That(Scan("store.p12", System.Text.Encoding.ASCII.GetBytes("MIIK\tPAIBAzCCCmYGCSqGSIb3\r\nDQEHAaCCClcEggpTMIIKTzCCBe8G\n")).Select(f => f.RuleId),
            Does.Contain("path-keystore"));
    }

    [Test]
    public void An_empty_file_named_like_a_keystore_holds_no_secret() =>
        Assert.That(Scan("empty.p12", []).Select(f => f.RuleId), Does.Not.Contain("path-keystore"));

    [Test]
    public void A_damaged_pkcs12_never_breaks_the_scan()
    {
        // No MAC (openssl -nomac), so every damaged copy is read past its frame, into its bags.
        using var certificate = CertificateWithKey();
        var contents = new System.Security.Cryptography.Pkcs.Pkcs12SafeContents();
        contents.AddCertificate(certificate);
        contents.AddKeyUnencrypted(certificate.GetECDsaPrivateKey()!);
        var builder = new System.Security.Cryptography.Pkcs.Pkcs12Builder();
        builder.AddSafeContentsUnencrypted(contents);
        builder.SealWithoutIntegrity();
        var original = builder.Encode();
        Assert.That(Scan("plain.p12", original).Select(f => f.RuleId), Does.Contain("path-keystore"), "an unprotected key");
        var random = new Random(12);
        for (var i = 0; i < 120; i++)
        {
            var damaged = (byte[])original.Clone();
            damaged[8 + random.Next(damaged.Length - 8)] ^= (byte)(1 + random.Next(255));
            Assert.DoesNotThrow(() => Scan("damaged.p12", damaged), $"damage {i}");
        }
    }

    [Test]
    public void A_damaged_or_cut_pkcs12_of_any_layout_is_judged_without_an_exception()
    {
        // The layouts tools write, each damaged or cut in many places: a MAC and encrypted certificates (openssl's
        // default), a shrouded key without a MAC, a shrouded key inside encrypted contents. Every step of the judgement
        // must turn malformed content into a verdict (or "not PKCS#12"), never into an exception that stops the scan.
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var certificate = new CertificateRequest("CN=damaged", key, HashAlgorithmName.SHA256)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var pbe = new PbeParameters(PbeEncryptionAlgorithm.Aes128Cbc, HashAlgorithmName.SHA256, 1);
        var random = new Random(21);
        foreach (var password in new[] { "notasecret", "its-own-password" })
        {
            var withMac = new System.Security.Cryptography.Pkcs.Pkcs12Builder();
            withMac.AddSafeContentsEncrypted(Contents(c => c.AddCertificate(certificate)), password, pbe);
            withMac.AddSafeContentsUnencrypted(Contents(c => c.AddShroudedKey(key, password, pbe)));
            withMac.SealWithMac(password, HashAlgorithmName.SHA256, 1);
            var shrouded = new System.Security.Cryptography.Pkcs.Pkcs12Builder();
            shrouded.AddSafeContentsUnencrypted(Contents(c => c.AddShroudedKey(key, password, pbe)));
            shrouded.SealWithoutIntegrity();
            var nested = new System.Security.Cryptography.Pkcs.Pkcs12Builder();
            nested.AddSafeContentsEncrypted(Contents(c => c.AddShroudedKey(key, password, pbe)), password, pbe);
            nested.SealWithoutIntegrity();
            foreach (var original in new[] { withMac.Encode(), shrouded.Encode(), nested.Encode() })
                for (var i = 0; i < 400; i++)
                {
                    var damaged = (byte[])original.Clone();
                    damaged[random.Next(damaged.Length)] ^= (byte)(1 + random.Next(255));
                    if (i % 3 == 0) damaged = damaged[..random.Next(8, damaged.Length)];
                    Assert.DoesNotThrow(() => Pkcs12Exposure.ExposesKey(damaged), $"{password}, damage {i}");
                }
        }
    }

    private static System.Security.Cryptography.Pkcs.Pkcs12SafeContents Contents(Action<System.Security.Cryptography.Pkcs.Pkcs12SafeContents> fill)
    {
        var contents = new System.Security.Cryptography.Pkcs.Pkcs12SafeContents();
        fill(contents);
        return contents;
    }
}
