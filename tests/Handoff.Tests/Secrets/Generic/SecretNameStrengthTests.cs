using Handoff.Core.Secrets.Generic;

namespace Handoff.Tests.Secrets.Generic;

/// <summary>
/// What the name a value is assigned to says about it: how an identifier is read as words (case changes, digits,
/// separators, type paths, glued prefixes), which words around the secret word keep it a secret, make it a weak
/// name or make it something else, and when the secret word is a password. Each expectation is what a reader of
/// that name would say, written out here.
/// </summary>
public class SecretNameStrengthTests
{
    private static string StrengthOf(string name) => SecretName.Of(name).ToString();

    [TestCase("TLSKey", "Weak", TestName = "An acronym before a capitalised word is a word of its own: TLS Key, a key of unknown kind")]
    [TestCase("APIToken", "Strong", TestName = "An acronym followed by a capitalised secret word is a secret")]
    [TestCase("S3_KEY", "NotSecret", TestName = "Letters then digits stay one word: s3 key is an object key")]
    [TestCase("password2", "Strong", TestName = "A number glued after the secret word qualifies it")]
    [TestCase("tokenizer", "NotSecret", TestName = "Letters glued after the secret word make another word")]
    [TestCase("Config::API_KEY", "Strong", TestName = "A constant inside a type path is a secret")]
    [TestCase("Aws::Iam::AccessKey", "NotSecret", TestName = "A type path ending in a type names a kind of secret")]
    [TestCase("::ApiKey", "NotSecret", TestName = "A type in the global namespace names a kind of secret")]
    [TestCase("api_token::", "Strong", TestName = "A name ending in a path separator is read without it")]
    [TestCase("FAKE_DB_PASSWORD", "NotSecret", TestName = "A fixture word anywhere in the name makes it a made-up value: fake db password")]
    [TestCase("sentinel_prod_api_token", "NotSecret", TestName = "A fixture word at the start, away from the secret word")]
    [TestCase("api_token_bogus_v2", "NotSecret", TestName = "A fixture word after the secret word")]
    public void A_name_is_read_as_the_words_a_reader_sees(string name, string strength) =>
        Assert.That(StrengthOf(name), Is.EqualTo(strength));

    [TestCase("DB_PASSWORD_2")]
    [TestCase("DB_PASSWORD_PROD")]
    [TestCase("API_KEY_PROD")]
    [TestCase("API_KEY_PROD_2")]
    [TestCase("API_TOKEN_V2")]
    [TestCase("API_TOKEN_V10")]
    public void Words_that_qualify_the_value_after_the_secret_word_keep_it_strong(string name) =>
        Assert.That(StrengthOf(name), Is.EqualTo("Strong"));

    [TestCase("API_TOKEN_V100", "Weak", TestName = "A version tag of more than two digits is an unknown word: weak")]
    [TestCase("SECRET_R2", "Weak", TestName = "A letter and a digit after the secret word is an unknown word: weak")]
    [TestCase("secret_for_ci", "Weak", TestName = "Unknown words after the secret word leave a weak name")]
    [TestCase("APIKEY_FOR_CI", "Weak", TestName = "Unknown words after a glued api key leave a weak name")]
    [TestCase("TOKEN_VERSION", "NotSecret", TestName = "A word that says what the value is (a version) makes it no secret")]
    [TestCase("SECRET_COUNT", "NotSecret", TestName = "A counter word after the secret word makes it no secret")]
    [TestCase("SECRET_STORE", "NotSecret", TestName = "A verb after the secret word names a function or a place")]
    [TestCase("TOKEN_VAR", "NotSecret", TestName = "A variable name about the secret is not the secret")]
    [TestCase("API_KEY_ROUTE", "NotSecret", TestName = "A map-key word after key names another key")]
    public void Other_words_after_the_secret_word_weaken_it_or_make_it_something_else(string name, string strength) =>
        Assert.That(StrengthOf(name), Is.EqualTo(strength));

