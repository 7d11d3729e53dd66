using System.Text;
using Handoff.Core.Secrets;

namespace Handoff.Tests.Secrets;

/// <summary>
/// The token checksums against answers worked out without <see cref="Checksums"/>: CRC-32 from System.IO.Hashing,
/// base 62 and hex written here, and a value worked out by hand. Samples built with the scanner's own functions
/// would agree with any change to them (a reordered alphabet, say); these do not.
/// </summary>
public class ChecksumKnownAnswerTests
{
    // GitHub's base-62 digits, in GitHub's order: 0-9, then A-Z, then a-z.
    private const string Digits = "0123456789" + "ABCDEFGHIJKLMNOPQRSTUVWXYZ" + "abcdefghijklmnopqrstuvwxyz";
    private readonly Random _random = new(15);

    private static uint Crc32(string ascii) => System.IO.Hashing.Crc32.HashToUInt32(Encoding.ASCII.GetBytes(ascii));

    private static string Base62(uint value, int width)
    {
        var digits = new char[width];
        for (var i = width - 1; i >= 0; i--, value /= 62) digits[i] = Digits[(int)(value % 62)];
        return new string(digits);
    }

    private string Body(int length) => new(Enumerable.Range(0, length).Select(_ => Digits[_random.Next(Digits.Length)]).ToArray());

    [Test]
    public void Crc32_and_its_base62_form_match_a_value_worked_out_by_hand()
    {
        // CRC-32 of "123456789" is 0xCBF43926 = 3421780262, the check value every CRC-32 catalogue gives.
        // In base 62: 3421780262 = 3*62^5 + 45*62^4 + 35*62^3 + 27*62^2 + 22*62 + 14
        // (916132832*3 = 2748398496; 673381766 = 45*14776336 + 8446646; 8446646 = 35*238328 + 105166;
        //  105166 = 27*3844 + 1378; 1378 = 22*62 + 14), and digits 3, 45, 35, 27, 22, 14 are "3", "j", "Z", "R", "M", "E".
        Assert.That(Checksums.Crc32("123456789"), Is.EqualTo(0xCBF43926u));
        Assert.That(Checksums.Base62Crc32("123456789"), Is.EqualTo("3jZRME"));
        Assert.That(Checksums.Base62Crc32(""), Is.EqualTo("000000"), "CRC-32 of nothing is 0");
    }

    [Test]
    public void GitHub_and_npm_checksums_match_an_independent_crc32_in_base62()
    {
        for (var i = 0; i < 500; i++)
        {
            var body = Body(30);
            var expected = Base62(Crc32(body), 6);
            Assert.That(Checksums.Base62Crc32(body), Is.EqualTo(expected), body);
            Assert.That(Checksums.Verify(ChecksumKind.GitHub, "ghp_" + body + expected), Is.True);
            Assert.That(Checksums.Verify(ChecksumKind.Npm, "npm_" + body + expected), Is.True);
        }
    }

    [Test]
    public void A_wrong_checksum_digit_fails_verification_and_lowers_the_finding_to_low_confidence()
    {
        var scanner = new SecretScanner(SecretScanConfig.Default);
        var body = Body(30);
        var sum = Base62(Crc32(body), 6);
        var wrong = sum[..5] + Digits[(Digits.IndexOf(sum[5]) + 1) % 62];

        Assert.That(Checksums.Verify(ChecksumKind.GitHub, "ghp_" + body + wrong), Is.False);
        Assert.That(scanner.ScanText("a.env", $"GITHUB_TOKEN=ghp_{body}{sum}").Single().Confidence, Is.EqualTo(FindingConfidence.High));
        Assert.That(scanner.ScanText("a.env", $"GITHUB_TOKEN=ghp_{body}{wrong}").Single().Confidence, Is.EqualTo(FindingConfidence.Low));
    }

    [Test]
    public void Grafana_checksum_is_the_crc32_of_prefix_and_body_in_hex()
    {
        for (var i = 0; i < 200; i++)
        {
            var body = Body(32);
            var token = $"glsa_{body}_{Crc32("glsa_" + body):x8}";
            Assert.That(Checksums.Verify(ChecksumKind.Grafana, token), Is.True, token);
            Assert.That(Checksums.Verify(ChecksumKind.Grafana, $"glsa_{body}_{Crc32("glsa_" + body) ^ 1:x8}"), Is.False);
        }
    }

    [Test]
    public void Grafana_checksum_is_accepted_in_either_byte_order()
    {
        var body = Body(32);
        var crc = Crc32("glsa_" + body);
        var reversed = (crc >> 24) | ((crc >> 8) & 0xFF00u) | ((crc << 8) & 0xFF0000u) | (crc << 24);

        Assert.That(Checksums.Verify(ChecksumKind.Grafana, $"glsa_{body}_{reversed:x8}"), Is.True);
        Assert.That(Checksums.Verify(ChecksumKind.Grafana, $"glsa_{body}_{reversed ^ 1:x8}"), Is.False);
    }

    [Test]
    public void Cloudflare_checksum_may_also_cover_the_prefix()
    {
        var body = Body(40);

        Assert.That(Checksums.Verify(ChecksumKind.Cloudflare, $"cfat_{body}{Crc32("cfat_" + body):x8}"), Is.True);
        Assert.That(Checksums.Verify(ChecksumKind.Cloudflare, $"cfat_{body}{Crc32("cfk_" + body):x8}"), Is.False);
    }

    [Test]
    public void A_token_that_does_not_fit_its_format_has_no_checksum_verdict()
    {
        var body30 = Body(30);
        var ghp = "ghp_" + body30 + Base62(Crc32(body30), 6);
        var body32 = Body(32);
        var glsa = $"glsa_{body32}_{Crc32("glsa_" + body32):x8}";
        var body40 = Body(40);
        var cfut = $"cfut_{body40}{Crc32(body40):x8}";

        Assert.Multiple(() =>
        {
            Assert.That(Checksums.Verify(ChecksumKind.None, ghp), Is.Null, "a rule without a checksum");
            Assert.That(Checksums.Verify(ChecksumKind.GitHub, ghp[..^1]), Is.Null, "35 characters after the prefix");
            Assert.That(Checksums.Verify(ChecksumKind.GitHub, ghp + "A"), Is.Null, "37 characters after the prefix");
            Assert.That(Checksums.Verify(ChecksumKind.Grafana, "glsb" + glsa[4..]), Is.Null, "another prefix");
            Assert.That(Checksums.Verify(ChecksumKind.Grafana, glsa + "0"), Is.Null, "47 characters");
            Assert.That(Checksums.Verify(ChecksumKind.Grafana, glsa[..37] + "-" + glsa[38..]), Is.Null, "no '_' before the checksum");
            Assert.That(Checksums.Verify(ChecksumKind.Cloudflare, cfut[..^1]), Is.Null, "47 characters after the prefix");
            Assert.That(Checksums.Verify(ChecksumKind.Cloudflare, cfut[..^8] + "zzzzzzzz"), Is.False, "a checksum that is not hex");
        });
    }

    [Test]
    public void Cloudflare_checksum_is_the_crc32_of_the_body_in_hex()
    {
        for (var i = 0; i < 200; i++)
        {
            var body = Body(40);
            Assert.That(Checksums.Verify(ChecksumKind.Cloudflare, $"cfut_{body}{Crc32(body):x8}"), Is.True);
            Assert.That(Checksums.Verify(ChecksumKind.Cloudflare, $"cfut_{body}{Crc32(body) + 1:x8}"), Is.False);
        }
    }
}
