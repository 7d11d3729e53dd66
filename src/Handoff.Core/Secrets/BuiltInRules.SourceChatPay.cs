namespace Handoff.Core.Secrets;

public static partial class BuiltInRules
{
    private static IEnumerable<SecretRule> SourceHosts()
    {
        const RuleFamily F = RuleFamily.SourceHost;
        foreach (var (prefix, id, what) in new[]
                 {
                     ("ghp", "github-pat", "GitHub personal access token (classic)"),
                     ("gho", "github-oauth-token", "GitHub OAuth access token"),
                     ("ghu", "github-user-to-server-token", "GitHub App user-to-server token"),
                     ("ghs", "github-server-to-server-token", "GitHub App installation (server-to-server) token"),
                     ("ghr", "github-refresh-token", "GitHub App refresh token"),
                 })
        {
            yield return Prefixed(id, F, what, prefix + "_[0-9A-Za-z]{36}", prefix + "_",
                [$"GITHUB_TOKEN={prefix}_«GH»", $"git clone https://x-access-token:{prefix}_«GH»@github.com/o/r.git"],
                [$"{prefix}_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", $"if token.startswith(\"{prefix}_\"):"]) with { Checksum = ChecksumKind.GitHub };
        }
        yield return Prefixed("github-fine-grained-pat", F, "GitHub fine-grained personal access token", "github_pat_[0-9A-Za-z]{22}_[0-9A-Za-z]{59}", "github_pat_",
            ["GH_TOKEN=github_pat_«A22»_«A59»", "token: \"github_pat_«A22»_«A59»\""],
            ["github_pat_<token>", "prefix = 'github_pat_'"]) with { MinEntropy = 3.5 };
        yield return R("github-legacy-token", F, "GitHub token (legacy 40-hex form next to a GitHub name)", HotPatterns.GitHubLegacyToken, "github gh_token gh_pat gh-token",
            ["GITHUB_TOKEN=«h40»", "github_oauth_token: \"«h40»\""],
            ["GITHUB_SHA=«h40»", "github_token: ${{ secrets.GITHUB_TOKEN }}"]) with { KeywordAnchored = true, AllowRegexes = [], Stopwords = [] };
        foreach (var (prefix, id, what, body) in new[]
                 {
                     ("glpat-", "gitlab-pat", "GitLab personal/project/group access token", "[0-9A-Za-z_-]{20}(?:[0-9A-Za-z_.-]{7,280})?"),
                     ("gldt-", "gitlab-deploy-token", "GitLab deploy token", "[0-9A-Za-z_-]{20}"),
                     ("glrt-", "gitlab-runner-token", "GitLab runner authentication token", "[0-9A-Za-z_.-]{20,60}"),
                     ("glptt-", "gitlab-pipeline-trigger-token", "GitLab pipeline trigger token", "[0-9a-zA-Z_-]{20,40}"),
                     ("glft-", "gitlab-feed-token", "GitLab feed token", "[0-9A-Za-z_-]{20}"),
                     ("glimt-", "gitlab-incoming-mail-token", "GitLab incoming mail token", "[0-9A-Za-z_-]{25}"),
                     ("glsoat-", "gitlab-scim-token", "GitLab SCIM OAuth token", "[0-9A-Za-z_-]{20}"),
                     ("glffct-", "gitlab-feature-flag-token", "GitLab feature flags client token", "[0-9A-Za-z_-]{20}"),
                     ("glagent-", "gitlab-agent-token", "GitLab Kubernetes agent token", "[0-9A-Za-z_-]{50}"),
                     ("gloas-", "gitlab-oauth-secret", "GitLab OAuth application secret", "[0-9A-Za-z_-]{64}"),
                     ("glcbt-", "gitlab-ci-build-token", "GitLab CI/CD job token", "[0-9a-zA-Z]{1,5}_[0-9A-Za-z_-]{20}"),
                     ("GR1348941", "gitlab-runner-registration-token", "GitLab runner registration token", "[0-9A-Za-z_-]{20}"),
                 })
        {
            var sample = id switch
            {
                "gitlab-agent-token" => "«u50»",
                "gitlab-oauth-secret" => "«u64»",
                "gitlab-ci-build-token" => "«A3»_«u20»",
                "gitlab-incoming-mail-token" => "«u25»",
                _ => "«u20»",
            };
            yield return Prefixed(id, F, what, prefix + body, prefix.ToLowerInvariant(),
                [$"GITLAB_TOKEN={prefix}{sample}", $"token: \"{prefix}{sample}\""],
                [$"{prefix}xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", $"const PREFIX = '{prefix}';"]) with { MinEntropy = 3.0 };
        }
        yield return Prefixed("bitbucket-app-password", F, "Bitbucket / Atlassian app password", "ATBB[A-Za-z0-9_=.-]{32}", "atbb",
            ["BITBUCKET_APP_PASSWORD=ATBB«A32»", "password: ATBB«A32»"],
            ["ATBB_PREFIX = 'ATBB'", "ATBB«A8»"]) with { MinEntropy = 3.3 };
        yield return Prefixed("bitbucket-access-token", F, "Bitbucket repository/workspace access token", "ATCTT3xFfGN0[A-Za-z0-9_=-]{160,200}", "atctt3",
            ["BITBUCKET_TOKEN=ATCTT3xFfGN0«u180»", "token: ATCTT3xFfGN0«u170»"],
            ["ATCTT3xFfGN0<token>", "ATCTT3xFfGN0«u20»"]);
        yield return Named("bitbucket-client-secret", F, "Bitbucket OAuth consumer secret", "bitbucket", "[A-Za-z0-9_=-]{32}|[A-Za-z0-9]{64}", "bitbucket",
            ["BITBUCKET_CLIENT_SECRET=«A32»", "bitbucket_secret: \"«A64»\""],
            ["BITBUCKET_WORKSPACE=myteam", "bitbucket_secret: ${BB_SECRET}"]) with { MinEntropy = 3.5 };
    }

