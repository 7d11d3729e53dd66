using System.Text;
using Handoff.Core.Secrets;

namespace Handoff.Tests.Secrets;

/// <summary>
/// The filters a captured value goes through before it is a finding (<see cref="HitEvaluator"/>): the entropy floor,
/// one level of base64 decoding, and the made-up credentials of tests and docs (user:password where the password is
/// short, the user name, a placeholder, or one short word of letters), which are dropped while real ones are kept.
/// </summary>
public class HitEvaluatorTests
{
    private static readonly CompiledRule BasicAuth = new(new SecretRule
    {
        Id = "ex-basic-auth", Description = "base64 user:password", Regex = "unused", Keywords = [], Decode = DecodeKind.Base64,
    }, 0);

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static FindingConfidence? Credential(string userColonPassword) =>
        HitEvaluator.Evaluate(BasicAuth, Base64(userColonPassword), CompiledAllowlist.Empty);

    [TestCase("deploy:Xq7pL2")]
    [TestCase("deploy:sunshine1")]
    [TestCase("deploy:Correcthorses")]
    [TestCase("deploy:a1b2c3d4e5f6g7")]
    [TestCase("justatoken-Xq7pL2vK9")]
    public void A_real_looking_credential_is_kept(string decoded) =>
        Assert.That(Credential(decoded), Is.EqualTo(FindingConfidence.Medium));

    [TestCase("deploy:Xq7pL", TestName = "shorter than 6 characters")]
    [TestCase(":Xq7pL", TestName = "short, with no user name")]
    [TestCase("s3cr3tUser:s3cr3tUser", TestName = "the user name again")]
    [TestCase("deploy:<password>", TestName = "a placeholder")]
    [TestCase("deploy:sunshine", TestName = "one word of letters")]
    [TestCase("deploy:Correcthorse", TestName = "one word of 12 letters")]
    [TestCase("deploy:пароль", TestName = "one word of letters in another script")]
    public void A_made_up_credential_is_dropped(string decoded) =>
        Assert.That(Credential(decoded), Is.Null);

    [Test]
    public void A_value_that_does_not_decode_is_dropped()
    {
        Assert.That(HitEvaluator.Evaluate(BasicAuth, "not*base64!", CompiledAllowlist.Empty), Is.Null);
        Assert.That(HitEvaluator.Evaluate(BasicAuth, Convert.ToBase64String([0xC3, 0x28, 0xA0, 0xA1, 0xE2, 0x28]), CompiledAllowlist.Empty), Is.Null, "invalid UTF-8");
    }

    [Test]
    public void A_value_exactly_at_the_entropy_floor_is_kept()
    {
        var rule = new CompiledRule(new SecretRule { Id = "ex-floor", Description = "floor", Regex = "unused", Keywords = [], MinEntropy = 3.0 }, 0);

        Assert.That(HitEvaluator.Evaluate(rule, "q7w2e9r4", CompiledAllowlist.Empty), Is.EqualTo(FindingConfidence.Medium), "8 distinct characters: 3 bits each");
        Assert.That(HitEvaluator.Evaluate(rule, "q7w2e9rr", CompiledAllowlist.Empty), Is.Null, "below the floor");
    }

    [Test]
    public void Base64_without_its_padding_decodes()
    {
        foreach (var text in new[] { "user:pass", "user:passw", "user:passwo" }) // 9, 10, 11 bytes: no padding, "==", "="
        {
            var unpadded = Base64(text).TrimEnd('=');

            Assert.That(HitEvaluator.Decode(DecodeKind.Base64, unpadded), Is.EqualTo(text), unpadded);
        }
    }

    [Test]
    public void Base64url_decodes_like_base64()
    {
        var bytes = Encoding.UTF8.GetBytes("k?>~ü:pw>>>");
        var url = Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        Assert.That(url, Does.Contain("-").Or.Contain("_"), "the sample needs base64url's own characters");
        Assert.That(HitEvaluator.Decode(DecodeKind.Base64, url), Is.EqualTo("k?>~ü:pw>>>"));
    }

    [Test]
    public void Decoded_text_may_hold_line_breaks_and_tabs_but_no_other_control_character()
    {
        Assert.That(HitEvaluator.Decode(DecodeKind.Base64, Base64("a\tb\r\nc")), Is.EqualTo("a\tb\r\nc"));
        Assert.That(HitEvaluator.Decode(DecodeKind.Base64, Base64("a\u0007b")), Is.Null);
        Assert.That(HitEvaluator.Decode(DecodeKind.Percent, "a%09b%0D%0Ac"), Is.EqualTo("a\tb\r\nc"));
        Assert.That(HitEvaluator.Decode(DecodeKind.Percent, "a%00b"), Is.Null);
    }

    [Test]
    public void Text_that_is_not_base64_does_not_decode()
    {
        Assert.That(HitEvaluator.Decode(DecodeKind.Base64, "not*base64!"), Is.Null);
        Assert.That(HitEvaluator.Decode(DecodeKind.Base64, "abcde"), Is.Null, "a length no base64 text has");
    }
}
