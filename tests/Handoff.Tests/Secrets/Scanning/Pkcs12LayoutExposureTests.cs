using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using Handoff.Core.Secrets;

namespace Handoff.Tests.Secrets.Scanning;

/// <summary>
/// Whether a PKCS#12 gives its key away, for the layouts tools write: a key in encrypted contents, a shrouded key
/// without a MAC, contents sealed to a recipient's certificate, a MAC at the iteration limit or one that cannot be
/// checked. The files are built with .NET's Pkcs12Builder (one iteration, so the tests stay cheap) and, for the MAC,
/// rewritten with its AsnWriter; none comes from the code under test.
/// </summary>
public class Pkcs12LayoutExposureTests
{
    private const string OwnPassword = "Wq7-vLz2!pR9x";
    private static readonly PbeParameters Cheap = new(PbeEncryptionAlgorithm.Aes128Cbc, HashAlgorithmName.SHA256, 1);
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    [OneTimeTearDown]
    public void DisposeKey() => _key.Dispose();

    private static Pkcs12SafeContents Contents(Action<Pkcs12SafeContents> fill)
    {
        var contents = new Pkcs12SafeContents();
        fill(contents);
        return contents;
    }

    private static byte[] WithoutMac(Action<Pkcs12Builder> add)
    {
        var builder = new Pkcs12Builder();
        add(builder);
        builder.SealWithoutIntegrity();
        return builder.Encode();
    }

    [TestCase("notasecret", true)]
    [TestCase(null, true)]
    [TestCase("test", true)] // the last default tried: nothing after it reads contents an earlier try decrypted in place
    [TestCase(OwnPassword, false)]
    public void A_key_inside_encrypted_contents_is_exposed_when_they_open_with_a_default_password(string? password, bool exposed)
    {
        var pfx = WithoutMac(b => b.AddSafeContentsEncrypted(Contents(c => c.AddKeyUnencrypted(_key)), password, Cheap));
        Assert.That(Pkcs12Exposure.ExposesKey(pfx), Is.EqualTo(exposed));
    }

    [TestCase("changeit", true)]
    [TestCase(OwnPassword, false)]
    public void A_shrouded_key_without_a_mac_is_exposed_only_under_a_default_password(string password, bool exposed)
    {
        var pfx = WithoutMac(b => b.AddSafeContentsUnencrypted(Contents(c => c.AddShroudedKey(_key, password, Cheap))));
        Assert.That(Pkcs12Exposure.ExposesKey(pfx), Is.EqualTo(exposed));
    }