    private static IEnumerable<SecretRule> Chat()
    {
        const RuleFamily F = RuleFamily.Chat;
        yield return Prefixed("slack-bot-token", F, "Slack bot token", @"xoxb-[0-9]{10,13}-[0-9]{10,13}[a-zA-Z0-9-]*", "xoxb-",
            ["SLACK_BOT_TOKEN=xoxb-«d12»-«d13»-«A24»", "token: 'xoxb-«d11»-«d12»-«A24»'"],
            ["SLACK_BOT_TOKEN=xoxb-your-token", "token = 'xoxb-'"]);
        yield return Prefixed("slack-user-token", F, "Slack user / legacy token", @"xox[pears]-(?:[0-9]{10,13}-){1,3}[a-zA-Z0-9-]{8,}", "xoxp- xoxe- xoxa- xoxr- xoxs-",
            ["SLACK_USER_TOKEN=xoxp-«d12»-«d12»-«d13»-«h32»", "legacy = \"xoxs-«d11»-«d12»-«A20»\""],
            ["xoxp-your-token-here", "xoxp-123"]);
        yield return Prefixed("slack-app-token", F, "Slack app-level token", @"xapp-\d-[A-Z0-9]+-\d+-[a-z0-9]+", "xapp-",
            ["SLACK_APP_TOKEN=xapp-1-A«U10»-«d13»-«h64»", "app_token: xapp-1-A«U9»-«d12»-«h64»"],
            ["xapp-<token>", "xapp-1-"]);
        yield return Prefixed("slack-config-token", F, "Slack configuration / refresh token", @"xoxe(?:\.xox[bp])?-\d-[A-Z0-9]{146,}", "xoxe",
            ["SLACK_CONFIG_TOKEN=xoxe.xoxp-1-«U160»", "refresh: xoxe-1-«U150»"],
            ["xoxe.xoxp-1-<token>", "xoxe-1-«U20»"]);
        yield return R("slack-webhook-url", F, "Slack incoming webhook / workflow URL",
            @"(?<secret>https?://hooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9+/]{20,120})", "hooks.slack.com",
            ["SLACK_WEBHOOK=https://hooks.slack.com/services/T«U8»/B«U8»/«A24»", "url: \"https://hooks.slack.com/workflows/T«U10»/A«U10»/«d18»/«A24»\""],
            ["SLACK_WEBHOOK=https://hooks.slack.com/services/XXX", "see https://hooks.slack.com/ for details"]);
        yield return Named("discord-bot-token", F, "Discord bot token", "discord", @"[MNO][A-Za-z\d_-]{23,25}\.[A-Za-z\d_-]{6}\.[A-Za-z\d_-]{27,38}", "discord",
            ["DISCORD_TOKEN=M«A23».«u6».«u27»", "discord_bot_token: \"N«A24».«u6».«u38»\""],
            ["DISCORD_TOKEN=${DISCORD_TOKEN}", "discord_channel: general"]);
        yield return R("discord-webhook-url", F, "Discord webhook URL",
            @"(?<secret>https://(?:ptb\.|canary\.)?discord(?:app)?\.com/api/webhooks/\d{17,20}/[A-Za-z0-9_-]{60,68})", "discord",
            ["DISCORD_WEBHOOK=https://discord.com/api/webhooks/«d18»/«u68»", "url = 'https://discordapp.com/api/webhooks/«d19»/«u64»'"],
            ["https://discord.com/api/webhooks/ID/TOKEN", "docs: https://discord.com/developers"]);
        yield return Prefixed("telegram-bot-token", F, "Telegram bot token", @"\d{8,10}:AA[0-9A-Za-z_-]{33}", ":aa",
            ["TELEGRAM_BOT_TOKEN=«d10»:AA«u33»", "bot = Bot(token=\"«d9»:AA«u33»\")"],
            ["TELEGRAM_BOT_TOKEN=123456:ABC-DEF", "time 12345678:AA"]);
        yield return R("teams-webhook-url", F, "Microsoft Teams incoming webhook URL",
            @"(?<secret>https://[a-z0-9-]+\.webhook\.office\.com/webhookb2/[a-f0-9-]{36}@[a-f0-9-]{36}/IncomingWebhook/[a-f0-9]{32}/[a-f0-9-]{36}(?:/[A-Za-z0-9_-]+)?)", "webhook.office.com",
            ["TEAMS_WEBHOOK=https://contoso.webhook.office.com/webhookb2/«UUID»@«UUID»/IncomingWebhook/«h32»/«UUID»", "\"url\": \"https://acme.webhook.office.com/webhookb2/«UUID»@«UUID»/IncomingWebhook/«h32»/«UUID»/V2«u40»\""],
            ["TEAMS_WEBHOOK=https://contoso.webhook.office.com/webhookb2/...", "see webhook.office.com docs"]);
        yield return R("teams-workflow-url", F, "Teams / Power Automate workflow URL with signature",
            @"(?<secret>https://[\w.-]+\.logic\.azure\.com(?::443)?/workflows/[a-f0-9]{32}/triggers/[^\s""']+sig=[A-Za-z0-9_%-]{30,})", "logic.azure.com",
            ["url: https://prod-12.westus.logic.azure.com:443/workflows/«h32»/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=«u43»", "TEAMS_FLOW=https://prod-01.westeurope.logic.azure.com/workflows/«h32»/triggers/manual/paths/invoke?sig=«u43»"],
            ["https://prod-12.westus.logic.azure.com:443/workflows/<id>/triggers", "see logic.azure.com"]);
        yield return Named("mattermost-token", F, "Mattermost access token", "mattermost", "[a-z0-9]{26}", "mattermost",
            ["MATTERMOST_TOKEN=«a26»", "mattermost_access_token: \"«a26»\""],
            ["MATTERMOST_URL=https://chat.example.org", "mattermost_token: ${MM_TOKEN}"]) with { MinEntropy = 3.3 };
    }

