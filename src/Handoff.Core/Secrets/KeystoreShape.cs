namespace Handoff.Core.Secrets;

/// <summary>
/// Tells a keystore that exposes a key from a file that only has a keystore's name: PKCS#12 (.p12, .pfx) is a DER
/// SEQUENCE whose length is the file's, starting with version 3, and counts only when its private key opens without a
/// password or with a well-known default one (<see cref="Pkcs12Exposure"/>); Java keystores start with their magic
/// number. Random or cut-off bytes are not a keystore. When the bytes are not known (a diff, an empty text) or are text
/// (a keystore in base64, say), the file counts as one: withheld.
/// </summary>
internal static class KeystoreShape
{
    private static readonly System.Buffers.SearchValues<char> PrintableText =
        System.Buffers.SearchValues.Create("\t\n\r" + string.Concat(Enumerable.Range(0x20, 0x5F).Select(c => (char)c)));

    /// <param name="content">the file's bytes as Latin-1 text (one char per byte), or "" when not known.</param>
    public static bool MayBeKeystore(string content)
    {
        if (content.Length == 0 || !content.AsSpan().ContainsAnyExcept(PrintableText)) return true;
        if (content.Length >= 4 && (content.StartsWith("\u00FE\u00ED\u00FE\u00ED", StringComparison.Ordinal) || content.StartsWith("\u00CE\u00CE\u00CE\u00CE", StringComparison.Ordinal)))
            return true; // JKS 0xFEEDFEED, JCEKS 0xCECECECE
        if (content.Length >= 4 && content[0] == 0 && content[1] == 0 && content[2] == 0 && content[3] is '\u0001' or '\u0002')
            return true; // Bouncy Castle keystore version 1 or 2
        return IsPkcs12(content) && Pkcs12Exposure.ExposesKey(System.Text.Encoding.Latin1.GetBytes(content)) != false;
    }

    private static bool IsPkcs12(string der)
    {
        if (der.Length < 8 || der[0] != '\u0030') return false;
        int length, header;
        if (der[1] == '\u0080') return der.AsSpan(2).StartsWith("\u0002\u0001\u0003", StringComparison.Ordinal); // BER, indefinite length
        if (der[1] < 0x80) (length, header) = (der[1], 2);
        else
        {
            var bytes = der[1] - 0x80;
            if (bytes is < 1 or > 3 || der.Length < 2 + bytes) return false;
            length = 0;
            for (var i = 0; i < bytes; i++) length = (length << 8) | der[2 + i];
            header = 2 + bytes;
        }
        // The whole file, and "INTEGER 3" (the PFX version) first inside.
        return header + length == der.Length && der.AsSpan(header).StartsWith("\u0002\u0001\u0003", StringComparison.Ordinal);
    }
}
