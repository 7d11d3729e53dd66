namespace Handoff.Core.Secrets;

public static partial class BuiltInRules
{
    private static IEnumerable<SecretRule> Cloud()
    {
        const RuleFamily F = RuleFamily.Cloud;
        yield return Prefixed("aws-access-key-id", F, "AWS access key id",
            "(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|AROA|APKA|ASCA)[A-Z2-7]{16}",
            "akia asia abia acca agpa aida aipa anpa anva aroa apka asca",
            ["aws_access_key_id = AKIA«Z16»", "\"AccessKeyId\": \"ASIA«Z16»\","],
            ["aws_access_key_id = AKIAIOSFODNN7EXAMPLE", "const prefix = \"AKIA\"; // key ids start with AKIA"]) with { MinEntropy = 3.0 };
        yield return R("aws-secret-access-key", F, "AWS secret access key",
            $@"(?i)(?:aws)?[\w.-]{{0,10}}secret[_.-]?(?:access)?[_.-]?key{Assign}(?<secret>(?-i:[A-Za-z0-9/+]{{40}}))(?![A-Za-z0-9/+=])",
            "secret_access secretaccess secret-access aws_secret secret_key secretkey",
            ["aws_secret_access_key = «b40»", "export AWS_SECRET_ACCESS_KEY=\"«b40»\""],
            ["aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "aws_secret_access_key = ${AWS_SECRET_ACCESS_KEY}"]) with { MinEntropy = 3.5 };
        yield return R("aws-session-token", F, "AWS session token",
            $@"(?i)aws[_.-]?session[_.-]?token{Assign}(?<secret>(?-i:[A-Za-z0-9/+=]{{100,2000}}))",
            "session_token sessiontoken session-token",
            ["aws_session_token = IQoJb3JpZ2luX2Vj«b300»", "AWS_SESSION_TOKEN=\"FwoGZXIvYXdzE«b200»\""],
            ["aws_session_token = ${AWS_SESSION_TOKEN}", "aws_session_token = short«A20»"]) with { MinEntropy = 4.0 };
        yield return Prefixed("aws-bedrock-api-key", F, "Amazon Bedrock API key", "ABSK[A-Za-z0-9+/]{100,300}={0,2}", "absk",
            ["BEDROCK_API_KEY=ABSK«b132»", "key: \"ABSK«b140»\""],
            ["const prefix = 'ABSK'", "ABSKdocumentation"]);
        yield return Prefixed("gcp-api-key", F, "Google Cloud / Firebase / Gemini API key", "AIza[0-9A-Za-z_-]{35}", "aiza",
            ["GOOGLE_API_KEY=AIza«u35»", "apiKey: \"AIza«u35»\","],
            ["apiKey: \"AIzaXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX\"", "// keys look like AIza..."]) with { MinEntropy = 3.0 };
        yield return R("gcp-service-account-key-id", F, "GCP service-account private key id",
            @"""private_key_id""\s*:\s*""(?<secret>[a-f0-9]{40})""", "private_key_id",
            ["  \"private_key_id\": \"«h40»\",", "{\"type\":\"service_account\",\"private_key_id\":\"«h40»\"}"],
            ["  \"private_key_id\": \"\",", "  \"private_key_id\": \"<key id>\","]);
        yield return Prefixed("gcp-oauth-client-secret", F, "Google OAuth client secret", "GOCSPX-[A-Za-z0-9_-]{28}", "gocspx-",
            ["client_secret = \"GOCSPX-«u28»\"", "\"client_secret\":\"GOCSPX-«u28»\""],
            ["client_secret = \"GOCSPX-\"", "# GOCSPX- prefix marks Google client secrets"]);
        yield return Prefixed("gcp-oauth-access-token", F, "Google OAuth access token", @"ya29\.[0-9A-Za-z_-]{30,500}", "ya29.",
            ["Authorization: Bearer ya29.«u120»", "token = 'ya29.a0«u80»'"],
            ["ya29.short", "token = 'ya29.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'"]) with { MinEntropy = 3.5 };
        yield return R("azure-storage-account-key", F, "Azure storage / Cosmos DB account key",
            @"(?i)(?:AccountKey|storage[_.-]?(?:account[_.-]?)?key|cosmos[\w.-]{0,20}key)[""']?\s{0,5}[=:]\s{0,5}[""']?(?<secret>(?-i:[A-Za-z0-9+/]{86}==))",
            "accountkey storage_key storagekey storage_account_key storage-key cosmos",
            ["DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=«b86»==;EndpointSuffix=core.windows.net", "\"StorageAccountKey\": \"«b86»==\""],
            ["AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;", "AccountKey=${STORAGE_KEY}"]) with { MinEntropy = 4.0, AllowRegexes = ["^Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==$"] };
        yield return R("azure-service-bus-key", F, "Azure Service Bus / Event Hubs / IoT shared access key",
            @"(?i)SharedAccessKey\s{0,5}=\s{0,5}(?<secret>(?-i:[A-Za-z0-9+/]{42,43}=))",
            "sharedaccesskey",
            ["Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=«b43»=", "\"conn\": \"HostName=hub.azure-devices.net;SharedAccessKeyName=iothubowner;SharedAccessKey=«b43»=\""],
            ["SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=<key>", "SharedAccessKey=${SB_KEY}"]) with { MinEntropy = 4.0 };
        yield return R("azure-sas-token", F, "Azure shared access signature (sig=)",
            @"(?i)[?&;]sig=(?<secret>[A-Za-z0-9%+/]{30,120}(?:%3D|=){0,2})", "sig=",
            ["https://acct.blob.core.windows.net/c/b?sv=2022-11-02&ss=b&srt=o&sp=r&se=2030-01-01&sig=«B64:‹b31›»", "BlobSas = \"?sv=2021-06-08&sr=c&sig=«A30»%2B«A10»%3D\""],
            ["?sv=2022-11-02&sig=<signature>", "https://example.com/?sig=abc"]) with { Decode = DecodeKind.Percent, DecodedMustMatch = @"^[A-Za-z0-9+/]{40,}={0,2}$" };
        yield return Prefixed("azure-entra-client-secret", F, "Microsoft Entra ID (Azure AD) client secret", @"[A-Za-z0-9_~.-]{3}\dQ~[A-Za-z0-9_~.-]{31,34}", "q~",
            ["AZURE_CLIENT_SECRET=«A3»8Q~«A34»", "\"ClientSecret\": \"«A3»7Q~«A31»\""],
            ["ClientSecret = \"8Q~\"", "var approx = x ~ 7Q~y;"]) with { MinEntropy = 3.5 };
        yield return Prefixed("azure-devops-pat", F, "Azure DevOps personal access token", "[A-Za-z0-9]{76}AZDO[A-Za-z0-9]{4}", "azdo",
            ["AZURE_DEVOPS_EXT_PAT=«A76»AZDO«A4»", "pat: «A76»AZDO«A4»"],
            ["AZDO_ORG_URL=https://dev.azure.com/org", "«l20»AZDO«A4»"]);
        yield return Prefixed("azure-identifiable-key", F, "Azure identifiable key (service signature inside an 88-char key)",
            @"[A-Za-z0-9+/]{76}(?:AzSe|ACDb|AzFu|AzCa|APIM|AzEv|\+ASb|\+AEh|\+ARm|AIoT|\+ASt)[A-Za-z0-9+/]{6}==", "azse acdb azfu azca apim azev +asb +aeh +arm aiot +ast",
            ["key = \"«b76»AzSe«b6»==\"", "FUNCTION_KEY=«b76»AzFu«b6»=="],
            ["APIM_NAME=my-apim", "«b20»AzSe=="]);
        yield return Prefixed("alibaba-access-key-id", F, "Alibaba Cloud AccessKey id", "LTAI[A-Za-z0-9]{20}", "ltai",
            ["ALIBABA_CLOUD_ACCESS_KEY_ID=LTAI«A20»", "accessKeyId: 'LTAI«A20»'"],
            ["LTAI_PREFIX = 'LTAI'", "LTAIxxxxxxxxxxxxxxxxxxxx"]) with { MinEntropy = 3.0 };
        yield return Named("alibaba-secret-key", F, "Alibaba Cloud AccessKey secret", @"alibaba|aliyun|alicloud", "[A-Za-z0-9]{30}", "alibaba aliyun alicloud",
            ["ALIBABA_CLOUD_ACCESS_KEY_SECRET=«A30»", "aliyun_secret: \"«A30»\""],
            ["ALIBABA_CLOUD_ACCESS_KEY_SECRET=${SECRET}", "aliyun_region: cn-hangzhou"]) with { MinEntropy = 3.5 };
        yield return Prefixed("digitalocean-pat", F, "DigitalOcean personal access token", "dop_v1_[a-f0-9]{64}", "dop_v1_",
            ["DIGITALOCEAN_TOKEN=dop_v1_«h64»", "token = \"dop_v1_«h64»\""],
            ["token = \"dop_v1_\"", "dop_v1_«h20»"]);
        yield return Prefixed("digitalocean-oauth-token", F, "DigitalOcean OAuth token", "doo_v1_[a-f0-9]{64}", "doo_v1_",
            ["do_token: doo_v1_«h64»", "\"access_token\": \"doo_v1_«h64»\""],
            ["doo_v1_<token>", "doo_v1_«h10»"]);
        yield return Prefixed("digitalocean-refresh-token", F, "DigitalOcean refresh token", "dor_v1_[a-f0-9]{64}", "dor_v1_",
            ["refresh = dor_v1_«h64»", "\"refresh_token\": \"dor_v1_«h64»\""],
            ["dor_v1_${REFRESH}", "dor_v1_«h30»"]);
        yield return Named("heroku-api-key", F, "Heroku API key (legacy UUID form)", "heroku", "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "heroku",
            ["HEROKU_API_KEY=«UUID»", "heroku_api_key: \"«UUID»\""],
            ["HEROKU_APP_NAME=my-app", "heroku_api_key: ${HEROKU_API_KEY}"]);
        yield return Prefixed("heroku-api-key-v2", F, "Heroku API key", "HRKU-AA[0-9a-zA-Z_-]{58}", "hrku-",
            ["HEROKU_API_KEY=HRKU-AA«u58»", "token: \"HRKU-AA«u58»\""],
            ["HRKU-AA<token>", "HRKU-AA«u10»"]);
        yield return Prefixed("cloudflare-api-token", F, "Cloudflare API token (prefixed, CRC32 checked)", "cf(?:k|ut|at)_[A-Za-z0-9]{40}[a-f0-9]{8}", "cfk_ cfut_ cfat_",
            ["CLOUDFLARE_API_TOKEN=cfut_«CF»", "token: cfat_«CF»"],
            ["cfut_<token>", "cfk_«A12»"]) with { Checksum = ChecksumKind.Cloudflare };
        yield return Named("cloudflare-api-key", F, "Cloudflare global API key / legacy API token", "cloudflare|cf[_.-]api", "[a-f0-9]{37}|[A-Za-z0-9_-]{40}", "cloudflare cf_api cf-api cf.api",
            ["CLOUDFLARE_API_KEY=«h37»", "cloudflare_api_token = \"«u40»\""],
            ["CLOUDFLARE_ZONE=example.com", "cloudflare_api_token = \"${CF_TOKEN}\""]) with { MinEntropy = 3.3 };
        yield return Prefixed("cloudflare-origin-ca-key", F, "Cloudflare Origin CA key", "v1\\.0-[a-f0-9]{24}-[a-f0-9]{146}", "v1.0-",
            ["CF_ORIGIN_CA_KEY=v1.0-«h24»-«h146»", "origin_ca_key: v1.0-«h24»-«h146»"],
            ["version: v1.0-beta", "v1.0-«h24»"]);
        yield return Prefixed("vercel-token", F, "Vercel access token (prefixed)", "vc[pirak]_[A-Za-z0-9]{24,64}", "vcp_ vci_ vcr_ vca_ vck_",
            ["VERCEL_TOKEN=vcp_«A56»", "token: 'vca_«A40»'"],
            ["vcp_<token>", "vcp_«A8»"]) with { MinEntropy = 3.3 };
        yield return Named("vercel-legacy-token", F, "Vercel access token (legacy)", "vercel|now[_.-]token", "[A-Za-z0-9]{24}", "vercel now_token",
            ["VERCEL_TOKEN=«A24»", "vercel_token: \"«A24»\""],
            ["VERCEL_TOKEN=${{ secrets.VERCEL_TOKEN }}", "VERCEL_ORG_ID=team_abc"]) with { MinEntropy = 3.3 };
        yield return Prefixed("databricks-token", F, "Databricks personal access token", "dapi[a-f0-9]{32}(?:-\\d)?", "dapi",
            ["DATABRICKS_TOKEN=dapi«h32»", "token = \"dapi«h32»-2\""],
            ["dapiVersion = 2", "dapi«h8»"]) with { MinEntropy = 3.0 };
        yield return Prefixed("flyio-token", F, "Fly.io access token", @"(?:FlyV1 )?fm[12][ar]?_[A-Za-z0-9+/=_-]{100,800}", "fm1|fm2|flyv1",
            ["FLY_API_TOKEN=\"FlyV1 fm2_«b200»\"", "fly_token: fm1r_«u120»"],
            ["FLY_API_TOKEN=${FLY_API_TOKEN}", "fm2_short"]) with { MinEntropy = 4.0 };
        yield return Prefixed("netlify-token", F, "Netlify personal access token", "nfp_[A-Za-z0-9]{36}", "nfp_",
            ["NETLIFY_AUTH_TOKEN=nfp_«A36»", "token: nfp_«A36»"],
            ["nfp_<token>", "nfp_«A10»"]);
        yield return Prefixed("render-api-key", F, "Render API key", "rnd_[A-Za-z0-9]{32}", "rnd_",
            ["RENDER_API_KEY=rnd_«A32»", "api_key = \"rnd_«A32»\""],
            ["rnd_seed = 42", "rnd_«A10»"]);
    }
}
