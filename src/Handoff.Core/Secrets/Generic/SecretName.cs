namespace Handoff.Core.Secrets.Generic;

/// <summary>What the name a value is assigned to says about it.</summary>
internal enum NameStrength
{
    /// <summary>The secret word is part of something else: hasActiveToken, CredentialFlow, api_key_id, cache_key, keyboard.</summary>
    NotSecret,

    /// <summary>A bare "key" (a map key, a registry key, a cache key as often as an API key), or a key of an unknown kind.</summary>
    Weak,

    /// <summary>password, secret, token, credentials, api_key, private_key, client_secret, DB_PASSWORD…</summary>
    Strong,
}

/// <summary>
/// Reads an identifier (DB_PASSWORD, tt.opts.CredentialFlow, x-api-key, hasActiveToken) as words and decides whether
/// it names a secret: the last secret word (password, secret, token, key, credentials…) must end the name, or be
/// followed only by words that qualify a value (value, b64, prod, 2…) (other words that do not describe something else
/// leave a weak name); the word before it must not make it something
/// else (public key, cache key, csrf token, max tokens); and a first word that is a verb or a yes/no (has, is, get…)
/// makes it a function or a flag.
/// </summary>
internal static class SecretName
{
    // Longest first: the longest stem that ends latest in a word wins.
    private static readonly string[] Stems =
        ["passphrase", "credentials", "credential", "password", "passwd", "secrets", "secret", "tokens", "token", "apikey", "creds", "pass", "pwd", "keys", "key"];

    private static readonly HashSet<string> ValueQualifiers = new(StringComparer.Ordinal)
    {
        "value", "values", "val", "str", "string", "text", "txt", "raw", "plain", "plaintext", "cleartext", "b64", "base64", "hex", "enc",
        "encoded", "encrypted", "bytes", "data", "pem", "der", "material", "base", "seed", "prod", "production", "dev",
        "development", "staging", "stage", "stg", "qa", "uat", "live", "test", "testing", "sandbox", "local", "default",
        "override", "current", "new", "old", "secondary", "backup", "alt", "legacy", "admin", "root", "master", "v", "s",
    };

    // Words that, just before any secret word, make the name something else: a public value, a page cursor, a
    // counter, a form field, a fixture, or a name about the secret rather than the secret (its type, id, file, url).
    private static readonly HashSet<string> Disqualifiers = new(StringComparer.Ordinal)
    {
        "public", "pub", "csrf", "xsrf", "cursor", "page", "next", "prev", "previous", "continuation", "pagination", "sync",
        "max", "min", "num", "number", "count", "confirm", "confirmation", "forgot", "reset", "expected", "wrong", "invalid",
        "missing", "empty", "bad", "dummy", "fake", "mock", "sample", "example", "placeholder", "stub", "fixture", "testdata",
        "hashed", "type", "kind", "name", "id", "file", "path", "url", "uri", "endpoint", "format", "label", "field", "form",
        "input", "state", "flag", "option", "output", "result", "results",
    };

    // Words that, just before "key", mean a map, database, cache or UI key rather than a secret one.
    private static readonly HashSet<string> KeyDisqualifiers = new(StringComparer.Ordinal)
    {
        "primary", "foreign", "sort", "partition", "cache", "cached", "idempotency", "tracking", "session", "lookup", "map",
        "dict", "dictionary", "row", "column", "unique", "composite", "natural", "index", "idx", "sequence", "schema", "bucket",
        "registry", "hot", "object", "group", "shard", "routing", "route", "dedup", "dedupe", "message", "translation", "i18n",
        "locale", "lang", "header", "query", "param", "entry", "item", "element", "node", "property", "attr", "attribute",
        "table", "hash", "range", "event", "short", "ui", "dest", "destination", "source", "src", "target", "s3", "blob",
    };

    // A name holding one of these words names a made-up value: FAKE_TOKEN, mockApiKey, example_password.
    private static readonly HashSet<string> Fixtures = new(StringComparer.Ordinal)
    {
        "fake", "dummy", "mock", "mocked", "fixture", "sample", "example", "placeholder", "stub", "testdata", "bogus", "sentinel",
    };

    // A first word that makes the name a function, a question or a flag.
    private static readonly HashSet<string> FirstWordVerbs = new(StringComparer.Ordinal)
    {
        "has", "is", "are", "was", "should", "can", "could", "must", "use", "uses", "enable", "enabled", "disable", "disabled",
        "require", "requires", "required", "with", "without", "no", "allow", "skip", "ignore", "need", "needs", "want", "expect",
        "get", "set", "load", "read", "fetch", "parse", "generate", "gen", "create", "make", "build", "validate", "verify",
        "check", "compute", "derive", "extract", "find", "resolve", "handle", "render", "format", "print", "log", "save",
        "store", "update", "delete", "remove", "clear", "mask", "redact", "hide", "show", "on", "do", "to", "from", "as",
        "init", "apply", "add", "put", "send", "fill", "enter", "prompt", "ask",
    };

