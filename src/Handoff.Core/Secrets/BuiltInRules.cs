namespace Handoff.Core.Secrets;

/// <summary>
/// The built-in rule catalog. Order matters: when two rules find the same secret, the earlier one is
/// reported, and generic rules always yield to specific ones.
/// </summary>
public static partial class BuiltInRules
{
    private static readonly Lazy<IReadOnlyList<SecretRule>> AllRules = new(() =>
        Cloud().Concat(SourceHosts()).Concat(Chat()).Concat(Payments()).Concat(AiProviders())
            .Concat(PackageRegistries()).Concat(Saas()).Concat(PrivateKeys()).Concat(CryptoKeys()).Concat(Jwts())
            .Concat(ConnectionStrings()).Concat(Contexts()).Concat(Generics()).Concat(KeywordFreeValues()).ToList());

    public static IReadOnlyList<SecretRule> Content => AllRules.Value;

    /// <summary>Files that are secrets by nature. Public keys and certificates are not.</summary>
    public static IReadOnlyList<PathRule> Paths { get; } =
    [
        new() { Id = "path-dotenv", Description = ".env file", PathRegex = PathPatterns.Dotenv, ExceptPathRegex = @"\.(?:example|sample|template|dist|defaults?|schema)$|\.env\.(?:example|sample|template)\." },
        new() { Id = "path-ssh-private-key", Description = "SSH private key file", PathRegex = PathPatterns.SshPrivateKey, ExceptPathRegex = @"\.pub$" },
        new() { Id = "path-private-key-file", Description = "private key file (*.key, *.ppk, *.pem holding a private key)", PathRegex = PathPatterns.PrivateKeyFile, ExceptPathRegex = @"(?:\.pub\.key|public\.key|\.pubkey)$" },
        new() { Id = "path-pem-private-key", Description = "PEM file holding a private key", PathRegex = PathPatterns.PemPrivateKey, ContentRegex = @"PRIVATE KEY-----" },
        new() { Id = "path-keystore", Description = "keystore / PKCS#12 file", PathRegex = PathPatterns.Keystore, ContentCheck = KeystoreShape.MayBeKeystore },
        new() { Id = "path-npmrc", Description = ".npmrc / .yarnrc holding a registry credential", PathRegex = PathPatterns.Npmrc, ContentRegex = @"(?i)(?:_authToken|_auth|_password|npmAuthToken|npmAuthIdent)\s*[=:]\s*[""']?[^\s""'$]" },
        new() { Id = "path-pypirc", Description = ".pypirc holding a password", PathRegex = PathPatterns.Pypirc, ContentRegex = @"(?im)^\s*password\s*[=:]\s*\S" },
        new() { Id = "path-netrc", Description = ".netrc holding a password", PathRegex = PathPatterns.Netrc, ContentRegex = @"(?i)\bpassword\s+\S" },
        new() { Id = "path-git-credentials", Description = ".git-credentials", PathRegex = PathPatterns.GitCredentials },
        new() { Id = "path-docker-config", Description = "docker config.json holding auths", PathRegex = PathPatterns.DockerConfig, ContentRegex = @"""(?:auth|identitytoken|password)""\s*:\s*""[^""]" },
        new() { Id = "path-gcp-service-account", Description = "GCP service-account key JSON", PathRegex = PathPatterns.Json, ContentRegex = @"""type""\s*:\s*""service_account""[\s\S]*""private_key""|""private_key""[\s\S]*""type""\s*:\s*""service_account""" },
        new() { Id = "path-kubeconfig", Description = "kubeconfig holding credentials", PathRegex = PathPatterns.Kubeconfig, ContentRegex = @"(?m)^\s*(?:token|client-key-data|password|auth-provider)\s*:\s*\S" },
        new() { Id = "path-terraform-state", Description = "Terraform state", PathRegex = PathPatterns.TerraformState },
        new() { Id = "path-credentials-file", Description = "cloud CLI credentials file", PathRegex = PathPatterns.CredentialsFile },
        new() { Id = "path-htpasswd", Description = "htpasswd file", PathRegex = PathPatterns.Htpasswd },
    ];
}
