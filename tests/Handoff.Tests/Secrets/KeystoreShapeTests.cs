using Handoff.Core.Secrets;

namespace Handoff.Tests.Secrets;

/// <summary>A file named like a keystore is withheld when its bytes can be one, not when they are random or cut off.</summary>
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
}