    // Before "key", these name the kind of a secret key: api key, signing key, client key, master key…
    private static readonly HashSet<string> SecretKeyKinds = new(StringComparer.Ordinal)
    {
        "api", "access", "secret", "private", "priv", "auth", "signing", "sign", "signature", "encryption", "encrypt", "enc",
        "decryption", "crypt", "crypto", "cipher", "master", "app", "application", "client", "consumer", "service", "account",
        "license", "licence", "hmac", "jwt", "webhook", "db", "database", "shared", "sas", "storage", "subscription", "gpg",
        "pgp", "ssh", "deploy", "aes", "server", "admin", "root", "write", "read", "ingest", "management", "mgmt", "personal",
        "project", "org", "organization", "team", "user", "bot", "sdk", "live", "prod", "test", "stripe", "aws", "azure", "gcp",
        "google", "openai", "twilio", "sendgrid", "mailgun", "slack", "github", "gitlab", "x",
    };

    public static NameStrength Of(ReadOnlySpan<char> name) => Of(name, out _);

    /// <param name="name">the identifier, as written</param>
    /// <param name="password">true when the secret word is a password (pass, pwd, passphrase…): people choose those, so shorter ones count</param>
    public static NameStrength Of(ReadOnlySpan<char> name, out bool password)
    {
        password = false;
        if (name.Length > 128) name = name[^128..];
        // AWS::IAM::AccessKey, Token::ApiKey: a type or enum path names a kind of secret, not one
        var path = name.LastIndexOf("::");
        if (path >= 0 && path + 3 < name.Length && char.IsAsciiLetterUpper(name[path + 2]) && name[(path + 3)..].ContainsAnyInRange('a', 'z'))
            return NameStrength.NotSecret;
        Span<Range> words = stackalloc Range[24];
        var count = Split(name, words);
        if (count == 0) return NameStrength.NotSecret;
        Span<char> lower = stackalloc char[name.Length];
        ReadOnlySpan<char> text = lower[..name.ToLowerInvariant(lower)];
        for (var i = 0; i < count; i++)
            if (Fixtures.Contains(text[words[i]].ToString())) return NameStrength.NotSecret;
        for (var i = count - 1; i >= 0; i--)
        {
            var word = text[words[i]];
            if (!FindStem(word, out var stem, out var prefix, out var suffix)) continue;
            if (!suffix.IsEmpty && !IsQualifier(suffix)) return NameStrength.NotSecret;
            var trailing = false;
            for (var j = i + 1; j < count; j++)
            {
                if (IsQualifier(text[words[j]])) continue;
                if (!TrailingWordsKeepSecret(stem, text, words[j..count])) return NameStrength.NotSecret;
                trailing = true;
                break;
            }
            var before = !prefix.IsEmpty ? prefix : i > 0 ? text[words[i - 1]] : [];
            var isKey = stem is "key" or "keys";
            if (!before.IsEmpty && (Disqualifiers.Contains(before.ToString()) || (isKey && KeyDisqualifiers.Contains(before.ToString()))))
                return NameStrength.NotSecret;
            for (var j = 0; j < i; j++)
                if (text[words[j]] is "public" or "pub" or "publishable") return NameStrength.NotSecret; // publicKeyToken, public_api_key
            var first = i > 0 ? text[words[0]] : prefix;
            if (!first.IsEmpty && FirstWordVerbs.Contains(first.ToString())) return NameStrength.NotSecret;
            password = stem.StartsWith('p');
            if (trailing) return NameStrength.Weak;
            if (!isKey) return NameStrength.Strong;
            return !before.IsEmpty && SecretKeyKinds.Contains(before.ToString()) ? NameStrength.Strong : NameStrength.Weak;
        }
        return NameStrength.NotSecret;
    }

    // Last words of a name that say what a value is when nothing says it is a secret: an id, a digest, a version, a place.
    private static readonly HashSet<string> DescribedValues = new(StringComparer.Ordinal)
    {
        "id", "ids", "uuid", "guid", "commit", "sha", "sha1", "sha256", "hash", "digest", "checksum", "fingerprint", "rev", "revision",
        "version", "ver", "tag", "ref", "build", "url", "uri", "host", "hostname", "domain", "path", "dir", "file", "name", "region",
        "zone", "bucket", "account", "project", "org", "tenant", "env", "mode", "level", "color", "colour", "theme", "locale",
    };

    /// <summary>
    /// For values judged without a secret word (a keyword-free rule: any name in a .env file): the name's last word says
    /// what the value is instead (BUILD_COMMIT, SENTRY_ORG_ID, CDN_URL), so it is no secret.
    /// </summary>
    public static bool DescribesValue(ReadOnlySpan<char> name)
    {
        Span<Range> words = stackalloc Range[24];
        var count = Split(name, words);
        return count > 0 && DescribedValues.Contains(name[words[count - 1]].ToString().ToLowerInvariant());
    }

