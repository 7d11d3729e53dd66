using System.Text;
using Handoff.Core.Abstractions;

namespace Handoff.Core.Settings;

/// <summary>
/// Keeps the API key in the user's git credential helpers (osxkeychain, libsecret, manager, store …) through
/// <c>git credential fill|approve|reject</c>, like any other credential for the API host. The key travels
/// only on git's stdin, never on argv. Lookups never prompt: terminal prompts, askpass programs and
/// credential-manager dialogs are all switched off.
/// </summary>
public sealed class GitCredentialStore(IProcessRunner processes, IEnvironment environment) : IWritableCredentialStore
{
    /// <summary>The username the key is stored under, so it never collides with a real account.</summary>
    public const string UserName = "devin-api-key";

    public async Task<string?> Get(string apiUrl, CancellationToken cancellationToken)
    {
        var target = CredentialTarget.From(apiUrl);
        if (target is null) return null;
        var result = await RunGit("fill", target.Describe(UserName), cancellationToken);
        if (result is not { ExitCode: 0 }) return null;
        var fields = Parse(result.StandardOutput);
        // A helper may answer for the host with another account's password: only ours is the key.
        if (fields.TryGetValue("username", out var user) && user != UserName) return null;
        return fields.TryGetValue("password", out var password) && !string.IsNullOrWhiteSpace(password) ? password.Trim() : null;
    }

    public async Task Store(string apiUrl, string apiKey, CancellationToken cancellationToken)
    {
        var target = CredentialTarget.From(apiUrl)
            ?? throw new HandoffException($"DEVIN_API_URL '{apiUrl}' is not an absolute http(s) URL", ExitCodes.AuthOrConfig);
        if (apiKey.Contains('\n') || apiKey.Contains('\0'))
            throw new HandoffException("the key contains a line break; paste only the key", ExitCodes.Usage);
        var result = await RunGit("approve", target.Describe(UserName) + $"password={apiKey}\n", cancellationToken);
        if (result is not { ExitCode: 0 })
            throw new HandoffException($"git credential approve failed: {FirstLine(result?.StandardError)}", ExitCodes.AuthOrConfig);
    }

    public async Task Erase(string apiUrl, CancellationToken cancellationToken)
    {
        var target = CredentialTarget.From(apiUrl)
            ?? throw new HandoffException($"DEVIN_API_URL '{apiUrl}' is not an absolute http(s) URL", ExitCodes.AuthOrConfig);
        var result = await RunGit("reject", target.Describe(UserName), cancellationToken);
        if (result is not { ExitCode: 0 })
            throw new HandoffException($"git credential reject failed: {FirstLine(result?.StandardError)}", ExitCodes.AuthOrConfig);
    }

    private async Task<ProcessResult?> RunGit(string verb, string input, CancellationToken cancellationToken)
    {
        try
        {
            // core.askPass= and the empty variables stop git from starting a password dialog; GCM_INTERACTIVE
            // does the same for Git Credential Manager. A helper that has nothing simply makes fill fail.
            return await processes.Run("git", ["-c", "core.askPass=", "credential", verb], WorkingDirectory(),
                input + "\n", NonInteractive, cancellationToken);
        }
        catch (HandoffException)
        {
            return null; // git is not installed: there is no credential store
        }
    }

    private static readonly IReadOnlyDictionary<string, string?> NonInteractive = new Dictionary<string, string?>
    {
        ["GIT_TERMINAL_PROMPT"] = "0",
        ["GIT_ASKPASS"] = null,
        ["SSH_ASKPASS"] = null,
        ["GCM_INTERACTIVE"] = "never",
        ["GIT_TRACE"] = null,
        ["GIT_TRACE_CURL"] = null,
    };

    private string WorkingDirectory()
    {
        var cwd = environment.CurrentDirectory;
        return Directory.Exists(cwd) ? cwd : environment.HomeDirectory;
    }

    internal static Dictionary<string, string> Parse(string output)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in output.ReplaceLineEndings("\n").Split('\n'))
        {
            var eq = line.IndexOf('=');
            if (eq > 0) fields[line[..eq]] = line[(eq + 1)..];
        }
        return fields;
    }

    private static string FirstLine(string? text) =>
        text?.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() ?? "no output";
}

/// <summary>A credential store that `auth login` can write to and `auth logout` can erase from.</summary>
public interface IWritableCredentialStore : ICredentialStore
{
    Task Store(string apiUrl, string apiKey, CancellationToken cancellationToken);
    Task Erase(string apiUrl, CancellationToken cancellationToken);
}

/// <summary>The protocol and host (with a non-default port) git's credential helpers key a credential by.</summary>
public sealed record CredentialTarget(string Protocol, string Host)
{
    public static CredentialTarget? From(string apiUrl)
    {
        if (!Uri.TryCreate(apiUrl?.Trim(), UriKind.Absolute, out var uri)) return null;
        if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) return null;
        var host = uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}";
        return new CredentialTarget(uri.Scheme, host);
    }

    public string Describe(string userName)
    {
        var text = new StringBuilder();
        text.Append("protocol=").Append(Protocol).Append('\n');
        text.Append("host=").Append(Host).Append('\n');
        text.Append("username=").Append(userName).Append('\n');
        return text.ToString();
    }
}
