using Handoff.Core.Secrets.Generic;

namespace Handoff.Tests.Secrets.Generic;

/// <summary>What a value says it is: a public key, a resource, a placeholder, encoded text, a path or a labelled hash.</summary>
public class ValueKindTests
{
    [TestCase("", 0)]
    [TestCase("abc", 1)]
    [TestCase("ABC", 1)]
    [TestCase("123", 1)]
    [TestCase("!-+", 1)]
    [TestCase("aB", 2)]
    [TestCase("a1", 2)]
    [TestCase("A!", 2)]
    [TestCase("9-", 2)]
    [TestCase("aB3", 3)]
    [TestCase("aB3!", 4)]
    public void Character_classes_count_lower_upper_digit_and_other(string value, int classes) =>
        Assert.That(ValueShape.CharacterClasses(value), Is.EqualTo(classes));

    [TestCase("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHx9", true)]
    [TestCase("pk_live_51HxYz", true)]
    [TestCase("sk_live_51HxYz", false)]
    public void Public_keys_are_public(string value, bool isPublic) =>
        Assert.That(ValueShape.IsPublicKey(value), Is.EqualTo(isPublic));

    [TestCase("arn:aws:s3:::release-bucket", true)]
    [TestCase("S3://release-bucket/config", true)]
    [TestCase("release-bucket/config", false)]
    public void Resource_names_are_where_a_secret_is_not_one(string value, bool resource) =>
        Assert.That(ValueShape.IsResourceName(value), Is.EqualTo(resource));

    [TestCase("p@$$w0rd", true)]
    [TestCase("s3cr37", true)]
    [TestCase("4dm1n", true)]
    [TestCase("l3tm31n", true)]
    [TestCase("qw3r7y", true)]
    [TestCase("w3lc0m3", true)]
    [TestCase("Admin123", true)]   // admin + "ie": two letters more
    [TestCase("Admin1234", false)] // admin + "iea": three
    [TestCase("pass word", false)] // a space is no leetspeak
    public void A_placeholder_in_leetspeak_may_carry_two_extra_letters(string value, bool placeholder) =>
        Assert.That(ValueShape.IsLeetPlaceholder(value), Is.EqualTo(placeholder));

    [Test]
    public void A_value_of_more_than_sixty_four_letters_is_no_placeholder() =>
        Assert.That(ValueShape.IsLeetPlaceholder(string.Concat(Enumerable.Repeat("password", 9))), Is.False);

    private static string Base64(string text) => Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(text));

    [TestCase("not a key", true)]    // 12 characters of base64
    [TestCase("hi you", false)]      // 8
    [TestCase("not a key ~", true)]  // '~' is printable
    [TestCase("not a key\u007f", false, TestName = "{m}(DEL)")]
    public void Base64_of_readable_text_is_an_example(string text, bool encoded) =>
        Assert.That(ValueShape.IsEncodedText(Base64(text)), Is.EqualTo(encoded));

    [Test]
    public void Base64_text_is_read_up_to_four_hundred_characters()
    {
        var text = string.Join(' ', Enumerable.Repeat("sample", 43)); // 300 bytes: 400 characters of base64
        Assert.That(text, Has.Length.EqualTo(300));
        Assert.That(ValueShape.IsEncodedText(Base64(text)), Is.True);
        Assert.That(ValueShape.IsEncodedText(Base64(text + " ab")), Is.False);
    }

    [Test]
    public void Blanks_are_not_encoded_text() => Assert.That(ValueShape.IsEncodedText(new string(' ', 12)), Is.False);

    [TestCase("/srv/app/config", true)]
    [TestCase("/", false)]
    [TestCase("/srv", false)]
    [TestCase("/a+b/c", false)]
    public void An_absolute_path_is_where_something_is(string value, bool path) =>
        Assert.That(ValueShape.IsPath(value), Is.EqualTo(path));

    [TestCase("commit-89d3cc1a", true)]
    [TestCase("commit-89d3cc1", true)]        // seven hex characters
    [TestCase("linux-node-0A1B2C3D4E5F", true)]
    [TestCase("commit-89d3cc", false)]        // six
    [TestCase("-89d3cc1a", false)]            // no label
    [TestCase("commit-89d3CC1a", false)]      // mixed case is not hex
    [TestCase("build-9F2CXYZQ", false)]
    [TestCase("build-9f2cxyzq", false)]
    [TestCase("cache-deadbeef", false)]       // a word in a-f, no digit
    public void A_label_and_a_hex_hash_is_a_labelled_digest(string value, bool labelled) =>
        Assert.That(ValueShape.IsLabelledHash(value), Is.EqualTo(labelled));
}
