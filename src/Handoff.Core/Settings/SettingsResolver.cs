using Handoff.Core.Abstractions;

namespace Handoff.Core.Settings;

/// <summary>One setting and where its value came from (for `doctor` and error messages).</summary>
public sealed record Setting(string? Value, string Source)
{
    public static readonly Setting Unset = new(null, "unset");
}

/// <summary>
/// Resolves settings in one place with a fixed precedence:
/// command-line flag &gt; environment variable &gt; git config (devin-handoff.KEY) &gt; default.
/// The API key is the exception: environment, then the credential store; never a flag, never git config.
/// </summary>
public sealed class SettingsResolver(IEnvironment environment, IGitConfigReader gitConfig, ICredentialStore? credentials = null)
{
    public Setting Resolve(string? flagValue, string? envName, string? gitConfigKey, string? defaultValue = null)
    {
        if (!string.IsNullOrWhiteSpace(flagValue)) return new(flagValue, "flag");
        if (envName is not null && environment.Get(envName) is { } env && !string.IsNullOrWhiteSpace(env))
            return new(env.Trim(), envName);
        if (gitConfigKey is not null && gitConfig.Get("devin-handoff." + gitConfigKey) is { } cfg)
            return new(cfg.Trim(), "git config devin-handoff." + gitConfigKey);
        return defaultValue is null ? Setting.Unset : new(defaultValue, "default");
    }

    public Setting ApiUrl(string? flag) => Resolve(flag, "DEVIN_API_URL", "apiUrl", Devin.DevinConnection.DefaultApiUrl);
    public Setting OrgId(string? flag) => Resolve(flag, "DEVIN_ORG_ID", "orgId");
    public Setting UserId(string? flag) => Resolve(flag, "DEVIN_USER_ID", "userId");

    // The repository-wide handoff settings, for every front end (create, batch, the MCP server).

    /// <summary>The remote to read: flag, else git config devin-handoff.remote (unset: the inspector chooses).</summary>
    public string? Remote(string? flag) => Resolve(flag, null, "remote").Value;

    /// <summary>The prompt budget: flag, else DEVIN_HANDOFF_MAX_BYTES, else git config devin-handoff.maxBytes, else 200 KB.</summary>
    /// <param name="name">How the front end calls the flag, for the error message.</param>
    public long MaxBytes(string? flag, string name) =>
        ByteSize.Parse(Resolve(flag, "DEVIN_HANDOFF_MAX_BYTES", "maxBytes").Value, Handoffs.HandoffOptions.DefaultMaxBytes, name);

    /// <summary>Redact instead of withholding: the flag, else git config devin-handoff.redact.</summary>
    public bool Redact(bool flag) => flag || GetBool(null, "redact", false);

    /// <summary>The API key: DEVIN_API_KEY, then the git credential store for the API host.</summary>
    public async Task<Setting> ApiKey(string apiUrl, CancellationToken cancellationToken = default)
    {
        if (environment.Get("DEVIN_API_KEY") is { } key && !string.IsNullOrWhiteSpace(key))
            return new(key.Trim(), "DEVIN_API_KEY");
        if (credentials is not null && await credentials.Get(apiUrl, cancellationToken) is { } stored)
            return new(stored, "git credential store");
        return Setting.Unset;
    }

    public bool GetBool(string? envName, string gitConfigKey, bool defaultValue)
    {
        var value = Resolve(null, envName, gitConfigKey).Value;
        return value is null ? defaultValue : value.Trim().ToLowerInvariant() is "1" or "true" or "yes" or "on";
    }
}
