namespace Handoff.Core.Secrets;

public static partial class BuiltInRules
{
    private static IEnumerable<SecretRule> AiProviders()
    {
        const RuleFamily F = RuleFamily.AiProvider;
        yield return Prefixed("openai-api-key", F, "OpenAI API key (T3BlbkFJ marker)", "sk-(?:(?:proj|svcacct|admin)-)?[A-Za-z0-9_-]{20,200}T3BlbkFJ[A-Za-z0-9_-]{20,200}", "t3blbkfj");
        yield return Prefixed("openai-project-key", F, "OpenAI project / service-account / admin key", "sk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,250}", "sk-proj- sk-svcacct- sk-admin-") with { MinEntropy = 3.5 };
        yield return Prefixed("anthropic-api-key", F, "Anthropic API key", "sk-ant-api03-[A-Za-z0-9_-]{80,120}AA", "sk-ant-api");
        yield return Prefixed("anthropic-admin-key", F, "Anthropic admin API key", "sk-ant-admin01-[A-Za-z0-9_-]{80,120}AA", "sk-ant-admin");
        yield return Prefixed("huggingface-token", F, "Hugging Face access token", "hf_[A-Za-z]{34}", "hf_") with { MinEntropy = 3.5 };
        yield return Prefixed("huggingface-org-token", F, "Hugging Face organization API token", "api_org_[A-Za-z]{34}", "api_org_") with { MinEntropy = 3.5 };
        yield return Prefixed("groq-api-key", F, "Groq API key", "gsk_[A-Za-z0-9]{52}", "gsk_");
        yield return Prefixed("replicate-api-token", F, "Replicate API token", "r8_[A-Za-z0-9]{37}", "r8_");
        yield return Prefixed("xai-api-key", F, "xAI (Grok) API key", "xai-[A-Za-z0-9]{80}", "xai-");
        yield return Prefixed("perplexity-api-key", F, "Perplexity API key", "pplx-[A-Za-z0-9]{48}", "pplx-");
        yield return Prefixed("devin-api-key", F, "Devin service-user key / personal access token (cog_)", "cog_[A-Za-z0-9_-]{24,200}", "cog_") with { MinEntropy = 3.3 };
        yield return Prefixed("devin-legacy-api-key", F, "Devin org service API key (apk_)", "apk_[A-Za-z0-9-]{24,200}", "apk_") with { MinEntropy = 3.3 };
        yield return Prefixed("devin-legacy-user-key", F, "Devin personal API key (apk_user_)", "apk_user_[A-Za-z0-9_-]{24,200}", "apk_user_") with { MinEntropy = 3.3 };
        yield return Prefixed("openrouter-api-key", F, "OpenRouter API key", "sk-or-v1-[a-f0-9]{64}", "sk-or-v1-");
        yield return Prefixed("langsmith-api-key", F, "LangSmith API key", "lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}", "lsv2_");
        yield return Prefixed("pinecone-api-key", F, "Pinecone API key", "pcsk_[A-Za-z0-9_]{50,100}", "pcsk_") with { MinEntropy = 3.5 };
        yield return Named("mistral-api-key", F, "Mistral AI API key", "mistral", "[A-Za-z0-9]{32}", "mistral") with { MinEntropy = 3.5 };
        yield return Named("cohere-api-key", F, "Cohere API key", "cohere|co[_.-]api", "[A-Za-z0-9]{40}", "cohere co_api") with { MinEntropy = 3.5 };
        yield return Named("deepseek-api-key", F, "DeepSeek API key", "deepseek", "sk-[a-f0-9]{32}", "deepseek");
        yield return Prefixed("elevenlabs-api-key", F, "ElevenLabs API key", "sk_[a-f0-9]{48}", "sk_") with { MinEntropy = 3.0 };
    }

    private static IEnumerable<SecretRule> PackageRegistries()
    {
        const RuleFamily F = RuleFamily.PackageRegistry;
        yield return Prefixed("npm-access-token", F, "npm access token (CRC32 checked)", "npm_[A-Za-z0-9]{36}", "npm_") with { Checksum = ChecksumKind.Npm, AllowRegexes = [] };
        yield return R("npmrc-auth", F, "npm / yarn registry credential (_authToken, _auth, _password)",
            HotPatterns.NpmrcAuth, "_authtoken _auth _password npmauthtoken npmauthident") with
            {
                MinEntropy = 3.0, PathPattern = HotPatterns.NpmrcPath,
            };
        yield return Prefixed("pypi-token", F, "PyPI upload token", "pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,1000}", "pypi-ageichlwas5vcmc");
        yield return Prefixed("testpypi-token", F, "TestPyPI upload token", "pypi-AgENdGVzdC5weXBpLm9yZw[A-Za-z0-9_-]{50,1000}", "pypi-agendgvzdc5wexbplm9yzw");
        yield return Prefixed("nuget-api-key", F, "NuGet.org API key", "oy2[a-z0-9]{43}", "oy2") with { MinEntropy = 3.3 };
        yield return R("nuget-config-password", F, "NuGet.Config clear-text password",
            @"(?i)<add\s+key=[""']ClearTextPassword[""']\s+value=[""'](?<secret>[^""']{4,500})[""']", "cleartextpassword");
        yield return Prefixed("rubygems-api-key", F, "RubyGems API key", "rubygems_[a-f0-9]{48}", "rubygems_");
        yield return Prefixed("dockerhub-pat", F, "Docker Hub personal / org access token", "dckr_(?:pat|oat)_[A-Za-z0-9_-]{27,60}", "dckr_pat_ dckr_oat_") with { MinEntropy = 3.0 };
        yield return R("docker-config-auth", F, "Docker config.json auth (base64 user:password)",
            @"""auth""\s*:\s*""(?<secret>[A-Za-z0-9+/]{8,500}={0,2})""", "\"auth\"") with { Decode = DecodeKind.Base64, DecodedMustMatch = @"^[^:\s]*:\S{4,}$" };
        yield return R("kubernetes-dockerconfigjson", F, "Kubernetes .dockerconfigjson secret (base64 of a docker config with auth)",
            @"\.dockerconfigjson[""']?\s*:\s*[""']?(?<secret>[A-Za-z0-9+/]{20,20000}={0,2})", ".dockerconfigjson") with { Decode = DecodeKind.Base64, DecodedMustMatch = @"""(?:auth|password|identitytoken)""\s*:\s*""[^""]{4,}""" };
        yield return Prefixed("artifactory-api-key", F, "JFrog Artifactory API key", "AKCp[A-Za-z0-9]{69}", "akcp");
        yield return Prefixed("artifactory-reference-token", F, "JFrog Artifactory reference token", "cmVmdGtu[A-Za-z0-9]{56}", "cmvmdgtu");
        yield return Prefixed("crates-io-token", F, "crates.io API token", "cio[A-Za-z0-9]{32}", "cio") with { MinEntropy = 3.5 };
        yield return Prefixed("jfrog-identity-token", F, "JFrog identity / access token (JWT-like)", "eyJ2ZXIiOiIy[A-Za-z0-9_-]{100,2000}\\.[A-Za-z0-9_-]{20,}\\.[A-Za-z0-9_-]{20,}", "eyj2zxiioiiy");
        yield return Prefixed("hex-pm-api-key", F, "Hex.pm API key", "hex_[a-f0-9]{32}", "hex_") with { MinEntropy = 3.0 };
    }
}
