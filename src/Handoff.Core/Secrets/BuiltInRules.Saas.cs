namespace Handoff.Core.Secrets;

public static partial class BuiltInRules
{
    private static IEnumerable<SecretRule> Saas()
    {
        const RuleFamily F = RuleFamily.Saas;
        yield return Prefixed("twilio-api-key", F, "Twilio API key SID", "SK[0-9a-fA-F]{32}", "sk") with { MinEntropy = 3.0 };
        yield return Named("twilio-auth-token", F, "Twilio auth token", "twilio", "[a-f0-9]{32}", "twilio") with { MinEntropy = 3.0 };
        yield return Prefixed("sendgrid-api-key", F, "SendGrid API key", @"SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}", "sg.");
        yield return Prefixed("mailgun-api-key", F, "Mailgun private API key", "key-[0-9a-f]{32}", "key-") with { MinEntropy = 3.0 };
        yield return Named("mailgun-signing-key", F, "Mailgun webhook signing key", "mailgun", "[a-f0-9]{32}-[a-f0-9]{8}-[a-f0-9]{8}", "mailgun");
        yield return Prefixed("mailchimp-api-key", F, "Mailchimp API key", "[0-9a-f]{32}-us[0-9]{1,2}", "-us") with { MinEntropy = 3.0 };
        yield return Prefixed("shopify-access-token", F, "Shopify access token", "shp(?:at|ca|pa)_[a-zA-Z0-9]{32}", "shpat_ shpca_ shppa_");
        yield return Prefixed("shopify-shared-secret", F, "Shopify app shared secret", "shpss_[a-zA-Z0-9]{32}", "shpss_");
        yield return Named("datadog-api-key", F, "Datadog API key", "datadog|dd[_.-]api", "[a-f0-9]{32}", "datadog dd_api dd-api dd.api") with { MinEntropy = 3.0 };
        yield return Named("datadog-app-key", F, "Datadog application key", "datadog[\\w.-]{0,10}app|dd[_.-]app(?:lication)?[_.-]key", "[a-f0-9]{40}", "datadog dd_app dd-app dd_application") with { MinEntropy = 3.0 };
        yield return Prefixed("newrelic-user-key", F, "New Relic user API key", "NRAK-[A-Z0-9]{27}", "nrak-");
        yield return Prefixed("newrelic-insert-key", F, "New Relic insights insert / query key", "NRI[IQ]-[A-Za-z0-9_-]{32}", "nrii- nriq-");
        yield return Prefixed("newrelic-license-key", F, "New Relic ingest license key", "[a-f0-9]{36}NRAL", "nral") with { MinEntropy = 3.0 };
        yield return Prefixed("newrelic-browser-key", F, "New Relic browser API key", "NRJS-[a-f0-9]{19}", "nrjs-");
        yield return Prefixed("sentry-user-token", F, "Sentry user auth token", "sntryu_[a-f0-9]{64}", "sntryu_") with { MinEntropy = 3.0 };
        yield return Prefixed("sentry-org-token", F, "Sentry organization auth token", "sntrys_eyJ[A-Za-z0-9+/=_-]{60,500}", "sntrys_");
        yield return Named("sentry-legacy-token", F, "Sentry auth token (legacy 64-hex)", "sentry", "[a-f0-9]{64}", "sentry") with { MinEntropy = 3.0 };
        yield return Prefixed("grafana-service-account-token", F, "Grafana service account token (CRC32 checked)", "glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}", "glsa_") with { Checksum = ChecksumKind.Grafana, AllowRegexes = [] };
        yield return Prefixed("grafana-cloud-token", F, "Grafana Cloud access policy token", "glc_[A-Za-z0-9+/]{32,400}={0,2}", "glc_") with { MinEntropy = 4.0 };
        yield return Prefixed("grafana-api-key", F, "Grafana API key (legacy)", "eyJrIjoi[A-Za-z0-9+/]{70,400}={0,2}", "eyjrijoi");
        yield return Prefixed("atlassian-api-token", F, "Atlassian / Jira / Confluence API token", "ATATT3[A-Za-z0-9_=-]{180,200}", "atatt3");
        yield return Named("atlassian-legacy-token", F, "Atlassian API token (legacy 24 chars)", "atlassian|jira|confluence", "[A-Za-z0-9]{24}", "atlassian jira confluence") with { MinEntropy = 3.5 };
        yield return Prefixed("linear-api-key", F, "Linear API key", "lin_api_[A-Za-z0-9]{40}", "lin_api_");
        yield return Prefixed("linear-oauth-token", F, "Linear OAuth token", "lin_oauth_[a-f0-9]{64}", "lin_oauth_");
        yield return Prefixed("notion-integration-token", F, "Notion integration token", "(?:secret_[A-Za-z0-9]{43}|ntn_[0-9]{11}[A-Za-z0-9]{35})", "secret_ ntn_") with { MinEntropy = 3.5 };
        yield return Prefixed("figma-token", F, "Figma personal access token", "fig[do]_[A-Za-z0-9_-]{40,200}", "figd_ figo_"); // Figma documents no fixed length
        yield return Prefixed("postman-api-key", F, "Postman API key", "PMAK-[a-f0-9]{24}-[a-f0-9]{34}", "pmak-");
        yield return Prefixed("doppler-token", F, "Doppler token", @"dp\.(?:pt|st|sa|ct|scim|audit)\.[A-Za-z0-9]{40,44}", "dp.pt. dp.st. dp.sa. dp.ct. dp.scim. dp.audit.");
        yield return Prefixed("vault-service-token", F, "HashiCorp Vault service token", @"hvs\.[A-Za-z0-9_-]{90,120}", "hvs.");
        yield return Prefixed("vault-batch-token", F, "HashiCorp Vault batch token", @"hvb\.[A-Za-z0-9_-]{138,300}", "hvb.");
        yield return R("vault-legacy-token", F, "HashiCorp Vault token (legacy s.)", HotPatterns.VaultLegacyToken, "vault token") with { MinEntropy = 3.3, AllowRegexes = [SequentialRun] };
        yield return Prefixed("terraform-cloud-token", F, "Terraform Cloud / Enterprise API token", @"[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,70}", "atlasv1");
        yield return Prefixed("pulumi-access-token", F, "Pulumi access token", "pul-[a-f0-9]{40}", "pul-");
        yield return Prefixed("onepassword-service-account-token", F, "1Password service account token", "ops_eyJ[A-Za-z0-9+/=_-]{250,2000}", "ops_eyj");
        yield return Prefixed("onepassword-secret-key", F, "1Password account secret key", "A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}", "a3-");
        yield return Named("okta-api-token", F, "Okta API token", "okta", "00[A-Za-z0-9_-]{40}", "okta") with { MinEntropy = 3.5 };
        yield return Prefixed("supabase-pat", F, "Supabase personal access token", "sbp_[a-f0-9]{40}", "sbp_");
        yield return Prefixed("supabase-secret-key", F, "Supabase secret API key", "sb_secret_[A-Za-z0-9_-]{31,64}", "sb_secret_");
        yield return Named("supabase-service-role-key", F, "Supabase service role key (JWT)", "service[_.-]?role", @"eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}", "service_role servicerole service-role");
        yield return Prefixed("planetscale-token", F, "PlanetScale API / OAuth token", "pscale_(?:tkn|oauth)_[A-Za-z0-9_.=-]{32,64}", "pscale_tkn_ pscale_oauth_");
        yield return Prefixed("planetscale-password", F, "PlanetScale database password", "pscale_pw_[A-Za-z0-9_.=-]{32,64}", "pscale_pw_");
        yield return R("tailscale-key", F, "Tailscale key (tskey-TYPE-ID-SECRET: api, auth, client, scim, webhook and types to come)",
            @"(?<![A-Za-z])(?<secret>tskey-[a-z]+-[A-Za-z0-9]{6,20}-[A-Za-z0-9]{16,64})(?![\w-])", "tskey-");
        yield return Prefixed("sourcegraph-access-token", F, "Sourcegraph access token (v3 with instance id, v2)", "sgp_(?:[a-fA-F0-9]{16}_|local_)?[a-fA-F0-9]{40}", "sgp_") with { MinEntropy = 3.0 };
        yield return Prefixed("sourcegraph-backend-token", F, "Sourcegraph gateway / license / subscription token", "(?:sgd|slk|sgs)_[a-fA-F0-9]{64}", "gd_ lk_ gs_") with { MinEntropy = 3.0 };
        yield return Prefixed("harness-api-key", F, "Harness personal / service account token (pat. / sat. + account + token id + secret)",
            @"(?:pat|sat)\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9]{24}\.[A-Za-z0-9]{20}", "pat.|sat.") with { MinEntropy = 3.5 };
        yield return Prefixed("brevo-api-key", F, "Brevo (Sendinblue) API / SMTP key", "xkeysib-[a-f0-9]{64}-[A-Za-z0-9]{16}|xsmtpsib-[a-f0-9]{64}-[A-Za-z0-9]{16}", "xkeysib- xsmtpsib-");
        yield return R("sidekiq-credentials", F, "Sidekiq Pro / Enterprise gem server credentials",
            $@"(?i)(?:BUNDLE_(?:ENTERPRISE|GEMS)__CONTRIBSYS__COM[\w.-]{{0,30}}{Assign}|(?:enterprise|gems)\.contribsys\.com\s+[""']?|https?://)(?<secret>(?-i:[a-f0-9]{{8}}:[a-f0-9]{{8}}))(?:@(?:enterprise|gems)\.contribsys\.com)?(?![\w:])",
            "contribsys");
        yield return Named("hubspot-api-key", F, "HubSpot API key (legacy hapikey UUID)", "hubspot|hapikey", Uuid, "hubspot hapikey");
        yield return Named("kucoin-api-secret", F, "KuCoin API secret", "kucoin", Uuid, "kucoin");
        yield return Named("squarespace-api-key", F, "Squarespace API key", "squarespace", Uuid, "squarespace");
        yield return Named("lob-api-key", F, "Lob API key", "lob", "(?:live|test)_[a-f0-9]{35}", "lob_ lob- lob. lobkey lobapi lobtoken lobsecret");
        yield return Prefixed("octopus-deploy-api-key", F, "Octopus Deploy API key", "API-[A-Z0-9]{26}", "api-") with { MinEntropy = 3.0 };
        yield return Prefixed("adobe-client-secret", F, "Adobe client secret", "p8e-[A-Za-z0-9]{32}", "p8e-") with { MinEntropy = 3.3 };
        yield return Prefixed("clickhouse-cloud-api-secret", F, "ClickHouse Cloud API secret key", "4b1d[A-Za-z0-9]{38}", "b1d") with { MinEntropy = 3.5 };
        yield return Prefixed("clojars-deploy-token", F, "Clojars deploy token", "CLOJARS_[a-z0-9]{60}", "clojars_");
        yield return Prefixed("intra42-client-secret", F, "42 Intra API client secret", "s-s4t2(?:ud|af)-[a-f0-9]{64}", "s-s4t2");
        yield return Prefixed("mapbox-secret-token", F, "Mapbox secret access token", @"sk\.eyJ[A-Za-z0-9_-]{50,400}\.[A-Za-z0-9_-]{20,50}", "sk.eyj");
        yield return Prefixed("age-secret-key", F, "age encryption secret key", "AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}", "age-secret-key-1") with { AllowRegexes = [] };
        yield return Prefixed("contentful-token", F, "Contentful personal access token", "CFPAT-[A-Za-z0-9_-]{43}", "cfpat-");
        yield return Prefixed("dynatrace-token", F, "Dynatrace API token", @"(?i:dt0c01\.[A-Z0-9]{24}\.[A-Z0-9]{64})", "dt0c01.");
        yield return Prefixed("easypost-api-key", F, "EasyPost API key", "EZ[AT]K[A-Za-z0-9]{54}", "ezak eztk");
        yield return Prefixed("hubspot-private-app-token", F, "HubSpot private app token", "pat-(?:na|eu)1-[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}", "pat-na1- pat-eu1-");
        yield return Prefixed("prefect-api-key", F, "Prefect API key", "pnu_[A-Za-z0-9]{36}", "pnu_");
        yield return Prefixed("readme-api-key", F, "ReadMe API key", "rdme_[a-z0-9]{70}", "rdme_");
        yield return Prefixed("typeform-token", F, "Typeform personal access token", "tfp_[A-Za-z0-9_.=-]{59}", "tfp_");
        yield return Prefixed("airtable-pat", F, "Airtable personal access token", @"pat[A-Za-z0-9]{14}\.[a-f0-9]{64}", "pat");
        yield return Prefixed("clickup-api-token", F, "ClickUp personal API token", "pk_[0-9]{6,10}_[A-Z0-9]{32}", "pk_");
        yield return Prefixed("sonarqube-token", F, "SonarQube / SonarCloud token", "sq[apu]_[a-f0-9]{40}", "sqp_ sqa_ squ_");
        yield return Prefixed("circleci-token", F, "CircleCI personal API token", "CCIPAT_[A-Za-z0-9]{22}_[a-f0-9]{40}", "ccipat_");
        yield return Prefixed("buildkite-token", F, "Buildkite API access token", "bkua_[a-f0-9]{40}", "bkua_");
        yield return Named("ngrok-authtoken", F, "ngrok authtoken", "ngrok", "[0-9A-Za-z]{25,27}_[0-9A-Za-z]{20,22}", "ngrok");
        yield return Prefixed("twitter-bearer-token", F, "X / Twitter app bearer token", "AAAAAAAAAAAAAAAAAAAAA[A-Za-z0-9%]{60,120}", "aaaaaaaaaaaaaaaaaaaaa");
        yield return Prefixed("facebook-access-token", F, "Facebook / Meta access token", "EAA[A-Za-z0-9]{100,300}", "eaa");
        yield return Prefixed("resend-api-key", F, "Resend API key", "re_[A-Za-z0-9]{8}_[A-Za-z0-9]{24}", "re_") with { MinEntropy = 3.3 };
        yield return Prefixed("algolia-admin-key", F, "Algolia admin API key", "[a-f0-9]{32}", "algolia") with { MinEntropy = 3.0, Regex = $@"(?i)algolia[\w.-]{{0,20}}(?:admin|api|write|secret)[\w.-]{{0,10}}key{Assign}(?<secret>(?-i:[a-f0-9]{{32}}))\b" };
        yield return Named("pagerduty-token", F, "PagerDuty API token", "pagerduty|pd[_.-](?:api|token)", "[A-Za-z0-9_+-]{20}", "pagerduty pd_api pd_token") with { MinEntropy = 3.5 };
        yield return Named("zendesk-token", F, "Zendesk API token", "zendesk", "[A-Za-z0-9]{40}", "zendesk") with { MinEntropy = 3.5 };
        yield return Named("snyk-token", F, "Snyk API token", "snyk", "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "snyk");
        yield return Named("fastly-api-token", F, "Fastly API token", "fastly", "[A-Za-z0-9_-]{32}", "fastly") with { MinEntropy = 3.5 };
        yield return Named("launchdarkly-key", F, "LaunchDarkly SDK / API key", "launchdarkly|ld[_.-]sdk", "(?:sdk|api|mob)-[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}", "launchdarkly ld_sdk ld-sdk");
        // base64 of "tok:" and an id: the sixth character is "j" when the id starts with a digit, "m" with a letter.
        yield return Named("intercom-token", F, "Intercom access token", "intercom", "dG9rO[jm][A-Za-z0-9+/=_-]{40,80}", "intercom");
    }
}