    // After a secret word, these make the name about the secret (its template, length, rotation) rather than it; the
    // words of the other tables that say so (id, url, env, kind, store, source…) are checked too.
    private static readonly HashSet<string> AboutASecret = new(StringComparer.Ordinal)
    {
        "template", "templates", "pattern", "patterns", "regex", "regexp", "re", "prefix", "suffix", "length", "len", "size",
        "policy", "manager", "provider", "strings", "chars", "alphabet", "charset", "rotation", "ttl", "expiry", "expires",
        "expiration", "lifetime", "timeout", "scope", "scopes", "audience", "issuer", "algorithm", "alg", "method", "arn",
        "reference", "mount", "engine", "backend", "location", "var", "variable",
    };

    /// <summary>
    /// real_secret_which_isnt_an_i_d, secrets_for_no_one_to_find: words after the secret word that neither describe
    /// the value (an id, a url, a template, a length) nor make the name a function or a flag. Such a name is weak: only
    /// a generated value counts, at low confidence. Not for "key", "pass", "pwd" or "tokens" (keyboard_layout,
    /// pass_through, tokens_used), whose following words name other things as often as not.
    /// </summary>
    private static bool TrailingWordsKeepSecret(string stem, ReadOnlySpan<char> text, ReadOnlySpan<Range> rest)
    {
        if (stem is "key" or "keys" or "pass" or "pwd" or "tokens") return false;
        foreach (var word in rest)
        {
            var w = text[word].ToString();
            if (DescribedValues.Contains(w) || Disqualifiers.Contains(w) || KeyDisqualifiers.Contains(w) || FirstWordVerbs.Contains(w)
                || AboutASecret.Contains(w)) return false;
        }
        return true;
    }

    private static bool IsQualifier(ReadOnlySpan<char> word) =>
        ValueQualifiers.Contains(word.ToString()) || !word.ContainsAnyExceptInRange('0', '9') || (word.Length <= 3 && word[0] == 'v' && !word[1..].ContainsAnyExceptInRange('0', '9'));

    /// <summary>The stem ending latest in the word; "pass" and "pwd" only as whole words or with a known prefix; "key" likewise.</summary>
    private static bool FindStem(ReadOnlySpan<char> word, out string stem, out ReadOnlySpan<char> prefix, out ReadOnlySpan<char> suffix)
    {
        stem = "";
        prefix = suffix = default;
        var bestEnd = -1;
        foreach (var candidate in Stems)
        {
            var at = word.LastIndexOf(candidate);
            if (at < 0 || at + candidate.Length <= bestEnd) continue;
            var before = word[..at];
            if (candidate is "pass" or "pwd" or "key" or "keys" && !before.IsEmpty && !KnownPrefix(before)) continue;
            bestEnd = at + candidate.Length;
            stem = candidate;
            prefix = before;
            suffix = word[bestEnd..];
        }
        return bestEnd >= 0;
    }

    // dbpass, userpwd, apikey, secretkey: a glued prefix that is itself a word we know.
    private static bool KnownPrefix(ReadOnlySpan<char> before) =>
        SecretKeyKinds.Contains(before.ToString()) || before is "my" or "db" or "user" or "admin" or "root" or "ftp" or "smtp" or "mail"
            || Disqualifiers.Contains(before.ToString()) || KeyDisqualifiers.Contains(before.ToString());

    /// <summary>Splits an identifier into words: at separators, case changes (camelCase, HTTPServer) and where letters follow digits.</summary>
    private static int Split(ReadOnlySpan<char> name, Span<Range> words)
    {
        var count = 0;
        var start = -1;
        for (var i = 0; i <= name.Length && count < words.Length; i++)
        {
            var boundary = i == name.Length || !char.IsAsciiLetterOrDigit(name[i]) || (start >= 0 && i > start && StartsWord(name, i));
            if (!boundary) { if (start < 0) start = i; continue; }
            if (start >= 0) words[count++] = new Range(start, i);
            start = i < name.Length && char.IsAsciiLetterOrDigit(name[i]) ? i : -1;
        }
        return count;
    }

    private static bool StartsWord(ReadOnlySpan<char> s, int i)
    {
        char previous = s[i - 1], c = s[i];
        if (char.IsAsciiDigit(previous) != char.IsAsciiDigit(c)) return char.IsAsciiDigit(previous) || !char.IsAsciiLetter(previous); // s3, ec2, key2 stay whole
        if (char.IsAsciiLetterLower(previous) && char.IsAsciiLetterUpper(c)) return true;
        return char.IsAsciiLetterUpper(previous) && char.IsAsciiLetterUpper(c) && i + 1 < s.Length && char.IsAsciiLetterLower(s[i + 1]);
    }
}
