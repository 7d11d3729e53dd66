namespace Handoff.Core.Secrets;

/// <summary>Offline self-checks of token formats. Used only to raise confidence, never to drop a finding.</summary>
public static class Checksums
{
    private const string Base62Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static readonly uint[] Table = BuildTable();

    public static uint Crc32(ReadOnlySpan<char> ascii)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var c in ascii) crc = Table[(crc ^ (byte)c) & 0xFF] ^ (crc >> 8);
        return ~crc;
    }

    /// <summary>CRC32 of <paramref name="body"/> as 6 base62 digits, zero-padded (GitHub and npm tokens).</summary>
    public static string Base62Crc32(ReadOnlySpan<char> body)
    {
        var value = Crc32(body);
        Span<char> digits = stackalloc char[6];
        for (var i = 5; i >= 0; i--)
        {
            digits[i] = Base62Alphabet[(int)(value % 62)];
            value /= 62;
        }
        return new string(digits);
    }

    /// <summary>True when the token's embedded checksum is valid; null when the format has none or the token does not fit it.</summary>
    public static bool? Verify(ChecksumKind kind, string token) => kind switch
    {
        ChecksumKind.GitHub or ChecksumKind.Npm => VerifyBase62Suffix(token),
        ChecksumKind.Grafana => VerifyGrafana(token),
        ChecksumKind.Cloudflare => VerifyCloudflare(token),
        _ => null,
    };

    // prefix_ + 30 random base62 + 6 base62 CRC32 of the 30.
    private static bool? VerifyBase62Suffix(string token)
    {
        var underscore = token.LastIndexOf('_');
        var body = token.AsSpan(underscore + 1);
        if (body.Length != 36) return null;
        return Base62Crc32(body[..30]).AsSpan().SequenceEqual(body[30..]);
    }

    // glsa_ + 32 + _ + 8 hex CRC32 over "glsa_" + the 32 (either byte order accepted).
    private static bool? VerifyGrafana(string token)
    {
        if (!token.StartsWith("glsa_", StringComparison.Ordinal) || token.Length != 46 || token[37] != '_') return null;
        var crc = Crc32(token.AsSpan(0, 37));
        return HexEquals(token.AsSpan(38), crc) || HexEquals(token.AsSpan(38), System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(crc));
    }

    // cfk_/cfut_/cfat_ + 40 + 8 hex CRC32 of the 40 (or of prefix + 40).
    private static bool? VerifyCloudflare(string token)
    {
        var underscore = token.IndexOf('_');
        var body = token.AsSpan(underscore + 1);
        if (body.Length != 48) return null;
        var sum = body[40..];
        return HexEquals(sum, Crc32(body[..40])) || HexEquals(sum, Crc32(token.AsSpan(0, underscore + 41)));
    }

    private static bool HexEquals(ReadOnlySpan<char> hex, uint value) =>
        uint.TryParse(hex, System.Globalization.NumberStyles.HexNumber, null, out var parsed) && parsed == value;

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            var c = i;
            for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[i] = c;
        }
        return table;
    }
}
