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
            yield return Prefixed(id, F, what, prefix + "_[0-9A-Za-z]{36}", prefix + "_") with { Checksum = ChecksumKind.GitHub, AllowRegexes = [] };
        }
        yield return Prefixed("github-fine-grained-pat", F, "GitHub fine-grained personal access token", "github_pat_[0-9A-Za-z_]{82}", "github_pat_") with { MinEntropy = 3.5 };
        yield return R("github-legacy-token", F, "GitHub token (legacy 40-hex form next to a GitHub name)", HotPatterns.GitHubLegacyToken, "github gh_token gh_pat gh-token") with { KeywordAnchored = true, AllowRegexes = [], Stopwords = [] };
        // Since 2026 installation tokens are "ghs_" + the app id + "_" + a JWT (about 520 characters).
        yield return Prefixed("github-installation-token", F, "GitHub App installation token (stateless ghs_APPID_JWT form)",
            @"ghs_[0-9]{1,20}_eyJ[A-Za-z0-9_-]{10,2000}\.[A-Za-z0-9_-]{10,4000}\.[A-Za-z0-9_-]{10,2000}", "ghs_");
        // GitHub's documented basic auth with a token: the token as user, "x-oauth-basic" (or nothing) as password.
        yield return R("github-token-in-url", F, "GitHub token as the user of a URL (TOKEN:x-oauth-basic@, TOKEN@github.com)",
            @"(?<![\w-])(?:(?<secret>[A-Za-z0-9_]{20,255}):x-oauth-basic@|(?<secret>[a-f0-9]{40})@(?:[\w-]+\.)*github\.com\b)", "x-oauth-basic|@github.com") with { MinEntropy = 3.0 };
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
            yield return Prefixed(id, F, what, prefix + body, prefix.ToLowerInvariant()) with { MinEntropy = 3.0 };
        }
        yield return Prefixed("bitbucket-app-password", F, "Bitbucket / Atlassian app password", "ATBB[A-Za-z0-9_=.-]{32}", "atbb") with { MinEntropy = 3.3 };
        yield return Prefixed("bitbucket-access-token", F, "Bitbucket repository/workspace access token", "ATCTT3xFfGN0[A-Za-z0-9_=-]{160,200}", "atctt3");
        yield return Named("bitbucket-client-secret", F, "Bitbucket OAuth consumer secret", "bitbucket", "[A-Za-z0-9_=-]{32}|[A-Za-z0-9]{64}", "bitbucket") with { MinEntropy = 3.5 };
    }

    private static IEnumerable<SecretRule> Chat()
    {
        const RuleFamily F = RuleFamily.Chat;
        yield return Prefixed("slack-bot-token", F, "Slack bot token", @"xoxb-[0-9]{10,13}-[0-9]{10,13}[a-zA-Z0-9-]*", "xoxb-");
        yield return Prefixed("slack-user-token", F, "Slack user / legacy token", @"xox[pears]-(?:[0-9]{10,13}-){1,3}[a-zA-Z0-9][a-zA-Z0-9-]{6,}[a-zA-Z0-9]", "xoxp- xoxe- xoxa- xoxr- xoxs-");
        yield return Prefixed("slack-legacy-token", F, "Slack legacy workspace / user token (xoxa-2, xoxr, xoxo, xoxs)",
            @"xox[os]-(?:[0-9]{6,13}-){1,3}[0-9A-Za-z]{8,64}|xox[ar]-\d-[0-9A-Za-z]{8,64}(?:-[0-9A-Za-z]{6,64}){0,3}", "xoxo- xoxs- xoxa- xoxr-") with { MinEntropy = 3.0 };
        yield return Prefixed("slack-app-token", F, "Slack app-level token", @"xapp-\d-[A-Z0-9]+-\d+-[a-z0-9]+", "xapp-");
        yield return Prefixed("slack-config-token", F, "Slack configuration / refresh token", @"xoxe(?:\.xox[bp])?-\d-[A-Z0-9]{146,}", "xoxe");
        yield return R("slack-webhook-url", F, "Slack incoming webhook / workflow URL",
            @"(?<secret>https?://hooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9+/]{20,120})", "hooks.slack.com");
        yield return Named("discord-bot-token", F, "Discord bot token", "discord", @"[MNO][A-Za-z\d_-]{23,25}\.[A-Za-z\d_-]{6}\.[A-Za-z\d_-]{27,38}", "discord");
        yield return R("discord-webhook-url", F, "Discord webhook URL",
            @"(?<secret>https://(?:ptb\.|canary\.)?discord(?:app)?\.com/api/webhooks/\d{17,20}/[A-Za-z0-9_-]{60,68})", "discord");
        yield return Prefixed("telegram-bot-token", F, "Telegram bot token", @"\d{8,10}:AA[0-9A-Za-z_-]{33}", ":aa");
        yield return R("teams-webhook-url", F, "Microsoft Teams incoming webhook URL",
            @"(?<secret>https://[a-z0-9-]+\.webhook\.office\.com/webhookb2/[a-f0-9-]{36}@[a-f0-9-]{36}/IncomingWebhook/[a-f0-9]{32}/[a-f0-9-]{36}(?:/[A-Za-z0-9_-]+)?)", "webhook.office.com");
        yield return R("teams-workflow-url", F, "Teams / Power Automate workflow URL with signature",
            @"(?<secret>https://[\w.-]+\.logic\.azure\.com(?::443)?/workflows/[a-f0-9]{32}/triggers/[^\s""']+sig=[A-Za-z0-9_%-]{30,})", "logic.azure.com");
        yield return Named("mattermost-token", F, "Mattermost access token", "mattermost", "[a-z0-9]{26}", "mattermost") with { MinEntropy = 3.3 };
    }

    private static IEnumerable<SecretRule> Payments()
    {
        const RuleFamily F = RuleFamily.Payments;
        yield return Prefixed("stripe-secret-key", F, "Stripe secret key", "sk_(?:live|test)_[0-9A-Za-z]{24,247}", "sk_live_ sk_test_");
        yield return Prefixed("stripe-restricted-key", F, "Stripe restricted key", "rk_(?:live|test)_[0-9A-Za-z]{24,247}", "rk_live_ rk_test_");
        yield return Prefixed("stripe-webhook-secret", F, "Stripe webhook signing secret", "whsec_[A-Za-z0-9+/=]{32,80}", "whsec_");
        yield return Prefixed("square-access-token", F, "Square access token", "(?:sq0atp-[0-9A-Za-z_-]{22}|EAAA[A-Za-z0-9_-]{60})", "sq0atp- eaaa") with { MinEntropy = 3.0 };
        yield return Prefixed("square-oauth-secret", F, "Square OAuth application secret", "sq0csp-[0-9A-Za-z_-]{43}", "sq0csp-");
        yield return Prefixed("paypal-braintree-access-token", F, "PayPal Braintree access token", @"access_token\$(?:production|sandbox)\$[0-9a-z]{16}\$[0-9a-f]{32}", "access_token$");
        yield return Named("paypal-client-secret", F, "PayPal REST client secret", "paypal", "E[A-Za-z0-9_-]{79}|[A-Za-z0-9_-]{80}", "paypal") with { MinEntropy = 4.0 };
        yield return Prefixed("razorpay-key", F, "Razorpay live key id", "rzp_live_[A-Za-z0-9]{14}", "rzp_live_");
        yield return Prefixed("flutterwave-secret-key", F, "Flutterwave secret key", "FLWSECK(?:_TEST)?-[a-h0-9]{32}-X", "flwseck");
        yield return Prefixed("flutterwave-encryption-key", F, "Flutterwave encryption key", "FLWSECK(?:_TEST)?-?[a-h0-9]{12}", "flwseck") with { MinEntropy = 3.0 };
        yield return Prefixed("plaid-access-token", F, "Plaid access token", "access-(?:sandbox|development|production)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "access-sandbox- access-development- access-production-");
        yield return Prefixed("shippo-api-token", F, "Shippo API token", "shippo_(?:live|test)_[a-f0-9]{40}", "shippo_");
    }
}
