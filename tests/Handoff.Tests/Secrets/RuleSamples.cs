using Handoff.Core.Secrets;

namespace Handoff.Tests.Secrets;

/// <summary>
/// The true- and false-positive samples of every built-in rule, as <see cref="SampleTemplate"/> templates expanded
/// with random data, keyed by rule id. They live with the tests because nothing needs them at run time. Written
/// beside each rule's regex, they show that the rule does what its author meant; independent evidence that it
/// matches the vendor's real format is <see cref="VendorSamples"/>.
/// </summary>
public static class RuleSamples
{
    /// <param name="Path">the path the samples are scanned under (rules limited to some paths need a matching one).</param>
    public sealed record Samples(IReadOnlyList<string> TruePositives, IReadOnlyList<string> FalsePositives, string Path = "src/sample.txt");

    public static Samples For(SecretRule rule) =>
        ById.TryGetValue(rule.Id, out var samples) ? samples : throw new KeyNotFoundException($"no samples for rule {rule.Id}");

    public static IReadOnlyDictionary<string, Samples> ById { get; } = new Dictionary<string, Samples>
    {
        ["aws-access-key-id"] = new(
            ["aws_access_key_id = ⟨AKIA«Z16»⟩", "\"AccessKeyId\": \"⟨ASIA«Z16»⟩\","],
            ["aws_access_key_id = AKIAIOSFODNN7EXAMPLE", "const prefix = \"AKIA\"; // key ids start with AKIA"]),
        ["aws-secret-access-key"] = new(
            ["aws_secret_access_key = ⟨«b40»⟩", "export AWS_SECRET_ACCESS_KEY=\"⟨«b40»⟩\""],
            ["aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "aws_secret_access_key = ${AWS_SECRET_ACCESS_KEY}"]),
        ["aws-session-token"] = new(
            ["aws_session_token = ⟨IQoJb3JpZ2luX2Vj«b300»⟩", "AWS_SESSION_TOKEN=\"⟨FwoGZXIvYXdzE«b200»⟩\""],
            ["aws_session_token = ${AWS_SESSION_TOKEN}", "aws_session_token = short«A20»"]),
        ["aws-bedrock-api-key"] = new(
            ["BEDROCK_API_KEY=⟨ABSK«b132»⟩", "key: \"⟨ABSK«b140»⟩\""],
            ["const prefix = 'ABSK'", "ABSKdocumentation"]),
        ["gcp-api-key"] = new(
            ["GOOGLE_API_KEY=⟨AIza«u35»⟩", "apiKey: \"⟨AIza«u35»⟩\","],
            ["apiKey: \"AIzaXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX\"", "// keys look like AIza..."]),
        ["gcp-service-account-key-id"] = new(
            ["  \"private_key_id\": \"⟨«h40»⟩\",", "{\"type\":\"service_account\",\"private_key_id\":\"⟨«h40»⟩\"}"],
            ["  \"private_key_id\": \"\",", "  \"private_key_id\": \"<key id>\","]),
        ["gcp-oauth-client-secret"] = new(
            ["client_secret = \"⟨GOCSPX-«u28»⟩\"", "\"client_secret\":\"⟨GOCSPX-«u28»⟩\""],
            ["client_secret = \"GOCSPX-\"", "# GOCSPX- prefix marks Google client secrets"]),
        ["gcp-oauth-access-token"] = new(
            ["Authorization: Bearer ⟨ya29.«u120»⟩", "token = '⟨ya29.a0«u80»⟩'"],
            ["ya29.short", "token = 'ya29.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'"]),
        ["azure-storage-account-key"] = new(
            ["DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=⟨«b86»==⟩;EndpointSuffix=core.windows.net", "\"StorageAccountKey\": \"⟨«b86»==⟩\""],
            ["AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;", "AccountKey=${STORAGE_KEY}"]),
        ["azure-service-bus-key"] = new(
            ["Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=⟨«b43»=⟩", "\"conn\": \"HostName=hub.azure-devices.net;SharedAccessKeyName=iothubowner;SharedAccessKey=⟨«b43»=⟩\""],
            ["SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=<key>", "SharedAccessKey=${SB_KEY}"]),
        ["azure-sas-token"] = new(
            ["https://acct.blob.core.windows.net/c/b?sv=2022-11-02&ss=b&srt=o&sp=r&se=2030-01-01&sig=⟨«B64:‹b31›»⟩", "BlobSas = \"?sv=2021-06-08&sr=c&sig=⟨«A30»%2B«A10»%3D⟩\""],
            ["?sv=2022-11-02&sig=<signature>", "https://example.com/?sig=abc"]),
        ["azure-entra-client-secret"] = new(
            ["AZURE_CLIENT_SECRET=⟨«A3»8Q~«A34»⟩", "\"ClientSecret\": \"⟨«A3»7Q~«A31»⟩\""],
            ["ClientSecret = \"8Q~\"", "var approx = x ~ 7Q~y;"]),
        ["azure-devops-pat"] = new(
            ["AZURE_DEVOPS_EXT_PAT=⟨«A76»AZDO«A4»⟩", "pat: ⟨«A76»AZDO«A4»⟩"],
            ["AZDO_ORG_URL=https://dev.azure.com/org", "«l20»AZDO«A4»"]),
        ["azure-identifiable-key"] = new(
            ["key = \"⟨«b76»AzSe«b6»==⟩\"", "FUNCTION_KEY=⟨«b76»AzFu«b6»==⟩"],
            ["APIM_NAME=my-apim", "«b20»AzSe=="]),
        ["alibaba-access-key-id"] = new(
            ["ALIBABA_CLOUD_ACCESS_KEY_ID=⟨LTAI«A20»⟩", "accessKeyId: '⟨LTAI«A20»⟩'"],
            ["LTAI_PREFIX = 'LTAI'", "LTAIxxxxxxxxxxxxxxxxxxxx"]),
        ["alibaba-secret-key"] = new(
            ["ALIBABA_CLOUD_ACCESS_KEY_SECRET=⟨«A30»⟩", "aliyun_secret: \"⟨«A30»⟩\""],
            ["ALIBABA_CLOUD_ACCESS_KEY_SECRET=${SECRET}", "aliyun_region: cn-hangzhou"]),
        ["digitalocean-pat"] = new(
            ["DIGITALOCEAN_TOKEN=⟨dop_v1_«h64»⟩", "token = \"⟨dop_v1_«h64»⟩\""],
            ["token = \"dop_v1_\"", "dop_v1_«h20»"]),
        ["digitalocean-oauth-token"] = new(
            ["do_token: ⟨doo_v1_«h64»⟩", "\"access_token\": \"⟨doo_v1_«h64»⟩\""],
            ["doo_v1_<token>", "doo_v1_«h10»"]),
        ["digitalocean-refresh-token"] = new(
            ["refresh = ⟨dor_v1_«h64»⟩", "\"refresh_token\": \"⟨dor_v1_«h64»⟩\""],
            ["dor_v1_${REFRESH}", "dor_v1_«h30»"]),
        ["heroku-api-key"] = new(
            ["HEROKU_API_KEY=⟨«UUID»⟩", "heroku_api_key: \"⟨«UUID»⟩\""],
            ["HEROKU_APP_NAME=my-app", "heroku_api_key: ${HEROKU_API_KEY}"]),
        ["heroku-api-key-v2"] = new(
            ["HEROKU_API_KEY=⟨HRKU-AA«u58»⟩", "token: \"⟨HRKU-AA«u58»⟩\""],
            ["HRKU-AA<token>", "HRKU-AA«u10»"]),
        ["cloudflare-api-token"] = new(
            ["CLOUDFLARE_API_TOKEN=⟨cfut_«CF»⟩", "token: ⟨cfat_«CF»⟩"],
            ["cfut_<token>", "cfk_«A12»"]),
        ["cloudflare-api-key"] = new(
            ["CLOUDFLARE_API_KEY=⟨«h37»⟩", "cloudflare_api_token = \"⟨«u40»⟩\""],
            ["CLOUDFLARE_ZONE=example.com", "cloudflare_api_token = \"${CF_TOKEN}\""]),
        ["cloudflare-origin-ca-key"] = new(
            ["CF_ORIGIN_CA_KEY=⟨v1.0-«h24»-«h146»⟩", "origin_ca_key: ⟨v1.0-«h24»-«h146»⟩"],
            ["version: v1.0-beta", "v1.0-«h24»"]),
        ["vercel-token"] = new(
            ["VERCEL_TOKEN=⟨vcp_«A56»⟩", "token: '⟨vca_«A40»⟩'"],
            ["vcp_<token>", "vcp_«A8»"]),
        ["vercel-legacy-token"] = new(
            ["VERCEL_TOKEN=⟨«A24»⟩", "vercel_token: \"⟨«A24»⟩\""],
            ["VERCEL_TOKEN=${{ secrets.VERCEL_TOKEN }}", "VERCEL_ORG_ID=team_abc"]),
        ["databricks-token"] = new(
            ["DATABRICKS_TOKEN=⟨dapi«h32»⟩", "token = \"⟨dapi«h32»-2⟩\"", "DATABRICKS_TOKEN=⟨dapi«H32»⟩"],
            ["dapiVersion = 2", "dapi«h8»"]),
        ["flyio-token"] = new(
            ["FLY_API_TOKEN=\"⟨FlyV1 fm2_«b200»⟩\"", "fly_token: ⟨fm1r_«u120»⟩", "FLY_API_TOKEN=⟨fo1_«u43»⟩"],
            ["FLY_API_TOKEN=${FLY_API_TOKEN}", "fm2_short"]),
        ["netlify-token"] = new(
            ["NETLIFY_AUTH_TOKEN=⟨nfp_«A36»⟩", "token: ⟨nfp_«A36»⟩"],
            ["nfp_<token>", "nfp_«A10»"]),
        ["render-api-key"] = new(
            ["RENDER_API_KEY=⟨rnd_«A32»⟩", "api_key = \"⟨rnd_«A32»⟩\""],
            ["rnd_seed = 42", "rnd_«A10»"]),
        ["github-pat"] = new(
            ["GITHUB_TOKEN=⟨ghp_«GH»⟩", "git clone https://x-access-token:⟨ghp_«GH»⟩@github.com/o/r.git"],
            ["ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "if token.startswith(\"ghp_\"):"]),
        ["github-oauth-token"] = new(
            ["GITHUB_TOKEN=⟨gho_«GH»⟩", "git clone https://x-access-token:⟨gho_«GH»⟩@github.com/o/r.git"],
            ["gho_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "if token.startswith(\"gho_\"):"]),
        ["github-user-to-server-token"] = new(
            ["GITHUB_TOKEN=⟨ghu_«GH»⟩", "git clone https://x-access-token:⟨ghu_«GH»⟩@github.com/o/r.git"],
            ["ghu_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "if token.startswith(\"ghu_\"):"]),
        ["github-server-to-server-token"] = new(
            ["GITHUB_TOKEN=⟨ghs_«GH»⟩", "git clone https://x-access-token:⟨ghs_«GH»⟩@github.com/o/r.git"],
            ["ghs_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "if token.startswith(\"ghs_\"):"]),
        ["github-refresh-token"] = new(
            ["GITHUB_TOKEN=⟨ghr_«GH»⟩", "git clone https://x-access-token:⟨ghr_«GH»⟩@github.com/o/r.git"],
            ["ghr_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "if token.startswith(\"ghr_\"):"]),
        ["github-fine-grained-pat"] = new(
            ["GH_TOKEN=⟨github_pat_«A22»_«A59»⟩", "token: \"⟨github_pat_«A22»_«A59»⟩\"", "token = \"⟨github_pat_«A82»⟩\""],
            ["github_pat_<token>", "prefix = 'github_pat_'"]),
        ["github-legacy-token"] = new(
            ["GITHUB_TOKEN=⟨«h40»⟩", "github_oauth_token: \"⟨«h40»⟩\""],
            ["GITHUB_SHA=«h40»", "github_token: ${{ secrets.GITHUB_TOKEN }}"]),
        ["gitlab-pat"] = new(
            ["GITLAB_TOKEN=⟨glpat-«u20»⟩", "token: \"⟨glpat-«u20»⟩\""],
            ["glpat-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "const PREFIX = 'glpat-';"]),
        ["gitlab-deploy-token"] = new(
            ["GITLAB_TOKEN=⟨gldt-«u20»⟩", "token: \"⟨gldt-«u20»⟩\""],
            ["gldt-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "const PREFIX = 'gldt-';"]),
        ["gitlab-runner-token"] = new(
            ["GITLAB_TOKEN=⟨glrt-«u20»⟩", "token: \"⟨glrt-«u20»⟩\""],
            ["glrt-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "const PREFIX = 'glrt-';"]),
        ["gitlab-pipeline-trigger-token"] = new(
            ["GITLAB_TOKEN=⟨glptt-«u20»⟩", "token: \"⟨glptt-«u20»⟩\""],
            ["glptt-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "const PREFIX = 'glptt-';"]),
        ["gitlab-feed-token"] = new(
            ["GITLAB_TOKEN=⟨glft-«u20»⟩", "token: \"⟨glft-«u20»⟩\""],
            ["glft-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "const PREFIX = 'glft-';"]),
        ["gitlab-incoming-mail-token"] = new(
            ["GITLAB_TOKEN=⟨glimt-«u25»⟩", "token: \"⟨glimt-«u25»⟩\""],
            ["glimt-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "const PREFIX = 'glimt-';"]),
        ["gitlab-scim-token"] = new(
            ["GITLAB_TOKEN=⟨glsoat-«u20»⟩", "token: \"⟨glsoat-«u20»⟩\""],
            ["glsoat-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "const PREFIX = 'glsoat-';"]),
        ["gitlab-feature-flag-token"] = new(
            ["GITLAB_TOKEN=⟨glffct-«u20»⟩", "token: \"⟨glffct-«u20»⟩\""],
            ["glffct-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "const PREFIX = 'glffct-';"]),
        ["gitlab-agent-token"] = new(
            ["GITLAB_TOKEN=⟨glagent-«u50»⟩", "token: \"⟨glagent-«u50»⟩\""],
            ["glagent-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "const PREFIX = 'glagent-';"]),
        ["gitlab-oauth-secret"] = new(
            ["GITLAB_TOKEN=⟨gloas-«u64»⟩", "token: \"⟨gloas-«u64»⟩\""],
            ["gloas-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "const PREFIX = 'gloas-';"]),
        ["gitlab-ci-build-token"] = new(
            ["GITLAB_TOKEN=⟨glcbt-«A3»_«u20»⟩", "token: \"⟨glcbt-«A3»_«u20»⟩\""],
            ["glcbt-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "const PREFIX = 'glcbt-';"]),
        ["gitlab-runner-registration-token"] = new(
            ["GITLAB_TOKEN=⟨GR1348941«u20»⟩", "token: \"⟨GR1348941«u20»⟩\""],
            ["GR1348941xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "const PREFIX = 'GR1348941';"]),
        ["bitbucket-app-password"] = new(
            ["BITBUCKET_APP_PASSWORD=⟨ATBB«A32»⟩", "password: ⟨ATBB«A32»⟩"],
            ["ATBB_PREFIX = 'ATBB'", "ATBB«A8»"]),
        ["bitbucket-access-token"] = new(
            ["BITBUCKET_TOKEN=⟨ATCTT3xFfGN0«u180»⟩", "token: ⟨ATCTT3xFfGN0«u170»⟩"],
            ["ATCTT3xFfGN0<token>", "ATCTT3xFfGN0«u20»"]),
        ["bitbucket-client-secret"] = new(
            ["BITBUCKET_CLIENT_SECRET=⟨«A32»⟩", "bitbucket_secret: \"⟨«A64»⟩\""],
            ["BITBUCKET_WORKSPACE=myteam", "bitbucket_secret: ${BB_SECRET}"]),
        ["slack-bot-token"] = new(
            ["SLACK_BOT_TOKEN=⟨xoxb-«d12»-«d13»-«A24»⟩", "token: '⟨xoxb-«d11»-«d12»-«A24»⟩'"],
            ["SLACK_BOT_TOKEN=xoxb-your-token", "token = 'xoxb-'"]),
        ["slack-user-token"] = new(
            ["SLACK_USER_TOKEN=⟨xoxp-«d12»-«d12»-«d13»-«h32»⟩", "legacy = \"⟨xoxs-«d11»-«d12»-«A20»⟩\""],
            ["xoxp-your-token-here", "xoxp-123"]),
        ["slack-app-token"] = new(
            ["SLACK_APP_TOKEN=⟨xapp-1-A«U10»-«d13»-«h64»⟩", "app_token: ⟨xapp-1-A«U9»-«d12»-«h64»⟩"],
            ["xapp-<token>", "xapp-1-"]),
        ["slack-config-token"] = new(
            ["SLACK_CONFIG_TOKEN=⟨xoxe.xoxp-1-«U160»⟩", "refresh: ⟨xoxe-1-«U150»⟩"],
            ["xoxe.xoxp-1-<token>", "xoxe-1-«U20»"]),
        ["slack-webhook-url"] = new(
            ["SLACK_WEBHOOK=⟨https://hooks.slack.com/services/T«U8»/B«U8»/«A24»⟩", "url: \"⟨https://hooks.slack.com/workflows/T«U10»/A«U10»/«d18»/«A24»⟩\""],
            ["SLACK_WEBHOOK=https://hooks.slack.com/services/XXX", "see https://hooks.slack.com/ for details"]),
        ["discord-bot-token"] = new(
            ["DISCORD_TOKEN=⟨M«A23».«u6».«u27»⟩", "discord_bot_token: \"⟨N«A24».«u6».«u38»⟩\""],
            ["DISCORD_TOKEN=${DISCORD_TOKEN}", "discord_channel: general"]),
        ["discord-webhook-url"] = new(
            ["DISCORD_WEBHOOK=⟨https://discord.com/api/webhooks/«d18»/«u68»⟩", "url = '⟨https://discordapp.com/api/webhooks/«d19»/«u64»⟩'"],
            ["https://discord.com/api/webhooks/ID/TOKEN", "docs: https://discord.com/developers"]),
        ["telegram-bot-token"] = new(
            ["TELEGRAM_BOT_TOKEN=⟨«d10»:AA«u33»⟩", "bot = Bot(token=\"⟨«d9»:AA«u33»⟩\")"],
            ["TELEGRAM_BOT_TOKEN=123456:ABC-DEF", "time 12345678:AA"]),
        ["teams-webhook-url"] = new(
            ["TEAMS_WEBHOOK=⟨https://contoso.webhook.office.com/webhookb2/«UUID»@«UUID»/IncomingWebhook/«h32»/«UUID»⟩", "\"url\": \"⟨https://acme.webhook.office.com/webhookb2/«UUID»@«UUID»/IncomingWebhook/«h32»/«UUID»/V2«u40»⟩\""],
            ["TEAMS_WEBHOOK=https://contoso.webhook.office.com/webhookb2/...", "see webhook.office.com docs"]),
        ["teams-workflow-url"] = new(
            ["url: ⟨https://prod-12.westus.logic.azure.com:443/workflows/«h32»/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=«u43»⟩", "TEAMS_FLOW=⟨https://prod-01.westeurope.logic.azure.com/workflows/«h32»/triggers/manual/paths/invoke?sig=«u43»⟩"],
            ["https://prod-12.westus.logic.azure.com:443/workflows/<id>/triggers", "see logic.azure.com"]),
        ["mattermost-token"] = new(
            ["MATTERMOST_TOKEN=⟨«a26»⟩", "mattermost_access_token: \"⟨«a26»⟩\""],
            ["MATTERMOST_URL=https://chat.example.org", "mattermost_token: ${MM_TOKEN}"]),
        ["stripe-secret-key"] = new(
            ["STRIPE_SECRET_KEY=⟨sk_live_«A24»⟩", "Stripe.api_key = '⟨sk_test_«A99»⟩'"],
            ["STRIPE_SECRET_KEY=sk_test_xxxxxxxxxxxxxxxxxxxxxxxx", "if key.startswith('sk_live_'):"]),
        ["stripe-restricted-key"] = new(
            ["STRIPE_KEY=⟨rk_live_«A24»⟩", "key: \"⟨rk_test_«A60»⟩\""],
            ["rk_live_<key>", "rk_live_«A5»"]),
        ["stripe-webhook-secret"] = new(
            ["STRIPE_WEBHOOK_SECRET=⟨whsec_«A32»⟩", "endpoint_secret = \"⟨whsec_«A40»⟩\""],
            ["whsec_...", "whsec_«A10»"]),
        ["square-access-token"] = new(
            ["SQUARE_ACCESS_TOKEN=⟨sq0atp-«u22»⟩", "accessToken: '⟨EAAA«u60»⟩'"],
            ["sq0atp-<token>", "EAAA«u10»"]),
        ["square-oauth-secret"] = new(
            ["SQUARE_APP_SECRET=⟨sq0csp-«u43»⟩", "secret: \"⟨sq0csp-«u43»⟩\""],
            ["sq0csp-<secret>", "sq0csp-«u10»"]),
        ["paypal-braintree-access-token"] = new(
            ["BRAINTREE_TOKEN=⟨access_token$production$«a16»$«h32»⟩", "token: \"⟨access_token$sandbox$«a16»$«h32»⟩\""],
            ["access_token$production$<merchant>$<token>", "access_token$sandbox$"]),
        ["paypal-client-secret"] = new(
            ["PAYPAL_CLIENT_SECRET=⟨E«u79»⟩", "paypal_secret: \"⟨«u80»⟩\""],
            ["PAYPAL_MODE=sandbox", "paypal_secret: ${PAYPAL_SECRET}"]),
        ["razorpay-key"] = new(
            ["RAZORPAY_KEY_ID=⟨rzp_live_«A14»⟩", "key: '⟨rzp_live_«A14»⟩'"],
            ["rzp_live_<key>", "rzp_live_«A5»"]),
        ["flutterwave-secret-key"] = new(
            ["FLW_SECRET_KEY=⟨FLWSECK-«h32»-X⟩", "secret: '⟨FLWSECK_TEST-«h32»-X⟩'"],
            ["FLWSECK-<key>-X", "FLWSECK-«h8»-X"]),
        ["plaid-access-token"] = new(
            ["PLAID_ACCESS_TOKEN=⟨access-production-«UUID»⟩", "token = \"⟨access-sandbox-«UUID»⟩\""],
            ["access-production-<uuid>", "access-sandbox-mode"]),
        ["shippo-api-token"] = new(
            ["SHIPPO_TOKEN=⟨shippo_live_«h40»⟩", "key: ⟨shippo_test_«h40»⟩"],
            ["shippo_live_<token>", "shippo_test_«h8»"]),
        ["openai-api-key"] = new(
            ["OPENAI_API_KEY=⟨sk-«A20»T3BlbkFJ«A20»⟩", "openai.api_key = \"⟨sk-proj-«u60»T3BlbkFJ«u60»⟩\""],
            ["OPENAI_API_KEY=sk-...T3BlbkFJ...", "# keys contain T3BlbkFJ (base64 of OpenAI)"]),
        ["openai-project-key"] = new(
            ["OPENAI_API_KEY=⟨sk-proj-«u120»⟩", "key = '⟨sk-svcacct-«u80»⟩'"],
            ["OPENAI_API_KEY=sk-proj-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "sk-proj-<key>"]),
        ["anthropic-api-key"] = new(
            ["ANTHROPIC_API_KEY=⟨sk-ant-api03-«u93»AA⟩", "client = Anthropic(api_key=\"⟨sk-ant-api03-«u93»AA⟩\")"],
            ["ANTHROPIC_API_KEY=sk-ant-api03-...", "sk-ant-api03-«u10»AA"]),
        ["anthropic-admin-key"] = new(
            ["ANTHROPIC_ADMIN_KEY=⟨sk-ant-admin01-«u93»AA⟩", "admin_key: ⟨sk-ant-admin01-«u93»AA⟩"],
            ["sk-ant-admin01-<key>", "sk-ant-admin01-«u10»AA"]),
        ["huggingface-token"] = new(
            ["HF_TOKEN=⟨hf_«l12»«L10»«l12»⟩", "login(token=\"⟨hf_«L17»«l17»⟩\")"],
            ["HF_TOKEN=hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "hf_hub_download(repo_id='x')"]),
        ["huggingface-org-token"] = new(
            ["HF_ORG_TOKEN=⟨api_org_«l17»«L17»⟩", "token: ⟨api_org_«L12»«l22»⟩"],
            ["api_org_name = 'acme'", "api_org_«l5»"]),
        ["groq-api-key"] = new(
            ["GROQ_API_KEY=⟨gsk_«A52»⟩", "Groq(api_key='⟨gsk_«A52»⟩')"],
            ["GROQ_API_KEY=gsk_...", "gsk_«A10»"]),
        ["replicate-api-token"] = new(
            ["REPLICATE_API_TOKEN=⟨r8_«A37»⟩", "token: ⟨r8_«A37»⟩"],
            ["r8_<token>", "r8_«A5»"]),
        ["xai-api-key"] = new(
            ["XAI_API_KEY=⟨xai-«A80»⟩", "api_key=\"⟨xai-«A80»⟩\""],
            ["XAI_API_KEY=xai-...", "xai-grok-2-latest"]),
        ["perplexity-api-key"] = new(
            ["PERPLEXITY_API_KEY=⟨pplx-«A48»⟩", "key: '⟨pplx-«A48»⟩'"],
            ["pplx-<key>", "pplx-70b-online"]),
        ["devin-api-key"] = new(
            ["DEVIN_API_KEY=⟨cog_«A40»⟩", "Authorization: Bearer ⟨cog_«u48»⟩"],
            ["DEVIN_API_KEY=cog_your_key_here", "def cog_loader_init_function_for_plugins():"]),
        ["devin-legacy-api-key"] = new(
            ["DEVIN_API_KEY=⟨apk_«A40»⟩", "curl -H 'Authorization: Bearer ⟨apk_«A48»⟩'"],
            ["DEVIN_API_KEY=apk_...", "apk_user_«A40» is a personal key"]),
        ["devin-legacy-user-key"] = new(
            ["DEVIN_API_KEY=⟨apk_user_«A40»⟩", "key: \"⟨apk_user_«u48»⟩\""],
            ["apk_user_<key>", "apk_user_«A6»"]),
        ["openrouter-api-key"] = new(
            ["OPENROUTER_API_KEY=⟨sk-or-v1-«h64»⟩", "key = \"⟨sk-or-v1-«h64»⟩\""],
            ["sk-or-v1-...", "sk-or-v1-«h10»"]),
        ["langsmith-api-key"] = new(
            ["LANGCHAIN_API_KEY=⟨lsv2_pt_«h32»_«h10»⟩", "key: ⟨lsv2_sk_«h32»_«h10»⟩"],
            ["lsv2_pt_<key>", "lsv2_sk_«h8»_«h10»"]),
        ["pinecone-api-key"] = new(
            ["PINECONE_API_KEY=⟨pcsk_«A6»_«A60»⟩", "api_key='⟨pcsk_«A70»⟩'"],
            ["pcsk_<key>", "pcsk_«A10»"]),
        ["mistral-api-key"] = new(
            ["MISTRAL_API_KEY=⟨«A32»⟩", "mistral_key: \"⟨«A32»⟩\""],
            ["MISTRAL_MODEL=mistral-large-latest", "mistral_api_key: ${MISTRAL_API_KEY}"]),
        ["cohere-api-key"] = new(
            ["COHERE_API_KEY=⟨«A40»⟩", "co_api_key = \"⟨«A40»⟩\""],
            ["COHERE_MODEL=command-r-plus", "cohere_api_key: <key>"]),
        ["deepseek-api-key"] = new(
            ["DEEPSEEK_API_KEY=⟨sk-«h32»⟩", "deepseek_key: \"⟨sk-«h32»⟩\""],
            ["DEEPSEEK_MODEL=deepseek-chat", "deepseek_api_key: sk-..."]),
        ["elevenlabs-api-key"] = new(
            ["ELEVENLABS_API_KEY=⟨sk_«h48»⟩", "xi_api_key = '⟨sk_«h48»⟩'"],
            ["sk_<key>", "sk_live_mode"]),
        ["npm-access-token"] = new(
            ["//registry.npmjs.org/:_authToken=⟨npm_«GH»⟩", "NPM_TOKEN=⟨npm_«GH»⟩"],
            ["NPM_TOKEN=npm_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "npm_config_registry=https://registry.npmjs.org/"]),
        ["npmrc-auth"] = new(
            ["//npm.pkg.github.com/:_authToken=⟨«A40»⟩", "_auth = ⟨«B64:user:‹A16›»⟩"],
            ["//registry.npmjs.org/:_authToken=${NPM_TOKEN}", "npmAuthToken: \"${NPM_AUTH_TOKEN}\""], ".npmrc"),
        ["pypi-token"] = new(
            ["password = ⟨pypi-AgEIcHlwaS5vcmc«u120»⟩", "PYPI_TOKEN=⟨pypi-AgEIcHlwaS5vcmc«u80»⟩"],
            ["password = pypi-AgEIcHlwaS5vcmc", "pypi-AgEIcHlwaS5vcmc<rest>"]),
        ["testpypi-token"] = new(
            ["password = ⟨pypi-AgENdGVzdC5weXBpLm9yZw«u120»⟩", "TEST_PYPI_TOKEN=⟨pypi-AgENdGVzdC5weXBpLm9yZw«u80»⟩"],
            ["pypi-AgENdGVzdC5weXBpLm9yZw", "pypi-AgENdGVzdC5weXBpLm9yZw..."]),
        ["nuget-api-key"] = new(
            ["dotnet nuget push pkg.nupkg --api-key ⟨oy2«a43»⟩", "NUGET_API_KEY=⟨oy2«a43»⟩"],
            ["oy2<key>", "oy2«a10»"]),
        ["nuget-config-password"] = new(
            ["<add key=\"ClearTextPassword\" value=\"⟨«A24»⟩\" />", "      <add key='ClearTextPassword' value='⟨«A16»⟩'/>"],
            ["<add key=\"ClearTextPassword\" value=\"%NUGET_PASSWORD%\" />", "<add key=\"ClearTextPassword\" value=\"${NUGET_PW}\" />"]),
        ["rubygems-api-key"] = new(
            [":rubygems_api_key: ⟨rubygems_«h48»⟩", "GEM_HOST_API_KEY=⟨rubygems_«h48»⟩"],
            ["rubygems_api_key: ${GEM_KEY}", "rubygems_«h8»"]),
        ["dockerhub-pat"] = new(
            ["DOCKERHUB_TOKEN=⟨dckr_pat_«u27»⟩", "echo ⟨dckr_oat_«u32»⟩ | docker login -u org --password-stdin"],
            ["dckr_pat_<token>", "dckr_pat_«u5»"]),
        ["docker-config-auth"] = new(
            ["    \"https://index.docker.io/v1/\": { \"auth\": \"⟨«B64:deploy:‹A20›»⟩\" }", "{\"auths\":{\"ghcr.io\":{\"auth\":\"⟨«B64:bot:‹A32›»⟩\"}}}"],
            ["\"auth\": \"\"", "\"auth\": \"«B64:justauser»\""]),
        ["kubernetes-dockerconfigjson"] = new(
            ["  .dockerconfigjson: ⟨«B64:{\"auths\":{\"r.io\":{\"auth\":\"‹A24›\"}}}»⟩", "\".dockerconfigjson\": \"⟨«B64:{\"auths\":{\"ghcr.io\":{\"username\":\"u\",\"password\":\"‹A20›\"}}}»⟩\""],
            ["  .dockerconfigjson: «B64:{\"auths\":{}}»", "type: kubernetes.io/dockerconfigjson"]),
        ["artifactory-api-key"] = new(
            ["ARTIFACTORY_API_KEY=⟨AKCp«A69»⟩", "X-JFrog-Art-Api: ⟨AKCp«A69»⟩"],
            ["AKCp<key>", "AKCp«A10»"]),
        ["artifactory-reference-token"] = new(
            ["ARTIFACTORY_TOKEN=⟨cmVmdGtu«A56»⟩", "token: ⟨cmVmdGtu«A56»⟩"],
            ["cmVmdGtu<token>", "cmVmdGtu«A10»"]),
        ["crates-io-token"] = new(
            ["CARGO_REGISTRY_TOKEN=⟨cio«A32»⟩", "token = \"⟨cio«A32»⟩\""],
            ["precious = 1", "cio«A8»"]),
        ["jfrog-identity-token"] = new(
            ["JFROG_ACCESS_TOKEN=⟨eyJ2ZXIiOiIy«u150».«u60».«u40»⟩", "token: ⟨eyJ2ZXIiOiIy«u120».«u40».«u40»⟩"],
            ["eyJ2ZXIiOiIy", "eyJ2ZXIiOiIy«u20»"]),
        ["hex-pm-api-key"] = new(
            ["HEX_API_KEY=⟨hex_«h32»⟩", "api_key: ⟨hex_«h32»⟩"],
            ["hex_color = '#ffffff'", "hex_«h8»"]),
        ["twilio-api-key"] = new(
            ["TWILIO_API_KEY=⟨SK«h32»⟩", "apiKey: '⟨SK«h32»⟩'"],
            ["TWILIO_API_KEY=SKxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "SK«h8»"]),
        ["twilio-auth-token"] = new(
            ["TWILIO_AUTH_TOKEN=⟨«h32»⟩", "twilio_token: \"⟨«h32»⟩\""],
            ["TWILIO_ACCOUNT_SID=AC«h8»", "twilio_auth_token: ${TWILIO_AUTH_TOKEN}"]),
        ["sendgrid-api-key"] = new(
            ["SENDGRID_API_KEY=⟨SG.«u22».«u43»⟩", "sg = SendGridAPIClient('⟨SG.«u22».«u43»⟩')"],
            ["SENDGRID_API_KEY=SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "msg.send(to)"]),
        ["mailgun-api-key"] = new(
            ["MAILGUN_API_KEY=⟨key-«h32»⟩", "auth=('api', '⟨key-«h32»⟩')"],
            ["key-value store", "key-«h8»"]),
        ["mailgun-signing-key"] = new(
            ["MAILGUN_WEBHOOK_SIGNING_KEY=⟨«h32»-«h8»-«h8»⟩", "mailgun_key: ⟨«h32»-«h8»-«h8»⟩"],
            ["MAILGUN_DOMAIN=mg.example.org", "mailgun_key: ${MG_KEY}"]),
        ["mailchimp-api-key"] = new(
            ["MAILCHIMP_API_KEY=⟨«h32»-us21⟩", "api_key: '⟨«h32»-us6⟩'"],
            ["locale = en-us", "«h8»-us1"]),
        ["shopify-access-token"] = new(
            ["SHOPIFY_ACCESS_TOKEN=⟨shpat_«h32»⟩", "token: ⟨shpca_«h32»⟩", "X-Shopify-Access-Token: ⟨shpat_«A32»⟩"],
            ["shpat_<token>", "shpat_«h8»"]),
        ["shopify-shared-secret"] = new(
            ["SHOPIFY_API_SECRET=⟨shpss_«h32»⟩", "secret = '⟨shpss_«h32»⟩'", "SHOPIFY_API_SECRET=⟨shpss_«A32»⟩"],
            ["shpss_<secret>", "shpss_«h10»"]),
        ["datadog-api-key"] = new(
            ["DD_API_KEY=⟨«h32»⟩", "datadog_api_key: \"⟨«h32»⟩\""],
            ["DD_API_KEY=${DD_API_KEY}", "datadog_site: datadoghq.eu"]),
        ["datadog-app-key"] = new(
            ["DD_APP_KEY=⟨«h40»⟩", "datadog_app_key = \"⟨«h40»⟩\""],
            ["DD_APP_KEY=<key>", "datadog_app_name = checkout"]),
        ["newrelic-user-key"] = new(
            ["NEW_RELIC_API_KEY=⟨NRAK-«U27»⟩", "apiKey: '⟨NRAK-«U27»⟩'"],
            ["NRAK-<key>", "NRAK-«U5»"]),
        ["newrelic-insert-key"] = new(
            ["NEW_RELIC_INSERT_KEY=⟨NRII-«u32»⟩", "query_key: ⟨NRIQ-«u32»⟩"],
            ["NRII-<key>", "NRIQ-«u8»"]),
        ["newrelic-license-key"] = new(
            ["NEW_RELIC_LICENSE_KEY=⟨«h36»NRAL⟩", "license_key: ⟨«h36»NRAL⟩"],
            ["NRAL_MODE=1", "«h8»NRAL"]),
        ["newrelic-browser-key"] = new(
            ["NEW_RELIC_BROWSER_KEY=⟨NRJS-«h19»⟩", "licenseKey: '⟨NRJS-«h19»⟩'"],
            ["NRJS-<key>", "NRJS-«h5»"]),
        ["sentry-user-token"] = new(
            ["SENTRY_AUTH_TOKEN=⟨sntryu_«h64»⟩", "auth.token=⟨sntryu_«h64»⟩"],
            ["sntryu_<token>", "sntryu_«h10»"]),
        ["sentry-org-token"] = new(
            ["SENTRY_AUTH_TOKEN=⟨sntrys_eyJ«b100»⟩", "token: ⟨sntrys_eyJ«u90»⟩"],
            ["sntrys_<token>", "sntrys_eyJ«b10»"]),
        ["sentry-legacy-token"] = new(
            ["SENTRY_AUTH_TOKEN=⟨«h64»⟩", "sentry_token: \"⟨«h64»⟩\""],
            ["SENTRY_DSN=https://public@o1.ingest.sentry.io/1", "sentry_auth_token: ${SENTRY_AUTH_TOKEN}"]),
        ["grafana-service-account-token"] = new(
            ["GRAFANA_TOKEN=⟨glsa_«GLSA»⟩", "Authorization: Bearer ⟨glsa_«GLSA»⟩"],
            ["glsa_<token>", "glsa_«A10»_«h8»"]),
        ["grafana-cloud-token"] = new(
            ["GRAFANA_CLOUD_TOKEN=⟨glc_eyJ«b100»⟩", "token: ⟨glc_«b80»==⟩"],
            ["glc_<token>", "glc_«b8»"]),
        ["grafana-api-key"] = new(
            ["GRAFANA_API_KEY=⟨eyJrIjoi«b80»⟩", "grafana_auth: ⟨eyJrIjoi«b100»==⟩"],
            ["eyJrIjoi", "eyJrIjoi«b10»"]),
        ["atlassian-api-token"] = new(
            ["JIRA_API_TOKEN=⟨ATATT3xFfGF0«u180»⟩", "confluence_token: ⟨ATATT3«u186»⟩"],
            ["ATATT3<token>", "ATATT3«u20»"]),
        ["atlassian-legacy-token"] = new(
            ["JIRA_API_TOKEN=⟨«A24»⟩", "confluence_token: \"⟨«A24»⟩\""],
            ["JIRA_BASE_URL=https://acme.atlassian.net", "jira_token: ${JIRA_TOKEN}"]),
        ["linear-api-key"] = new(
            ["LINEAR_API_KEY=⟨lin_api_«A40»⟩", "apiKey: '⟨lin_api_«A40»⟩'"],
            ["lin_api_<key>", "lin_api_«A8»"]),
        ["linear-oauth-token"] = new(
            ["LINEAR_TOKEN=⟨lin_oauth_«h64»⟩", "token: ⟨lin_oauth_«h64»⟩"],
            ["lin_oauth_<token>", "lin_oauth_«h8»"]),
        ["notion-integration-token"] = new(
            ["NOTION_TOKEN=⟨secret_«A43»⟩", "auth: '⟨ntn_«d11»«A35»⟩'"],
            ["secret_key_base = ENV['SECRET_KEY_BASE']", "ntn_«d5»"]),
        ["figma-token"] = new(
            ["FIGMA_TOKEN=⟨figd_«u40»⟩", "X-Figma-Token: ⟨figd_«u40»⟩", "FIGMA_TOKEN=⟨figd_«u64»⟩"],
            ["figd_<token>", "figd_«u8»"]),
        ["postman-api-key"] = new(
            ["POSTMAN_API_KEY=⟨PMAK-«h24»-«h34»⟩", "x-api-key: ⟨PMAK-«h24»-«h34»⟩"],
            ["PMAK-<key>", "PMAK-«h8»-«h8»"]),
        ["doppler-token"] = new(
            ["DOPPLER_TOKEN=⟨dp.st.«A43»⟩", "token: ⟨dp.pt.«A43»⟩"],
            ["dp.st.<token>", "dp.pt.«A8»"]),
        ["vault-service-token"] = new(
            ["VAULT_TOKEN=⟨hvs.CAESI«u100»⟩", "token: ⟨hvs.«u95»⟩"],
            ["VAULT_TOKEN=hvs.xxxx", "hvs.«u20»"]),
        ["vault-batch-token"] = new(
            ["VAULT_TOKEN=⟨hvb.AAAAAQ«u150»⟩", "token: ⟨hvb.«u140»⟩"],
            ["hvb.<token>", "hvb.«u20»"]),
        ["vault-legacy-token"] = new(
            ["VAULT_TOKEN=⟨s.«A24»⟩", "vault_token: \"⟨s.«A24»⟩\"", "token: ⟨s.«A24»⟩"],
            ["VAULT_ADDR=https://vault.internal:8200", "vault_token: ${VAULT_TOKEN}", "token = s.substring(0, 24)"]),
        ["terraform-cloud-token"] = new(
            ["token = \"⟨«A14».atlasv1.«u67»⟩\"", "TFE_TOKEN=⟨«A14».atlasv1.«u64»⟩"],
            ["token = \"xxxx.atlasv1.xxxx\"", "«A14».atlasv1.«u10»"]),
        ["pulumi-access-token"] = new(
            ["PULUMI_ACCESS_TOKEN=⟨pul-«h40»⟩", "token: ⟨pul-«h40»⟩"],
            ["pul-<token>", "pul-«h8»"]),
        ["onepassword-service-account-token"] = new(
            ["OP_SERVICE_ACCOUNT_TOKEN=⟨ops_eyJ«b300»⟩", "token: ⟨ops_eyJ«u260»⟩"],
            ["ops_eyJ<token>", "ops_eyJ«b20»"]),
        ["onepassword-secret-key"] = new(
            ["secret_key: ⟨A3-«U6»-«U11»-«U5»-«U5»-«U5»⟩", "OP_SECRET_KEY=⟨A3-«U6»-«U6»-«U5»-«U5»-«U5»-«U5»⟩"],
            ["A3-XXXXXX-XXXXXX-XXXXX-XXXXX-XXXXX-XXXXX", "paper size A3-landscape"]),
        ["okta-api-token"] = new(
            ["OKTA_API_TOKEN=⟨00«u40»⟩", "okta_token: \"⟨00«u40»⟩\""],
            ["OKTA_ORG_URL=https://dev-1.okta.com", "okta_token: ${OKTA_TOKEN}"]),
        ["supabase-pat"] = new(
            ["SUPABASE_ACCESS_TOKEN=⟨sbp_«h40»⟩", "token: ⟨sbp_«h40»⟩"],
            ["sbp_<token>", "sbp_«h8»"]),
        ["supabase-secret-key"] = new(
            ["SUPABASE_SECRET_KEY=⟨sb_secret_«u40»⟩", "key: ⟨sb_secret_«u31»⟩"],
            ["sb_secret_<key>", "sb_secret_«u8»"]),
        ["supabase-service-role-key"] = new(
            ["SUPABASE_SERVICE_ROLE_KEY=⟨«JWT»⟩", "serviceRoleKey: '⟨«JWT»⟩'"],
            ["SUPABASE_SERVICE_ROLE_KEY=${SUPABASE_SERVICE_ROLE_KEY}", "service_role: admin"]),
        ["planetscale-token"] = new(
            ["PLANETSCALE_SERVICE_TOKEN=⟨pscale_tkn_«u43»⟩", "token: ⟨pscale_oauth_«u43»⟩"],
            ["pscale_tkn_<token>", "pscale_tkn_«u8»"]),
        ["planetscale-password"] = new(
            ["DATABASE_PASSWORD=⟨pscale_pw_«u43»⟩", "password: ⟨pscale_pw_«u43»⟩"],
            ["pscale_pw_<password>", "pscale_pw_«u8»"]),
        ["tailscale-key"] = new(
            ["TS_AUTHKEY=⟨tskey-auth-«A12»CNTRL-«A32»⟩", "api_key: ⟨tskey-api-«A11»-«A30»⟩", "TS_WEBHOOK_SECRET=⟨tskey-webhook-«A12»-«A20»⟩", "MY_⟨tskey-api-«A12»-«A24»⟩", "key: ⟨tskey-federated-«A12»CNTRL-«A18»⟩"],
            ["TS_AUTHKEY=tskey-auth-<key>", "tskey-api-«A5»", "Atskey-api-«A12»-«A24»"]),
        ["mapbox-secret-token"] = new(
            ["MAPBOX_SECRET_TOKEN=⟨sk.eyJ«u60».«u22»⟩", "token: '⟨sk.eyJ«u80».«u22»⟩'"],
            ["mapboxgl.accessToken = 'pk.eyJ«u60».«u22»'", "sk.eyJ«u10»"]),
        ["age-secret-key"] = new(
            ["⟨AGE-SECRET-KEY-1«c58»⟩", "SOPS_AGE_KEY=⟨AGE-SECRET-KEY-1«c58»⟩"],
            ["# public key: age1«l58»", "AGE-SECRET-KEY-1<key>"]),
        ["contentful-token"] = new(
            ["CONTENTFUL_MANAGEMENT_TOKEN=⟨CFPAT-«u43»⟩", "token: ⟨CFPAT-«u43»⟩"],
            ["CFPAT-<token>", "CFPAT-«u8»"]),
        ["dynatrace-token"] = new(
            ["DT_API_TOKEN=⟨dt0c01.«U24».«U64»⟩", "token: ⟨dt0c01.«U24».«U64»⟩", "dt_token: ⟨dt0c01.«a24».«a64»⟩"],
            ["dt0c01.<token>", "dt0c01.«U8».«U8»"]),
        ["easypost-api-key"] = new(
            ["EASYPOST_API_KEY=⟨EZAK«A54»⟩", "key: ⟨EZTK«A54»⟩"],
            ["EZAK<key>", "EZAK«A8»"]),
        ["hubspot-private-app-token"] = new(
            ["HUBSPOT_TOKEN=⟨pat-na1-«UUID»⟩", "token: ⟨pat-eu1-«UUID»⟩"],
            ["pat-na1-<token>", "pat-na1-abc"]),
        ["prefect-api-key"] = new(
            ["PREFECT_API_KEY=⟨pnu_«A36»⟩", "key: ⟨pnu_«A36»⟩"],
            ["pnu_<key>", "pnu_«A8»"]),
        ["readme-api-key"] = new(
            ["README_API_KEY=⟨rdme_«a70»⟩", "key: ⟨rdme_«a70»⟩"],
            ["rdme_<key>", "rdme_«a8»"]),
        ["typeform-token"] = new(
            ["TYPEFORM_TOKEN=⟨tfp_«u44»_«u14»⟩", "token: ⟨tfp_«u59»⟩"],
            ["tfp_<token>", "tfp_«u8»"]),
        ["airtable-pat"] = new(
            ["AIRTABLE_TOKEN=⟨pat«A14».«h64»⟩", "apiKey: '⟨pat«A14».«h64»⟩'"],
            ["pattern.matches()", "pat«A14».«h8»"]),
        ["clickup-api-token"] = new(
            ["CLICKUP_TOKEN=⟨pk_«d8»_«U32»⟩", "Authorization: ⟨pk_«d7»_«U32»⟩"],
            ["pk_<token>", "pk_test_«A24»"]),
        ["sonarqube-token"] = new(
            ["SONAR_TOKEN=⟨sqp_«h40»⟩", "sonar.login=⟨squ_«h40»⟩"],
            ["sqp_<token>", "sqa_«h8»"]),
        ["circleci-token"] = new(
            ["CIRCLECI_TOKEN=⟨CCIPAT_«A22»_«h40»⟩", "token: ⟨CCIPAT_«A22»_«h40»⟩"],
            ["CCIPAT_<token>", "CCIPAT_«A5»_«h8»"]),
        ["buildkite-token"] = new(
            ["BUILDKITE_API_TOKEN=⟨bkua_«h40»⟩", "token: ⟨bkua_«h40»⟩"],
            ["bkua_<token>", "bkua_«h8»"]),
        ["ngrok-authtoken"] = new(
            ["NGROK_AUTHTOKEN=⟨«A27»_«A21»⟩", "ngrok_token: ⟨«A26»_«A22»⟩"],
            ["NGROK_REGION=eu", "ngrok_authtoken: ${NGROK_AUTHTOKEN}"]),
        ["twitter-bearer-token"] = new(
            ["TWITTER_BEARER_TOKEN=⟨AAAAAAAAAAAAAAAAAAAAA«A80»⟩", "bearer: ⟨AAAAAAAAAAAAAAAAAAAAA«A70»%3D«A20»⟩"],
            ["padding = 'AAAAAAAAAAAAAAAAAAAAAAAA'", "AAAAAAAAAAAAAAAAAAAAA«A10»"]),
        ["facebook-access-token"] = new(
            ["FB_ACCESS_TOKEN=⟨EAAB«A150»⟩", "token: '⟨EAAC«A120»⟩'", "PAGE_TOKEN=⟨EAAG«A150»⟩"],
            ["EAAB<token>", "EAAB«A20»"]),
        ["resend-api-key"] = new(
            ["RESEND_API_KEY=⟨re_«A8»_«A24»⟩", "new Resend('⟨re_«A8»_«A24»⟩')"],
            ["re_render_component_tree_now", "re_«A8»_«A5»"]),
        ["algolia-admin-key"] = new(
            ["ALGOLIA_ADMIN_KEY=⟨«h32»⟩", "algolia_api_key: ⟨«h32»⟩"],
            ["ALGOLIA_APP_ID=«U10»", "algolia_index: products"]),
        ["pagerduty-token"] = new(
            ["PAGERDUTY_TOKEN=⟨«A20»⟩", "pagerduty_api_key: \"⟨«A20»⟩\""],
            ["PAGERDUTY_SERVICE=checkout", "pagerduty_token: ${PD_TOKEN}"]),
        ["zendesk-token"] = new(
            ["ZENDESK_API_TOKEN=⟨«A40»⟩", "zendesk_token: \"⟨«A40»⟩\""],
            ["ZENDESK_SUBDOMAIN=acme", "zendesk_token: ${ZD_TOKEN}"]),
        ["snyk-token"] = new(
            ["SNYK_TOKEN=⟨«UUID»⟩", "snyk_api_token: \"⟨«UUID»⟩\""],
            ["SNYK_ORG=acme", "snyk_token: ${SNYK_TOKEN}"]),
        ["fastly-api-token"] = new(
            ["FASTLY_API_TOKEN=⟨«u32»⟩", "fastly_key: \"⟨«u32»⟩\""],
            ["FASTLY_SERVICE_ID=svc", "fastly_api_token: ${FASTLY_API_TOKEN}"]),
        ["launchdarkly-key"] = new(
            ["LAUNCHDARKLY_SDK_KEY=⟨sdk-«UUID»⟩", "launchdarkly_api_key: ⟨api-«UUID»⟩"],
            ["LAUNCHDARKLY_PROJECT=web", "launchdarkly_sdk_key: ${LD_KEY}"]),
        ["intercom-token"] = new(
            ["INTERCOM_ACCESS_TOKEN=⟨dG9rOm«b50»⟩", "intercom_token: ⟨dG9rOj«b56»=⟩"],
            ["INTERCOM_APP_ID=abc123", "intercom_token: ${INTERCOM_TOKEN}"]),
        ["private-key"] = new(
            ["⟨-----BEGIN RSA PRIVATE KEY-----⟩\nMIIEowIBAAKCAQEA«b44»\n«b64»\n-----END RSA PRIVATE KEY-----", "  \"private_key\": \"⟨-----BEGIN PRIVATE KEY-----\\n«b64»\\n«b64»\\n-----END PRIVATE KEY-----\\n⟩\",", "KEY=\"⟨-----BEGIN EC PRIVATE KEY-----\\nMHcCAQEE«b160»\\n-----END EC PRIVATE KEY-----⟩\"", "⟨-----BEGIN ENCRYPTED PRIVATE KEY-----⟩\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,«H32»\n\n«b64»\n-----END ENCRYPTED PRIVATE KEY-----"],
            ["-----BEGIN PUBLIC KEY-----", "-----BEGIN CERTIFICATE-----", "// load the private key from disk", "if (pem.StartsWith(\"-----BEGIN RSA PRIVATE KEY-----\")) return Load(pem);", "-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----", "\"private_key\":\"-----BEGIN PRIVATE KEY-----\\n...\\n-----END PRIVATE KEY-----\\n\"", "-----BEGIN PRIVATE KEY-----\n«b36»\n-----END PRIVATE KEY-----"]),
        ["openssh-private-key"] = new(
            ["⟨-----BEGIN OPENSSH PRIVATE KEY-----⟩\nb3BlbnNzaC1rZXktdjEAAAAA«b46»\n«b70»\n-----END OPENSSH PRIVATE KEY-----", "ssh_key: \"⟨-----BEGIN OPENSSH PRIVATE KEY-----\\nb3BlbnNzaC1rZXktdjEAAAAA«b60»\\n-----END OPENSSH PRIVATE KEY-----⟩\""],
            ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI«b43» user@host", "-----BEGIN OPENSSH PUBLIC KEY-----", "-----BEGIN OPENSSH PRIVATE KEY----------END OPENSSH PRIVATE KEY-----"]),
        ["pgp-private-key"] = new(
            ["⟨-----BEGIN PGP PRIVATE KEY BLOCK-----⟩\nVersion: GnuPG v2\n\nlQOYBF«b58»\n«b64»\n-----END PGP PRIVATE KEY BLOCK-----", "GPG_KEY=\"⟨-----BEGIN PGP PRIVATE KEY BLOCK-----\\n\\nlQOYBF«b60»\\n-----END PGP PRIVATE KEY BLOCK-----⟩\""],
            ["-----BEGIN PGP PUBLIC KEY BLOCK-----", "-----BEGIN PGP SIGNATURE-----", "echo \"-----BEGIN PGP PRIVATE KEY BLOCK-----\" > key.asc"]),
        ["putty-private-key"] = new(
            ["⟨PuTTY-User-Key-File-2: ssh-rsa⟩\nEncryption: none\nComment: rsa-key-20240101\nPublic-Lines: 2\nAAAAB3NzaC1yc2E«b49»\n«b64»\nPrivate-Lines: 2\n«b64»\n«b64»\nPrivate-MAC: «h40»", "⟨PuTTY-User-Key-File-3: ssh-ed25519⟩\nEncryption: none\nComment: ed25519-key\nPublic-Lines: 2\nAAAAC3NzaC1lZDI1NTE5«b44»\n«b24»\nPrivate-Lines: 1\n«b44»\nPrivate-MAC: «h64»"],
            ["# PuTTY key files (.ppk) are withheld", "PuTTY-User-Key-File", "header = \"PuTTY-User-Key-File-3: ssh-ed25519\""]),
        ["dotnet-rsa-xml-private-key"] = new(
            ["<RSAKeyValue><Modulus>«b172»==</Modulus><Exponent>AQAB</Exponent><P>⟨«b86»==⟩</P><D>«b170»==</D></RSAKeyValue>", "  <InverseQ>⟨«b86»==⟩</InverseQ>"],
            ["<RSAKeyValue><Modulus>«b172»==</Modulus><Exponent>AQAB</Exponent></RSAKeyValue>", "<p>Hello world, this is a paragraph of HTML text.</p>"]),
        ["private-key-der-base64"] = new(
            ["PRIVATE_KEY=⟨MIIEvQIBADANBgkqhkiG9w0BAQEFAASC«b200»⟩", "\"privateKey\": \"⟨MIIEpAIBAAKCAQEA«b300»==⟩\""],
            ["PRIVATE_KEY_PATH=/etc/keys/key.pem", "publicKey: \"MIIBIjANBgkqhkiG9w0BAQEFAAOC«b200»\""]),
        ["jwt"] = new(
            ["Authorization: Bearer ⟨«JWT»⟩", "const token = '⟨«JWT»⟩';"],
            ["token = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c'", "unsigned = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiIxMjM0In0.'"]),
        ["postgres-connection-string"] = new(
            ["DATABASE_URL=postgresql://app:⟨«A20»⟩@db.internal:5432/app", "PG_URL=postgres://svc:⟨«A10»/«A10»⟩@db:5432/app", "url = \"postgresql://svc_user:⟨«A12»%40«A6»⟩@10.0.0.5/prod\""],
            ["DATABASE_URL=postgresql://app:${DB_PASSWORD}@db:5432/app", "url = \"postgresql://user:password@localhost/db\"", "DATABASE_URL=postgres://db.internal:5432/app?ssl=require&cert=/etc/pg@2.pem"]),
        ["mysql-connection-string"] = new(
            ["DATABASE_URL=mysql://app:⟨«A20»⟩@db.internal:5432/app", "url = \"mysql://svc_user:⟨«A12»%40«A6»⟩@10.0.0.5/prod\""],
            ["DATABASE_URL=mysql://app:${DB_PASSWORD}@db:5432/app", "url = \"mysql://user:password@localhost/db\""]),
        ["mongodb-connection-string"] = new(
            ["DATABASE_URL=mongodb+srv://app:⟨«A20»⟩@db.internal:5432/app", "url = \"mongodb+srv://svc_user:⟨«A12»%40«A6»⟩@10.0.0.5/prod\""],
            ["DATABASE_URL=mongodb+srv://app:${DB_PASSWORD}@db:5432/app", "url = \"mongodb+srv://user:password@localhost/db\""]),
        ["redis-connection-string"] = new(
            ["DATABASE_URL=rediss://app:⟨«A20»⟩@db.internal:5432/app", "url = \"rediss://svc_user:⟨«A12»%40«A6»⟩@10.0.0.5/prod\""],
            ["DATABASE_URL=rediss://app:${DB_PASSWORD}@db:5432/app", "url = \"rediss://user:password@localhost/db\""]),
        ["amqp-connection-string"] = new(
            ["DATABASE_URL=amqps://app:⟨«A20»⟩@db.internal:5432/app", "url = \"amqps://svc_user:⟨«A12»%40«A6»⟩@10.0.0.5/prod\""],
            ["DATABASE_URL=amqps://app:${DB_PASSWORD}@db:5432/app", "url = \"amqps://user:password@localhost/db\""]),
        ["url-basic-auth"] = new(
            ["git clone https://deploy:⟨«A20»⟩@git.internal.net/team/repo.git", "SMTP_URL=smtps://mailer:⟨«A16»⟩@smtp.acme.io:465"],
            ["https://user:password@example.com", "https://user:${TOKEN}@host/repo.git"]),
        ["jdbc-connection-string"] = new(
            ["spring.datasource.url=jdbc:postgresql://db:5432/app?user=app&password=⟨«A16»⟩", "url=\"jdbc:sqlserver://db:1433;databaseName=app;user=sa;password=⟨«A14»⟩;\""],
            ["jdbc:postgresql://db:5432/app?user=app&password=${DB_PASSWORD}", "jdbc:mysql://localhost:3306/app?useSSL=false"]),
        ["dotnet-connection-string-password"] = new(
            ["\"Default\": \"Server=sql.internal;Database=app;User Id=app;Password=⟨«A18»⟩;TrustServerCertificate=true\"", "var cs = \"Host=pg;Username=app;Password=⟨«A16»⟩;Database=app\";"],
            ["\"Default\": \"Server=(localdb)\\\\mssqllocaldb;Database=app;Trusted_Connection=True\"", "Host=pg;Username=app;Password=${PG_PASSWORD};"]),
        ["libpq-connection-string-password"] = new(
            ["conn = psycopg2.connect(\"host=db dbname=app user=app password=⟨«A16»⟩\")", "PGCONN='host=10.0.0.4 port=5432 user=svc password=⟨«A20»⟩ sslmode=require'"],
            ["\"host=db dbname=app user=app password=$PGPASSWORD\"", "host=db user=app sslmode=require", "def connect(host, user=None, password=None, timeout=30):"]),
        ["bearer-token"] = new(
            ["Authorization: Bearer ⟨«u40»⟩", "headers['Authorization'] = 'Bearer ⟨«A32»⟩'"],
            ["Authorization: Bearer ${TOKEN}", "headers['Authorization'] = 'Bearer ' + token", "aws dynamodb list-tables --starting-token «A40»"]),
        ["basic-auth-header"] = new(
            ["Authorization: Basic ⟨«B64:admin:‹A16›»⟩", "req.headers['Authorization'] = 'Basic ⟨«B64:ci-bot:‹A24›»⟩'"],
            ["Authorization: Basic ${CREDS}", "basic «B64:no-colon-here»"]),
        ["cli-password-flag"] = new(
            ["docker login --username ci --password ⟨«A20»⟩ registry.acme.io", "mysql -u root -p⟨«A12»⟩ app < dump.sql"],
            ["docker login --password-stdin", "az login --password $AZ_PASSWORD", "gh gist list --secret --public"]),
        ["dockerfile-env-secret"] = new(
            ["ENV DB_PASSWORD ⟨«A16»⟩", "ARG NPM_TOKEN=⟨«A36»⟩"],
            ["ARG NPM_TOKEN", "ENV DB_PASSWORD=${DB_PASSWORD}"]),
        ["xml-attribute-secret"] = new(
            ["<add key=\"SmtpPassword\" value=\"⟨«A14»⟩\" />", "<add key='Stripe:ApiKey' value='⟨«A32»⟩'/>"],
            ["<add key=\"SmtpPassword\" value=\"%SMTP_PASSWORD%\" />", "<add key=\"TokenLifetime\" value=\"00:30:00\" />"]),
        ["netrc-password"] = new(
            ["machine github.com login bot password ⟨«A24»⟩", "  password ⟨«A16»⟩"],
            ["machine github.com login bot", "# password is read from the keychain"], ".netrc"),
        ["xml-secret-element"] = new(
            ["<password>⟨«A16»⟩</password>", "<server><id>repo</id><username>ci</username><password>⟨«A20»⟩</password></server>"],
            ["<password>${env.MAVEN_PASSWORD}</password>", "<tokenEndpoint>https://login.acme.io/token</tokenEndpoint>"]),
        ["generic-password"] = new(
            ["DB_PASSWORD=⟨«A16»⟩", "    password: \"⟨«A8»«d2»!⟩\"", "spring.datasource.password=⟨«A14»⟩", "define('DB_PASSWORD', '⟨«A12»⟩');"],
            ["password = get_password()", "password: string", "if password == confirm_password:", "PASSWORD_MIN_LENGTH = 12", "password: ${{ secrets.DB_PASSWORD }}", "password = os.environ[\"DB_PASSWORD\"]"]),
        ["generic-secret"] = new(
            ["client_secret = \"⟨«A32»⟩\"", "JWT_SECRET=⟨«b40»⟩", "\"ClientSecret\": \"⟨«A24»⟩\""],
            ["client_secret = process.env.CLIENT_SECRET", "secret_name: prod/db/credentials", "secretKeyRef: { name: db, key: password }", "\"UserSecretsId\": \"«UUID»\""]),
        ["generic-token"] = new(
            ["auth_token = '⟨«A40»⟩'", "ACCESS_TOKEN=⟨«u48»⟩", "\"refreshToken\": \"⟨«u64»⟩\""],
            ["token: string;", "max_tokens = 4096", "token_type = \"bearer\"", "token = request.headers.get('Authorization')"]),
        ["generic-api-key"] = new(
            ["API_KEY=⟨«A32»⟩", "const apiKey = \"⟨«A24»⟩\";", "encryption_key: ⟨«b44»⟩", "headers = {\"X-Api-Key\": \"⟨«h40»⟩\"}"],
            ["apiKey: process.env.API_KEY", "primary_key = \"id\"", "\"integrity\": \"sha512-«b86»==\"", "api_key = \"«UUID»\"", "cache_key = f\"user:{user_id}\"", "key: \"commit-«h40»\""]),
        ["github-installation-token"] = new(
            ["GH_TOKEN=⟨ghs_«d7»_«JWT»⟩", "Authorization: token ⟨ghs_«d6»_«JWT»⟩"],
            ["ghs_<app id>_<jwt>", "prefix = \"ghs_123_\""]),
        ["github-token-in-url"] = new(
            ["\"repository\": \"git+https://⟨«h40»⟩:x-oauth-basic@github.com/acme/lib.git\"", "git clone https://⟨«h40»⟩@github.com/acme/app.git"],
            ["see https://github.com/acme/app/commit/«h40»", "\"resolved\": \"git+ssh://git@github.com/acme/lib.git#«h40»\""]),
        ["slack-legacy-token"] = new(
            ["SLACK_TOKEN=⟨xoxa-2-«d12»-«d12»-«d13»-«h32»⟩", "legacy: \"⟨xoxo-«d11»-«d12»-«d12»-«h32»⟩\""],
            ["xoxo-hugs-and-kisses", "SLACK_TOKEN=xoxa-<token>"]),
        ["flutterwave-encryption-key"] = new(
            ["FLW_ENCRYPTION_KEY=⟨FLWSECK_TEST«h12»⟩", "encryption_key: \"⟨FLWSECK-«h12»⟩\""],
            ["FLW_ENCRYPTION_KEY=FLWSECK_TEST-<key>", "const prefix = \"FLWSECK_TEST\""]),
        ["sourcegraph-access-token"] = new(
            ["SRC_ACCESS_TOKEN=⟨sgp_«h16»_«h40»⟩", "token: ⟨sgp_«h40»⟩", "SRC_ACCESS_TOKEN=⟨sgp_local_«h40»⟩"],
            ["SRC_ACCESS_TOKEN=sgp_<token>", "sgp_«h8»"]),
        ["sourcegraph-backend-token"] = new(
            ["DOTCOM_TOKEN=⟨sgd_«h64»⟩", "license: ⟨slk_«h64»⟩"],
            ["sgs_<token>", "slk_«h10»"]),
        ["harness-api-key"] = new(
            ["HARNESS_API_KEY=⟨pat.«u22».«A24».«A20»⟩", "x-api-key: ⟨sat.«u22».«h24».«A20»⟩"],
            ["if pat.match(line):", "sat.«A5».«A5».«A5»"]),
        ["brevo-api-key"] = new(
            ["BREVO_API_KEY=⟨xkeysib-«h64»-«A16»⟩", "smtp_key: ⟨xsmtpsib-«h64»-«A16»⟩"],
            ["BREVO_API_KEY=xkeysib-<key>", "xkeysib-«h10»"]),
        ["sidekiq-credentials"] = new(
            ["BUNDLE_GEMS__CONTRIBSYS__COM=⟨«h8»:«h8»⟩", "bundle config --local gems.contribsys.com ⟨«h8»:«h8»⟩", "source \"https://⟨«h8»:«h8»⟩@enterprise.contribsys.com/\""],
            ["BUNDLE_GEMS__CONTRIBSYS__COM=${SIDEKIQ_CREDENTIALS}", "source \"https://gems.contribsys.com/\""]),
        ["hubspot-api-key"] = new(
            ["HUBSPOT_API_KEY=⟨«UUID»⟩", "hubspot_key: \"⟨«UUID»⟩\"", "https://api.hubapi.com/contacts/v1/lists?hapikey=⟨«UUID»⟩"],
            ["HUBSPOT_PORTAL_ID=«d8»", "hubspot_api_key: ${HUBSPOT_KEY}"]),
        ["kucoin-api-secret"] = new(
            ["KUCOIN_API_SECRET=⟨«UUID»⟩", "kucoin_secret: \"⟨«UUID»⟩\""],
            ["KUCOIN_SANDBOX=true", "kucoin_secret: <secret>"]),
        ["squarespace-api-key"] = new(
            ["SQUARESPACE_API_KEY=⟨«UUID»⟩", "squarespace_key: ⟨«UUID»⟩"],
            ["SQUARESPACE_SITE=acme", "squarespace_key: <key>"]),
        ["lob-api-key"] = new(
            ["LOB_API_KEY=⟨live_«h35»⟩", "lob_key: \"⟨test_«h35»⟩\""],
            ["global_config = test_settings()", "LOB_API_KEY=${LOB_KEY}"]),
        ["octopus-deploy-api-key"] = new(
            ["OCTOPUS_API_KEY=⟨API-«U26»⟩", "octo push --apiKey ⟨API-«U26»⟩ --server https://octo.acme.io"],
            ["API-VERSION: 2", "API-«U8»"]),
        ["adobe-client-secret"] = new(
            ["ADOBE_CLIENT_SECRET=⟨p8e-«A32»⟩", "client_secret: \"⟨p8e-«A32»⟩\""],
            ["ADOBE_CLIENT_SECRET=p8e-<secret>", "p8e-«A8»"]),
        ["clickhouse-cloud-api-secret"] = new(
            ["CLICKHOUSE_KEY_SECRET=⟨4b1d«A38»⟩", "secret: ⟨4b1d«A38»⟩"],
            ["color: #4b1d2e;", "4b1d«A8»"]),
        ["clojars-deploy-token"] = new(
            ["CLOJARS_TOKEN=⟨CLOJARS_«a60»⟩", ":password \"⟨CLOJARS_«a60»⟩\""],
            ["CLOJARS_USERNAME=acme", "CLOJARS_«a10»"]),
        ["intra42-client-secret"] = new(
            ["FT_CLIENT_SECRET=⟨s-s4t2ud-«h64»⟩", "secret: \"⟨s-s4t2af-«h64»⟩\""],
            ["s-s4t2ud-<secret>", "s-s4t2ud-«h10»"]),
        ["openshift-token"] = new(
            ["oc login --token=⟨sha256~«u43»⟩ --server=https://api.ocp.acme.io:6443", "Authorization: Bearer ⟨sha256~«u43»⟩"],
            ["digest: sha256~<hash>", "sha256~«u10»"]),
        ["jwt-base64"] = new(
            ["  token: ⟨«B64:‹JWT›»⟩", "JWT_B64=\"⟨«B64:‹JWT›»⟩\""],
            ["ZXlKhello", "blob: «B64:eyJ‹A60›»"]),
        ["curl-basic-auth"] = new(
            ["curl -u deploy:⟨«A20»⟩ https://api.acme.io/v1/builds", "curl -s --user 'ci:⟨«A24»⟩' https://ci.acme.io", "curl -u \":⟨«A24»⟩\" https://search.acme.io:9200"],
            ["docker run -u 1000:1000 acme/app", "curl -u \"$USER:$PASS\" https://api.acme.io", "curl --user \"deploy:$ACME_DEPLOY_TOKEN_2\" https://api.acme.io",
             ".\\SignClient sign -c $cfg -i $file -u 'https://sign.acme.io/api' -n 'Acme'", "signtool -u https://timestamp.acme.io/«A12» -f cert.pfx"]),
        ["curl-auth-header"] = new(
            ["curl -H \"Authorization: Bearer ⟨«u40»⟩\" https://api.acme.io", "curl --header 'X-Api-Key: ⟨«h40»⟩' https://api.acme.io", "curl -H \"PRIVATE-TOKEN: ⟨«A24»⟩\" https://gitlab.acme.io/api/v4/projects"],
            ["curl -H \"Authorization: Bearer $TOKEN\" https://api.acme.io", "curl -H 'Content-Type: application/json' -d @body.json https://api.acme.io"]),
        ["dotenv-high-entropy-value"] = new(
            ["mimi=⟨«b40»⟩", "export SIGNING_SALT=\"⟨«A32»⟩\""],
            ["DATABASE_URL=postgres://db:5432/app", "APP_NAME=my-wonderful-application-name"], "config/prod.env"),
        ["dotenv-high-entropy-hex"] = new(
            ["SESSION_KEY=⟨«h64»⟩", "export HMAC=\"⟨«h32»⟩\""],
            ["BUILD_COMMIT=«h40»", "VERSION=20240101000000000000000000000000"], ".env.local"),
        ["secp256k1-private-key"] = new(
            ["PRIVATE_KEY=⟨0x«h64»⟩", "wallet private key: ⟨0x«h64»⟩", "const deployerKey = \"⟨«h64»⟩\";"],
            ["tx_hash = 0x«h64»", "DOTENV_PUBLIC_KEY=\"03«h64»\""]),
    };
}
