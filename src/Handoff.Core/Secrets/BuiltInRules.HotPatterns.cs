namespace Handoff.Core.Secrets;

public static partial class BuiltInRules
{
    /// <summary>
    /// The patterns of the rules whose keywords are common in ordinary code ("key", "token", "pass", "env"...), so a
    /// scan runs them far more than any other. They are constants so <see cref="PrecompiledRegexes"/> can
    /// source-generate them: Native AOT has no runtime regex compiler, and the interpreter made them the main cost.
    /// </summary>
    internal static class HotPatterns
    {
        public const string GenericPassword = @"(?i)(?<name>(?:passw(?:or)?d|passphrase|pwd|pass(?![a-z]))" + GenericTail;
        public const string GenericSecret = @"(?i)(?<name>(?:secret)" + GenericTail;
        public const string GenericToken = @"(?i)(?<name>(?:token)" + GenericTail;
        public const string GenericApiKey =
            @"(?i)(?<name>(?:(?<![a-z])key|(?<=api|access|auth|secret|master|signing|encryption|private|app)key|(?-i:(?<=[a-z])Key)|credentials?|creds)" + GenericTail;

        // not after "-": "--next-token <value>" is a CLI flag (cli-password-flag's business), not an authorization header
        public const string BearerToken = @"(?i)(?<![\w-])(?:bearer|token)\s+(?<secret>[A-Za-z0-9_\-.=+/~]{12,2000})";
        public const string DockerfileEnvSecret =
            @"(?i)^\s*(?:ENV|ARG)\s+(?<name>\w*(?:PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY)\w*)(?:\s+|\s*=\s*)[""']?(?<secret>[^\s""'$]{8,500})";
        public const string XmlAttributeSecret =
            @"(?i)key\s*=\s*[""'](?<name>[\w:.-]*(?:password|pwd|secret|token|apikey|api_key|accesskey))[""']\s+value\s*=\s*[""'](?<secret>[^""']{8,2000})[""']";
        public const string NetrcPassword = @"(?i)(?:^|\s)password\s+(?<secret>\S{4,500})";
        public const string NetrcPath = @"(?:^|/)[._]?netrc$";
        public const string NpmrcAuth =
            @"(?i)(?:_authToken|_auth|_password|npmAuthToken|npmAuthIdent)[""']?\s{0,5}[=:]\s{0,5}[""']?(?<secret>[^\s""'${}]{8,2000})";
        public const string NpmrcPath = @"(?:^|/)\.(?:npmrc|yarnrc(?:\.yml)?)$";
        public const string DotenvContentPath = PathPatterns.DotenvContent; // the .env-style value rules' path
        public const string GitHubLegacyToken =
            @"(?i)(?:github[\w.-]{0,20}(?:token|key|secret|pat|password)|gh[_.-](?:token|pat))[\w.-]{0,30}" + Assign + @"(?<secret>(?-i:[a-f0-9]{40}))(?![\w-])";

        // Vault's legacy "s." tokens assigned to a vault or token name. "token" is in one line of code in fifteen, so the
        // match starts at "s." (found by a vectorized search) and looks back for the name, instead of starting at each "token".
        public const string VaultLegacyToken =
            @"(?<secret>s\.[A-Za-z0-9]{24})(?<=(?i:vault|token)[\w.-]{0,30}" + Assign + @"s\.[A-Za-z0-9]{24})(?![\w.-])";

        /// <summary>Keyword-anchored rules are also run as <c>\G</c> + pattern at each keyword occurrence.</summary>
        public const string Anchor = @"\G";
    }

    /// <summary>Path-rule file patterns: every file of a scan is tested against each of them.</summary>
    internal static class PathPatterns
    {
        public const string Dotenv = @"(?:^|/)\.env(?:\.[^/]*)?$";
        public const string SshPrivateKey = @"(?:^|/)id_(?:rsa|dsa|ecdsa|ed25519|ecdsa_sk|ed25519_sk)(?:[._-][^/]*)?$";
        public const string PrivateKeyFile = @"\.(?:key|ppk|pvk|p8)$";
        public const string PemPrivateKey = @"\.(?:pem|crt|cer)$";
        public const string Keystore = @"\.(?:p12|pfx|jks|keystore|bks|jceks)$";
        public const string Npmrc = HotPatterns.NpmrcPath; // also the npmrc-auth rule's path
        public const string Pypirc = @"(?:^|/)\.pypirc$";
        public const string Netrc = @"(?:^|/)[._]netrc$";
        public const string GitCredentials = @"(?:^|/)\.git-credentials$";
        public const string DockerConfig = @"(?:^|/)\.docker/config\.json$";
        public const string Json = @"\.json$";
        public const string Kubeconfig = @"(?:^|/)(?:kubeconfig[^/]*|\.kube/config|[^/]*\.kubeconfig)$";
        public const string TerraformState = @"(?:^|/)[^/]*\.tfstate(?:\.backup)?$";
        public const string CredentialsFile =
            @"(?:^|/)(?:\.aws/credentials|\.azure/accessTokens\.json|\.config/gcloud/(?:credentials\.db|access_tokens\.db|application_default_credentials\.json)|\.boto|\.s3cfg)$";
        public const string Htpasswd = @"(?:^|/)\.htpasswd$";
        public const string DotenvContent = @"(?:^|/)(?![^/]*\.(?:example|sample|template|dist|defaults?|schema)(?:\.|$))(?:\.env(?:\.[\w.-]+)?|[\w.-]+\.env|\.envrc|\.flaskenv)$";
    }
}
