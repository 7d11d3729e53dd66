namespace Handoff.Core.Secrets.Generic;

/// <summary>How random a value looks: the bar a keyword finding's value must clear.</summary>
internal enum Randomness
{
    /// <summary>Not a secret: too short, too regular, or digits only.</summary>
    None,

    /// <summary>Could be a secret (a human-made password, a short key): reported at low confidence.</summary>
    Weak,

    /// <summary>Looks generated: long enough, several character classes, high entropy for its length.</summary>
    Strong,
}

/// <summary>
/// Reads a value captured after a secret-sounding name the way a reviewer would: is it prose, a name made of words,
/// a public key, or random enough to be a secret? Pure functions of the value, cheap (no regex), so they can run on
/// every keyword match of a long diff.
/// </summary>
internal static class ValueShape
{
    public const int MinLength = 8;

    private static readonly string[] PublicKeyStarts =
    [
        "ssh-rsa ", "ssh-dss ", "ssh-ed25519 ", "ssh-ed448 ", "ecdsa-sha2-", "sk-ssh-", "sk-ecdsa-", "-----BEGIN PUBLIC KEY",
        "-----BEGIN RSA PUBLIC KEY", "-----BEGIN CERTIFICATE", "-----BEGIN PGP PUBLIC KEY", "-----BEGIN OPENSSH PUBLIC KEY",
        "-----BEGIN SSH2 PUBLIC KEY", "---- BEGIN SSH2 PUBLIC KEY",
        // base64 of an SSH public-key blob, and the DER SubjectPublicKeyInfo headers of RSA 2048/4096, P-256, P-384 and Ed25519
        "AAAAB3NzaC1yc2E", "AAAAB3NzaC1kc3M", "AAAAC3NzaC1lZDI1NTE5", "AAAAE2VjZHNhLXNoYTItbmlzdHA", "MIIBIjANBgkqhkiG9w0BAQEFAAOC",
        "MIICIjANBgkqhkiG9w0BAQEFAAOC", "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE", "MHYwEAYHKoZIzj0CAQYFK4EEACIDYgAE", "MCowBQYDK2VwAyEA",
        // publishable keys (Stripe, Mapbox): meant for browsers
        "pk_live_", "pk_test_", "pk.eyJ",
    ];