    private static IEnumerable<SecretRule> Payments()
    {
        const RuleFamily F = RuleFamily.Payments;
        yield return Prefixed("stripe-secret-key", F, "Stripe secret key", "sk_(?:live|test)_[0-9A-Za-z]{24,247}", "sk_live_ sk_test_",
            ["STRIPE_SECRET_KEY=sk_live_«A24»", "Stripe.api_key = 'sk_test_«A99»'"],
            ["STRIPE_SECRET_KEY=sk_test_xxxxxxxxxxxxxxxxxxxxxxxx", "if key.startswith('sk_live_'):"]);
        yield return Prefixed("stripe-restricted-key", F, "Stripe restricted key", "rk_(?:live|test)_[0-9A-Za-z]{24,247}", "rk_live_ rk_test_",
            ["STRIPE_KEY=rk_live_«A24»", "key: \"rk_test_«A60»\""],
            ["rk_live_<key>", "rk_live_«A5»"]);
        yield return Prefixed("stripe-webhook-secret", F, "Stripe webhook signing secret", "whsec_[A-Za-z0-9+/=]{32,80}", "whsec_",
            ["STRIPE_WEBHOOK_SECRET=whsec_«A32»", "endpoint_secret = \"whsec_«A40»\""],
            ["whsec_...", "whsec_«A10»"]);
        yield return Prefixed("square-access-token", F, "Square access token", "(?:sq0atp-[0-9A-Za-z_-]{22}|EAAA[A-Za-z0-9_-]{60})", "sq0atp- eaaa",
            ["SQUARE_ACCESS_TOKEN=sq0atp-«u22»", "accessToken: 'EAAA«u60»'"],
            ["sq0atp-<token>", "EAAA«u10»"]) with { MinEntropy = 3.0 };
        yield return Prefixed("square-oauth-secret", F, "Square OAuth application secret", "sq0csp-[0-9A-Za-z_-]{43}", "sq0csp-",
            ["SQUARE_APP_SECRET=sq0csp-«u43»", "secret: \"sq0csp-«u43»\""],
            ["sq0csp-<secret>", "sq0csp-«u10»"]);
        yield return Prefixed("paypal-braintree-access-token", F, "PayPal Braintree access token", @"access_token\$(?:production|sandbox)\$[0-9a-z]{16}\$[0-9a-f]{32}", "access_token$",
            ["BRAINTREE_TOKEN=access_token$production$«a16»$«h32»", "token: \"access_token$sandbox$«a16»$«h32»\""],
            ["access_token$production$<merchant>$<token>", "access_token$sandbox$"]);
        yield return Named("paypal-client-secret", F, "PayPal REST client secret", "paypal", "E[A-Za-z0-9_-]{79}|[A-Za-z0-9_-]{80}", "paypal",
            ["PAYPAL_CLIENT_SECRET=E«u79»", "paypal_secret: \"«u80»\""],
            ["PAYPAL_MODE=sandbox", "paypal_secret: ${PAYPAL_SECRET}"]) with { MinEntropy = 4.0 };
        yield return Prefixed("razorpay-key", F, "Razorpay live key id", "rzp_live_[A-Za-z0-9]{14}", "rzp_live_",
            ["RAZORPAY_KEY_ID=rzp_live_«A14»", "key: 'rzp_live_«A14»'"],
            ["rzp_live_<key>", "rzp_live_«A5»"]);
        yield return Prefixed("flutterwave-secret-key", F, "Flutterwave secret key", "FLWSECK(?:_TEST)?-[a-h0-9]{32}-X", "flwseck",
            ["FLW_SECRET_KEY=FLWSECK-«h32»-X", "secret: 'FLWSECK_TEST-«h32»-X'"],
            ["FLWSECK-<key>-X", "FLWSECK-«h8»-X"]);
        yield return Prefixed("plaid-access-token", F, "Plaid access token", "access-(?:sandbox|development|production)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "access-sandbox- access-development- access-production-",
            ["PLAID_ACCESS_TOKEN=access-production-«UUID»", "token = \"access-sandbox-«UUID»\""],
            ["access-production-<uuid>", "access-sandbox-mode"]);
        yield return Prefixed("shippo-api-token", F, "Shippo API token", "shippo_(?:live|test)_[a-f0-9]{40}", "shippo_",
            ["SHIPPO_TOKEN=shippo_live_«h40»", "key: shippo_test_«h40»"],
            ["shippo_live_<token>", "shippo_test_«h8»"]);
    }
}
