using System.Text;

namespace Handoff.Tests.Secrets;

/// <summary>
/// One credential per built-in vendor rule, written from the vendor's published token format (the source is
/// named beside it) rather than from our regex, with checksums computed here (System.IO.Hashing). This file
/// reads nothing of the scanner, its rules or its sample templates; <see cref="VendorSampleTests"/> checks that.
/// </summary>
public static class VendorSamples
{
    /// <param name="Path">the path the sample is scanned under (for rules limited to some files).</param>
    public sealed record Sample(string RuleId, string Source, Func<Random, string> Make, string Path = "src/config.txt");

    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ", Lower = "abcdefghijklmnopqrstuvwxyz", Digit = "0123456789";
    private const string Alnum = Upper + Lower + Digit, HexDigits = "0123456789abcdef", Base64Chars = Alnum + "+/", UrlChars = Alnum + "-_";

    private static string Of(Random r, string alphabet, int n) => new(Enumerable.Range(0, n).Select(_ => alphabet[r.Next(alphabet.Length)]).ToArray());
    private static string A(Random r, int n) => Of(r, Alnum, n);
    private static string Lo(Random r, int n) => Of(r, Lower + Digit, n);
    private static string Up(Random r, int n) => Of(r, Upper + Digit, n);
    private static string H(Random r, int n) => Of(r, HexDigits, n);
    private static string D(Random r, int n) => Of(r, Digit, n);
    private static string B(Random r, int n) => Of(r, Base64Chars, n);
    private static string U(Random r, int n) => Of(r, UrlChars, n);
    private static string L(Random r, int n) => Of(r, Lower, n);
    private static string Bytes64(Random r, int bytes) { var b = new byte[bytes]; r.NextBytes(b); return Convert.ToBase64String(b); }
    private static string Base64Url(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    private static string Guid(Random r) { var b = new byte[16]; r.NextBytes(b); return new System.Guid(b).ToString(); }
    private static uint Crc32(string text) => System.IO.Hashing.Crc32.HashToUInt32(Encoding.ASCII.GetBytes(text));

    // GitHub and npm: 30 random base-62 characters, then their CRC-32 as 6 base-62 digits (0-9, A-Z, a-z).
    private static string GitHubBody(Random r)
    {
        var body = Of(r, Digit + Upper + Lower, 30);
        var crc = Crc32(body);
        var sum = new char[6];
        for (var i = 5; i >= 0; i--, crc /= 62) sum[i] = (Digit + Upper + Lower)[(int)(crc % 62)];
        return body + new string(sum);
    }

    private static string Jwt(Random r, string header = """{"alg":"HS256","typ":"JWT"}""") =>
        $"{Base64Url(header)}.{Base64Url($$"""{"sub":"{{D(r, 8)}}","iat":{{D(r, 10)}}}""")}.{U(r, 43)}";

    private static Sample V(string ruleId, string source, Func<Random, string> make, string path = "src/config.txt") => new(ruleId, source, make, path);

    public static IReadOnlyList<Sample> All { get; } =
    [
        // Cloud
        V("aws-access-key-id", "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids", r => "aws_access_key_id = AKIA" + Of(r, Upper + "234567", 16)),
        V("aws-secret-access-key", "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html", r => "aws_secret_access_key = " + B(r, 40)),
        V("aws-session-token", "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_use-resources.html", r => "AWS_SESSION_TOKEN=IQoJb3JpZ2luX2Vj" + B(r, 320)),
        V("aws-bedrock-api-key", "https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys.html", r => "AWS_BEARER_TOKEN_BEDROCK=ABSK" + Convert.ToBase64String(Encoding.ASCII.GetBytes("BedrockAPIKey-" + A(r, 4) + "-at-" + D(r, 12) + ":" + B(r, 60)))),
        V("gcp-api-key", "https://cloud.google.com/docs/authentication/api-keys", r => "const apiKey = \"AIza" + U(r, 35) + "\";"),
        V("gcp-service-account-key-id", "https://cloud.google.com/iam/docs/keys-create-delete", r => "  \"private_key_id\": \"" + H(r, 40) + "\","),
        V("gcp-oauth-client-secret", "https://developers.google.com/identity/protocols/oauth2", r => "\"client_secret\": \"GOCSPX-" + U(r, 28) + "\""),
        V("gcp-oauth-access-token", "https://developers.google.com/identity/protocols/oauth2", r => "Authorization: Bearer ya29." + U(r, 160)),
        V("azure-storage-account-key", "https://learn.microsoft.com/en-us/azure/storage/common/storage-account-keys-manage", r => $"DefaultEndpointsProtocol=https;AccountName={L(r, 10)};AccountKey={Bytes64(r, 64)};EndpointSuffix=core.windows.net"),
        V("azure-service-bus-key", "https://learn.microsoft.com/en-us/azure/service-bus-messaging/service-bus-sas", r => $"Endpoint=sb://{L(r, 8)}.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey={Bytes64(r, 32)}"),
        V("azure-sas-token", "https://learn.microsoft.com/en-us/rest/api/storageservices/create-service-sas", r => $"https://{L(r, 10)}.blob.core.windows.net/c/b.txt?sv=2022-11-02&sr=b&sp=r&se=2030-01-01T00:00:00Z&sig={Uri.EscapeDataString(Bytes64(r, 32))}"),
        V("azure-entra-client-secret", "https://learn.microsoft.com/en-us/purview/sit-defn-azure-ad-client-secret", r => $"AZURE_CLIENT_SECRET={Of(r, Alnum + "_~.-", 3)}{D(r, 1)}Q~{Of(r, Alnum + "_~.-", 34)}"),
        V("azure-devops-pat", "https://learn.microsoft.com/en-us/azure/devops/organizations/accounts/use-personal-access-tokens-to-authenticate", r => $"AZURE_DEVOPS_EXT_PAT={A(r, 52)}{A(r, 24)}AZDO{A(r, 4)}"),
        V("azure-identifiable-key", "https://learn.microsoft.com/en-us/azure/azure-functions/function-keys-how-to", r => $"\"default\": \"{B(r, 76)}AzFu{B(r, 6)}==\""),
        V("alibaba-access-key-id", "https://www.alibabacloud.com/help/en/ram/user-guide/create-an-accesskey-pair", r => "ALIBABA_CLOUD_ACCESS_KEY_ID=LTAI" + A(r, 20)),
        V("alibaba-secret-key", "https://www.alibabacloud.com/help/en/ram/user-guide/create-an-accesskey-pair", r => "ALIBABA_CLOUD_ACCESS_KEY_SECRET=" + A(r, 30)),
        V("digitalocean-pat", "https://docs.digitalocean.com/reference/api/create-personal-access-token/", r => "DIGITALOCEAN_ACCESS_TOKEN=dop_v1_" + H(r, 64)),
        V("digitalocean-oauth-token", "https://docs.digitalocean.com/reference/api/oauth/", r => "\"access_token\": \"doo_v1_" + H(r, 64) + "\""),
        V("digitalocean-refresh-token", "https://docs.digitalocean.com/reference/api/oauth/", r => "\"refresh_token\": \"dor_v1_" + H(r, 64) + "\""),
        V("heroku-api-key", "https://devcenter.heroku.com/articles/authentication", r => "HEROKU_API_KEY=" + Guid(r)),
        V("heroku-api-key-v2", "https://devcenter.heroku.com/articles/authentication", r => "HEROKU_API_KEY=HRKU-AA" + U(r, 58)),
        V("cloudflare-api-token", "https://developers.cloudflare.com/fundamentals/api/get-started/create-token/", r => { var body = A(r, 40); return $"CLOUDFLARE_API_TOKEN=cfut_{body}{Crc32(body):x8}"; }),
        V("cloudflare-api-key", "https://developers.cloudflare.com/fundamentals/api/get-started/keys/", r => "CLOUDFLARE_API_KEY=" + H(r, 37)),
        V("cloudflare-origin-ca-key", "https://developers.cloudflare.com/fundamentals/api/get-started/ca-keys/", r => $"CF_ORIGIN_CA_KEY=v1.0-{H(r, 24)}-{H(r, 146)}"),
        V("vercel-token", "https://vercel.com/docs/rest-api/reference/welcome#authentication", r => "VERCEL_TOKEN=vcp_" + A(r, 56)),
        V("vercel-legacy-token", "https://vercel.com/docs/rest-api/reference/welcome#authentication", r => "VERCEL_TOKEN=" + A(r, 24)),
        V("databricks-token", "https://docs.databricks.com/en/dev-tools/auth/pat.html", r => "DATABRICKS_TOKEN=dapi" + H(r, 32)),
        V("flyio-token", "https://fly.io/docs/security/tokens/", r => "FLY_API_TOKEN=\"FlyV1 fm2_" + B(r, 300) + "\""),
        V("netlify-token", "https://docs.netlify.com/api/get-started/#authentication", r => "NETLIFY_AUTH_TOKEN=nfp_" + A(r, 36)),
        V("render-api-key", "https://render.com/docs/api#1-create-an-api-key", r => "RENDER_API_KEY=rnd_" + A(r, 32)),
        V("openshift-token", "https://docs.okd.io/latest/rest_api/oauth_apis/oauth-apis-index.html", r => "oc login --token=sha256~" + U(r, 43) + " --server=https://api.ocp.example.net:6443"),
        // Source hosts
        V("github-pat", "https://github.blog/engineering/platform-security/behind-githubs-new-authentication-token-formats/", r => "GITHUB_TOKEN=ghp_" + GitHubBody(r)),
        V("github-oauth-token", "https://github.blog/engineering/platform-security/behind-githubs-new-authentication-token-formats/", r => "token: gho_" + GitHubBody(r)),
        V("github-user-to-server-token", "https://github.blog/engineering/platform-security/behind-githubs-new-authentication-token-formats/", r => "token: ghu_" + GitHubBody(r)),
        V("github-server-to-server-token", "https://github.blog/engineering/platform-security/behind-githubs-new-authentication-token-formats/", r => "GH_TOKEN=ghs_" + GitHubBody(r)),
        V("github-refresh-token", "https://github.blog/engineering/platform-security/behind-githubs-new-authentication-token-formats/", r => "refresh_token=ghr_" + GitHubBody(r)),
        V("github-fine-grained-pat", "https://github.blog/security/application-security/introducing-fine-grained-personal-access-tokens-for-github/", r => $"GH_TOKEN=github_pat_{A(r, 22)}_{A(r, 59)}"),
        V("github-legacy-token", "https://github.blog/engineering/platform-security/behind-githubs-new-authentication-token-formats/", r => "GITHUB_TOKEN=" + H(r, 40)),
        V("github-installation-token", "https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/generating-an-installation-access-token-for-a-github-app", r => $"GH_TOKEN=ghs_{D(r, 7)}_{Jwt(r, """{"alg":"RS256","typ":"JWT"}""")}"),
        V("github-token-in-url", "https://github.blog/2012-09-21-easier-builds-and-deployments-using-git-over-https-and-oauth/", r => $"git clone https://{H(r, 40)}:x-oauth-basic@github.com/acme/app.git"),
        V("gitlab-pat", "https://docs.gitlab.com/security/tokens/#token-prefixes", r => "GITLAB_TOKEN=glpat-" + U(r, 20)),
        V("gitlab-deploy-token", "https://docs.gitlab.com/security/tokens/#token-prefixes", r => "password: gldt-" + U(r, 20)),
        V("gitlab-runner-token", "https://docs.gitlab.com/security/tokens/#token-prefixes", r => "token = \"glrt-" + U(r, 20) + "\""),
        V("gitlab-pipeline-trigger-token", "https://docs.gitlab.com/security/tokens/#token-prefixes", r => "TRIGGER_TOKEN=glptt-" + H(r, 40)),
        V("gitlab-feed-token", "https://docs.gitlab.com/security/tokens/#token-prefixes", r => "feed_token=glft-" + U(r, 20)),
        V("gitlab-incoming-mail-token", "https://docs.gitlab.com/security/tokens/#token-prefixes", r => "incoming: glimt-" + U(r, 25)),
        V("gitlab-scim-token", "https://docs.gitlab.com/security/tokens/#token-prefixes", r => "SCIM_TOKEN=glsoat-" + U(r, 20)),
        V("gitlab-feature-flag-token", "https://docs.gitlab.com/security/tokens/#token-prefixes", r => "UNLEASH_INSTANCE_ID=glffct-" + U(r, 20)),
        V("gitlab-agent-token", "https://docs.gitlab.com/security/tokens/#token-prefixes", r => "token: glagent-" + U(r, 50)),
        V("gitlab-oauth-secret", "https://docs.gitlab.com/security/tokens/#token-prefixes", r => "secret: gloas-" + U(r, 64)),
        V("gitlab-ci-build-token", "https://docs.gitlab.com/security/tokens/#token-prefixes", r => $"CI_JOB_TOKEN=glcbt-{H(r, 2)}_{U(r, 20)}"),
        V("gitlab-runner-registration-token", "https://docs.gitlab.com/security/tokens/#token-prefixes", r => "registration-token: GR1348941" + U(r, 20)),
        V("bitbucket-app-password", "https://support.atlassian.com/bitbucket-cloud/docs/app-passwords/", r => "BITBUCKET_APP_PASSWORD=ATBB" + A(r, 32)),
        V("bitbucket-access-token", "https://support.atlassian.com/bitbucket-cloud/docs/repository-access-tokens/", r => "BITBUCKET_TOKEN=ATCTT3xFfGN0" + U(r, 180)),
        V("bitbucket-client-secret", "https://support.atlassian.com/bitbucket-cloud/docs/use-oauth-on-bitbucket-cloud/", r => "BITBUCKET_CLIENT_SECRET=" + A(r, 32)),
        // Chat
        V("slack-bot-token", "https://api.slack.com/authentication/token-types", r => $"SLACK_BOT_TOKEN=xoxb-{D(r, 12)}-{D(r, 13)}-{A(r, 24)}"),
        V("slack-user-token", "https://api.slack.com/authentication/token-types", r => $"SLACK_USER_TOKEN=xoxp-{D(r, 12)}-{D(r, 12)}-{D(r, 13)}-{H(r, 32)}"),
        V("slack-legacy-token", "https://api.slack.com/legacy/workspace-apps", r => $"SLACK_TOKEN=xoxa-2-{D(r, 12)}-{D(r, 12)}-{D(r, 13)}-{H(r, 32)}"),
        V("slack-app-token", "https://api.slack.com/authentication/token-types#app-level", r => $"SLACK_APP_TOKEN=xapp-1-A{Up(r, 10)}-{D(r, 13)}-{H(r, 64)}"),
        V("slack-config-token", "https://api.slack.com/authentication/config-tokens", r => "SLACK_CONFIG_TOKEN=xoxe.xoxp-1-" + Up(r, 160)),
        V("slack-webhook-url", "https://api.slack.com/messaging/webhooks", r => $"SLACK_WEBHOOK_URL=https://hooks.slack.com/services/T{Up(r, 8)}/B{Up(r, 10)}/{A(r, 24)}"),
        V("discord-bot-token", "https://discord.com/developers/docs/reference#authentication", r => $"DISCORD_TOKEN={Base64Url(D(r, 18))}.{U(r, 6)}.{U(r, 38)}"),
        V("discord-webhook-url", "https://discord.com/developers/docs/resources/webhook", r => $"DISCORD_WEBHOOK=https://discord.com/api/webhooks/{D(r, 19)}/{U(r, 68)}"),
        V("telegram-bot-token", "https://core.telegram.org/bots/api#authorizing-your-bot", r => $"TELEGRAM_BOT_TOKEN={D(r, 10)}:AA{U(r, 33)}"),
        V("teams-webhook-url", "https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook", r => $"https://{L(r, 6)}.webhook.office.com/webhookb2/{Guid(r)}@{Guid(r)}/IncomingWebhook/{H(r, 32)}/{Guid(r)}"),
        V("teams-workflow-url", "https://learn.microsoft.com/en-us/azure/logic-apps/logic-apps-http-endpoint", r => $"https://prod-{D(r, 2)}.westus.logic.azure.com:443/workflows/{H(r, 32)}/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig={U(r, 43)}"),
        V("mattermost-token", "https://developers.mattermost.com/integrate/reference/personal-access-token/", r => "MATTERMOST_TOKEN=" + Lo(r, 26)),
        // Payments
        V("stripe-secret-key", "https://docs.stripe.com/keys", r => "STRIPE_SECRET_KEY=sk_live_" + A(r, 99)),
        V("stripe-restricted-key", "https://docs.stripe.com/keys#limit-access", r => "STRIPE_KEY=rk_live_" + A(r, 99)),
        V("stripe-webhook-secret", "https://docs.stripe.com/webhooks/signature", r => "STRIPE_WEBHOOK_SECRET=whsec_" + A(r, 32)),
        V("square-access-token", "https://developer.squareup.com/docs/build-basics/access-tokens", r => "SQUARE_ACCESS_TOKEN=EAAA" + U(r, 60)),
        V("square-oauth-secret", "https://developer.squareup.com/docs/oauth-api/overview", r => "SQUARE_APPLICATION_SECRET=sq0csp-" + U(r, 43)),
        V("paypal-braintree-access-token", "https://developer.paypal.com/braintree/docs/start/hello-server", r => $"BRAINTREE_ACCESS_TOKEN=access_token$production${Lo(r, 16)}${H(r, 32)}"),
        V("paypal-client-secret", "https://developer.paypal.com/api/rest/#link-getclientidandclientsecret", r => "PAYPAL_CLIENT_SECRET=E" + U(r, 79)),
        V("razorpay-key", "https://razorpay.com/docs/api/authentication/", r => "RAZORPAY_KEY_ID=rzp_live_" + A(r, 14)),
        V("flutterwave-secret-key", "https://developer.flutterwave.com/docs/api-keys", r => $"FLW_SECRET_KEY=FLWSECK-{H(r, 32)}-X"),
        V("flutterwave-encryption-key", "https://developer.flutterwave.com/docs/api-keys", r => "FLW_ENCRYPTION_KEY=FLWSECK_TEST" + H(r, 12)),
        V("plaid-access-token", "https://plaid.com/docs/api/tokens/", r => "PLAID_ACCESS_TOKEN=access-production-" + Guid(r)),
        V("shippo-api-token", "https://docs.goshippo.com/docs/guides_general/authentication/", r => "SHIPPO_API_TOKEN=shippo_live_" + H(r, 40)),
        // AI providers
        V("openai-api-key", "https://platform.openai.com/docs/api-reference/authentication", r => $"OPENAI_API_KEY=sk-{A(r, 20)}T3BlbkFJ{A(r, 20)}"),
        // Keys holding the T3BlbkFJ marker are openai-api-key's; this rule is for project keys without it.
        V("openai-project-key", "https://platform.openai.com/docs/api-reference/authentication", r => $"OPENAI_API_KEY=sk-proj-{U(r, 156)}"),
        V("anthropic-api-key", "https://docs.anthropic.com/en/api/getting-started", r => $"ANTHROPIC_API_KEY=sk-ant-api03-{U(r, 93)}AA"),
        V("anthropic-admin-key", "https://docs.anthropic.com/en/api/administration-api", r => $"ANTHROPIC_ADMIN_KEY=sk-ant-admin01-{U(r, 93)}AA"),
        V("huggingface-token", "https://huggingface.co/docs/hub/security-tokens", r => "HF_TOKEN=hf_" + Of(r, Upper + Lower, 34)),
        V("huggingface-org-token", "https://huggingface.co/docs/hub/security-tokens", r => "HF_TOKEN=api_org_" + Of(r, Upper + Lower, 34)),
        V("groq-api-key", "https://console.groq.com/docs/quickstart", r => "GROQ_API_KEY=gsk_" + A(r, 52)),
        V("replicate-api-token", "https://replicate.com/docs/reference/http#authentication", r => "REPLICATE_API_TOKEN=r8_" + A(r, 37)),
        V("xai-api-key", "https://docs.x.ai/docs/tutorial", r => "XAI_API_KEY=xai-" + A(r, 80)),
        V("perplexity-api-key", "https://docs.perplexity.ai/guides/getting-started", r => "PERPLEXITY_API_KEY=pplx-" + A(r, 48)),
        V("devin-api-key", "https://docs.devin.ai/api-reference/overview", r => "DEVIN_API_KEY=cog_" + A(r, 48)),
        V("devin-legacy-api-key", "https://docs.devin.ai/api-reference/overview", r => "DEVIN_API_KEY=apk_" + A(r, 48)),
        V("devin-legacy-user-key", "https://docs.devin.ai/api-reference/overview", r => "DEVIN_API_KEY=apk_user_" + A(r, 48)),
        V("openrouter-api-key", "https://openrouter.ai/docs/api-reference/authentication", r => "OPENROUTER_API_KEY=sk-or-v1-" + H(r, 64)),
        V("langsmith-api-key", "https://docs.smith.langchain.com/administration/how_to_guides/organization_management/create_account_api_key", r => $"LANGSMITH_API_KEY=lsv2_pt_{H(r, 32)}_{H(r, 10)}"),
        V("pinecone-api-key", "https://docs.pinecone.io/guides/projects/manage-api-keys", r => $"PINECONE_API_KEY=pcsk_{A(r, 6)}_{A(r, 63)}"),
        V("mistral-api-key", "https://docs.mistral.ai/getting-started/quickstart/", r => "MISTRAL_API_KEY=" + A(r, 32)),
        V("cohere-api-key", "https://docs.cohere.com/reference/about", r => "COHERE_API_KEY=" + A(r, 40)),
        V("deepseek-api-key", "https://api-docs.deepseek.com/", r => "DEEPSEEK_API_KEY=sk-" + H(r, 32)),
        V("elevenlabs-api-key", "https://elevenlabs.io/docs/api-reference/authentication", r => "ELEVENLABS_API_KEY=sk_" + H(r, 48)),
        // Package registries
        V("npm-access-token", "https://github.blog/changelog/2021-09-23-npm-has-a-new-access-token-format/", r => "//registry.npmjs.org/:_authToken=npm_" + GitHubBody(r)),
        V("npmrc-auth", "https://docs.npmjs.com/cli/v10/configuring-npm/npmrc#auth-related-configuration", r => "//npm.pkg.github.com/:_authToken=" + A(r, 40), ".npmrc"),
        V("pypi-token", "https://pypi.org/help/#apitoken", r => "password = pypi-AgEIcHlwaS5vcmc" + U(r, 150)),
        V("testpypi-token", "https://test.pypi.org/help/#apitoken", r => "password = pypi-AgENdGVzdC5weXBpLm9yZw" + U(r, 150)),
        V("nuget-api-key", "https://learn.microsoft.com/en-us/nuget/nuget-org/scoped-api-keys", r => "dotnet nuget push pkg.nupkg --api-key oy2" + Lo(r, 43)),
        V("nuget-config-password", "https://learn.microsoft.com/en-us/nuget/reference/nuget-config-file#packagesourcecredentials", r => $"<add key=\"ClearTextPassword\" value=\"{A(r, 20)}\" />"),
        V("rubygems-api-key", "https://guides.rubygems.org/api-key-scopes/", r => "GEM_HOST_API_KEY=rubygems_" + H(r, 48)),
        V("dockerhub-pat", "https://docs.docker.com/security/for-developers/access-tokens/", r => "DOCKERHUB_TOKEN=dckr_pat_" + U(r, 27)),
        V("docker-config-auth", "https://docs.docker.com/reference/cli/docker/login/", r => $"{{\"auths\":{{\"https://index.docker.io/v1/\":{{\"auth\":\"{Convert.ToBase64String(Encoding.UTF8.GetBytes($"{L(r, 8)}:{A(r, 20)}"))}\"}}}}}}"),
        V("kubernetes-dockerconfigjson", "https://kubernetes.io/docs/concepts/configuration/secret/#docker-config-secrets", r => "  .dockerconfigjson: " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{{\"auths\":{{\"ghcr.io\":{{\"username\":\"{L(r, 6)}\",\"password\":\"{A(r, 24)}\"}}}}}}"))),
        V("artifactory-api-key", "https://jfrog.com/help/r/jfrog-platform-administration-documentation/api-key", r => "X-JFrog-Art-Api: AKCp" + A(r, 69)),
        V("artifactory-reference-token", "https://jfrog.com/help/r/jfrog-platform-administration-documentation/reference-tokens", r => "ARTIFACTORY_TOKEN=cmVmdGtu" + A(r, 56)),
        V("crates-io-token", "https://doc.rust-lang.org/cargo/reference/publishing.html", r => "CARGO_REGISTRY_TOKEN=cio" + A(r, 32)),
        V("jfrog-identity-token", "https://jfrog.com/help/r/jfrog-platform-administration-documentation/access-tokens", r => $"JFROG_ACCESS_TOKEN={Base64Url($$"""{"ver":"2","typ":"JWT","alg":"RS256","kid":"{{U(r, 43)}}"}""")}.{U(r, 140)}.{U(r, 86)}"),
        V("hex-pm-api-key", "https://hex.pm/docs/publish", r => "HEX_API_KEY=hex_" + H(r, 32)),
        // SaaS
        V("twilio-api-key", "https://www.twilio.com/docs/iam/api-keys", r => "TWILIO_API_KEY=SK" + H(r, 32)),
        V("twilio-auth-token", "https://www.twilio.com/docs/iam/api/authtoken", r => "TWILIO_AUTH_TOKEN=" + H(r, 32)),
        V("sendgrid-api-key", "https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys", r => $"SENDGRID_API_KEY=SG.{U(r, 22)}.{U(r, 43)}"),
        V("mailgun-api-key", "https://documentation.mailgun.com/docs/mailgun/api-reference/authentication/", r => "MAILGUN_API_KEY=key-" + H(r, 32)),
        V("mailgun-signing-key", "https://documentation.mailgun.com/docs/mailgun/user-manual/webhooks/securing-webhooks", r => $"MAILGUN_WEBHOOK_SIGNING_KEY={H(r, 32)}-{H(r, 8)}-{H(r, 8)}"),
        V("mailchimp-api-key", "https://mailchimp.com/developer/marketing/guides/quick-start/", r => $"MAILCHIMP_API_KEY={H(r, 32)}-us{D(r, 2)}"),
        V("shopify-access-token", "https://shopify.dev/changelog/length-of-the-shopify-access-token-is-increasing", r => "X-Shopify-Access-Token: shpat_" + A(r, 32)),
        V("shopify-shared-secret", "https://shopify.dev/changelog/app-secret-key-length-has-increased", r => "SHOPIFY_API_SECRET=shpss_" + A(r, 32)),
        V("datadog-api-key", "https://docs.datadoghq.com/account_management/api-app-keys/", r => "DD_API_KEY=" + H(r, 32)),
        V("datadog-app-key", "https://docs.datadoghq.com/account_management/api-app-keys/", r => "DD_APP_KEY=" + H(r, 40)),
        V("newrelic-user-key", "https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/", r => "NEW_RELIC_API_KEY=NRAK-" + Up(r, 27)),
        V("newrelic-insert-key", "https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/", r => "NEW_RELIC_INSERT_KEY=NRII-" + U(r, 32)),
        V("newrelic-license-key", "https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/#license-key", r => $"NEW_RELIC_LICENSE_KEY={H(r, 36)}NRAL"),
        V("newrelic-browser-key", "https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/#browser-key", r => "licenseKey: 'NRJS-" + H(r, 19) + "'"),
        V("sentry-user-token", "https://docs.sentry.io/account/auth-tokens/", r => "SENTRY_AUTH_TOKEN=sntryu_" + H(r, 64)),
        V("sentry-org-token", "https://docs.sentry.io/account/auth-tokens/", r => $"SENTRY_AUTH_TOKEN=sntrys_{Base64Url($$"""{"iat":{{D(r, 10)}},"url":"https://sentry.io","region_url":"https://us.sentry.io","org":"{{L(r, 6)}}"}""")}_{B(r, 43)}"),
        V("sentry-legacy-token", "https://docs.sentry.io/account/auth-tokens/", r => "SENTRY_AUTH_TOKEN=" + H(r, 64)),
        V("grafana-service-account-token", "https://grafana.com/docs/grafana/latest/administration/service-accounts/", r => { var body = A(r, 32); return $"GRAFANA_TOKEN=glsa_{body}_{Crc32("glsa_" + body):x8}"; }),
        V("grafana-cloud-token", "https://grafana.com/docs/grafana-cloud/account-management/authentication-and-permissions/access-policies/", r => "GRAFANA_CLOUD_TOKEN=glc_" + Convert.ToBase64String(Encoding.UTF8.GetBytes($$"""{"m":{"r":"prod-us-east-0"},"o":"{{D(r, 6)}}","n":"stack-{{D(r, 6)}}-hm-read","k":"{{A(r, 24)}}"}"""))),
        V("grafana-api-key", "https://grafana.com/docs/grafana/latest/administration/api-keys/", r => "GRAFANA_API_KEY=" + Convert.ToBase64String(Encoding.UTF8.GetBytes($$"""{"k":"{{A(r, 40)}}","n":"deploy","id":{{D(r, 1)}}}"""))),
        V("atlassian-api-token", "https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/", r => "JIRA_API_TOKEN=ATATT3xFfGF0" + U(r, 180)),
        V("atlassian-legacy-token", "https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/", r => "JIRA_API_TOKEN=" + A(r, 24)),
        V("linear-api-key", "https://linear.app/developers/graphql#personal-api-keys", r => "LINEAR_API_KEY=lin_api_" + A(r, 40)),
        V("linear-oauth-token", "https://linear.app/developers/oauth-2-0-authentication", r => "LINEAR_TOKEN=lin_oauth_" + H(r, 64)),
        V("notion-integration-token", "https://developers.notion.com/docs/authorization", r => $"NOTION_TOKEN=ntn_{D(r, 11)}{A(r, 35)}"),
        V("figma-token", "https://www.figma.com/developers/api#access-tokens", r => "X-Figma-Token: figd_" + U(r, 40)),
        V("postman-api-key", "https://learning.postman.com/docs/developer/postman-api/authentication/", r => $"POSTMAN_API_KEY=PMAK-{H(r, 24)}-{H(r, 34)}"),
        V("doppler-token", "https://docs.doppler.com/docs/Auth-token-formats", r => "DOPPLER_TOKEN=dp.st." + A(r, 43)),
        V("vault-service-token", "https://developer.hashicorp.com/vault/docs/concepts/tokens#token-prefixes", r => "VAULT_TOKEN=hvs." + U(r, 95)),
        V("vault-batch-token", "https://developer.hashicorp.com/vault/docs/concepts/tokens#token-prefixes", r => "VAULT_TOKEN=hvb." + U(r, 150)),
        V("vault-legacy-token", "https://developer.hashicorp.com/vault/docs/concepts/tokens#token-prefixes", r => "X-Vault-Token: s." + A(r, 24)),
        V("terraform-cloud-token", "https://developer.hashicorp.com/terraform/cloud-docs/users-teams-organizations/api-tokens", r => $"token = \"{A(r, 14)}.atlasv1.{U(r, 67)}\""),
        V("pulumi-access-token", "https://www.pulumi.com/docs/pulumi-cloud/access-management/access-tokens/", r => "PULUMI_ACCESS_TOKEN=pul-" + H(r, 40)),
        V("onepassword-service-account-token", "https://developer.1password.com/docs/service-accounts/", r => "OP_SERVICE_ACCOUNT_TOKEN=ops_" + Base64Url($$"""{"signInAddress":"my.1password.com","email":"{{L(r, 10)}}@1passwordserviceaccounts.com","secretKey":"A3-{{Up(r, 6)}}-{{Up(r, 6)}}-{{Up(r, 5)}}-{{Up(r, 5)}}-{{Up(r, 5)}}-{{Up(r, 5)}}","srpX":"{{H(r, 64)}}","muk":"{{U(r, 43)}}","throttleSeed":"{{H(r, 64)}}","deviceUuid":"{{Lo(r, 26)}}"}""")),
        V("onepassword-secret-key", "https://support.1password.com/secret-key-security/", r => $"OP_SECRET_KEY=A3-{Up(r, 6)}-{Up(r, 6)}-{Up(r, 5)}-{Up(r, 5)}-{Up(r, 5)}-{Up(r, 5)}"),
        V("okta-api-token", "https://developer.okta.com/docs/guides/create-an-api-token/main/", r => "OKTA_API_TOKEN=00" + U(r, 40)),
        V("supabase-pat", "https://supabase.com/docs/reference/cli/supabase-login", r => "SUPABASE_ACCESS_TOKEN=sbp_" + H(r, 40)),
        V("supabase-secret-key", "https://supabase.com/docs/guides/api/api-keys", r => "SUPABASE_SECRET_KEY=sb_secret_" + U(r, 40)),
        V("supabase-service-role-key", "https://supabase.com/docs/guides/api/api-keys", r => "SUPABASE_SERVICE_ROLE_KEY=" + Jwt(r)),
        V("planetscale-token", "https://planetscale.com/docs/concepts/service-tokens", r => "PLANETSCALE_SERVICE_TOKEN=pscale_tkn_" + U(r, 43)),
        V("planetscale-password", "https://planetscale.com/docs/concepts/connection-strings", r => "DATABASE_PASSWORD=pscale_pw_" + U(r, 43)),
        V("tailscale-key", "https://tailscale.com/kb/1277/key-prefixes", r => $"TS_AUTHKEY=tskey-auth-{A(r, 7)}CNTRL-{A(r, 30)}"),
        V("mapbox-secret-token", "https://docs.mapbox.com/help/getting-started/access-tokens/", r => $"MAPBOX_SECRET_TOKEN=sk.{Base64Url($$"""{"u":"{{L(r, 12)}}","a":"{{U(r, 25)}}"}""")}.{U(r, 22)}"),
        V("age-secret-key", "https://age-encryption.org/v1", r => "AGE-SECRET-KEY-1" + Of(r, "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", 58)),
        V("contentful-token", "https://www.contentful.com/developers/docs/references/authentication/", r => "CONTENTFUL_MANAGEMENT_TOKEN=CFPAT-" + U(r, 43)),
        V("dynatrace-token", "https://docs.dynatrace.com/docs/manage/identity-access-management/access-tokens-and-oauth-clients/access-tokens", r => $"DT_API_TOKEN=dt0c01.{Up(r, 24)}.{Up(r, 64)}"),
        V("easypost-api-key", "https://docs.easypost.com/docs/authentication", r => "EASYPOST_API_KEY=EZAK" + A(r, 54)),
        V("hubspot-private-app-token", "https://developers.hubspot.com/docs/api/private-apps", r => "HUBSPOT_ACCESS_TOKEN=pat-na1-" + Guid(r)),
        V("hubspot-api-key", "https://developers.hubspot.com/docs/api/migrate-an-api-key-integration-to-a-private-app", r => "HUBSPOT_API_KEY=" + Guid(r)),
        V("prefect-api-key", "https://docs.prefect.io/v3/manage/cloud/manage-users/api-keys", r => "PREFECT_API_KEY=pnu_" + A(r, 36)),
        V("readme-api-key", "https://docs.readme.com/main/reference/intro/authentication", r => "README_API_KEY=rdme_" + Lo(r, 70)),
        V("typeform-token", "https://www.typeform.com/developers/get-started/personal-access-token/", r => "TYPEFORM_TOKEN=tfp_" + U(r, 59)),
        V("airtable-pat", "https://airtable.com/developers/web/guides/personal-access-tokens", r => $"AIRTABLE_TOKEN=pat{A(r, 14)}.{H(r, 64)}"),
        V("clickup-api-token", "https://clickup.com/api/developer-portal/authentication/", r => $"CLICKUP_TOKEN=pk_{D(r, 8)}_{Up(r, 32)}"),
        V("sonarqube-token", "https://docs.sonarsource.com/sonarqube-server/latest/user-guide/managing-tokens/", r => "SONAR_TOKEN=squ_" + H(r, 40)),
        V("circleci-token", "https://circleci.com/docs/managing-api-tokens/", r => $"CIRCLECI_TOKEN=CCIPAT_{A(r, 22)}_{H(r, 40)}"),
        V("buildkite-token", "https://buildkite.com/docs/apis/managing-api-tokens", r => "BUILDKITE_API_TOKEN=bkua_" + H(r, 40)),
        V("ngrok-authtoken", "https://ngrok.com/docs/agent/#authtokens", r => $"NGROK_AUTHTOKEN={A(r, 27)}_{A(r, 21)}"),
        V("twitter-bearer-token", "https://developer.x.com/en/docs/authentication/oauth-2-0/bearer-tokens", r => "TWITTER_BEARER_TOKEN=AAAAAAAAAAAAAAAAAAAAA" + A(r, 25) + "%3D" + A(r, 50)),
        V("facebook-access-token", "https://developers.facebook.com/docs/facebook-login/guides/access-tokens", r => "FB_ACCESS_TOKEN=EAAB" + A(r, 180)),
        V("resend-api-key", "https://resend.com/docs/dashboard/api-keys/introduction", r => $"RESEND_API_KEY=re_{A(r, 8)}_{A(r, 24)}"),
        V("algolia-admin-key", "https://www.algolia.com/doc/guides/security/api-keys/", r => "ALGOLIA_ADMIN_API_KEY=" + H(r, 32)),
        V("pagerduty-token", "https://support.pagerduty.com/main/docs/api-access-keys", r => "PAGERDUTY_TOKEN=" + U(r, 20)),
        V("zendesk-token", "https://developer.zendesk.com/api-reference/introduction/security-and-auth/", r => "ZENDESK_API_TOKEN=" + A(r, 40)),
        V("snyk-token", "https://docs.snyk.io/snyk-api/authentication-for-api", r => "SNYK_TOKEN=" + Guid(r)),
        V("fastly-api-token", "https://www.fastly.com/documentation/reference/api/auth-tokens/", r => "FASTLY_API_TOKEN=" + U(r, 32)),
        V("launchdarkly-key", "https://launchdarkly.com/docs/home/account/environment/keys", r => "LAUNCHDARKLY_SDK_KEY=sdk-" + Guid(r)),
        V("intercom-token", "https://developers.intercom.com/docs/build-an-integration/learn-more/authentication/", r => "INTERCOM_ACCESS_TOKEN=" + Convert.ToBase64String(Encoding.UTF8.GetBytes($"tok:{Guid(r)}:1:0")).TrimEnd('=')),
        V("sourcegraph-access-token", "https://docs.sourcegraph.com/dev/security/secret_formats", r => $"SRC_ACCESS_TOKEN=sgp_{H(r, 16)}_{H(r, 40)}"),
        V("sourcegraph-backend-token", "https://docs.sourcegraph.com/dev/security/secret_formats", r => "LICENSE_TOKEN=slk_" + H(r, 64)),
        V("harness-api-key", "https://developer.harness.io/docs/platform/automation/api/add-and-manage-api-keys", r => $"HARNESS_PLATFORM_API_KEY=pat.{U(r, 22)}.{H(r, 24)}.{A(r, 20)}"),
        V("brevo-api-key", "https://developers.brevo.com/docs/getting-started", r => $"BREVO_API_KEY=xkeysib-{H(r, 64)}-{A(r, 16)}"),
        V("sidekiq-credentials", "https://github.com/sidekiq/sidekiq/wiki/Commercial-FAQ", r => $"BUNDLE_ENTERPRISE__CONTRIBSYS__COM={H(r, 8)}:{H(r, 8)}"),
        V("kucoin-api-secret", "https://www.kucoin.com/docs-new/authentication", r => "KUCOIN_API_SECRET=" + Guid(r)),
        V("squarespace-api-key", "https://developers.squarespace.com/commerce-apis/authentication-and-permissions", r => "SQUARESPACE_API_KEY=" + Guid(r)),
        V("lob-api-key", "https://docs.lob.com/#tag/Authentication", r => "LOB_API_KEY=live_" + H(r, 35)),
        V("octopus-deploy-api-key", "https://octopus.com/docs/octopus-rest-api/how-to-create-an-api-key", r => "OCTOPUS_CLI_API_KEY=API-" + Up(r, 26)),
        V("adobe-client-secret", "https://developer.adobe.com/developer-console/docs/guides/authentication/", r => "ADOBE_CLIENT_SECRET=p8e-" + A(r, 32)),
        V("clickhouse-cloud-api-secret", "https://clickhouse.com/docs/cloud/manage/openapi", r => "CLICKHOUSE_KEY_SECRET=4b1d" + A(r, 38)),
        V("clojars-deploy-token", "https://github.com/clojars/clojars-web/wiki/Deploy-Tokens", r => "CLOJARS_PASSWORD=CLOJARS_" + Lo(r, 60)),
        V("intra42-client-secret", "https://api.intra.42.fr/apidoc/guides/getting_started", r => "FT_CLIENT_SECRET=s-s4t2ud-" + H(r, 64)),
        // Private keys, JWTs, connection strings: the formats their standards define
        V("private-key", "https://www.rfc-editor.org/rfc/rfc7468#section-10", r => $"-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC{B(r, 32)}\n{B(r, 64)}\n{B(r, 64)}\n-----END PRIVATE KEY-----"),
        V("openssh-private-key", "https://github.com/openssh/openssh-portable/blob/master/PROTOCOL.key", r => $"-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n{B(r, 70)}\n-----END OPENSSH PRIVATE KEY-----"),
        V("pgp-private-key", "https://www.rfc-editor.org/rfc/rfc4880#section-6.2", r => $"-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQVYBG{B(r, 58)}\n{B(r, 64)}\n-----END PGP PRIVATE KEY BLOCK-----"),
        V("putty-private-key", "https://the.earth.li/~sgtatham/putty/0.80/htmldoc/AppendixC.html", r => $"PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: eddsa-key\nPublic-Lines: 2\nAAAAC3NzaC1lZDI1NTE5AAAAI{B(r, 43)}\n{B(r, 20)}\nPrivate-Lines: 1\nAAAAI{B(r, 43)}\nPrivate-MAC: {H(r, 64)}"),
        V("dotnet-rsa-xml-private-key", "https://learn.microsoft.com/en-us/dotnet/api/system.security.cryptography.rsa.toxmlstring", r => $"<RSAKeyValue><Modulus>{Bytes64(r, 256)}</Modulus><Exponent>AQAB</Exponent><P>{Bytes64(r, 128)}</P><Q>{Bytes64(r, 128)}</Q><D>{Bytes64(r, 256)}</D></RSAKeyValue>"),
        V("private-key-der-base64", "https://www.rfc-editor.org/rfc/rfc5208#section-5", r => "PRIVATE_KEY=MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQ" + B(r, 400)),
        V("secp256k1-private-key", "https://ethereum.org/en/developers/docs/accounts/#account-creation", r => "PRIVATE_KEY=0x" + H(r, 64)),
        V("jwt", "https://www.rfc-editor.org/rfc/rfc7519#section-3.1", r => "Authorization: Bearer " + Jwt(r)),
        V("jwt-base64", "https://www.rfc-editor.org/rfc/rfc7519#section-3.1", r => "  token: " + Convert.ToBase64String(Encoding.ASCII.GetBytes(Jwt(r)))),
        V("postgres-connection-string", "https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNSTRING-URIS", r => $"DATABASE_URL=postgresql://{L(r, 6)}:{A(r, 20)}@db.internal:5432/app"),
        V("mysql-connection-string", "https://dev.mysql.com/doc/refman/8.4/en/connecting-using-uri-or-key-value-pairs.html", r => $"DATABASE_URL=mysql://{L(r, 6)}:{A(r, 20)}@db.internal:3306/app"),
        V("mongodb-connection-string", "https://www.mongodb.com/docs/manual/reference/connection-string/", r => $"MONGO_URL=mongodb+srv://{L(r, 6)}:{A(r, 20)}@cluster0.{L(r, 5)}.mongodb.net/app"),
        V("redis-connection-string", "https://www.iana.org/assignments/uri-schemes/prov/redis", r => $"REDIS_URL=rediss://default:{A(r, 32)}@cache.internal:6380/0"),
        V("amqp-connection-string", "https://www.rabbitmq.com/docs/uri-spec", r => $"AMQP_URL=amqps://{L(r, 6)}:{A(r, 20)}@mq.internal:5671/vhost"),
        V("url-basic-auth", "https://www.rfc-editor.org/rfc/rfc3986#section-3.2.1", r => $"git clone https://{L(r, 6)}:{A(r, 20)}@git.internal.net/team/repo.git"),
        V("jdbc-connection-string", "https://jdbc.postgresql.org/documentation/use/", r => $"url=jdbc:postgresql://db:5432/app?user={L(r, 6)}&password={A(r, 18)}"),
        V("dotnet-connection-string-password", "https://learn.microsoft.com/en-us/dotnet/framework/data/adonet/connection-string-syntax", r => $"\"Default\": \"Server=sql.internal;Database=app;User Id={L(r, 6)};Password={A(r, 18)};\""),
        V("libpq-connection-string-password", "https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNSTRING-KEYWORD-VALUE", r => $"conn = psycopg2.connect(\"host=db dbname=app user={L(r, 6)} password={A(r, 18)}\")"),
    ];
}
