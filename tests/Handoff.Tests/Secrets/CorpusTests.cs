using Handoff.Core.Secrets;

namespace Handoff.Tests.Secrets;

/// <summary>
/// Recall and false-positive rate on a realistic corpus: lines in many languages and file types that assign a
/// secret in each common syntax, and several hundred clean lines. Secrets are made from random data (seeded),
/// so none is stored verbatim.
/// </summary>
public class CorpusTests
{
    private static readonly string[] GenericSyntaxes =
    [
        "\"dbPassword\": \"{v}\",",
        "  password: {v}",
        "  client_secret: \"{v}\"",
        "API_SECRET={v}",
        "export ACCESS_TOKEN=\"{v}\"",
        "api_key = \"{v}\"",
        "password = {v}",
        "<password>{v}</password>",
        "spring.datasource.password={v}",
        "private const string ApiKey = \"{v}\";",
        "const authToken = '{v}';",
        "export const clientSecret: string = \"{v}\";",
        "SECRET_KEY = \"{v}\"",
        "\ttoken := \"{v}\"",
        "private static final String PASSWORD = \"{v}\";",
        "config.api_key = '{v}'",
        "$password = '{v}';",
        "  master_password = \"{v}\"",
        "ENV API_TOKEN={v}",
        "webhook_secret: '{v}'",
        "  \"ConnectionStrings\": { \"Db\": \"Server=db;Database=app;User Id=app;Password={v};\" }",
        "DATABASE_URL=postgres://app:{v}@db.internal:5432/app",
        "headers: { Authorization: `Bearer {v}` }",
        "<add key=\"SmtpPassword\" value=\"{v}\" />",
        // assignment forms of Go, PHP and make, and values on a line of their own below their name
        "var apiToken string = \"{v}\"",
        "$apiToken .= \"{v}\";",
        "API_TOKEN ?= {v}",
        "API_TOKEN ::= \"{v}\"",
        "API_TOKEN :::= {v}",
        "<apiToken>\n    {v}\n</apiToken>",
        "database:\n  password:\n    value: {v}",
        "[auth]\nsecret_key =\n    {v}",
        "curl -u deploy:{v} https://api.acme.io/v1/builds",
    ];

    private static readonly string[] GenericValues = ["«A20»", "«b32»", "«A10»!«d3»", "«h40»", "«u32»", "«A16»"];

