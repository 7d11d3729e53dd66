using System.Text;

using Handoff.Core.Secrets;

namespace Handoff.Tests.Secrets;

/// <summary>
/// Expands sample templates into concrete text with random data, so no real-looking secret is
/// stored verbatim. Placeholders are written «Cn» with C a character class and n a length:
/// A alnum, a lower alnum, U upper alnum, h lower hex, H upper hex, d digits, b base64, u base64url,
/// l lower letters, L upper letters, Z base32 upper (A-Z2-7), c bech32 upper.
/// Specials: «GH» GitHub/npm body (30 base62 + CRC32 in 6 base62), «GLSA» Grafana body,
/// «CF» Cloudflare body, «UUID», «JWT», «B64:text» base64 of text.
/// ⟨ and ⟩ mark the secret in a true-positive template (<see cref="ExpandMarked"/>); <see cref="Expand"/> drops them.
/// </summary>
public static class SampleTemplate
{
    private const string Alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static string Expand(string template, Random random) => ExpandMarked(template, random).Text;

    /// <summary>The expanded text, and the expansion of each ⟨…⟩ span: the secrets the template says it holds.</summary>
    public static (string Text, IReadOnlyList<string> Secrets) ExpandMarked(string template, Random random)
    {
        var text = new StringBuilder(template.Length + 64);
        var secrets = new List<string>();
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('⟨', i);
            if (open < 0) { text.Append(ExpandPlain(template[i..], random)); break; }
            var close = template.IndexOf('⟩', open);
            if (close < 0) throw new FormatException($"unclosed ⟨ in sample template: {template}");
            text.Append(ExpandPlain(template[i..open], random));
            var secret = ExpandPlain(template[(open + 1)..close], random);
            secrets.Add(secret);
            text.Append(secret);
            i = close + 1;
        }
        return (text.ToString(), secrets);
    }

    private static string ExpandPlain(string template, Random random)
    {
        var sb = new StringBuilder(template.Length + 64);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('«', i);
            if (open < 0) { sb.Append(template, i, template.Length - i); break; }
            sb.Append(template, i, open - i);
            var close = template.IndexOf('»', open);
            if (close < 0) throw new FormatException($"unclosed « in sample template: {template}");
            sb.Append(ExpandOne(template[(open + 1)..close], random));
            i = close + 1;
        }
        return sb.ToString();
    }

    private static string ExpandOne(string spec, Random random)
    {
        if (spec.StartsWith("B64:", StringComparison.Ordinal))
            return Convert.ToBase64String(Encoding.UTF8.GetBytes(ExpandPlain(spec[4..].Replace('‹', '«').Replace('›', '»'), random)));
        switch (spec)
        {
            case "GH":
                {
                    var body = Random(Alnum, 30, random);
                    return body + Checksums.Base62Crc32(body);
                }
            case "GLSA":
                {
                    var body = Random(Alnum, 32, random);
                    return body + "_" + Checksums.Crc32("glsa_" + body).ToString("x8");
                }
            case "CF":
                {
                    var body = Random(Alnum, 40, random);
                    return body + Checksums.Crc32(body).ToString("x8");
                }
            case "UUID":
                return new Guid(RandomBytes(16, random)).ToString();
            case "JWT":
                {
                    var header = Base64Url(Encoding.UTF8.GetBytes("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"));
                    var payload = Base64Url(Encoding.UTF8.GetBytes($"{{\"sub\":\"{random.Next(100000, 999999)}\",\"iat\":{random.Next(1600000000, 1800000000)},\"scope\":\"{Random("abcdefghijklmnopqrstuvwxyz", 8, random)}\"}}"));
                    return $"{header}.{payload}.{Base64Url(RandomBytes(32, random))}";
                }
        }
        var cls = spec[0];
        var length = int.Parse(spec.AsSpan(1));
        var alphabet = cls switch
        {
            'A' => Alnum,
            'a' => "abcdefghijklmnopqrstuvwxyz0123456789",
            'U' => "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
            'h' => "0123456789abcdef",
            'H' => "0123456789ABCDEF",
            'd' => "0123456789",
            'b' => Alnum + "+/",
            'u' => Alnum + "-_",
            'l' => "abcdefghijklmnopqrstuvwxyz",
            'L' => "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
            'Z' => "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567",
            'c' => "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L",
            _ => throw new FormatException($"unknown sample class «{spec}»"),
        };
        return Random(alphabet, length, random);
    }

    private static string Random(string alphabet, int length, Random random)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++) chars[i] = alphabet[random.Next(alphabet.Length)];
        return new string(chars);
    }

    private static byte[] RandomBytes(int n, Random random)
    {
        var b = new byte[n];
        random.NextBytes(b);
        return b;
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
