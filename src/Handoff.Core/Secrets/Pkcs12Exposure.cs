using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;

namespace Handoff.Core.Secrets;

/// <summary>
/// Whether a PKCS#12 file (.p12, .pfx) gives its private key to anyone: it opens with no password or with one of the
/// defaults that tools and docs use (Google service-account keys ship with "notasecret", Java's keytool suggests
/// "changeit"), whatever password its MAC needs. A keystore that needs any other password is not a secret in clear (its
/// password is, and the scanner looks for that in text), and one holding only certificates holds nothing secret. A key
/// derivation too costly to try counts as exposed (fail closed): the scanner cannot tell, and such a file has no
/// business in a repository.
/// </summary>
internal static class Pkcs12Exposure
{
    private static readonly string?[] DefaultPasswords = [null, "", "notasecret", "changeit", "changeme", "password", "secret", "test"];

    // Far above what tools write (OpenSSL 2,048, .NET 2,000, keytool 10,000), and about a second of PBKDF2 per try.
    private const long MaxIterations = 600_000;

    /// <returns>null when the bytes are not PKCS#12 at all; else whether its private key is exposed.</returns>
    public static bool? ExposesKey(byte[] der)
    {
        // .NET's PKCS#12 types report any malformed content as a CryptographicException (they wrap the ASN.1 reader's
        // errors): Decode reads the whole structure, and each later step that can still fail catches its own.
        Pkcs12Info info;
        try
        {
            info = Pkcs12Info.Decode(der, out _, skipCopy: true);
        }
        catch (CryptographicException)
        {
            return null;
        }
        if (MacIterations(der) > MaxIterations) return true;
        if (info.IntegrityMode == Pkcs12IntegrityMode.Password)
        {
            foreach (var password in DefaultPasswords)
                if (VerifiesMac(info, password)) return HasKey(info, password);
        }
        // No MAC, or one that needs a password of its own: the MAC only guards integrity, so the key may still open
        // without a password or with a default one (openssl pkcs12 -export -keypbe NONE -passout pass:...).
        foreach (var password in DefaultPasswords)
            if (HasKey(info, password)) return true;
        return false;
    }

    private static bool VerifiesMac(Pkcs12Info info, string? password)
    {
        try
        {
            return info.VerifyMac(password);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static bool HasKey(Pkcs12Info info, string? password)
    {
        foreach (var contents in info.AuthenticatedSafe)
        {
            if (contents.ConfidentialityMode == Pkcs12ConfidentialityMode.PublicKey) continue; // sealed to a recipient's key
            if (contents.ConfidentialityMode == Pkcs12ConfidentialityMode.Password && !TryDecrypt(contents, password)) continue;
            foreach (var bag in contents.GetBags())
            {
                if (bag is Pkcs12KeyBag) return true;
                if (bag is Pkcs12ShroudedKeyBag shrouded && Opens(shrouded, password)) return true;
            }
        }
        return false;
    }

    private static bool TryDecrypt(Pkcs12SafeContents contents, string? password)
    {
        try
        {
            contents.Decrypt(password);
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static bool Opens(Pkcs12ShroudedKeyBag bag, string? password)
    {
        try
        {
            Pkcs8PrivateKeyInfo.DecryptAndDecode(password, bag.EncryptedPkcs8PrivateKey, out _);
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary>The MAC's key-derivation iterations: PFX ::= SEQUENCE { version, authSafe, macData { mac, salt, iterations } }.</summary>
    private static long MacIterations(byte[] der)
    {
        try
        {
            var pfx = new AsnReader(der, AsnEncodingRules.BER).ReadSequence();
            pfx.ReadEncodedValue(); // version
            pfx.ReadEncodedValue(); // authSafe
            if (!pfx.HasData) return 0;
            var mac = pfx.ReadSequence();
            mac.ReadEncodedValue(); // DigestInfo
            mac.ReadEncodedValue(); // salt
            return !mac.HasData ? 1 : mac.TryReadInt64(out var iterations) ? iterations : long.MaxValue;
        }
        catch (AsnContentException)
        {
            return 0;
        }
    }
}