    private static readonly string[] Negatives =
    [
        // identifiers, references, placeholders
        "password = get_password()", "token: string;", "public string Password { get; set; }", "private readonly ITokenProvider _tokenProvider;",
        "const token = await getAccessToken(scopes);", "apiKey: process.env.OPENAI_API_KEY,", "password = os.environ[\"DB_PASSWORD\"]",
        "secret := os.Getenv(\"JWT_SECRET\")", "String password = System.getenv(\"DB_PASSWORD\");", "api_key = ENV.fetch('STRIPE_API_KEY')",
        "$password = getenv('DB_PASSWORD');", "password: ${{ secrets.DB_PASSWORD }}", "token: ${GITHUB_TOKEN}", "DB_PASSWORD=${DB_PASSWORD}",
        "set PASSWORD=%DB_PASSWORD%", "api_key: \"{{ .Values.apiKey }}\"", "password: \"{{ vault_db_password }}\"", "API_KEY=your_api_key_here",
        "OPENAI_API_KEY=<your-openai-key>", "password: changeme", "SECRET_KEY=REDACTED", "token = \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"",
        "password = \"********\"", "AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE", "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        "api_key = \"dummy-api-key-for-tests\"", "FAKE_TOKEN = \"fake-token\"", "password: example", "client_secret: <client-secret>",
        "secret_name: prod/db/credentials", "secretKeyRef:", "  valueFrom: { secretKeyRef: { name: db, key: password } }",
        "password_reset_url = \"/accounts/password/reset\"", "TOKEN_URL = \"https://oauth2.googleapis.com/token\"", "token_type = \"bearer\"",
        "max_tokens = 4096", "PASSWORD_MIN_LENGTH = 12", "if password == confirm_password:", "user.password = hasher.hash(password)",
        "\"UserSecretsId\": \"«UUID»\"", "secret = vault.read(\"secret/data/app\")", "DB_PASSWORD=arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db",
        "password = keyring.get_password(\"svc\", user)", "auth_token = request.headers.get('Authorization')", "api_key = settings.API_KEY",
        "token = jwt.encode(payload, key, algorithm=\"HS256\")", "const { token } = useAuth();", "password: str = Field(..., min_length=8)",
        "tokenizer = AutoTokenizer.from_pretrained(\"bert-base-uncased\")", "primary_key = \"id\"", "keyboard_layout = \"qwerty\"",
        "sort_key = \"created_at\"", "cache_key = f\"user:{user_id}\"", "author = \"Jane Doe <jane@example.org>\"",
        "headers['Authorization'] = 'Bearer ' + token", "Authorization: Bearer <token>", "curl -H \"Authorization: Bearer $TOKEN\" https://api.github.com/user",
        "docker login --password-stdin < ~/.docker/pass", "echo \"$DOCKER_PASSWORD\" | docker login -u \"$DOCKER_USER\" --password-stdin",
        "# Set GITHUB_TOKEN in your environment before running", "// TODO: rotate the api key every 90 days",
        "password: !vault |", "-----BEGIN PUBLIC KEY-----", "-----BEGIN CERTIFICATE-----", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI«b43» dev@laptop",
        "mapboxgl.accessToken = 'pk.eyJ«u60».«u22»';", "url = \"https://user:password@example.com\"", "DATABASE_URL=postgres://postgres:postgres@localhost:5432/dev",
        // hashes, ids, digests, encoded images
        "\"integrity\": \"sha512-«b86»==\",", "  resolved \"https://registry.yarnpkg.com/lodash/-/lodash-4.17.21.tgz#«h40»\"",
        "  integrity sha512-«b86»==", "image: ghcr.io/acme/api@sha256:«h64»", "FROM node:20-alpine@sha256:«h64»", "commit «h40»",
        "Merge: «h7» «h7»", "\"sha\": \"«h40»\",", "rev = \"«h40»\"", "git checkout «h40»", "\"id\": \"«UUID»\",", "correlation_id = \"«UUID»\"",
        "request_id: «UUID»", "<img src=\"data:image/png;base64,«b120»\" />", "background: url(data:image/svg+xml;base64,«b80»);",
        "h1:«b43»=", "golang.org/x/crypto v0.21.0 h1:«b43»=", "checksum = \"«h64»\"", "etag: W/\"«h32»\"", "\"hash\": \"«h32»\"",
        "nonce = \"«h16»\"", "color: #«h6»;", "version = \"1.2.3\"", "<PackageReference Include=\"Newtonsoft.Json\" Version=\"13.0.3\" />",
        "<Project Sdk=\"Microsoft.NET.Sdk\">", "<TargetFramework>net10.0</TargetFramework>", "<add key=\"nuget.org\" value=\"https://api.nuget.org/v3/index.json\" />",
        // ordinary code in many languages
        "def compute_total(items):", "    return sum(item.price * item.qty for item in items)", "import os, sys, json", "from typing import Optional",
        "class TokenBucket:", "    def __init__(self, rate: float, capacity: int) -> None:", "        self.tokens = capacity", "func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {",
        "\tif err != nil {", "\t\treturn fmt.Errorf(\"load config: %w\", err)", "package main", "public sealed class OrderService(IOrderRepository repository)",
        "    var order = await repository.GetAsync(id, cancellationToken);", "    if (order is null) throw new NotFoundException(id);",
        "using Microsoft.Extensions.Logging;", "namespace Acme.Orders;", "export default function App() {", "  const [state, setState] = useState(null);",
        "  useEffect(() => { fetchData().then(setState); }, []);", "  return <div className=\"app\">{state?.title}</div>;", "import React from 'react';",
        "const router = express.Router();", "router.post('/login', async (req, res) => {", "  const { username, password } = req.body;",
        "  const ok = await bcrypt.compare(password, user.passwordHash);", "public static void main(String[] args) {", "    System.out.println(\"Hello\");",
        "@Autowired private UserRepository userRepository;", "fn main() -> Result<(), Box<dyn Error>> {", "    let token = env::var(\"API_TOKEN\")?;",
        "    println!(\"{}\", token.len());", "SELECT id, email FROM users WHERE password_hash IS NOT NULL;", "CREATE INDEX idx_tokens_user ON tokens(user_id);",
        "ALTER TABLE api_keys ADD COLUMN revoked_at TIMESTAMP;", "def authenticate(username, password):", "    user = User.find_by(email: params[:email])",
        "    if user&.authenticate(params[:password])", "<?php echo htmlspecialchars($title); ?>", "$user = User::where('email', $email)->first();",
        "if [ -z \"$GITHUB_TOKEN\" ]; then echo 'missing token' >&2; exit 1; fi", "for f in *.json; do jq . \"$f\" > /dev/null; done",
        "resource \"aws_db_instance\" \"main\" {", "  password = var.db_password", "  password = random_password.db.result", "variable \"db_password\" { sensitive = true }",
        "  engine = \"postgres\"", "provider \"aws\" { region = \"eu-west-1\" }", "apiVersion: v1", "kind: Secret", "type: Opaque", "metadata:", "  name: app-secrets",
        "spec:", "  replicas: 3", "        image: nginx:1.25", "          - containerPort: 8080", "      env:", "        - name: DB_PASSWORD",
        "          valueFrom:", "            secretKeyRef:", "              name: db", "              key: password", "on: [push, pull_request]",
        "      - uses: actions/checkout@v4", "        with:", "          token: ${{ secrets.GITHUB_TOKEN }}", "      - run: dotnet test --no-build",
        "[tool.poetry]", "name = \"acme\"", "python = \"^3.11\"", "[database]", "host = localhost", "port = 5432", "user = app",
        "log_level = info", "timeout_seconds = 30", "retry_count = 3", "{ \"name\": \"acme-web\", \"version\": \"2.4.1\", \"private\": true }",
        "\"scripts\": { \"build\": \"tsc -p .\", \"test\": \"jest\" },", "\"dependencies\": { \"express\": \"^4.19.2\" }", "# Changelog", "## 2.4.1 - fix token refresh race",
        "See https://docs.github.com/en/authentication for details.", "The API key is passed in the X-Api-Key header.", "Passwords are hashed with argon2id.",
        "| Name | Type | Description |", "| token | string | The access token returned by /oauth/token |", "logger.info(\"refreshing token for %s\", user_id)",
        "raise ValueError(\"password must be at least 12 characters\")", "assert response.status_code == 401", "expect(screen.getByText('Sign in')).toBeVisible();",
        "it('rejects an expired token', async () => {", "  const expired = makeToken({ exp: 0 });", "@pytest.fixture", "def api_client(settings):",
        "ENV NODE_ENV=production", "ARG VERSION", "RUN npm ci && npm run build", "COPY --from=build /app/dist /usr/share/nginx/html", "EXPOSE 8080",
        "machine github.com login octocat", "registry=https://registry.npmjs.org/", "always-auth=true", "@acme:registry=https://npm.pkg.github.com",
        "[distutils]", "index-servers = pypi", "username = __token__", "<server><id>central</id><username>${env.MAVEN_USER}</username><password>${env.MAVEN_PASSWORD}</password></server>",
        "jdbc:postgresql://db:5432/app?sslmode=require", "Host=pg;Username=app;Password=${PG_PASSWORD};Database=app", "mongodb://localhost:27017/test",
        "redis://redis:6379/0", "amqp://guest:guest@localhost:5672/", "const re = /^[A-Za-z0-9+/]{40}$/;", "key = key.strip().lower()",
        "for key, value in sorted(config.items()):", "keys = list(mapping.keys())", "if (e.key === 'Enter') submit();", "public_key = load_pem_public_key(data)",
        "private_key = serialization.load_pem_private_key(pem, password=None)", "signing_key = SigningKey.generate()", "api_version = \"2024-06-01\"",
        "secret_arn = aws_secretsmanager_secret.db.arn", "password_policy { minimum_length = 14 }", "token_endpoint: https://login.acme.io/oauth2/token",
        "AZURE_CLIENT_ID=«UUID»", "AZURE_TENANT_ID=«UUID»", "TWILIO_ACCOUNT_SID=AC«h32»", "GOOGLE_CLOUD_PROJECT=acme-prod-123456", "SENTRY_DSN=https://«h32»@o123456.ingest.sentry.io/1234567",
        "NEXT_PUBLIC_SUPABASE_URL=https://abcdefghijklmnop.supabase.co", "STRIPE_PUBLISHABLE_KEY=pk_live_«A24»", "slack_channel: '#deploys'", "region: us-east-1",
        "services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)", "options.TokenValidationParameters = new TokenValidationParameters", "ValidateIssuerSigningKey = true,",
        "var handler = new JwtSecurityTokenHandler();", "builder.Configuration.GetConnectionString(\"Default\")", "\"Logging\": { \"LogLevel\": { \"Default\": \"Information\" } },",
        "\"AllowedHosts\": \"*\",", "\"Jwt\": { \"Issuer\": \"https://auth.acme.io\", \"Audience\": \"api\" },", "const secretsClient = new SecretClient(vaultUrl, credential);",
        "credential = DefaultAzureCredential()", "creds = service_account.Credentials.from_service_account_file(path)", "session = boto3.Session(profile_name=\"dev\")",
        "s3 = session.client(\"s3\", region_name=\"eu-west-1\")", "aws s3 cp build/ s3://acme-web/ --recursive", "gh auth login --with-token < token.txt",
        "git config --global credential.helper store", "kubectl create secret generic db --from-literal=password=\"$DB_PASSWORD\"", "helm upgrade --install api ./chart -f values.yaml",
        "terraform apply -var=\"db_password=$TF_VAR_db_password\"", "openssl genrsa -out private.key 4096", "ssh-keygen -t ed25519 -C \"ci@acme\" -f deploy_key",
        "chmod 600 ~/.ssh/id_ed25519", "gpg --armor --export-secret-keys ABCDEF > /dev/null", "if (!apiKey) throw new Error('API key missing');",
        "const hashed = crypto.createHash('sha256').update(secret).digest('hex');", "hmac = hmac.new(secret.encode(), msg, hashlib.sha256)", "return jsonify(access_token=token, token_type='bearer')",
        "refresh_token = models.CharField(max_length=255)", "password = models.CharField(max_length=128)", "token = serializers.CharField(read_only=True)",
        "@Column(name = \"password_hash\", nullable = false)", "private String passwordHash;", "[JsonIgnore] public string? ApiKey { get; init; }",
        "pub struct Config { pub api_key: Option<String> }", "type Credentials struct { Username string; Password string }", "interface AuthResponse { accessToken: string; expiresIn: number }",
    ];

