namespace Handoff.Core.Secrets;

public static partial class BuiltInRules
{
    private static IEnumerable<SecretRule> Cloud()
    {
        const RuleFamily F = RuleFamily.Cloud;
        yield return Prefixed("aws-access-key-id", F, "AWS access key id",
            "(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|AROA|APKA|ASCA)[A-Z2-7]{16}",
            "akia asia abia acca agpa aida aipa anpa anva aroa apka asca") with { MinEntropy = 3.0 };
        yield return R("aws-secret-access-key", F, "AWS secret access key",
            $@"(?i)(?:aws)?[\w.-]{{0,10}}secret[_.-]?(?:access)?[_.-]?key{Assign}(?<secret>(?-i:[A-Za-z0-9/+]{{40}}))(?![A-Za-z0-9/+=])",
            "secret_access secretaccess secret-access aws_secret secret_key secretkey") with { MinEntropy = 3.5 };
        yield return R("aws-session-token", F, "AWS session token",
            $@"(?i)aws[_.-]?session[_.-]?token{Assign}(?<secret>(?-i:[A-Za-z0-9/+=]{{100,2000}}))",
            "session_token sessiontoken session-token") with { MinEntropy = 4.0 };
        yield return Prefixed("aws-bedrock-api-key", F, "Amazon Bedrock API key", "ABSK[A-Za-z0-9+/]{100,300}={0,2}", "absk");
        yield return Prefixed("gcp-api-key", F, "Google Cloud / Firebase / Gemini API key", "AIza[0-9A-Za-z_-]{35}", "aiza") with { MinEntropy = 3.0 };
        yield return R("gcp-service-account-key-id", F, "GCP service-account private key id",
            @"""private_key_id""\s*:\s*""(?<secret>[a-f0-9]{40})""", "private_key_id");
        yield return Prefixed("gcp-oauth-client-secret", F, "Google OAuth client secret", "GOCSPX-[A-Za-z0-9_-]{28}", "gocspx-");
        yield return Prefixed("gcp-oauth-access-token", F, "Google OAuth access token", @"ya29\.[0-9A-Za-z_-]{30,500}", "ya29.") with { MinEntropy = 3.5 };
        yield return R("azure-storage-account-key", F, "Azure storage / Cosmos DB account key",
            @"(?i)(?:AccountKey|storage[_.-]?(?:account[_.-]?)?key|cosmos[\w.-]{0,20}key)[""']?\s{0,5}[=:]\s{0,5}[""']?(?<secret>(?-i:[A-Za-z0-9+/]{86}==))",
            "accountkey storage_key storagekey storage_account_key storage-key cosmos") with { MinEntropy = 4.0, AllowRegexes = ["^Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==$"] };
        yield return R("azure-service-bus-key", F, "Azure Service Bus / Event Hubs / IoT shared access key",
            @"(?i)SharedAccessKey\s{0,5}=\s{0,5}(?<secret>(?-i:[A-Za-z0-9+/]{42,43}=))",
            "sharedaccesskey") with { MinEntropy = 4.0 };
        yield return R("azure-sas-token", F, "Azure shared access signature (sig=)",
            @"(?i)[?&;]sig=(?<secret>[A-Za-z0-9%+/]{30,120}(?:%3D|=){0,2})", "sig=") with { Decode = DecodeKind.Percent, DecodedMustMatch = @"^[A-Za-z0-9+/]{40,}={0,2}$" };
        // Bounded by its own alphabet too: inside a longer run of it ("…XO0,4~q8Q~3wIH…~yk0") it is not a client secret.
        yield return R("azure-entra-client-secret", F, "Microsoft Entra ID (Azure AD) client secret",
            @"(?<![\w~.-])(?<secret>[A-Za-z0-9_~.-]{3}\dQ~[A-Za-z0-9_~.-]{31,34})(?![\w~.-])", "q~") with { MinEntropy = 3.5, LowerRegexes = [SequentialRun] };
        yield return Prefixed("azure-devops-pat", F, "Azure DevOps personal access token", "[A-Za-z0-9]{76}AZDO[A-Za-z0-9]{4}", "azdo");
        yield return Prefixed("azure-identifiable-key", F, "Azure identifiable key (service signature inside an 88-char key)",
            @"[A-Za-z0-9+/]{76}(?:AzSe|ACDb|AzFu|AzCa|APIM|AzEv|\+ASb|\+AEh|\+ARm|AIoT|\+ASt)[A-Za-z0-9+/]{6}==", "azse acdb azfu azca apim azev +asb +aeh +arm aiot +ast");
        yield return Prefixed("alibaba-access-key-id", F, "Alibaba Cloud AccessKey id", "LTAI[A-Za-z0-9]{20}", "ltai") with { MinEntropy = 3.0 };
        yield return Named("alibaba-secret-key", F, "Alibaba Cloud AccessKey secret", @"alibaba|aliyun|alicloud", "[A-Za-z0-9]{30}", "alibaba aliyun alicloud") with { MinEntropy = 3.5 };
        yield return Prefixed("digitalocean-pat", F, "DigitalOcean personal access token", "dop_v1_[a-f0-9]{64}", "dop_v1_");
        yield return Prefixed("digitalocean-oauth-token", F, "DigitalOcean OAuth token", "doo_v1_[a-f0-9]{64}", "doo_v1_");
        yield return Prefixed("digitalocean-refresh-token", F, "DigitalOcean refresh token", "dor_v1_[a-f0-9]{64}", "dor_v1_");
        yield return Named("heroku-api-key", F, "Heroku API key (legacy UUID form)", "heroku", "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "heroku");
        yield return Prefixed("heroku-api-key-v2", F, "Heroku API key", "HRKU-AA[0-9a-zA-Z_-]{58}", "hrku-");
        yield return Prefixed("cloudflare-api-token", F, "Cloudflare API token (prefixed, CRC32 checked)", "cf(?:k|ut|at)_[A-Za-z0-9]{40}[a-f0-9]{8}", "cfk_ cfut_ cfat_") with { Checksum = ChecksumKind.Cloudflare, AllowRegexes = [] };
        yield return Named("cloudflare-api-key", F, "Cloudflare global API key / legacy API token", "cloudflare|cf[_.-]api", "[a-f0-9]{37}|[A-Za-z0-9_-]{40}", "cloudflare cf_api cf-api cf.api") with { MinEntropy = 3.3 };
        yield return Prefixed("cloudflare-origin-ca-key", F, "Cloudflare Origin CA key", "v1\\.0-[a-f0-9]{24}-[a-f0-9]{146}", "v1.0-");
        yield return Prefixed("vercel-token", F, "Vercel access token (prefixed)", "vc[pirak]_[A-Za-z0-9]{24,64}", "vcp_ vci_ vcr_ vca_ vck_") with { MinEntropy = 3.3 };
        yield return Named("vercel-legacy-token", F, "Vercel access token (legacy)", "vercel|now[_.-]token", "[A-Za-z0-9]{24}", "vercel now_token") with { MinEntropy = 3.3 };
        yield return Prefixed("databricks-token", F, "Databricks personal access token", "dapi[a-fA-F0-9]{32}(?:-\\d)?", "dapi") with { MinEntropy = 3.0 };
        yield return Prefixed("flyio-token", F, "Fly.io access token", @"(?:FlyV1 )?fm[12][ar]?_[A-Za-z0-9+/=_-]{100,800}|fo1_[A-Za-z0-9_-]{43}", "fm1|fm2|flyv1|o1_") with { MinEntropy = 4.0 };
        yield return Prefixed("openshift-token", F, "OpenShift OAuth access token", "sha256~[A-Za-z0-9_-]{43}", "sha256~") with { MinEntropy = 3.5 };
        yield return Prefixed("netlify-token", F, "Netlify personal access token", "nfp_[A-Za-z0-9]{36}", "nfp_");
        yield return Prefixed("render-api-key", F, "Render API key", "rnd_[A-Za-z0-9]{32}", "rnd_");
    }
}