    /// <summary>An SSH, PEM or DER public key, a certificate, or a publishable key: public by design.</summary>
    public static bool IsPublicKey(ReadOnlySpan<char> value)
    {
        foreach (var start in PublicKeyStarts)
            if (value.StartsWith(start, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>
    /// Several words ("expected an active token after retry", "LICENSE KEY", "The password is incorrect."): two or more
    /// whitespace-separated parts, at least half of them words of letters. A passphrase of random tokens is not prose.
    /// </summary>
    public static bool IsProse(ReadOnlySpan<char> value)
    {
        int parts = 0, words = 0;
        foreach (var range in value.SplitAny(" \t"))
        {
            var part = value[range].Trim(".,;:!?()\"'«»“”‘’");
            if (part.IsEmpty) continue;
            parts++;
            if (IsWord(part)) words++;
        }
        return parts >= 2 && words * 2 >= parts;
    }

    // Letters of any script, possibly with an apostrophe or hyphen inside (don't, e-mail), or a short number.
    private static bool IsWord(ReadOnlySpan<char> part)
    {
        if (part.Length <= 4 && part.ContainsAnyExceptInRange('0', '9') is false) return true;
        foreach (var c in part)
            if (!char.IsLetter(c) && c is not ('\'' or '-' or '’')) return false;
        return true;
    }

    /// <summary>
    /// A name, path or expression made of words rather than a generated value: its letters are mostly pronounceable
    /// words, with at most a few numbers ("GitCredentialFlow", "SOFTWARE\Vendor\App", "validation.array_keys",
    /// "cache-key-linux-x64", "user_123", "Jobs[-1].JobId"), or a version. Unpronounceable letters are not words
    /// ("QQCFiaBTKwMiTw" is random even without a digit). <paramref name="anySymbol"/>: any ASCII punctuation may separate
    /// the words; else only the separators of identifiers and paths, so that a password made of words and symbols
    /// ("Summer2024!") still counts.
    /// </summary>
    public static bool IsWordsOnly(ReadOnlySpan<char> value, bool anySymbol = true)
    {
        int letters = 0, digitRuns = 0;
        var previousDigit = false;
        foreach (var c in value)
        {
            if (char.IsAsciiLetter(c)) { letters++; previousDigit = false; }
            else if (char.IsAsciiDigit(c)) { if (!previousDigit) digitRuns++; previousDigit = true; }
            else if (c is '_' or '.' or '-' or ':' or '/' or '\\' or ' ' or '@' or '|' or ',' || (anySymbol && IsAsciiSymbol(c))) previousDigit = false;
            else return false;
        }
        if (letters <= 2) return digitRuns == 0 || value.Length < 20 || IsVersionLike(value);
        return digitRuns <= 3 && WordLetters(value) * 4 >= letters * 3;
    }

    private static bool IsAsciiSymbol(char c) => c is > ' ' and < '\x7f' && !char.IsAsciiLetterOrDigit(c);

    // 1.2.3, v10.4.0-rc.1: digits in dotted groups.
    private static bool IsVersionLike(ReadOnlySpan<char> value)
    {
        var dots = value.Count('.');
        return dots >= 2 && dots * 4 >= value.Length / 2;
    }

    /// <summary>
    /// Letters that belong to word-like segments (split at case changes, digits and separators): pronounceable ones of
    /// 4+ letters, or short words and acronyms identifiers are made of. Random text has few of either: its case changes
    /// cut it into short chunks.
    /// </summary>
    private static int WordLetters(ReadOnlySpan<char> value)
    {
        var total = 0;
        var start = 0;
        Span<char> lower = stackalloc char[8];
        for (var i = 1; i <= value.Length; i++)
        {
            if (i < value.Length && !IsSegmentBoundary(value, i)) continue;
            var segment = value[start..i];
            start = i;
            if (!char.IsAsciiLetter(segment[0])) continue;
            if (segment.Length >= 4 && IsPronounceable(segment)) total += segment.Length;
            else if (segment.Length <= lower.Length && segment.Length >= 2)
            {
                segment.ToLowerInvariant(lower);
                if (ShortWords.Contains(lower[..segment.Length].ToString())) total += segment.Length;
            }
        }
        return total;
    }

    // Short words and vowel-less acronyms that identifiers are made of.
    private static readonly HashSet<string> ShortWords = new(StringComparer.Ordinal)
    {
        "id", "io", "ui", "db", "os", "ip", "js", "ts", "md", "to", "of", "by", "in", "on", "at", "is", "it", "no", "or", "up",
        "my", "go", "do", "as", "an", "if", "v", "api", "url", "uri", "cli", "sdk", "ssl", "tls", "ssh", "xml", "sql", "jwt",
        "aws", "gcp", "tcp", "udp", "dns", "cdn", "css", "pdf", "png", "jpg", "svg", "csv", "txt", "yml", "sha", "md5", "utf",
        "rsa", "aes", "hex", "env", "dev", "app", "web", "src", "lib", "bin", "obj", "tmp", "log", "max", "min", "add", "get",
        "set", "put", "new", "old", "key", "map", "tag", "ref", "rev", "run", "job", "fix", "bug", "doc", "net", "org", "com",
        "www", "ftp", "git", "hub", "use", "has", "all", "any", "not", "and", "the", "for", "out", "raw", "row", "col", "pkg",
        "cmd", "arg", "opt", "cfg", "err", "msg", "req", "res", "ctx", "val", "var", "str", "int", "len", "idx", "num", "buf",
        "ptr", "fn", "func", "http", "html", "smtp", "sftp", "xmlns", "dll", "exe", "npm", "pip", "gem", "vm", "k8s", "cpu",
        "gpu", "ram", "ssd", "usb", "tty", "pty", "gid", "uid", "pid", "ttl", "eof", "nil", "std", "gnu", "gcc", "dotnet",
    };

    private static bool IsSegmentBoundary(ReadOnlySpan<char> s, int i)
    {
        char previous = s[i - 1], c = s[i];
        if (!char.IsAsciiLetter(c) || !char.IsAsciiLetter(previous)) return char.IsAsciiLetter(c) != char.IsAsciiLetter(previous) || !char.IsAsciiLetterOrDigit(c);
        if (char.IsAsciiLetterLower(previous) && char.IsAsciiLetterUpper(c)) return true;
        // HTMLParser: the last capital of a run starts the next word
        return char.IsAsciiLetterUpper(previous) && char.IsAsciiLetterUpper(c) && i + 1 < s.Length && char.IsAsciiLetterLower(s[i + 1]);
    }

    // Letters only, a vowel in every 6 letters or so ("string"), no run of 5 consonants or 3 vowels, and most letter
    // pairs among those common in English words: how words look. Random letters pass the first tests often enough
    // ("fgneazylaosh"), the last rarely (a quarter of random pairs are common ones, most of a word's are).
    private static bool IsPronounceable(ReadOnlySpan<char> segment)
    {
        int vowels = 0, consonantRun = 0, vowelRun = 0, common = 0;
        for (var i = 0; i < segment.Length; i++)
        {
            var c = (char)(segment[i] | 0x20);
            if (c is < 'a' or > 'z') return false;
            var vowel = c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';
            if (vowel) { vowels++; vowelRun++; consonantRun = 0; }
            else { consonantRun++; vowelRun = 0; }
            if (consonantRun >= 5 || vowelRun >= 3) return false;
            if (i > 0 && CommonPairs.Contains(((char)(segment[i - 1] | 0x20), c))) common++;
        }
        return vowels > 0 && vowels * 6 >= segment.Length && common * 2 >= segment.Length - 1;
    }

    // The letter pairs most frequent in English words and identifiers (183, about a quarter of all pairs), lower case.
    private static readonly HashSet<(char, char)> CommonPairs = BuildPairs(
        "th he in er an re on at en nd ti es or te of ed is it al ar st to nt ng se ha as ou io le ve co me de hi ri ro ic ne ea " +
        "ra ce li ch ll be ma si om ur ca el ta la ns di fo ho pe ec pr no ct us ac ot il tr ly nc et ut ss so rs un lo wa ge ie " +
        "wh ee wi em ad ol rt po we na ul ni ts mo ow pa im mi ai sh ir su id os iv ia am fi ci vi pl ig tu ev ld ry mp fe bl ab " +
        "gh ty op wo sa ay ex ke fr oo av ag if ap gr od bo sp rd do uc bu ck qu ub " +
        // and the pairs of words identifiers are made of: value, key, type, input, default, update, handler, output…
        "ue va lu ey yp fa um pu up da ok du ga gl fl sc sw tw oa rm ep mb nk dl lp pd eq dp xp xt rg ff rk dd au oy ft gi");

    private static HashSet<(char, char)> BuildPairs(string pairs) =>
        pairs.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => (p[0], p[1])).ToHashSet();

    /// <summary>Lower, upper, digit, other: how many of the four occur.</summary>
    public static int CharacterClasses(ReadOnlySpan<char> value)
    {
        bool lower = false, upper = false, digit = false, other = false;
        foreach (var c in value)
        {
            if (char.IsAsciiLetterLower(c)) lower = true;
            else if (char.IsAsciiLetterUpper(c)) upper = true;
            else if (char.IsAsciiDigit(c)) digit = true;
            else other = true;
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }

    /// <summary>
    /// Entropy and character classes against thresholds that grow with the length. Random text of length n has about
    /// log2(n) bits per character while n is below its alphabet's size, so the floors follow log2(n): a short password
    /// needs three character classes, one of 16 or more two, a hex value 16 characters. <paramref name="password"/> lowers
    /// the length a strong value needs (people choose passwords; 8 characters of three classes is one).
    /// </summary>
    public static Randomness Judge(ReadOnlySpan<char> value, bool password)
    {
        var length = value.Length;
        if (length < MinLength) return Randomness.None;
        var entropy = Entropy.Shannon(value);
        var log = Math.Log2(length);
        if (IsHex(value, out var hexLetters, out var hexDigits))
        {
            if (hexLetters == 0) return length >= 20 && entropy >= 3.0 ? Randomness.Weak : Randomness.None; // a number
            if (hexDigits == 0) return Randomness.None;                                                          // a word in a-f
            return length >= 16 && entropy >= 3.0 ? Randomness.Strong : entropy >= Math.Min(2.5, log - 1.2) ? Randomness.Weak : Randomness.None;
        }
        if (entropy < Math.Min(3.0, log - 1.2)) return Randomness.None;
        var classes = CharacterClasses(value);
        if (classes == 1 && !value.ContainsAnyInRange('a', 'z') && !value.ContainsAnyInRange('A', 'Z')) return Randomness.None; // symbols only
        // a labelled hash, or several words: a secret would be one generated token
        if (IsLabelledHash(value) || value.ContainsAny(' ', '\t')) return Randomness.Weak;
        var strong = (classes >= 3 && length >= (password ? 8 : 12) && entropy >= Math.Min(4.0, log - 1.0))
                     || (classes >= 2 && length >= 16 && entropy >= Math.Min(4.2, log - 0.8));
        return strong ? Randomness.Strong : Randomness.Weak;
    }

    /// <summary>Holds an IPv4 address ("10.0.0.0/8,127.0.0.1"): network settings, not a secret.</summary>
    public static bool HasIpAddress(ReadOnlySpan<char> value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (!char.IsAsciiDigit(value[i]) || (i > 0 && (char.IsAsciiLetterOrDigit(value[i - 1]) || value[i - 1] == '.'))) continue;
            var at = i;
            var octets = 0;
            while (octets < 4 && Octet(value, ref at) && (++octets == 4 || (at < value.Length && value[at++] == '.'))) { }
            if (octets == 4 && (at == value.Length || !char.IsAsciiLetterOrDigit(value[at]))) return true;
        }
        return false;
    }

    private static bool Octet(ReadOnlySpan<char> value, ref int at)
    {
        var start = at;
        while (at < value.Length && at - start < 3 && char.IsAsciiDigit(value[at])) at++;
        return at > start;
    }

    private static readonly string[] ReferenceStarts = ["arn:aws:", "arn:aws-cn:", "arn:aws-us-gov:", "s3://", "gs://", "az://", "abfss://", "wasbs://", "file://", "projects/", "urn:"];

    /// <summary>The name or address of a resource (an AWS ARN, a bucket or file URL): where a secret may be, not one.</summary>
    public static bool IsResourceName(ReadOnlySpan<char> value)
    {
        foreach (var start in ReferenceStarts)
            if (value.StartsWith(start, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static readonly string[] PlaceholderPasswords = ["password", "passwd", "secret", "changeme", "letmein", "welcome", "admin", "qwerty", "example", "default", "test", "testing"];

    /// <summary>"P@55w0rd!", "S3cr3t123": a placeholder word in leetspeak, with digits or symbols around it.</summary>
    public static bool IsLeetPlaceholder(ReadOnlySpan<char> value)
    {
        Span<char> letters = stackalloc char[Math.Min(value.Length, 64)];
        var n = 0;
        foreach (var raw in value)
        {
            if (n == letters.Length) return false;
            var c = char.ToLowerInvariant(raw) switch { '0' => 'o', '1' => 'i', '3' => 'e', '4' => 'a', '5' => 's', '7' => 't', '@' => 'a', '$' => 's', var other => other };
            if (char.IsAsciiLetterLower(c)) letters[n++] = c;
            else if (n > 0 && char.IsAsciiLetterLower(letters[n - 1]) && !char.IsAsciiDigit(raw) && !IsAsciiSymbol(raw)) return false;
        }
        var word = letters[..n];
        foreach (var placeholder in PlaceholderPasswords)
            if (word.SequenceEqual(placeholder) || (word.StartsWith(placeholder) && word.Length - placeholder.Length <= 2)) return true;
        return false;
    }

    private static readonly string[] SecretWords = ["password", "passwd", "secret", "token", "apikey", "api_key", "api-key", "credential"];

    /// <summary>
    /// A value that spells out what it stands for ("myapikey123", "dev-token-abc", "super_secret_value"): a stand-in, since
    /// a generated value does not contain such a word.
    /// </summary>
    public static bool NamesItself(ReadOnlySpan<char> value)
    {
        foreach (var word in SecretWords)
            if (value.Contains(word, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>Base64 that decodes to readable words or a placeholder ("not a real password"): an example, not a key.</summary>
    public static bool IsEncodedText(ReadOnlySpan<char> value)
    {
        if (value.Length < 12 || value.Length > 400) return false;
        Span<byte> bytes = stackalloc byte[value.Length];
        if (!Convert.TryFromBase64Chars(value, bytes, out var written) || written == 0) return false;
        Span<char> text = stackalloc char[written];
        for (var i = 0; i < written; i++)
        {
            if (bytes[i] is < 0x20 or > 0x7e) return false;
            text[i] = (char)bytes[i];
        }
        return IsProse(text) || FalsePositiveFilter.IsPlaceholder(text.ToString());
    }

    /// <summary>An absolute path ("/Default/Housekeeping/…", "/srv/app/config"): where something is, not a secret.</summary>
    public static bool IsPath(ReadOnlySpan<char> value) =>
        value.Length > 1 && value[0] == '/' && value[1..].Contains('/') && !value.Contains('+');

    private static readonly string[] PasswordHashStarts = ["$2a$", "$2b$", "$2x$", "$2y$", "$argon2", "$pbkdf2", "$scrypt$", "$1$", "$5$", "$6$", "$apr1$", "{SSHA}", "{SHA}", "{SSHA512}", "pbkdf2_sha256$", "bcrypt$", "sha1$", "md5$"];

    /// <summary>A crypt-style password hash (bcrypt, argon2, PBKDF2, SHA-crypt, LDAP): what a server stores instead of the password.</summary>
    public static bool IsPasswordHash(ReadOnlySpan<char> value)
    {
        foreach (var start in PasswordHashStarts)
            if (value.StartsWith(start, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>
    /// Words followed by a hex hash ("commit-89d3cc…", "linux-node-9f2c…"): a labelled digest or cache key. Random, but
    /// the label says what it is; it never counts as a strong value.
    /// </summary>
    public static bool IsLabelledHash(ReadOnlySpan<char> value)
    {
        var cut = value.LastIndexOfAny("-_.:/");
        if (cut <= 0 || value.Length - cut - 1 < 7) return false;
        return IsHex(value[(cut + 1)..], out _, out var digits) && digits > 0 && IsWordsOnly(value[..cut]);
    }

    private static bool IsHex(ReadOnlySpan<char> value, out int letters, out int digits)
    {
        letters = digits = 0;
        bool lower = false, upper = false;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c)) digits++;
            else if (c is >= 'a' and <= 'f') { letters++; lower = true; }
            else if (c is >= 'A' and <= 'F') { letters++; upper = true; }
            else return false;
        }
        return !(lower && upper);
    }
}