    [Test]
    public void Contents_sealed_to_a_recipients_certificate_are_skipped_not_read()
    {
        using var rsa = RSA.Create(2048);
        using var recipient = new CertificateRequest("CN=recipient", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        Assert.That(Pkcs12Exposure.ExposesKey(Enveloped(Contents(c => c.AddKeyUnencrypted(_key)), recipient)), Is.False,
            "only the recipient's private key opens them");
    }

    private const string Pkcs7Data = "1.2.840.113549.1.7.1";

    /// <summary>
    /// A PFX without MAC whose one SafeContents is enveloped to <paramref name="recipient"/> (PKCS#12's public-key privacy
    /// mode, which Pkcs12Builder does not write): the SafeContents that the builder encodes, sealed with EnvelopedCms.
    /// </summary>
    private static byte[] Enveloped(Pkcs12SafeContents contents, X509Certificate2 recipient)
    {
        var plain = WithoutMac(b => b.AddSafeContentsUnencrypted(contents));
        // PFX { version, ContentInfo { data, [0] OCTET STRING { SEQUENCE OF ContentInfo { data, [0] OCTET STRING SafeContents } } } }
        var pfx = new AsnReader(plain, AsnEncodingRules.BER).ReadSequence();
        pfx.ReadEncodedValue();
        var authSafe = pfx.ReadSequence();
        authSafe.ReadObjectIdentifier();
        var safes = new AsnReader(authSafe.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0)).ReadOctetString(), AsnEncodingRules.BER).ReadSequence();
        var first = safes.ReadSequence();
        first.ReadObjectIdentifier();
        var safeContents = first.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0)).ReadOctetString();

        var cms = new EnvelopedCms(new ContentInfo(new Oid(Pkcs7Data), safeContents));
        cms.Encrypt(new CmsRecipient(recipient));
        var inner = new AsnWriter(AsnEncodingRules.DER);
        using (inner.PushSequence()) inner.WriteEncodedValue(cms.Encode());
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(3);
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(Pkcs7Data);
                using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0))) writer.WriteOctetString(inner.Encode());
            }
        }
        return writer.Encode();
    }

    /// <summary>The PFX with its MacData replaced: digest algorithm, digest length and iteration count as given.</summary>
    private static byte[] WithMac(Pkcs12SafeContents contents, string digestOid, int digestLength, long iterations)
    {
        var builder = new Pkcs12Builder();
        builder.AddSafeContentsUnencrypted(contents);
        builder.SealWithMac(OwnPassword, HashAlgorithmName.SHA256, 1);
        var pfx = new AsnReader(builder.Encode(), AsnEncodingRules.BER).ReadSequence();
        var version = pfx.ReadEncodedValue();
        var authSafe = pfx.ReadEncodedValue();
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteEncodedValue(version.Span);
            writer.WriteEncodedValue(authSafe.Span);
            using (writer.PushSequence())
            {
                using (writer.PushSequence())
                {
                    using (writer.PushSequence())
                    {
                        writer.WriteObjectIdentifier(digestOid);
                        writer.WriteNull();
                    }
                    writer.WriteOctetString(new byte[digestLength]);
                }
                writer.WriteOctetString(new byte[8]);
                writer.WriteInteger(iterations);
            }
        }
        return writer.Encode();
    }

    private const string Sha256 = "2.16.840.1.101.3.4.2.1";

    [TestCase(600_000, false)] // at the limit the passwords are tried (the digest's wrong length fails each at once)
    [TestCase(600_001, true)]  // above it the file counts unopened
    public void The_mac_iteration_limit_is_inclusive(long iterations, bool exposed)
    {
        var pfx = WithMac(Contents(c => c.AddShroudedKey(_key, OwnPassword, Cheap)), Sha256, 1, iterations);
        Assert.That(Pkcs12Exposure.ExposesKey(pfx), Is.EqualTo(exposed));
    }

    [Test]
    public void A_mac_of_an_unknown_algorithm_is_no_default_password()
    {
        var pfx = WithMac(Contents(c => c.AddShroudedKey(_key, OwnPassword, Cheap)), "1.3.6.1.4.1.99999.1", 32, 1);
        Assert.That(Pkcs12Exposure.ExposesKey(pfx), Is.False);
    }

    [Test]
    public void A_key_in_clear_is_exposed_whatever_password_the_mac_needs()
    {
        // openssl pkcs12 -export -keypbe NONE -passout pass:...: a MAC under a password of its own, the key in a plain bag.
        var builder = new Pkcs12Builder();
        builder.AddSafeContentsUnencrypted(Contents(c => c.AddKeyUnencrypted(_key)));
        builder.SealWithMac(OwnPassword, HashAlgorithmName.SHA256, 1);
        Assert.That(Pkcs12Exposure.ExposesKey(builder.Encode()), Is.True);
    }

    [Test]
    public void A_key_under_a_default_password_is_exposed_behind_a_mac_that_cannot_be_checked()
    {
        var pfx = WithMac(Contents(c => c.AddShroudedKey(_key, "notasecret", Cheap)), "1.3.6.1.4.1.99999.1", 32, 1);
        Assert.That(Pkcs12Exposure.ExposesKey(pfx), Is.True);
    }
}