    [TestCase("SECRETKEY", "Strong", TestName = "A key glued to its secret kind is a secret")]
    [TestCase("oauthtoken", "Strong", TestName = "A token glued to any word is still a token")]
    [TestCase("dbpass", "Strong", TestName = "pass glued to db is a password")]
    [TestCase("mypass", "Strong", TestName = "pass glued to my is a password")]
    [TestCase("ftppwd", "Strong", TestName = "pwd glued to ftp is a password")]
    [TestCase("smtppass", "Strong", TestName = "pass glued to smtp is a password")]
    [TestCase("mailpass", "Strong", TestName = "pass glued to mail is a password")]
    [TestCase("cachekey", "NotSecret", TestName = "A key glued to cache is a cache key")]
    [TestCase("monkey", "NotSecret", TestName = "key inside an unrelated word is no key")]
    [TestCase("bypass", "NotSecret", TestName = "pass inside an unrelated word is no password")]
    [TestCase("OLDPWD", "NotSecret", TestName = "OLDPWD is the shell's previous directory, not a password")]
    [TestCase("auth_token_pagekey", "NotSecret", TestName = "A key glued to a disqualifying word makes the name something else")]
    public void A_glued_prefix_counts_only_when_it_is_a_known_word(string name, string strength) =>
        Assert.That(StrengthOf(name), Is.EqualTo(strength));

    [TestCase("getApiToken", TestName = "A getter of a token is a function")]
    [TestCase("gettoken", TestName = "A glued getter of a token is a function")]
    [TestCase("FAKE_TOKEN", TestName = "A fake token is made up")]
    [TestCase("api_key_example", TestName = "An example key is made up, wherever the word stands")]
    public void A_function_or_a_made_up_value_is_not_a_secret(string name) =>
        Assert.That(StrengthOf(name), Is.EqualTo("NotSecret"));

    [TestCase("KEY", "Weak", TestName = "A bare key is weak")]
    [TestCase("x-api-key", "Strong", TestName = "An api key in a header name is strong")]
    [TestCase("session_key", "NotSecret", TestName = "A session key is a map key")]
    public void A_key_is_strong_only_with_a_secret_kind_before_it(string name, string strength) =>
        Assert.That(StrengthOf(name), Is.EqualTo(strength));

    [Test]
    public void A_name_of_24_words_ending_in_a_secret_word_is_read_whole()
    {
        var name = string.Concat(Enumerable.Repeat("a_", 23)) + "password";
        Assert.That(StrengthOf(name), Is.EqualTo("Strong"));
    }

    [Test]
    public void Words_past_the_24th_are_not_read()
    {
        // The 24th word is the secret word; the six unknown words after it would make the name weak if they were read.
        var name = string.Concat(Enumerable.Repeat("a_", 23)) + "password" + string.Concat(Enumerable.Repeat("_b", 6));
        Assert.That(StrengthOf(name), Is.EqualTo("Strong"));
    }

    [Test]
    public void A_name_over_128_characters_is_read_by_its_end()
    {
        var name = new string('x', 200) + "_password";
        Assert.That(StrengthOf(name), Is.EqualTo("Strong"));
    }

    [TestCase("DB_PASSWORD", true)]
    [TestCase("userpwd", true)]
    [TestCase("passphrase", true)]
    [TestCase("API_TOKEN", false)]
    [TestCase("client_secret", false)]
    [TestCase("FAKE_PASSWORD", false)]
    [TestCase("username", false)]
    [TestCase("Aws::Iam::Password", false)]
    public void The_password_flag_marks_a_secret_word_people_choose(string name, bool password)
    {
        SecretName.Of(name, out var flag);
        Assert.That(flag, Is.EqualTo(password));
    }

    [TestCase("BUILD_COMMIT", true)]
    [TestCase("SENTRY_ORG_ID", true)]
    [TestCase("cdnUrl", true)]
    [TestCase("API_TOKEN", false)]
    [TestCase("__", false)]
    [TestCase("", false)]
    public void The_last_word_can_say_what_a_value_is(string name, bool describes) =>
        Assert.That(SecretName.DescribesValue(name), Is.EqualTo(describes));
}
