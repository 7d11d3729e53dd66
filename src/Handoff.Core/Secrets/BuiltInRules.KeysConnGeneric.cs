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
            "private key-----|begin private key",
            ["-----BEGIN RSA PRIVATE KEY-----", "  \"private_key\": \"-----BEGIN PRIVATE KEY-----\\n«b64»\\n«b64»\\n-----END PRIVATE KEY-----\\n\",", "KEY=\"-----BEGIN EC PRIVATE KEY-----\\nMHcCAQEE«b40»\\n-----END EC PRIVATE KEY-----\""],
            ["-----BEGIN PUBLIC KEY-----", "-----BEGIN CERTIFICATE-----", "// load the private key from disk"]) with { BlockEnd = "-----END ", Confidence = FindingConfidence.High };
        yield return R("openssh-private-key", F, "OpenSSH private key",
            @"(?<secret>-----BEGIN OPENSSH PRIVATE KEY-----(?:[^""'`\r\n-]|-(?!----END))*(?:-----END OPENSSH PRIVATE KEY-----)?)", "openssh private key|",
            ["-----BEGIN OPENSSH PRIVATE KEY-----", "ssh_key: \"-----BEGIN OPENSSH PRIVATE KEY-----\\nb3BlbnNzaC1rZXktdjEAAAAA«b60»\\n-----END OPENSSH PRIVATE KEY-----\""],
            ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI«b43» user@host", "-----BEGIN OPENSSH PUBLIC KEY-----"]) with { BlockEnd = "-----END ", Confidence = FindingConfidence.High };
        yield return R("pgp-private-key", F, "PGP private key block",
            @"(?<secret>-----BEGIN PGP PRIVATE KEY BLOCK-----(?:[^""'`\r\n-]|-(?!----END))*(?:-----END PGP PRIVATE KEY BLOCK-----)?)", "pgp private key block|",
            ["-----BEGIN PGP PRIVATE KEY BLOCK-----", "GPG_KEY=\"-----BEGIN PGP PRIVATE KEY BLOCK-----\\n\\nlQOYBF«b60»\\n-----END PGP PRIVATE KEY BLOCK-----\""],
            ["-----BEGIN PGP PUBLIC KEY BLOCK-----", "-----BEGIN PGP SIGNATURE-----"]) with { BlockEnd = "-----END ", Confidence = FindingConfidence.High };
        yield return R("putty-private-key", F, "PuTTY private key file",
            @"(?<secret>PuTTY-User-Key-File-[23]: [\w-]+)", "putty-user-key-file",
            ["PuTTY-User-Key-File-2: ssh-rsa", "PuTTY-User-Key-File-3: ssh-ed25519"],
            ["# PuTTY key files (.ppk) are withheld", "PuTTY-User-Key-File"]) with { BlockEnd = "Private-MAC:", Confidence = FindingConfidence.High };
        yield return R("dotnet-rsa-xml-private-key", F, ".NET RSA XML private key (<D>, <InverseQ>)",
            @"(?i)<(?<tag>D|DP|DQ|InverseQ|P|Q)>(?<secret>[A-Za-z0-9+/]{20,2000}={0,2})</\k<tag>>", "<d> <dp> <dq> <inverseq>",
            ["<RSAKeyValue><Modulus>«b172»==</Modulus><Exponent>AQAB</Exponent><P>«b86»==</P><D>«b170»==</D></RSAKeyValue>", "  <InverseQ>«b86»==</InverseQ>"],
            ["<RSAKeyValue><Modulus>«b172»==</Modulus><Exponent>AQAB</Exponent></RSAKeyValue>", "<p>Hello world, this is a paragraph of HTML text.</p>"]) with { Confidence = FindingConfidence.High };
        yield return R("private-key-der-base64", F, "Base64 DER private key assigned to a private-key name",
            $@"(?i)private[_.-]?key[\w.-]{{0,20}}{Assign}(?<secret>(?-i:MII[A-Za-z0-9+/]{{60,8000}}={{0,2}}))", "private_key privatekey private-key private.key",
            ["PRIVATE_KEY=MIIEvQIBADANBgkqhkiG9w0BAQEFAASC«b200»", "\"privateKey\": \"MIIEpAIBAAKCAQEA«b300»==\""],
            ["PRIVATE_KEY_PATH=/etc/keys/key.pem", "publicKey: \"MIIBIjANBgkqhkiG9w0BAQEFAAOC«b200»\""]);
    }

    private static IEnumerable<SecretRule> Jwts()
    {
        yield return Prefixed("jwt", RuleFamily.Jwt, "JSON Web Token (signed)", @"eyJ[A-Za-z0-9_-]{10,4000}\.eyJ[A-Za-z0-9_-]{10,8000}\.[A-Za-z0-9_-]{16,2000}", "eyj",
            ["Authorization: Bearer «JWT»", "const token = '«JWT»';"],
            ["token = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c'", "unsigned = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiIxMjM0In0.'"]);
    }

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
                $@"(?i)\b(?:{scheme})://(?<user>[^:/?#\s@""'`]{{0,100}}):(?<secret>[^@/?#\s""'`]{{3,200}})@[^\s""'`/]", keywords,
                [$"DATABASE_URL={sample}://app:«A20»@db.internal:5432/app", $"url = \"{sample}://svc_user:«A12»%40«A6»@10.0.0.5/prod\""],
                [$"DATABASE_URL={sample}://app:${{DB_PASSWORD}}@db:5432/app", $"url = \"{sample}://user:password@localhost/db\""]);
        }
        yield return R("url-basic-auth", F, "Credentials in a URL (scheme://user:password@host)",
            @"(?i)\b(?:https?|ftps?|sftp|ssh|git|smtps?|imaps?|ldaps?|nats|kafka|svn|ws|wss|mssql|sqlserver|clickhouse|cockroachdb|neo4j|couchdb|influxdb|elasticsearch)://(?<user>[^:/?#\s@""'`]{1,100}):(?<secret>[^@/?#\s""'`]{3,200})@[^\s""'`/]",
            "://",
            ["git clone https://deploy:«A20»@git.internal.net/team/repo.git", "SMTP_URL=smtps://mailer:«A16»@smtp.acme.io:465"],
            ["https://user:password@example.com", "https://user:${TOKEN}@host/repo.git"]) with { MinEntropy = 2.5 };
        yield return R("jdbc-connection-string", F, "JDBC URL with password",
            @"(?i)jdbc:[\w:]+//?[^\s""']*?[?&;](?:password|pwd)=(?<secret>[^&;\s""']{3,200})", "jdbc:",
            ["spring.datasource.url=jdbc:postgresql://db:5432/app?user=app&password=«A16»", "url=\"jdbc:sqlserver://db:1433;databaseName=app;user=sa;password=«A14»;\""],
            ["jdbc:postgresql://db:5432/app?user=app&password=${DB_PASSWORD}", "jdbc:mysql://localhost:3306/app?useSSL=false"]);
        yield return R("dotnet-connection-string-password", F, "ADO.NET / Npgsql / SQL Server connection string password",
            @"(?i)(?:Server|Data Source|Host|Addr|Address|Database|Initial Catalog|User Id|Uid|Username)\s*=[^;""']*;(?:[^;""']*;){0,8}?\s*(?:Password|Pwd)\s*=\s*(?<secret>'[^']{3,200}'|[^;""'\s]{3,200})",
            "password=|password =|pwd=|pwd =",
            ["\"Default\": \"Server=sql.internal;Database=app;User Id=app;Password=«A18»;TrustServerCertificate=true\"", "var cs = \"Host=pg;Username=app;Password=«A16»;Database=app\";"],
            ["\"Default\": \"Server=(localdb)\\\\mssqllocaldb;Database=app;Trusted_Connection=True\"", "Host=pg;Username=app;Password=${PG_PASSWORD};"]);
        yield return R("libpq-connection-string-password", F, "libpq key/value connection string password",
            @"(?i)\b(?:host|hostaddr|dbname|user)=[^\s,()]+\s+(?:\w+=[^\s,()]+\s+){0,8}?password=(?<secret>'[^']{3,200}'|[^\s'"",()]{3,200})", "password=",
            ["conn = psycopg2.connect(\"host=db dbname=app user=app password=«A16»\")", "PGCONN='host=10.0.0.4 port=5432 user=svc password=«A20» sslmode=require'"],
            ["\"host=db dbname=app user=app password=$PGPASSWORD\"", "host=db user=app sslmode=require", "def connect(host, user=None, password=None, timeout=30):"]);
    }

    private static IEnumerable<SecretRule> Generics()
    {
        yield return R("bearer-token", RuleFamily.Generic, "Authorization bearer / token header with a literal value",
            HotPatterns.BearerToken, "bearer|token ",
            ["curl -H \"Authorization: Bearer «u40»\" https://api.acme.io", "headers['Authorization'] = 'Bearer «A32»'"],
            ["Authorization: Bearer ${TOKEN}", "headers['Authorization'] = 'Bearer ' + token", "aws dynamodb list-tables --starting-token «A40»"]) with { MinEntropy = 3.5, IsGeneric = true, Confidence = FindingConfidence.Low, KeywordAnchored = true };
        yield return R("basic-auth-header", RuleFamily.Generic, "HTTP Basic authorization header (base64 user:password)",
            @"(?i)\bbasic\s+(?<secret>[A-Za-z0-9+/]{8,400}={0,2})", "basic",
            ["Authorization: Basic «B64:admin:‹A16›»", "req.headers['Authorization'] = 'Basic «B64:ci-bot:‹A24›»'"],
            ["Authorization: Basic ${CREDS}", "basic «B64:no-colon-here»"]) with { Decode = DecodeKind.Base64, DecodedMustMatch = @"^[^:\s]+:\S{4,}$" };
        yield return R("cli-password-flag", RuleFamily.Generic, "Password / token passed as a command-line flag",
            @"(?i)(?:--(?:password|passwd|token|api-key|apikey|secret|client-secret|access-token|auth-token)[= ]|\bmysql(?:dump|admin)?\b[^\n]*?\s-p)[""']?(?<secret>(?!-)[^\s""'$]{8,500})",
            "--password --passwd --token --api-key --apikey --secret --client-secret --access-token --auth-token mysql",
            ["docker login --username ci --password «A20» registry.acme.io", "mysql -u root -p«A12» app < dump.sql"],
            ["docker login --password-stdin", "az login --password $AZ_PASSWORD", "gh gist list --secret --public"]) with { MinEntropy = 2.5, IsGeneric = true, Confidence = FindingConfidence.Low };
        yield return R("dockerfile-env-secret", RuleFamily.Generic, "Secret baked into a Dockerfile ENV/ARG",
            HotPatterns.DockerfileEnvSecret,
            "env arg",
            ["ENV DB_PASSWORD «A16»", "ARG NPM_TOKEN=«A36»"],
            ["ARG NPM_TOKEN", "ENV DB_PASSWORD=${DB_PASSWORD}"]) with { IsGeneric = true, Confidence = FindingConfidence.Low };
        yield return R("xml-attribute-secret", RuleFamily.Generic, "Secret in an XML key/value attribute pair (<add key=\"...Password\" value=\"...\"/>)",
            HotPatterns.XmlAttributeSecret, "key=|key =",
            ["<add key=\"SmtpPassword\" value=\"«A14»\" />", "<add key='Stripe:ApiKey' value='«A32»'/>"],
            ["<add key=\"SmtpPassword\" value=\"%SMTP_PASSWORD%\" />", "<add key=\"TokenLifetime\" value=\"00:30:00\" />"]) with { IsGeneric = true, Confidence = FindingConfidence.Low };
        yield return R("netrc-password", RuleFamily.Generic, ".netrc / _netrc password",
            HotPatterns.NetrcPassword, "password",
            ["machine github.com login bot password «A24»", "  password «A16»"],
            ["machine github.com login bot", "# password is read from the keychain"]) with { PathPattern = HotPatterns.NetrcPath, SamplePath = ".netrc", MinEntropy = 2.5 };
        yield return R("xml-secret-element", RuleFamily.Generic, "Secret in an XML element (<password>, <secret>, <token>, <apiKey>)",
            @"(?i)<(?<name>[\w:.-]*(?:password|secret|token|apikey|api_key|accesskey))>(?<secret>[^<\s]{8,2000})</", "password> secret> token> apikey> api_key> accesskey>",
            ["<password>«A16»</password>", "<server><id>repo</id><username>ci</username><password>«A20»</password></server>"],
            ["<password>${env.MAVEN_PASSWORD}</password>", "<tokenEndpoint>https://login.acme.io/token</tokenEndpoint>"]) with { IsGeneric = true, Confidence = FindingConfidence.Low };
        yield return Generic("generic-password", "Password assigned a literal value", HotPatterns.GenericPassword, "pass|pwd",
            ["DB_PASSWORD=«A16»", "    password: \"«A8»«d2»!\"", "spring.datasource.password=«A14»", "define('DB_PASSWORD', '«A12»');"],
            ["password = get_password()", "password: string", "if password == confirm_password:", "PASSWORD_MIN_LENGTH = 12", "password: ${{ secrets.DB_PASSWORD }}", "password = os.environ[\"DB_PASSWORD\"]"]);
        yield return Generic("generic-secret", "Secret assigned a literal value", HotPatterns.GenericSecret, "secret",
            ["client_secret = \"«A32»\"", "JWT_SECRET=«b40»", "\"ClientSecret\": \"«A24»\""],
            ["client_secret = process.env.CLIENT_SECRET", "secret_name: prod/db/credentials", "secretKeyRef: { name: db, key: password }", "\"UserSecretsId\": \"«UUID»\""]);
        yield return Generic("generic-token", "Token assigned a literal value", HotPatterns.GenericToken, "token",
            ["auth_token = '«A40»'", "ACCESS_TOKEN=«u48»", "\"refreshToken\": \"«u64»\""],
            ["token: string;", "max_tokens = 4096", "token_type = \"bearer\"", "token = request.headers.get('Authorization')"]);
        yield return Generic("generic-api-key", "API / access / signing key assigned a literal value",
            HotPatterns.GenericApiKey,
            "key credential creds",
            ["API_KEY=«A32»", "const apiKey = \"«A24»\";", "encryption_key: «b44»", "headers = {\"X-Api-Key\": \"«h40»\"}"],
            ["apiKey: process.env.API_KEY", "primary_key = \"id\"", "\"integrity\": \"sha512-«b86»==\"", "api_key = \"«UUID»\"", "cache_key = f\"user:{user_id}\"", "key: \"commit-«h40»\""]);
    }
}
