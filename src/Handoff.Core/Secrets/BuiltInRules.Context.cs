namespace Handoff.Core.Secrets;

public static partial class BuiltInRules
{
    /// <summary>Secrets told apart by where they are rather than by a prefix: command lines, .env files, key names.</summary>
    private static IEnumerable<SecretRule> Contexts()
    {
        const RuleFamily F = RuleFamily.Generic;
        // curl -u user:pass, --user 'user:pass', --user user:'pass', -u ":token" (also wget / httpie flags of the same name).
        // Not a URL (other tools' -u takes one: 'https://…' is no user:password) nor a variable ($PASS, %PASS%).
        yield return R("curl-basic-auth", F, "User and password given on a command line with -u / --user",
            @"(?:^|\s)(?:-u|--user|--http-user)(?:=|\s{1,5})(?:(?<q>[""'])(?<user>[^:""'\s<>{}]{0,100}):(?![$%]|//)(?<secret>[^""'\s<>{}]{3,200})\k<q>"
            + @"|(?<q1>[""']?)(?<user>[^\s:""'$<>{}]{1,100})\k<q1>:(?<q2>[""']?)(?![$%]|//)(?<secret>[^\s""'<>{}]{3,200})\k<q2>)(?=[\s;|&)]|$)",
            "-u |-u=|--user|--http-user") with { MinEntropy = 2.5 };
        // curl -H "Authorization: …", -H 'X-Api-Key: …', --header "Private-Token: …".
        yield return R("curl-auth-header", F, "Credential in a header given on a command line with -H / --header",
            @"(?i)(?:^|\s)(?:-H|--header)(?:=|\s{1,5})(?<q>[""'])(?:proxy-)?(?:authorization|x-[\w-]{0,40}(?:key|token|auth|secret)|[\w-]{0,20}api-?key|(?:private-|access-|auth-)?token)\s*:\s*"
            + @"(?:(?:bearer|token|basic|apikey|key)\s+)?(?<secret>[^\s""'<>{}]{12,2000})(?-i:\k<q>)",
            "-h \"|-h '|-h=|--header") with { MinEntropy = 3.0 };
    }

    /// <summary>Last in the catalog: where a keyword rule finds the same value, its finding (and confidence) is the one kept.</summary>
    private static IEnumerable<SecretRule> KeywordFreeValues()
    {
        const RuleFamily F = RuleFamily.Generic;
        // Keyword-free values in .env-style files (detect-secrets' high-entropy strings, with its guards: placeholders,
        // ids, UUIDs, URLs and words are left alone). Hex and other values have their own entropy floor.
        yield return R("dotenv-high-entropy-value", F, "High-entropy value in a .env-style file, whatever its name",
            @"^\s*(?:export\s+)?(?<name>[A-Za-z_][A-Za-z0-9_.-]{0,80})\s*=\s*(?<q>[""']?)(?<secret>(?:base64:)?(?=[A-Za-z0-9+/=_.~-]*[0-9])(?=[A-Za-z0-9+/=_.~-]*[A-Za-z])[A-Za-z0-9+/=_.~-]{20,1000})\k<q>\s*(?:#.*)?$", "")
            with { PathPattern = HotPatterns.DotenvContentPath, IsGeneric = true, Confidence = FindingConfidence.Low, MinEntropy = 4.2 };
        yield return R("dotenv-high-entropy-hex", F, "High-entropy hex value in a .env-style file, whatever its name",
            @"^\s*(?:export\s+)?(?<name>[A-Za-z_][A-Za-z0-9_.-]{0,80})\s*=\s*(?<q>[""']?)(?<secret>(?=[0-9]*[a-fA-F])[a-fA-F0-9]{32,128})\k<q>\s*(?:#.*)?$", "")
            with { PathPattern = HotPatterns.DotenvContentPath, IsGeneric = true, Confidence = FindingConfidence.Low, MinEntropy = 3.0 };
    }

    private static IEnumerable<SecretRule> CryptoKeys()
    {
        // A raw secp256k1 (Bitcoin, Ethereum) private key is 32 bytes in hex, like any hash: only its name or the words
        // around it tell it apart, never the 64 hex digits alone.
        const string Owner = @"(?:wallet|signer|signing|deployer|eth(?:ereum)?|evm|secp256k1)[_.-]?";
        yield return R("secp256k1-private-key", RuleFamily.PrivateKey, "Raw secp256k1 / Ethereum private key (64 hex) named or described as one",
            $@"(?i)(?:(?:(?:{Owner})?priv(?:ate)?[_.-]?key|{Owner}key|privkey)[\w.-]{{0,20}}{Assign}(?<secret>(?-i:(?:0x)?[0-9a-fA-F]{{64}}))(?![0-9A-Za-z])"
            + @"|(?:private key|privkey|wallet|secp256k1)\b[^\n]{0,60}?(?<![0-9a-fA-F])(?<secret>(?-i:0x[0-9a-fA-F]{64}))(?![0-9A-Za-z]))",
            "private_key|privatekey|private-key|private.key|private key|privkey|priv_key|wallet|signer_key|signerkey|signing_key|signingkey|deployer_key|deployerkey|secp256k1") with { MinEntropy = 3.0, Confidence = FindingConfidence.High, KeywordAnchored = true };
    }
}
