namespace Handoff.Core.Secrets;

public static partial class BuiltInRules
{
    private static IEnumerable<SecretRule> PrivateKeys()
    {
        const RuleFamily F = RuleFamily.PrivateKey;
        // A bare BEGIN line is enough; the secret runs to the END line or the end of the string/line, so an
        // escaped key inside JSON/env ("-----BEGIN ...-----\nMII...") is redacted whole.
        yield return R("private-key", F, "PEM private key (RSA, EC, DSA, PKCS#8, encrypted)",
            @"(?<secret>-----BEGIN (?:(?:RSA|EC|DSA|ENCRYPTED|ED25519|X25519|DH|SSH2 ENCRYPTED) )?PRIVATE KEY-----(?:[^""'`\r\n-]|-(?!----END))*(?:-----END [A-Z0-9 ]{0,30}PRIVATE KEY-----)?)",
            "private key-----|begin private key") with { BlockEnd = "-----END ", Confidence = FindingConfidence.High };
        yield return R("openssh-private-key", F, "OpenSSH private key",
            @"(?<secret>-----BEGIN OPENSSH PRIVATE KEY-----(?:[^""'`\r\n-]|-(?!----END))*(?:-----END OPENSSH PRIVATE KEY-----)?)", "openssh private key|") with { BlockEnd = "-----END ", Confidence = FindingConfidence.High };
        yield return R("pgp-private-key", F, "PGP private key block",
            @"(?<secret>-----BEGIN PGP PRIVATE KEY BLOCK-----(?:[^""'`\r\n-]|-(?!----END))*(?:-----END PGP PRIVATE KEY BLOCK-----)?)", "pgp private key block|") with { BlockEnd = "-----END ", Confidence = FindingConfidence.High };
        yield return R("putty-private-key", F, "PuTTY private key file",
            @"(?<secret>PuTTY-User-Key-File-[23]: [\w-]+)", "putty-user-key-file") with { BlockEnd = "Private-MAC:", Confidence = FindingConfidence.High };
        yield return R("dotnet-rsa-xml-private-key", F, ".NET RSA XML private key (<D>, <InverseQ>)",
            @"(?i)<(?<tag>D|DP|DQ|InverseQ|P|Q)>(?<secret>[A-Za-z0-9+/]{20,2000}={0,2})</\k<tag>>", "<d> <dp> <dq> <inverseq>") with { Confidence = FindingConfidence.High };
        yield return R("private-key-der-base64", F, "Base64 DER private key assigned to a private-key name",
            $@"(?i)private[_.-]?key[\w.-]{{0,20}}{Assign}(?<secret>(?-i:MII[A-Za-z0-9+/]{{60,8000}}={{0,2}}))", "private_key privatekey private-key private.key");
    }

    private static IEnumerable<SecretRule> Jwts()
    {
        // A JWT encoded once more in base64 (Kubernetes secrets, config blobs): "eyJ" becomes "ZXlK".
        yield return Prefixed("jwt-base64", RuleFamily.Jwt, "Base64-encoded JSON Web Token (signed)", "ZXlK[A-Za-z0-9+/_-]{60,12000}={0,2}", "zxlk")
            with { Decode = DecodeKind.Base64, DecodedMustMatch = @"^eyJ[\w-]{10,}\.[\w-]{10,}\.[\w-]{16,}" };
        yield return Prefixed("jwt", RuleFamily.Jwt, "JSON Web Token (signed)", @"eyJ[A-Za-z0-9_-]{10,4000}\.eyJ[A-Za-z0-9_-]{10,8000}\.[A-Za-z0-9_-]{16,2000}", "eyj");
    }

    /// <summary>In a URL's password these mean documentation: "mypassword", "REPLACE_WITH_PASSWORD", "your_password".</summary>
    private static readonly string[] PasswordPlaceholders = ["mypassword", "my_password", "yourpassword", "your_password", "replace_with", "replace-with", "replaceme"];

