namespace Handoff.Core.Secrets;

public static partial class BuiltInRules
{
    private static IEnumerable<SecretRule> AiProviders()
    {
        const RuleFamily F = RuleFamily.AiProvider;
        yield return Prefixed("openai-api-key", F, "OpenAI API key (T3BlbkFJ marker)", "sk-(?:(?:proj|svcacct|admin)-)?[A-Za-z0-9_-]{20,200}T3BlbkFJ[A-Za-z0-9_-]{20,200}", "t3blbkfj",
            ["OPENAI_API_KEY=sk-«A20»T3BlbkFJ«A20»", "openai.api_key = \"sk-proj-«u60»T3BlbkFJ«u60»\""],
            ["OPENAI_API_KEY=sk-...T3BlbkFJ...", "# keys contain T3BlbkFJ (base64 of OpenAI)"]);
        yield return Prefixed("openai-project-key", F, "OpenAI project / service-account / admin key", "sk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,250}", "sk-proj- sk-svcacct- sk-admin-",
            ["OPENAI_API_KEY=sk-proj-«u120»", "key = 'sk-svcacct-«u80»'"],
            ["OPENAI_API_KEY=sk-proj-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "sk-proj-<key>"]) with { MinEntropy = 3.5 };
        yield return Prefixed("anthropic-api-key", F, "Anthropic API key", "sk-ant-api03-[A-Za-z0-9_-]{80,120}AA", "sk-ant-api",
            ["ANTHROPIC_API_KEY=sk-ant-api03-«u93»AA", "client = Anthropic(api_key=\"sk-ant-api03-«u93»AA\")"],
            ["ANTHROPIC_API_KEY=sk-ant-api03-...", "sk-ant-api03-«u10»AA"]);
        yield return Prefixed("anthropic-admin-key", F, "Anthropic admin API key", "sk-ant-admin01-[A-Za-z0-9_-]{80,120}AA", "sk-ant-admin",
            ["ANTHROPIC_ADMIN_KEY=sk-ant-admin01-«u93»AA", "admin_key: sk-ant-admin01-«u93»AA"],
            ["sk-ant-admin01-<key>", "sk-ant-admin01-«u10»AA"]);
        yield return Prefixed("huggingface-token", F, "Hugging Face access token", "hf_[A-Za-z]{34}", "hf_",
            ["HF_TOKEN=hf_«l12»«L10»«l12»", "login(token=\"hf_«L17»«l17»\")"],
            ["HF_TOKEN=hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "hf_hub_download(repo_id='x')"]) with { MinEntropy = 3.5 };
        yield return Prefixed("huggingface-org-token", F, "Hugging Face organization API token", "api_org_[A-Za-z]{34}", "api_org_",
            ["HF_ORG_TOKEN=api_org_«l17»«L17»", "token: api_org_«L12»«l22»"],
            ["api_org_name = 'acme'", "api_org_«l5»"]) with { MinEntropy = 3.5 };
        yield return Prefixed("groq-api-key", F, "Groq API key", "gsk_[A-Za-z0-9]{52}", "gsk_",
            ["GROQ_API_KEY=gsk_«A52»", "Groq(api_key='gsk_«A52»')"],
            ["GROQ_API_KEY=gsk_...", "gsk_«A10»"]);
        yield return Prefixed("replicate-api-token", F, "Replicate API token", "r8_[A-Za-z0-9]{37}", "r8_",
            ["REPLICATE_API_TOKEN=r8_«A37»", "token: r8_«A37»"],
            ["r8_<token>", "r8_«A5»"]);
        yield return Prefixed("xai-api-key", F, "xAI (Grok) API key", "xai-[A-Za-z0-9]{80}", "xai-",
            ["XAI_API_KEY=xai-«A80»", "api_key=\"xai-«A80»\""],
            ["XAI_API_KEY=xai-...", "xai-grok-2-latest"]);
        yield return Prefixed("perplexity-api-key", F, "Perplexity API key", "pplx-[A-Za-z0-9]{48}", "pplx-",
            ["PERPLEXITY_API_KEY=pplx-«A48»", "key: 'pplx-«A48»'"],
            ["pplx-<key>", "pplx-70b-online"]);
        yield return Prefixed("devin-api-key", F, "Devin service-user key / personal access token (cog_)", "cog_[A-Za-z0-9_-]{24,200}", "cog_",
            ["DEVIN_API_KEY=cog_«A40»", "Authorization: Bearer cog_«u48»"],
            ["DEVIN_API_KEY=cog_your_key_here", "def cog_loader_init_function_for_plugins():"]) with { MinEntropy = 3.3 };
        yield return Prefixed("devin-legacy-api-key", F, "Devin org service API key (apk_)", "apk_[A-Za-z0-9-]{24,200}", "apk_",
            ["DEVIN_API_KEY=apk_«A40»", "curl -H 'Authorization: Bearer apk_«A48»'"],
            ["DEVIN_API_KEY=apk_...", "apk_user_«A40» is a personal key"]) with { MinEntropy = 3.3 };
        yield return Prefixed("devin-legacy-user-key", F, "Devin personal API key (apk_user_)", "apk_user_[A-Za-z0-9_-]{24,200}", "apk_user_",
            ["DEVIN_API_KEY=apk_user_«A40»", "key: \"apk_user_«u48»\""],
            ["apk_user_<key>", "apk_user_«A6»"]) with { MinEntropy = 3.3 };
        yield return Prefixed("openrouter-api-key", F, "OpenRouter API key", "sk-or-v1-[a-f0-9]{64}", "sk-or-v1-",
            ["OPENROUTER_API_KEY=sk-or-v1-«h64»", "key = \"sk-or-v1-«h64»\""],
            ["sk-or-v1-...", "sk-or-v1-«h10»"]);
        yield return Prefixed("langsmith-api-key", F, "LangSmith API key", "lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}", "lsv2_",
            ["LANGCHAIN_API_KEY=lsv2_pt_«h32»_«h10»", "key: lsv2_sk_«h32»_«h10»"],
            ["lsv2_pt_<key>", "lsv2_sk_«h8»_«h10»"]);
        yield return Prefixed("pinecone-api-key", F, "Pinecone API key", "pcsk_[A-Za-z0-9_]{50,100}", "pcsk_",
            ["PINECONE_API_KEY=pcsk_«A6»_«A60»", "api_key='pcsk_«A70»'"],
            ["pcsk_<key>", "pcsk_«A10»"]) with { MinEntropy = 3.5 };
        yield return Named("mistral-api-key", F, "Mistral AI API key", "mistral", "[A-Za-z0-9]{32}", "mistral",
            ["MISTRAL_API_KEY=«A32»", "mistral_key: \"«A32»\""],
            ["MISTRAL_MODEL=mistral-large-latest", "mistral_api_key: ${MISTRAL_API_KEY}"]) with { MinEntropy = 3.5 };
        yield return Named("cohere-api-key", F, "Cohere API key", "cohere|co[_.-]api", "[A-Za-z0-9]{40}", "cohere co_api",
            ["COHERE_API_KEY=«A40»", "co_api_key = \"«A40»\""],
            ["COHERE_MODEL=command-r-plus", "cohere_api_key: <key>"]) with { MinEntropy = 3.5 };
        yield return Named("deepseek-api-key", F, "DeepSeek API key", "deepseek", "sk-[a-f0-9]{32}", "deepseek",
            ["DEEPSEEK_API_KEY=sk-«h32»", "deepseek_key: \"sk-«h32»\""],
            ["DEEPSEEK_MODEL=deepseek-chat", "deepseek_api_key: sk-..."]);
        yield return Prefixed("elevenlabs-api-key", F, "ElevenLabs API key", "sk_[a-f0-9]{48}", "sk_",
            ["ELEVENLABS_API_KEY=sk_«h48»", "xi_api_key = 'sk_«h48»'"],
            ["sk_<key>", "sk_live_mode"]) with { MinEntropy = 3.0 };
    }

    private static IEnumerable<SecretRule> PackageRegistries()
    {
        const RuleFamily F = RuleFamily.PackageRegistry;
        yield return Prefixed("npm-access-token", F, "npm access token (CRC32 checked)", "npm_[A-Za-z0-9]{36}", "npm_",
            ["//registry.npmjs.org/:_authToken=npm_«GH»", "NPM_TOKEN=npm_«GH»"],
            ["NPM_TOKEN=npm_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "npm_config_registry=https://registry.npmjs.org/"]) with { Checksum = ChecksumKind.Npm };
        yield return R("npmrc-auth", F, "npm / yarn registry credential (_authToken, _auth, _password)",
            HotPatterns.NpmrcAuth, "_authtoken _auth _password npmauthtoken npmauthident",
            ["//npm.pkg.github.com/:_authToken=«A40»", "_auth = «B64:user:‹A16›»"],
            ["//registry.npmjs.org/:_authToken=${NPM_TOKEN}", "npmAuthToken: \"${NPM_AUTH_TOKEN}\""]) with
            {
                MinEntropy = 3.0, PathPattern = HotPatterns.NpmrcPath, SamplePath = ".npmrc",
            };
        yield return Prefixed("pypi-token", F, "PyPI upload token", "pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,1000}", "pypi-ageichlwas5vcmc",
            ["password = pypi-AgEIcHlwaS5vcmc«u120»", "PYPI_TOKEN=pypi-AgEIcHlwaS5vcmc«u80»"],
            ["password = pypi-AgEIcHlwaS5vcmc", "pypi-AgEIcHlwaS5vcmc<rest>"]);
        yield return Prefixed("testpypi-token", F, "TestPyPI upload token", "pypi-AgENdGVzdC5weXBpLm9yZw[A-Za-z0-9_-]{50,1000}", "pypi-agendgvzdc5wexbplm9yzw",
            ["password = pypi-AgENdGVzdC5weXBpLm9yZw«u120»", "TEST_PYPI_TOKEN=pypi-AgENdGVzdC5weXBpLm9yZw«u80»"],
            ["pypi-AgENdGVzdC5weXBpLm9yZw", "pypi-AgENdGVzdC5weXBpLm9yZw..."]);
        yield return Prefixed("nuget-api-key", F, "NuGet.org API key", "oy2[a-z0-9]{43}", "oy2",
            ["dotnet nuget push pkg.nupkg --api-key oy2«a43»", "NUGET_API_KEY=oy2«a43»"],
            ["oy2<key>", "oy2«a10»"]) with { MinEntropy = 3.3 };
        yield return R("nuget-config-password", F, "NuGet.Config clear-text password",
            @"(?i)<add\s+key=[""']ClearTextPassword[""']\s+value=[""'](?<secret>[^""']{4,500})[""']", "cleartextpassword",
            ["<add key=\"ClearTextPassword\" value=\"«A24»\" />", "      <add key='ClearTextPassword' value='«A16»'/>"],
            ["<add key=\"ClearTextPassword\" value=\"%NUGET_PASSWORD%\" />", "<add key=\"ClearTextPassword\" value=\"${NUGET_PW}\" />"]);
        yield return Prefixed("rubygems-api-key", F, "RubyGems API key", "rubygems_[a-f0-9]{48}", "rubygems_",
            [":rubygems_api_key: rubygems_«h48»", "GEM_HOST_API_KEY=rubygems_«h48»"],
            ["rubygems_api_key: ${GEM_KEY}", "rubygems_«h8»"]);
        yield return Prefixed("dockerhub-pat", F, "Docker Hub personal / org access token", "dckr_(?:pat|oat)_[A-Za-z0-9_-]{27,60}", "dckr_pat_ dckr_oat_",
            ["DOCKERHUB_TOKEN=dckr_pat_«u27»", "echo dckr_oat_«u32» | docker login -u org --password-stdin"],
            ["dckr_pat_<token>", "dckr_pat_«u5»"]) with { MinEntropy = 3.0 };
        yield return R("docker-config-auth", F, "Docker config.json auth (base64 user:password)",
            @"""auth""\s*:\s*""(?<secret>[A-Za-z0-9+/]{8,500}={0,2})""", "\"auth\"",
            ["    \"https://index.docker.io/v1/\": { \"auth\": \"«B64:deploy:‹A20›»\" }", "{\"auths\":{\"ghcr.io\":{\"auth\":\"«B64:bot:‹A32›»\"}}}"],
            ["\"auth\": \"\"", "\"auth\": \"«B64:justauser»\""]) with { Decode = DecodeKind.Base64, DecodedMustMatch = @"^[^:\s]*:\S{4,}$" };
        yield return R("kubernetes-dockerconfigjson", F, "Kubernetes .dockerconfigjson secret (base64 of a docker config with auth)",
            @"\.dockerconfigjson[""']?\s*:\s*[""']?(?<secret>[A-Za-z0-9+/]{20,20000}={0,2})", ".dockerconfigjson",
            ["  .dockerconfigjson: «B64:{\"auths\":{\"r.io\":{\"auth\":\"‹A24›\"}}}»", "\".dockerconfigjson\": \"«B64:{\"auths\":{\"ghcr.io\":{\"username\":\"u\",\"password\":\"‹A20›\"}}}»\""],
            ["  .dockerconfigjson: «B64:{\"auths\":{}}»", "type: kubernetes.io/dockerconfigjson"]) with { Decode = DecodeKind.Base64, DecodedMustMatch = @"""(?:auth|password|identitytoken)""\s*:\s*""[^""]{4,}""" };
        yield return Prefixed("artifactory-api-key", F, "JFrog Artifactory API key", "AKCp[A-Za-z0-9]{69}", "akcp",
            ["ARTIFACTORY_API_KEY=AKCp«A69»", "X-JFrog-Art-Api: AKCp«A69»"],
            ["AKCp<key>", "AKCp«A10»"]);
        yield return Prefixed("artifactory-reference-token", F, "JFrog Artifactory reference token", "cmVmdGtu[A-Za-z0-9]{56}", "cmvmdgtu",
            ["ARTIFACTORY_TOKEN=cmVmdGtu«A56»", "token: cmVmdGtu«A56»"],
            ["cmVmdGtu<token>", "cmVmdGtu«A10»"]);
        yield return Prefixed("crates-io-token", F, "crates.io API token", "cio[A-Za-z0-9]{32}", "cio",
            ["CARGO_REGISTRY_TOKEN=cio«A32»", "token = \"cio«A32»\""],
            ["precious = 1", "cio«A8»"]) with { MinEntropy = 3.5 };
        yield return Prefixed("jfrog-identity-token", F, "JFrog identity / access token (JWT-like)", "eyJ2ZXIiOiIy[A-Za-z0-9_-]{100,2000}\\.[A-Za-z0-9_-]{20,}\\.[A-Za-z0-9_-]{20,}", "eyj2zxiioiiy",
            ["JFROG_ACCESS_TOKEN=eyJ2ZXIiOiIy«u150».«u60».«u40»", "token: eyJ2ZXIiOiIy«u120».«u40».«u40»"],
            ["eyJ2ZXIiOiIy", "eyJ2ZXIiOiIy«u20»"]);
        yield return Prefixed("hex-pm-api-key", F, "Hex.pm API key", "hex_[a-f0-9]{32}", "hex_",
            ["HEX_API_KEY=hex_«h32»", "api_key: hex_«h32»"],
            ["hex_color = '#ffffff'", "hex_«h8»"]) with { MinEntropy = 3.0 };
    }
}