    // Independent of the rules: each syntax above with each kind of value. The rules' own samples are not counted here
    // (RuleSampleTests requires every one of them), so the bar below limits only these lines.
    private static List<string> Positives(Random random) =>
        GenericSyntaxes.SelectMany(syntax => GenericValues.Select(value => SampleTemplate.Expand(syntax.Replace("{v}", value), random))).ToList();

    [Test]
    public void Recall_and_false_positive_rate_on_a_realistic_corpus()
    {
        var random = new Random(20260101);
        var scanner = new SecretScanner(SecretScanConfig.Default);
        var positives = Positives(random);
        var negatives = Negatives.Select(n => SampleTemplate.Expand(n, random)).ToList();

        var missed = positives.Where(p => scanner.ScanText("src/settings.txt", p).Count == 0).ToList();
        var falsePositives = negatives.Select(n => (Line: n, Findings: scanner.ScanText("src/code.txt", n))).Where(r => r.Findings.Count > 0).ToList();

        var recall = 1.0 - (double)missed.Count / positives.Count;
        var fpRate = (double)falsePositives.Count / negatives.Count;
        TestContext.Out.WriteLine($"corpus: {positives.Count} secret lines, {negatives.Count} clean lines");
        TestContext.Out.WriteLine($"  recall {100 * recall:F1}% ({positives.Count - missed.Count}/{positives.Count}), false positives {100 * fpRate:F2}% ({falsePositives.Count}/{negatives.Count})");
        foreach (var m in missed) TestContext.Out.WriteLine($"  missed {m[..Math.Min(70, m.Length)].ReplaceLineEndings("⏎")}…");
        foreach (var fp in falsePositives) TestContext.Out.WriteLine($"  false positive {string.Join(",", fp.Findings.Select(f => f.RuleId))}: {fp.Findings[0].Preview}");

        Assert.That(positives, Has.Count.GreaterThanOrEqualTo(GenericSyntaxes.Length * GenericValues.Length));
        Assert.That(negatives, Has.Count.GreaterThanOrEqualTo(250));
        Assert.That(recall, Is.GreaterThanOrEqualTo(0.98));
        Assert.That(fpRate, Is.LessThan(0.01));
    }
}