    private static IEnumerable<SecretRule> ConnectionStrings()
    {
        const RuleFamily F = RuleFamily.ConnectionString;
        foreach (var (id, scheme, what, sample, keywords) in new[]
                 {
                     ("postgres-connection-string", "postgres(?:ql)?(?:\\+\\w+)?", "PostgreSQL URL with password", "postgresql", "postgres"),
                     ("mysql-connection-string", "mysql(?:\\+\\w+)?|mariadb", "MySQL / MariaDB URL with password", "mysql", "mysql mariadb"),
                     ("mongodb-connection-string", "mongodb(?:\\+srv)?", "MongoDB URL with password", "mongodb+srv", "mongodb"),
                     ("redis-connection-string", "rediss?", "Redis URL with password", "rediss", "redis"),
                     ("amqp-connection-string", "amqps?", "AMQP / RabbitMQ URL with password", "amqps", "amqp"),
                 })
        {
            yield return R(id, F, what,
                // A raw "/" in the password is allowed (unescaped base64 passwords): database URLs rarely hold an "@" after their path.
                $@"(?i)\b(?:{scheme})://(?<user>[^:/?#\s@""'`]{{0,100}}):(?<secret>(?!\d{{1,5}}/)[^@?#\s""'`]{{3,200}})@[^\s""'`/]", keywords) with { Stopwords = PasswordPlaceholders };
        }
        yield return R("url-basic-auth", F, "Credentials in a URL (scheme://user:password@host)",
            @"(?i)\b(?:https?|ftps?|sftp|ssh|git|smtps?|imaps?|ldaps?|nats|kafka|svn|ws|wss|mssql|sqlserver|clickhouse|cockroachdb|neo4j|couchdb|influxdb|elasticsearch)://(?<user>[^:/?#\s@""'`]{1,100}):(?<secret>[^@/?#\s""'`]{3,200})@[^\s""'`/]",
            "://") with { MinEntropy = 2.5, Stopwords = PasswordPlaceholders };
        yield return R("jdbc-connection-string", F, "JDBC URL with password",
            @"(?i)jdbc:[\w:]+//?[^\s""']*?[?&;](?:password|pwd)=(?<secret>[^&;\s""']{3,200})", "jdbc:");
        yield return R("dotnet-connection-string-password", F, "ADO.NET / Npgsql / SQL Server connection string password",
            @"(?i)(?:Server|Data Source|Host|Addr|Address|Database|Initial Catalog|User Id|Uid|Username)\s*=[^;""']*;(?:[^;""']*;){0,8}?\s*(?:Password|Pwd)\s*=\s*(?<secret>'[^']{3,200}'|[^;""'\s]{3,200})",
            "password=|password =|pwd=|pwd =");
        yield return R("libpq-connection-string-password", F, "libpq key/value connection string password",
            @"(?i)\b(?:host|hostaddr|dbname|user)=[^\s,()]+\s+(?:\w+=[^\s,()]+\s+){0,8}?password=(?<secret>'[^']{3,200}'|[^\s'"",()]{3,200})", "password=");
    }

    private static IEnumerable<SecretRule> Generics()
    {
        yield return R("bearer-token", RuleFamily.Generic, "Authorization bearer / token header with a literal value",
            HotPatterns.BearerToken, "bearer|token ") with { MinEntropy = 3.5, IsGeneric = true, Confidence = FindingConfidence.Low, KeywordAnchored = true };
        yield return R("basic-auth-header", RuleFamily.Generic, "HTTP Basic authorization header (base64 user:password)",
            @"(?i)\bbasic\s+(?<secret>[A-Za-z0-9+/]{8,400}={0,2})", "basic") with { Decode = DecodeKind.Base64, DecodedMustMatch = @"^[^:\s]+:\S{4,}$" };
        yield return R("cli-password-flag", RuleFamily.Generic, "Password / token passed as a command-line flag",
            @"(?i)(?:--(?:password|passwd|token|api-key|apikey|secret|client-secret|access-token|auth-token)[= ]|\bmysql(?:dump|admin)?\b[^\n]*?\s-p)[""']?(?<secret>(?!-)[^\s""'$]{8,500})",
            "--password --passwd --token --api-key --apikey --secret --client-secret --access-token --auth-token mysql") with { MinEntropy = 2.5, IsGeneric = true, Confidence = FindingConfidence.Low };
        yield return R("dockerfile-env-secret", RuleFamily.Generic, "Secret baked into a Dockerfile ENV/ARG",
            HotPatterns.DockerfileEnvSecret,
            "env arg") with { IsGeneric = true, Confidence = FindingConfidence.Low };
        yield return R("xml-attribute-secret", RuleFamily.Generic, "Secret in an XML key/value attribute pair (<add key=\"...Password\" value=\"...\"/>)",
            HotPatterns.XmlAttributeSecret, "key=|key =") with { IsGeneric = true, Confidence = FindingConfidence.Low };
        yield return R("netrc-password", RuleFamily.Generic, ".netrc / _netrc password",
            HotPatterns.NetrcPassword, "password") with { PathPattern = HotPatterns.NetrcPath, MinEntropy = 2.5 };
        yield return R("xml-secret-element", RuleFamily.Generic, "Secret in an XML element (<password>, <secret>, <token>, <apiKey>)",
            @"(?i)<(?<name>[\w:.-]*(?:password|secret|token|apikey|api_key|accesskey))>(?<secret>[^<\s]{8,2000})</", "password> secret> token> apikey> api_key> accesskey>") with { IsGeneric = true, Confidence = FindingConfidence.Low };
        yield return Generic("generic-password", "Password assigned a literal value", HotPatterns.GenericPassword, "pass|pwd");
        yield return Generic("generic-secret", "Secret assigned a literal value", HotPatterns.GenericSecret, "secret");
        yield return Generic("generic-token", "Token assigned a literal value", HotPatterns.GenericToken, "token");
        yield return Generic("generic-api-key", "API / access / signing key assigned a literal value",
            HotPatterns.GenericApiKey,
            "key credential creds");
    }
}
