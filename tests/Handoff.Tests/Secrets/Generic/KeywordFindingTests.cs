using Handoff.Core.Secrets;

namespace Handoff.Tests.Secrets.Generic;

/// <summary>
/// Keyword (generic) findings on whole lines, scanned as the file they would sit in. The false alarms are of the shapes
/// real repositories hold (each written here with other names and values); the secrets are made at random each run.
/// </summary>
public class KeywordFindingTests
{
    private readonly Random _random = new(20260111);
    private readonly SecretScanner _scanner = new(SecretScanConfig.Default);

    /// <summary>A generated-looking value: upper, lower and digits, no word in it.</summary>
    private string Generated(int length = 24)
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghjkmnpqrstuvwxyz", digits = "23456789";
        var all = upper + lower + digits;
        var chars = Enumerable.Range(0, length).Select(i => i switch
        {
            0 => upper[_random.Next(upper.Length)],
            1 => digits[_random.Next(digits.Length)],
            2 => lower[_random.Next(lower.Length)],
            _ => all[_random.Next(all.Length)],
        }).ToArray();
        return new string(chars);
    }

    private string Hex(int length) => string.Concat(Enumerable.Range(0, length).Select(_ => "0123456789abcdef"[_random.Next(16)]));

    private IReadOnlyList<Finding> Scan(string path, string text) => _scanner.ScanText(path, text);

    // ---- false alarms: none of these is a secret ----

    [TestCase("pkg/cmd/release/list.go", "\tt := tableprinter.New(opts.IO, tableprinter.WithHeader(\"PRODUCT KEY\", \"SKU CODE\"))")]
    [TestCase("internal/session/store_test.go", "\tassert.True(t, hasValidToken, \"wanted a valid token after the refresh\")")]
    [TestCase("internal/session/store_test.go", "\trequire.False(t, sawExpiredSecret, \"did not expect an expired secret in the cache\")")]
    [TestCase("pkg/cmd/auth/refresh.go", "\t\tTokenSource: &oauth.StaticTokenSource{")]
    [TestCase("pkg/cmd/auth/refresh.go", "\tcredentialStore = &keyring.SystemCredentialStore{Service: name}")]
    [TestCase("pkg/ssh/keys.go", "\tkeyPair := sshkeys.GeneratePair(rand.Reader, 4096)")]
    [TestCase("docs/manual.md", "[token-scopes]: #token-scopes")]
    [TestCase("docs/manual.md", "The secret key: keep it in your vault, rotate it every quarter and never paste it here.")]
    [TestCase("docs/manual.md", "Set `password` to the value shown under Settings, then run the login command again.")]
    [TestCase("docs/tutorial.json", "  \"previous key\": \"previous value\",")]
    [TestCase("resources/lang/en/auth.php", "    'password' => 'The given password does not match our records.',")]
    [TestCase("resources/lang/en/auth.php", "    'token' => 'This password reset token is invalid.',")]
    [TestCase("build/windows/installer.wxs", "      <RegistryKey Root=\"HKCU\" Key=\"Software\\Contoso\\WidgetTool\" Action=\"createAndRemoveOnUninstall\">")]
    [TestCase("api/fixtures/keys.json", "  \"key\": \"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHq3vM2pLx9RtWk4nBz7cYd5fGh8jKs2mNp6qRs9tUvX dev@workstation\",")]
    [TestCase("api/fixtures/keys.json", "  \"key\": \"ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7vM2pLx9RtWk4nBz7cYd5fGh8jKs2mNp6qRs9 ci@runner\",")]
    [TestCase("net/client_test.go", "\tresp, err := http.Get(\"https://api.example.test/items?access_token=deadbeef\")")]
    [TestCase("net/client_test.go", "\tresp, err := http.Get(srv.URL + \"/items?api_key=cafebabedeadbeef&page=2\")")]
    [TestCase("pkg/cmd/gist/view_test.go", "\t\t\tcli:  \"--secret --web\",")]
    [TestCase("pkg/cmd/gist/view_test.go", "\t\t\tcli:  \"--public --secret --raw --limit 30 hello\",")]
    [TestCase("src/Cache/Store.php", "        $lockKey = 'framework_unique_lock:'.hash('xxh128', $job::class).':'.$id;")]
    [TestCase("src/Cache/Store.php", "        $credentials = $this->config['credentials'] ?? null;")]
    [TestCase("src/Http/Middleware/Throttle.php", "            'key' => $this->resolveRequestSignature($request),")]
    [TestCase("src/Json/Writer.cs", "            throw CreateArgumentOutOfRangeException(nameof(token), token, \"Unexpected token when writing the end.\");")]
    [TestCase("src/Json/Linq/JNode.cs", "        public JNode? CurrentToken => _currentToken;")]
    [TestCase("crates/glob/src/parse.rs", "        if let Some(&Token::Literal(_)) = self.tokens.get(1) {")]
    [TestCase("src/main/java/app/MapAdapter.java", "    Type[] keyAndValueTypes = $TypesHelper.getMapKeyAndValueTypes(type, rawType);")]
    [TestCase("tools/build.psm1", "    $keyData = [Convert]::FromBase64String($Env:SIGNING_KEY_DATA)")]
    [TestCase("Src/Solution.sln.DotSettings", "\t<s:Boolean x:Key=\"/Default/CodeInspection/ExcludedFiles/FilesToSkip/=4F8A2C1D_002D9E3B_002D4A5F_002D8C7E_002DB2D4F6A8C0E1/@EntryIndexedValue\">True</s:Boolean>")]
    [TestCase("Src/NuGet.Config", "    <add key=\"Contoso Feed (v3)\" value=\"https://pkgs.contoso.test/v3/index.json\" />")]
    [TestCase("tests/test_utils.py", "        (\"no_proxy_key\", \"192.168.0.0/24,127.0.0.1,intranet.localdomain\"),")]
    [TestCase("tests/test_auth.py", "    assert r.headers[\"Authorization\"] == \"Basic dXNlcjp1c2Vy\"")]
    [TestCase("tests/Validation/FormRequestTest.php", "        return ['password' => 'required|confirmed|min:12'];")]
    [TestCase("tests/Database/HashedCastTest.php", "            'password' => '$2y$04$Qx8vK2mLx9RtWp4nBz7cYuTQhM1n3kP5rS7tV9wX1yZ3aB5cD7eF',")]
    [TestCase("types/Support/Collection.php", "    'string-key-7' => 'string-value-7',")]
    [TestCase("src/Http/Request.test.ts", "  expect(url).toBe('https://shop.example/?key=value%20with%20several%20words');")]
    [TestCase("app/App.config", "      <assemblyIdentity name=\"System.Memory\" publicKeyToken=\"cc7b13ffcd2ddd51\" culture=\"neutral\" />")]
    [TestCase("config/cache.py", "CACHE_KEY = \"widget-cache-linux-x64-9f2c4e8a1b7d\"")]
    [TestCase("app/settings.py", "SECRET_KEY = os.environ[\"SECRET_KEY\"]")]
    [TestCase("app/settings.py", "password = f\"{prefix}-{suffix}-{counter}\"")]
    [TestCase("app/server.js", "const sessionSecret = `${process.env.SESSION_PREFIX}-${randomPart}`;")]
    [TestCase("ci/deploy.sh", "export API_TOKEN=$(vault read -field=token secret/ci/api)")]
    [TestCase("scripts/deploy.cmd", "set API_TOKEN=%DEPLOY_API_TOKEN%")]
    [TestCase("config/app.yml", "  password: \"%DB_PASSWORD%\"")]
    [TestCase("config/app.yml", "  api_key: ${API_KEY}")]
    [TestCase("infra/main.tf", "  secret_key = \"${var.secret_key}\"")]
    [TestCase("src/Json/ReaderTests.cs", "            Assert.Throws<ReaderException>(() => reader.Read(), \"Error reading bytes. Unexpected token: StartObject. Path '', line 1.\");")]
    [TestCase("pkg/cmd/auth/status_test.go", "\t\t\twantHosts: \"example.com:\\n    users:\\n        octocat:\\n            oauth_token: xyz789\\n    user: octocat\\n\",")]
    [TestCase("config/app.yml", "  password: *default_password")]
    [TestCase("config/app.yml", "  secret: !vault |")]
    [TestCase("config/app.ini", "apikey = myapikey123")]
    [TestCase("docs/api.md", "    \"PasswordData\": \"dGhpcyBpcyBub3QgYSByZWFsIHBhc3N3b3Jk\"")]
    [TestCase("app/aws.py", "    policy = {\"ChangePassword\": \"arn:aws:iam::aws:policy/IAMUserChangePassword\"}")]
    [TestCase("app/schemas.py", "    \"Contoso::Identity::AccessKey\": \"4b1f0d7c9e2a6b8d3f5a7c9e1b3d5f7a\",")]
    [TestCase("app/lexer.py", "NAMES = {'BKServerChangeToken', 'BKShareRecord', 'HMAccessoryToken'}")]
    [TestCase("lib/netrc.py", "    def login(self, host, user=None, password=None, timeout=30):")]
    [TestCase("lib/crypto/pem.py", "    _RSA_START = b\"-----BEGIN RSA PRIVATE KEY-----\"")]
    [TestCase("docs/cli/examples.rst", "    aws dynamodb list-tables --starting-token abCDeFGhiJKlmnOPqrSTuvwxYZ1aBCdEFghijK")]
    // typed by hand to fill a format: a run of the alphabet or of the digits, the same four characters three times, a mask
    [TestCase("config/billing.php", "    'secret_key' => \"sk_mnopqrstuvwxyz0123Q7\",")]
    [TestCase("deploy/.env.sample", "WAREHOUSE_TOKEN=wh_34567890Kq2LmZ")]
    [TestCase("src/chat/fixtures.json", "  \"bot_token\": \"xbot-7531-7531-7531-9f8e2d4c6b0a1f3e5d7c\"")]
    [TestCase("src/chat/fixtures.json", "  \"refresh_token\": \"rt-8301927465-5519283746-Zq####################\"")]
    // an encrypted value (SOPS), and a URL held by a credential-named setting (the URL rules judge the user:password in it)
    [TestCase("deploy/secrets.enc.yaml", "    db-password: ENC[AES256_GCM,data:Wq3=,iv:Zx8vK2mLx9RtWp4nBz7cYuTQhM1n3kP5rS7tV9wX1yZ=,tag:Bz7cYuTQhM1n3kP5rS7tVw==,type:str]")]
    [TestCase("src/db/config.ts", "const REPLICA_CREDENTIALS = \"mysql://deploy:deploy@db-7f3kq9.cluster-x2v8q.internal:3306/app_9zT4\";")]
    [TestCase("src/db/config.ts", "const CACHE_SECRET_URL = \"redis://cache.internal:6379/4\";")]
    [TestCase("src/auth/bearer.js", "const TOKEN_CHARS = \"[A-Za-z0-9._~+/-]+\";")]
    [TestCase("config/app.yml", "  secret_validation: \"^[a-f0-9]{40}$\"")]
    [TestCase("src/auth/bearer.js", "const BEARER_TOKEN = \"[A-Za-z0-9._~+/-]+=*\";")]
    [TestCase("config/app.ini", "secret_rotation_window = Zq8vK2mLx9RtWp4nBz7cYuTQ")]
    [TestCase("config/app.ini", "secret_template_for_jobs = Zq8vK2mLx9RtWp4nBz7cYuTQ")]
    [TestCase("config/app.ini", "token_for_the_account_id = Zq8vK2mLx9RtWp4nBz7cYuTQ")]
    [TestCase("config/app.ini", "password_to_check_against = Zq8vK2mLx9RtWp4nBz7cYuTQ")]
    [TestCase("config/app.ini", "key_of_the_cluster = Zq8vK2mLx9RtWp4nBz7cYuTQ")]
    [TestCase("config/app.ini", "secret_of_the_day = hunter-two-three")]
    public void Not_a_secret(string path, string line) =>
        Assert.That(Scan(path, line).Select(f => $"{f.RuleId}: {f.Preview}"), Is.Empty);

    // ---- secrets: found, at the confidence the policy acts on ----

    [Test]
    public void A_password_literal_in_code_is_a_medium_confidence_finding()
    {
        var value = "hunter2-" + Generated(6) + "#q";
        var finding = Scan("app/db.py", $"password = \"{value}\"").Single();
        Assert.That((finding.RuleId, finding.Confidence), Is.EqualTo(("generic-password", FindingConfidence.Medium)));
        Assert.That(finding.Preview, Does.Not.Contain(value));
    }

    [TestCase("config/settings.yml", "api_key: {hex}")]
    [TestCase("deploy/.env", "DB_PASSWORD={gen}")]
    [TestCase(".env.production", "export STRIPE_WEBHOOK_SECRET=\"{gen}\"")]
    [TestCase("scripts/release.sh", "export RELEASE_API_TOKEN={gen}")]
    [TestCase("src/client.ts", "const apiKey = \"{gen}\";")]
    [TestCase("src/client.ts", "export const clientSecret: string = '{gen}';")]
    [TestCase("config/appsettings.json", "  \"ClientSecret\": \"{gen}\",")]
    [TestCase("wp-config.php", "define('AUTH_KEY', '{gen}');")]
    [TestCase("src/main/resources/application.properties", "spring.datasource.password={gen}")]
    [TestCase("cmd/server/main.go", "\tsigningKey := \"{hex}\"")]
    [TestCase("lib/client.rb", "  ACCESS_TOKEN = '{gen}'.freeze")]
    [TestCase("src/lib.rs", "    let api_secret = \"{gen}\".to_string();")]
    [TestCase("config/database.ini", "password = {gen}")]
    [TestCase("docker-compose.yml", "      - POSTGRES_PASSWORD={gen}")]
    [TestCase("src/Api/Client.java", "    private static final String API_KEY = \"{gen}\";")]
    [TestCase("web.config", "    <add key=\"PaymentGatewayPassword\" value=\"{gen}\" />")]
    [TestCase("deploy/db.txt", "DB_USER=app DB_PASSWORD={gen}")]
    [TestCase("config/settings.yml", "api_secret: +{gen}")]
    [TestCase("deploy/.env", "SESSION_SECRET=-{gen}")]
    public void A_real_looking_keyword_secret_is_found_with_medium_confidence(string path, string template)
    {
        var hex = Hex(40);
        var gen = Generated();
        var line = template.Replace("{hex}", hex).Replace("{gen}", gen);
        var findings = Scan(path, line);
        Assert.That(findings, Has.Count.EqualTo(1), line);
        Assert.That(findings[0].Confidence, Is.EqualTo(FindingConfidence.Medium), line);
        Assert.That(findings[0].Preview, Does.Not.Contain(hex).And.Not.Contain(gen));
    }

    [TestCase("config/app.ini", "admin_secret_that_nobody_knows = {gen}")]
    [TestCase("deploy/.env", "PASSWORD_FOR_THE_REPLICA={gen}")]
    [TestCase("config/app.yml", "  token_used_by_ci: \"{gen}\"")]
    public void A_secret_word_followed_by_other_words_is_a_weak_name_found_at_low_confidence(string path, string template)
    {
        var gen = Generated();
        var line = template.Replace("{gen}", gen);
        var finding = Scan(path, line).Single();
        Assert.That(finding.Confidence, Is.EqualTo(FindingConfidence.Low), line);
        Assert.That(finding.Preview, Does.Not.Contain(gen));
    }

    [TestCase("config/app.ini", "admin_secret_that_nobody_knows = hunter2-x")]
    [TestCase("config/app.ini", "admin_secret_that_nobody_knows = deadbeef42")]
    public void A_weak_name_needs_a_generated_value(string path, string line) =>
        Assert.That(Scan(path, line), Is.Empty);

    [TestCase("tests/fixtures/settings.py", "API_SECRET = \"{gen}\"")]
    [TestCase("internal/auth/login_test.go", "\tconst refreshToken = \"{gen}\"")]
    [TestCase("spec/support/env.rb", "SERVICE_PASSWORD = '{gen}'")]
    [TestCase("docs/setup.md", "    export SESSION_SECRET={gen}")]
    [TestCase("README.md", "Run it with `API_TOKEN={gen} ./serve`.")]
    public void A_test_fixture_or_docs_path_lowers_confidence_but_never_hides_the_finding(string path, string template)
    {
        var line = template.Replace("{gen}", Generated());
        var finding = Scan(path, line).Single();
        Assert.That(finding.Confidence, Is.EqualTo(FindingConfidence.Low), line);
    }

    [TestCase("app/settings.py", "SECRETS_YAML = \'\'\'api_secret: !!binary {gen}\'\'\'")]
    [TestCase("app/settings.py", "SECRETS_YAML = \'\'\'api_secret: !!binary +{gen}\'\'\'")]
    [TestCase("app/settings.py", "SECRETS_YAML = \'\'\'api_secret: !!binary /{gen}\'\'\'")]
    [TestCase("src/Db/Connection.java", "    String url = \"host=db.internal;user=app;password={gen};sslmode=require\";")]
    [TestCase("cmd/seed/main.go", "\tconfig := \"service:\\n  api_token: {gen}\\n  region: eu\\n\"")]
    public void A_value_in_text_embedded_in_a_string_of_code_is_found(string path, string template)
    {
        var gen = Generated();
        var findings = Scan(path, template.Replace("{gen}", gen));
        Assert.That(findings, Has.Count.EqualTo(1), template);
        Assert.That(findings[0].Preview, Does.Not.Contain(gen));
    }

    [Test]
    public void A_url_query_value_that_looks_generated_is_found()
    {
        var token = Generated(40);
        var finding = Scan("net/client.go", $"\tresp, err := http.Get(\"https://api.contoso.test/v1/items?access_token={token}&page=2\")").Single();
        Assert.That(finding.RuleId, Is.EqualTo("generic-token"));
        Assert.That(finding.Preview, Does.Not.Contain(token).And.Contain("&page=2"), "only the value, up to the next parameter");
    }

    [Test]
    public void Markdown_prose_never_counts_but_its_code_blocks_do()
    {
        var secret = Generated();
        var text = string.Join('\n',
            "# Setup",
            $"The client secret = \"{secret}\" is what the dashboard shows; rotate it.",
            "```python",
            $"client = Client(client_secret=\"{secret}\")",
            "```",
            $"After that, client_secret = \"{secret}\" works too.");
        var findings = Scan("docs/setup.md", text);
        Assert.That(findings.Select(f => f.Line), Is.EqualTo(new[] { 4 }));
    }

    [Test]
    public void A_provider_token_is_never_dropped_by_the_keyword_filters()
    {
        var token = SampleTemplate.Expand("ghp_«GH»", _random);
        // prose in docs, a name that is not a secret's, a message argument: all dropped for a keyword value, not for a token
        foreach (var (path, line) in new[]
                 {
                     ("docs/notes.md", $"The token we used was {token} until it leaked."),
                     ("internal/auth_test.go", $"\trequire.True(t, hasActiveToken, \"{token}\")"),
                     ("src/app.py", $"token_type = \"{token}\""),
                 })
        {
            var finding = Scan(path, line).Single();
            Assert.That((finding.RuleId, finding.Confidence), Is.EqualTo(("github-pat", FindingConfidence.High)), line);
        }
    }

    [Test]
    public void A_provider_token_that_looks_typed_by_hand_is_kept_at_low_confidence()
    {
        // An alphabet run makes it an example by its look, but a token with a unique prefix is never dropped: it is reported
        // at low confidence (masked in place, not blocking).
        var typed = "sk-ant-api03-" + "Zq" + "abcdefghijklmnop" + string.Concat(Enumerable.Repeat("Xk7Rw2Lp9Vn4", 7)) + "9wAA";
        var finding = Scan("src/llm/client.py", $"client = Anthropic(api_key=\"{typed}\")").Single();
        Assert.That(finding.Confidence, Is.EqualTo(FindingConfidence.Low));
        var random = "sk-ant-api03-" + Generated(93) + "AA";
        Assert.That(Scan("src/llm/client.py", $"client = Anthropic(api_key=\"{random}\")").Single().Confidence, Is.Not.EqualTo(FindingConfidence.Low));
    }

    [Test]
    public void A_value_with_a_character_repeated_is_judged_by_its_entropy_not_as_a_repeated_chunk()
    {
        // "QQQQ" three times is one character, which the entropy judges; "Qk4Z" three times is a hand-made chunk.
        var chunk = Scan("app/settings.py", $"API_TOKEN = \"Qk4Z{Generated(8)}Qk4Z{Generated(8)}Qk4Z\"");
        Assert.That(chunk, Is.Empty);
        var generated = Generated(28);
        Assert.That(Scan("app/settings.py", $"API_TOKEN = \"{generated}QQQQQQQQQQQQ\"").Select(f => f.RuleId), Has.Member("generic-token"));
    }

    [Test]
    public void A_value_assigned_to_a_bare_key_counts_only_when_it_looks_generated()
    {
        Assert.That(Scan("src/map.py", "settings = {\"key\": \"homepage-banner-v2\"}"), Is.Empty);
        var finding = Scan("src/map.py", $"settings = {{\"key\": \"{Generated(32)}\"}}").Single();
        Assert.That(finding.Confidence, Is.EqualTo(FindingConfidence.Low), "a bare key is not a strong name");
    }
}
