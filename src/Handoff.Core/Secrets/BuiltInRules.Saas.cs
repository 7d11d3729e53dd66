namespace Handoff.Core.Secrets;

public static partial class BuiltInRules
{
    private static IEnumerable<SecretRule> Saas()
    {
        const RuleFamily F = RuleFamily.Saas;
        yield return Prefixed("twilio-api-key", F, "Twilio API key SID", "SK[0-9a-fA-F]{32}", "sk",
            ["TWILIO_API_KEY=SK«h32»", "apiKey: 'SK«h32»'"],
            ["TWILIO_API_KEY=SKxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "SK«h8»"]) with { MinEntropy = 3.0 };
        yield return Named("twilio-auth-token", F, "Twilio auth token", "twilio", "[a-f0-9]{32}", "twilio",
            ["TWILIO_AUTH_TOKEN=«h32»", "twilio_token: \"«h32»\""],
            ["TWILIO_ACCOUNT_SID=AC«h8»", "twilio_auth_token: ${TWILIO_AUTH_TOKEN}"]) with { MinEntropy = 3.0 };
        yield return Prefixed("sendgrid-api-key", F, "SendGrid API key", @"SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}", "sg.",
            ["SENDGRID_API_KEY=SG.«u22».«u43»", "sg = SendGridAPIClient('SG.«u22».«u43»')"],
            ["SENDGRID_API_KEY=SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "msg.send(to)"]);
        yield return Prefixed("mailgun-api-key", F, "Mailgun private API key", "key-[0-9a-f]{32}", "key-",
            ["MAILGUN_API_KEY=key-«h32»", "auth=('api', 'key-«h32»')"],
            ["key-value store", "key-«h8»"]) with { MinEntropy = 3.0 };
        yield return Named("mailgun-signing-key", F, "Mailgun webhook signing key", "mailgun", "[a-f0-9]{32}-[a-f0-9]{8}-[a-f0-9]{8}", "mailgun",
            ["MAILGUN_WEBHOOK_SIGNING_KEY=«h32»-«h8»-«h8»", "mailgun_key: «h32»-«h8»-«h8»"],
            ["MAILGUN_DOMAIN=mg.example.org", "mailgun_key: ${MG_KEY}"]);
        yield return Prefixed("mailchimp-api-key", F, "Mailchimp API key", "[0-9a-f]{32}-us[0-9]{1,2}", "-us",
            ["MAILCHIMP_API_KEY=«h32»-us21", "api_key: '«h32»-us6'"],
            ["locale = en-us", "«h8»-us1"]) with { MinEntropy = 3.0 };
        yield return Prefixed("shopify-access-token", F, "Shopify access token", "shp(?:at|ca|pa)_[a-fA-F0-9]{32}", "shpat_ shpca_ shppa_",
            ["SHOPIFY_ACCESS_TOKEN=shpat_«h32»", "token: shpca_«h32»"],
            ["shpat_<token>", "shpat_«h8»"]);
        yield return Prefixed("shopify-shared-secret", F, "Shopify app shared secret", "shpss_[a-fA-F0-9]{32}", "shpss_",
            ["SHOPIFY_API_SECRET=shpss_«h32»", "secret = 'shpss_«h32»'"],
            ["shpss_<secret>", "shpss_«h10»"]);
        yield return Named("datadog-api-key", F, "Datadog API key", "datadog|dd[_.-]api", "[a-f0-9]{32}", "datadog dd_api dd-api dd.api",
            ["DD_API_KEY=«h32»", "datadog_api_key: \"«h32»\""],
            ["DD_API_KEY=${DD_API_KEY}", "datadog_site: datadoghq.eu"]) with { MinEntropy = 3.0 };
        yield return Named("datadog-app-key", F, "Datadog application key", "datadog[\\w.-]{0,10}app|dd[_.-]app(?:lication)?[_.-]key", "[a-f0-9]{40}", "datadog dd_app dd-app dd_application",
            ["DD_APP_KEY=«h40»", "datadog_app_key = \"«h40»\""],
            ["DD_APP_KEY=<key>", "datadog_app_name = checkout"]) with { MinEntropy = 3.0 };
        yield return Prefixed("newrelic-user-key", F, "New Relic user API key", "NRAK-[A-Z0-9]{27}", "nrak-",
            ["NEW_RELIC_API_KEY=NRAK-«U27»", "apiKey: 'NRAK-«U27»'"],
            ["NRAK-<key>", "NRAK-«U5»"]);
        yield return Prefixed("newrelic-insert-key", F, "New Relic insights insert / query key", "NRI[IQ]-[A-Za-z0-9_-]{32}", "nrii- nriq-",
            ["NEW_RELIC_INSERT_KEY=NRII-«u32»", "query_key: NRIQ-«u32»"],
            ["NRII-<key>", "NRIQ-«u8»"]);
        yield return Prefixed("newrelic-license-key", F, "New Relic ingest license key", "[a-f0-9]{36}NRAL", "nral",
            ["NEW_RELIC_LICENSE_KEY=«h36»NRAL", "license_key: «h36»NRAL"],
            ["NRAL_MODE=1", "«h8»NRAL"]) with { MinEntropy = 3.0 };
        yield return Prefixed("newrelic-browser-key", F, "New Relic browser API key", "NRJS-[a-f0-9]{19}", "nrjs-",
            ["NEW_RELIC_BROWSER_KEY=NRJS-«h19»", "licenseKey: 'NRJS-«h19»'"],
            ["NRJS-<key>", "NRJS-«h5»"]);
        yield return Prefixed("sentry-user-token", F, "Sentry user auth token", "sntryu_[a-f0-9]{64}", "sntryu_",
            ["SENTRY_AUTH_TOKEN=sntryu_«h64»", "auth.token=sntryu_«h64»"],
            ["sntryu_<token>", "sntryu_«h10»"]);
        yield return Prefixed("sentry-org-token", F, "Sentry organization auth token", "sntrys_eyJ[A-Za-z0-9+/=_-]{60,500}", "sntrys_",
            ["SENTRY_AUTH_TOKEN=sntrys_eyJ«b100»", "token: sntrys_eyJ«u90»"],
            ["sntrys_<token>", "sntrys_eyJ«b10»"]);
        yield return Named("sentry-legacy-token", F, "Sentry auth token (legacy 64-hex)", "sentry", "[a-f0-9]{64}", "sentry",
            ["SENTRY_AUTH_TOKEN=«h64»", "sentry_token: \"«h64»\""],
            ["SENTRY_DSN=https://public@o1.ingest.sentry.io/1", "sentry_auth_token: ${SENTRY_AUTH_TOKEN}"]) with { MinEntropy = 3.0 };
        yield return Prefixed("grafana-service-account-token", F, "Grafana service account token (CRC32 checked)", "glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}", "glsa_",
            ["GRAFANA_TOKEN=glsa_«GLSA»", "Authorization: Bearer glsa_«GLSA»"],
            ["glsa_<token>", "glsa_«A10»_«h8»"]) with { Checksum = ChecksumKind.Grafana };
        yield return Prefixed("grafana-cloud-token", F, "Grafana Cloud access policy token", "glc_[A-Za-z0-9+/]{32,400}={0,2}", "glc_",
            ["GRAFANA_CLOUD_TOKEN=glc_eyJ«b100»", "token: glc_«b80»=="],
            ["glc_<token>", "glc_«b8»"]) with { MinEntropy = 4.0 };
        yield return Prefixed("grafana-api-key", F, "Grafana API key (legacy)", "eyJrIjoi[A-Za-z0-9+/]{70,400}={0,2}", "eyjrijoi",
            ["GRAFANA_API_KEY=eyJrIjoi«b80»", "grafana_auth: eyJrIjoi«b100»=="],
            ["eyJrIjoi", "eyJrIjoi«b10»"]);
        yield return Prefixed("atlassian-api-token", F, "Atlassian / Jira / Confluence API token", "ATATT3[A-Za-z0-9_=-]{180,200}", "atatt3",
            ["JIRA_API_TOKEN=ATATT3xFfGF0«u180»", "confluence_token: ATATT3«u186»"],
            ["ATATT3<token>", "ATATT3«u20»"]);
        yield return Named("atlassian-legacy-token", F, "Atlassian API token (legacy 24 chars)", "atlassian|jira|confluence", "[A-Za-z0-9]{24}", "atlassian jira confluence",
            ["JIRA_API_TOKEN=«A24»", "confluence_token: \"«A24»\""],
            ["JIRA_BASE_URL=https://acme.atlassian.net", "jira_token: ${JIRA_TOKEN}"]) with { MinEntropy = 3.5 };
        yield return Prefixed("linear-api-key", F, "Linear API key", "lin_api_[A-Za-z0-9]{40}", "lin_api_",
            ["LINEAR_API_KEY=lin_api_«A40»", "apiKey: 'lin_api_«A40»'"],
            ["lin_api_<key>", "lin_api_«A8»"]);
        yield return Prefixed("linear-oauth-token", F, "Linear OAuth token", "lin_oauth_[a-f0-9]{64}", "lin_oauth_",
            ["LINEAR_TOKEN=lin_oauth_«h64»", "token: lin_oauth_«h64»"],
            ["lin_oauth_<token>", "lin_oauth_«h8»"]);
        yield return Prefixed("notion-integration-token", F, "Notion integration token", "(?:secret_[A-Za-z0-9]{43}|ntn_[0-9]{11}[A-Za-z0-9]{35})", "secret_ ntn_",
            ["NOTION_TOKEN=secret_«A43»", "auth: 'ntn_«d11»«A35»'"],
            ["secret_key_base = ENV['SECRET_KEY_BASE']", "ntn_«d5»"]) with { MinEntropy = 3.5 };
        yield return Prefixed("figma-token", F, "Figma personal access token", "fig[do]_[A-Za-z0-9_-]{40}", "figd_ figo_",
            ["FIGMA_TOKEN=figd_«u40»", "X-Figma-Token: figd_«u40»"],
            ["figd_<token>", "figd_«u8»"]);
        yield return Prefixed("postman-api-key", F, "Postman API key", "PMAK-[a-f0-9]{24}-[a-f0-9]{34}", "pmak-",
            ["POSTMAN_API_KEY=PMAK-«h24»-«h34»", "x-api-key: PMAK-«h24»-«h34»"],
            ["PMAK-<key>", "PMAK-«h8»-«h8»"]);
        yield return Prefixed("doppler-token", F, "Doppler token", @"dp\.(?:pt|st|sa|ct|scim|audit)\.[A-Za-z0-9]{40,44}", "dp.pt. dp.st. dp.sa. dp.ct. dp.scim. dp.audit.",
            ["DOPPLER_TOKEN=dp.st.«A43»", "token: dp.pt.«A43»"],
            ["dp.st.<token>", "dp.pt.«A8»"]);
        yield return Prefixed("vault-service-token", F, "HashiCorp Vault service token", @"hvs\.[A-Za-z0-9_-]{90,120}", "hvs.",
            ["VAULT_TOKEN=hvs.CAESI«u100»", "token: hvs.«u95»"],
            ["VAULT_TOKEN=hvs.xxxx", "hvs.«u20»"]);
        yield return Prefixed("vault-batch-token", F, "HashiCorp Vault batch token", @"hvb\.[A-Za-z0-9_-]{138,300}", "hvb.",
            ["VAULT_TOKEN=hvb.AAAAAQ«u150»", "token: hvb.«u140»"],
            ["hvb.<token>", "hvb.«u20»"]);
        yield return Named("vault-legacy-token", F, "HashiCorp Vault token (legacy s.)", "vault", @"s\.[A-Za-z0-9]{24}", "vault",
            ["VAULT_TOKEN=s.«A24»", "vault_token: \"s.«A24»\""],
            ["VAULT_ADDR=https://vault.internal:8200", "vault_token: ${VAULT_TOKEN}"]) with { MinEntropy = 3.3 };
        yield return Prefixed("terraform-cloud-token", F, "Terraform Cloud / Enterprise API token", @"[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,70}", "atlasv1",
            ["token = \"«A14».atlasv1.«u67»\"", "TFE_TOKEN=«A14».atlasv1.«u64»"],
            ["token = \"xxxx.atlasv1.xxxx\"", "«A14».atlasv1.«u10»"]);
        yield return Prefixed("pulumi-access-token", F, "Pulumi access token", "pul-[a-f0-9]{40}", "pul-",
            ["PULUMI_ACCESS_TOKEN=pul-«h40»", "token: pul-«h40»"],
            ["pul-<token>", "pul-«h8»"]);
        yield return Prefixed("onepassword-service-account-token", F, "1Password service account token", "ops_eyJ[A-Za-z0-9+/=_-]{250,2000}", "ops_eyj",
            ["OP_SERVICE_ACCOUNT_TOKEN=ops_eyJ«b300»", "token: ops_eyJ«u260»"],
            ["ops_eyJ<token>", "ops_eyJ«b20»"]);
        yield return Prefixed("onepassword-secret-key", F, "1Password account secret key", "A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}", "a3-",
            ["secret_key: A3-«U6»-«U11»-«U5»-«U5»-«U5»", "OP_SECRET_KEY=A3-«U6»-«U6»-«U5»-«U5»-«U5»-«U5»"],
            ["A3-XXXXXX-XXXXXX-XXXXX-XXXXX-XXXXX-XXXXX", "paper size A3-landscape"]);
        yield return Named("okta-api-token", F, "Okta API token", "okta", "00[A-Za-z0-9_-]{40}", "okta",
            ["OKTA_API_TOKEN=00«u40»", "okta_token: \"00«u40»\""],
            ["OKTA_ORG_URL=https://dev-1.okta.com", "okta_token: ${OKTA_TOKEN}"]) with { MinEntropy = 3.5 };
        yield return Prefixed("supabase-pat", F, "Supabase personal access token", "sbp_[a-f0-9]{40}", "sbp_",
            ["SUPABASE_ACCESS_TOKEN=sbp_«h40»", "token: sbp_«h40»"],
            ["sbp_<token>", "sbp_«h8»"]);
        yield return Prefixed("supabase-secret-key", F, "Supabase secret API key", "sb_secret_[A-Za-z0-9_-]{31,64}", "sb_secret_",
            ["SUPABASE_SECRET_KEY=sb_secret_«u40»", "key: sb_secret_«u31»"],
            ["sb_secret_<key>", "sb_secret_«u8»"]);
        yield return Named("supabase-service-role-key", F, "Supabase service role key (JWT)", "service[_.-]?role", @"eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}", "service_role servicerole service-role",
            ["SUPABASE_SERVICE_ROLE_KEY=«JWT»", "serviceRoleKey: '«JWT»'"],
            ["SUPABASE_SERVICE_ROLE_KEY=${SUPABASE_SERVICE_ROLE_KEY}", "service_role: admin"]);
        yield return Prefixed("planetscale-token", F, "PlanetScale API / OAuth token", "pscale_(?:tkn|oauth)_[A-Za-z0-9_.=-]{32,64}", "pscale_tkn_ pscale_oauth_",
            ["PLANETSCALE_SERVICE_TOKEN=pscale_tkn_«u43»", "token: pscale_oauth_«u43»"],
            ["pscale_tkn_<token>", "pscale_tkn_«u8»"]);
        yield return Prefixed("planetscale-password", F, "PlanetScale database password", "pscale_pw_[A-Za-z0-9_.=-]{32,64}", "pscale_pw_",
            ["DATABASE_PASSWORD=pscale_pw_«u43»", "password: pscale_pw_«u43»"],
            ["pscale_pw_<password>", "pscale_pw_«u8»"]);
        yield return Prefixed("tailscale-key", F, "Tailscale auth / API key", "tskey-(?:api|auth|client|scim|webhook)-[A-Za-z0-9]{8,20}-[A-Za-z0-9]{20,64}", "tskey-",
            ["TS_AUTHKEY=tskey-auth-«A12»CNTRL-«A32»", "api_key: tskey-api-«A11»-«A30»"],
            ["TS_AUTHKEY=tskey-auth-<key>", "tskey-api-«A5»"]);
        yield return Prefixed("mapbox-secret-token", F, "Mapbox secret access token", @"sk\.eyJ[A-Za-z0-9_-]{50,400}\.[A-Za-z0-9_-]{20,50}", "sk.eyj",
            ["MAPBOX_SECRET_TOKEN=sk.eyJ«u60».«u22»", "token: 'sk.eyJ«u80».«u22»'"],
            ["mapboxgl.accessToken = 'pk.eyJ«u60».«u22»'", "sk.eyJ«u10»"]);
        yield return Prefixed("age-secret-key", F, "age encryption secret key", "AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}", "age-secret-key-1",
            ["AGE-SECRET-KEY-1«c58»", "SOPS_AGE_KEY=AGE-SECRET-KEY-1«c58»"],
            ["# public key: age1«l58»", "AGE-SECRET-KEY-1<key>"]) with { AllowRegexes = [] };
        yield return Prefixed("contentful-token", F, "Contentful personal access token", "CFPAT-[A-Za-z0-9_-]{43}", "cfpat-",
            ["CONTENTFUL_MANAGEMENT_TOKEN=CFPAT-«u43»", "token: CFPAT-«u43»"],
            ["CFPAT-<token>", "CFPAT-«u8»"]);
        yield return Prefixed("dynatrace-token", F, "Dynatrace API token", @"dt0c01\.[A-Z0-9]{24}\.[A-Z0-9]{64}", "dt0c01.",
            ["DT_API_TOKEN=dt0c01.«U24».«U64»", "token: dt0c01.«U24».«U64»"],
            ["dt0c01.<token>", "dt0c01.«U8».«U8»"]);
        yield return Prefixed("easypost-api-key", F, "EasyPost API key", "EZ[AT]K[A-Za-z0-9]{54}", "ezak eztk",
            ["EASYPOST_API_KEY=EZAK«A54»", "key: EZTK«A54»"],
            ["EZAK<key>", "EZAK«A8»"]);
        yield return Prefixed("hubspot-private-app-token", F, "HubSpot private app token", "pat-(?:na|eu)1-[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}", "pat-na1- pat-eu1-",
            ["HUBSPOT_TOKEN=pat-na1-«UUID»", "token: pat-eu1-«UUID»"],
            ["pat-na1-<token>", "pat-na1-abc"]);
        yield return Prefixed("prefect-api-key", F, "Prefect API key", "pnu_[A-Za-z0-9]{36}", "pnu_",
            ["PREFECT_API_KEY=pnu_«A36»", "key: pnu_«A36»"],
            ["pnu_<key>", "pnu_«A8»"]);
        yield return Prefixed("readme-api-key", F, "ReadMe API key", "rdme_[a-z0-9]{70}", "rdme_",
            ["README_API_KEY=rdme_«a70»", "key: rdme_«a70»"],
            ["rdme_<key>", "rdme_«a8»"]);
        yield return Prefixed("typeform-token", F, "Typeform personal access token", "tfp_[A-Za-z0-9_.=-]{59}", "tfp_",
            ["TYPEFORM_TOKEN=tfp_«u44»_«u14»", "token: tfp_«u59»"],
            ["tfp_<token>", "tfp_«u8»"]);
        yield return Prefixed("airtable-pat", F, "Airtable personal access token", @"pat[A-Za-z0-9]{14}\.[a-f0-9]{64}", "pat",
            ["AIRTABLE_TOKEN=pat«A14».«h64»", "apiKey: 'pat«A14».«h64»'"],
            ["pattern.matches()", "pat«A14».«h8»"]);
        yield return Prefixed("clickup-api-token", F, "ClickUp personal API token", "pk_[0-9]{6,10}_[A-Z0-9]{32}", "pk_",
            ["CLICKUP_TOKEN=pk_«d8»_«U32»", "Authorization: pk_«d7»_«U32»"],
            ["pk_<token>", "pk_test_«A24»"]);
        yield return Prefixed("sonarqube-token", F, "SonarQube / SonarCloud token", "sq[apu]_[a-f0-9]{40}", "sqp_ sqa_ squ_",
            ["SONAR_TOKEN=sqp_«h40»", "sonar.login=squ_«h40»"],
            ["sqp_<token>", "sqa_«h8»"]);
        yield return Prefixed("circleci-token", F, "CircleCI personal API token", "CCIPAT_[A-Za-z0-9]{22}_[a-f0-9]{40}", "ccipat_",
            ["CIRCLECI_TOKEN=CCIPAT_«A22»_«h40»", "token: CCIPAT_«A22»_«h40»"],
            ["CCIPAT_<token>", "CCIPAT_«A5»_«h8»"]);
        yield return Prefixed("buildkite-token", F, "Buildkite API access token", "bkua_[a-f0-9]{40}", "bkua_",
            ["BUILDKITE_API_TOKEN=bkua_«h40»", "token: bkua_«h40»"],
            ["bkua_<token>", "bkua_«h8»"]);
        yield return Named("ngrok-authtoken", F, "ngrok authtoken", "ngrok", "[0-9A-Za-z]{25,27}_[0-9A-Za-z]{20,22}", "ngrok",
            ["NGROK_AUTHTOKEN=«A27»_«A21»", "ngrok_token: «A26»_«A22»"],
            ["NGROK_REGION=eu", "ngrok_authtoken: ${NGROK_AUTHTOKEN}"]);
        yield return Prefixed("twitter-bearer-token", F, "X / Twitter app bearer token", "AAAAAAAAAAAAAAAAAAAAA[A-Za-z0-9%]{60,120}", "aaaaaaaaaaaaaaaaaaaaa",
            ["TWITTER_BEARER_TOKEN=AAAAAAAAAAAAAAAAAAAAA«A80»", "bearer: AAAAAAAAAAAAAAAAAAAAA«A70»%3D«A20»"],
            ["padding = 'AAAAAAAAAAAAAAAAAAAAAAAA'", "AAAAAAAAAAAAAAAAAAAAA«A10»"]);
        yield return Prefixed("facebook-access-token", F, "Facebook / Meta access token", "EAA[BC][A-Za-z0-9]{100,300}", "eaab eaac",
            ["FB_ACCESS_TOKEN=EAAB«A150»", "token: 'EAAC«A120»'"],
            ["EAAB<token>", "EAAB«A20»"]);
        yield return Prefixed("resend-api-key", F, "Resend API key", "re_[A-Za-z0-9]{8}_[A-Za-z0-9]{24}", "re_",
            ["RESEND_API_KEY=re_«A8»_«A24»", "new Resend('re_«A8»_«A24»')"],
            ["re_render_component_tree_now", "re_«A8»_«A5»"]) with { MinEntropy = 3.3 };
        yield return Prefixed("algolia-admin-key", F, "Algolia admin API key", "[a-f0-9]{32}", "algolia",
            ["ALGOLIA_ADMIN_KEY=«h32»", "algolia_api_key: «h32»"],
            ["ALGOLIA_APP_ID=«U10»", "algolia_index: products"]) with { MinEntropy = 3.0, Regex = $@"(?i)algolia[\w.-]{{0,20}}(?:admin|api|write|secret)[\w.-]{{0,10}}key{Assign}(?<secret>(?-i:[a-f0-9]{{32}}))\b" };
        yield return Named("pagerduty-token", F, "PagerDuty API token", "pagerduty|pd[_.-](?:api|token)", "[A-Za-z0-9_+-]{20}", "pagerduty pd_api pd_token",
            ["PAGERDUTY_TOKEN=«A20»", "pagerduty_api_key: \"«A20»\""],
            ["PAGERDUTY_SERVICE=checkout", "pagerduty_token: ${PD_TOKEN}"]) with { MinEntropy = 3.5 };
        yield return Named("zendesk-token", F, "Zendesk API token", "zendesk", "[A-Za-z0-9]{40}", "zendesk",
            ["ZENDESK_API_TOKEN=«A40»", "zendesk_token: \"«A40»\""],
            ["ZENDESK_SUBDOMAIN=acme", "zendesk_token: ${ZD_TOKEN}"]) with { MinEntropy = 3.5 };
        yield return Named("snyk-token", F, "Snyk API token", "snyk", "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "snyk",
            ["SNYK_TOKEN=«UUID»", "snyk_api_token: \"«UUID»\""],
            ["SNYK_ORG=acme", "snyk_token: ${SNYK_TOKEN}"]);
        yield return Named("fastly-api-token", F, "Fastly API token", "fastly", "[A-Za-z0-9_-]{32}", "fastly",
            ["FASTLY_API_TOKEN=«u32»", "fastly_key: \"«u32»\""],
            ["FASTLY_SERVICE_ID=svc", "fastly_api_token: ${FASTLY_API_TOKEN}"]) with { MinEntropy = 3.5 };
        yield return Named("launchdarkly-key", F, "LaunchDarkly SDK / API key", "launchdarkly|ld[_.-]sdk", "(?:sdk|api|mob)-[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}", "launchdarkly ld_sdk ld-sdk",
            ["LAUNCHDARKLY_SDK_KEY=sdk-«UUID»", "launchdarkly_api_key: api-«UUID»"],
            ["LAUNCHDARKLY_PROJECT=web", "launchdarkly_sdk_key: ${LD_KEY}"]);
        yield return Named("intercom-token", F, "Intercom access token", "intercom", "dG9rOm[A-Za-z0-9+/=_-]{40,80}", "intercom",
            ["INTERCOM_ACCESS_TOKEN=dG9rOm«b50»", "intercom_token: dG9rOm«b56»="],
            ["INTERCOM_APP_ID=abc123", "intercom_token: ${INTERCOM_TOKEN}"]);
    }
}
