using Handoff.Core;
using Handoff.Core.Abstractions;
using Handoff.Core.Devin;
using Handoff.Core.Git;
using Handoff.Core.Handoffs;
using Handoff.Core.Inspection;
using Handoff.Core.Prompting;
using Handoff.Core.Secrets;
using Handoff.Core.Output;
using Handoff.Core.Settings;

namespace Handoff.Cli;

/// <summary>Every outside effect a command may use, so tests can replace any of them.</summary>
public sealed class AppServices
{
    public required IConsole Console { get; init; }
    public required IEnvironment Environment { get; init; }
    public required IClock Clock { get; init; }
    public required IProcessRunner Processes { get; init; }

    /// <summary>Git config reader for a start folder (the repository's config, else global).</summary>
    public Func<string, IGitConfigReader> GitConfig { get; init; } = dir => new LibGit2ConfigReader(dir);

    /// <summary>Reads a secret from the terminal without echo (only called when stdin is a TTY).</summary>
    public Func<string, string?> ReadSecret { get; init; } = HiddenPrompt.Read;

    /// <summary>Path of this program, for the git alias and hooks.</summary>
    public string? ExecutablePath { get; init; }

    public Func<IRepoInspector> Inspector { get; init; } = () => new RepoInspector();
    public Func<IPromptComposer> Composer { get; init; } = () => new PromptComposer();

    /// <summary>The secret scanner for a repository (its ignore file and config live in the work tree).</summary>
    public Func<string?, ISecretScanner> Scanner { get; init; } = workTree => new SecretScanner(new FileSecretConfigLoader(), workTree);

    /// <summary>Builds the API client for a resolved connection. Tests swap in a fake.</summary>
    public Func<DevinConnection, AppServices, IDevinClient> ClientFactory { get; init; } = DefaultClientFactory;

    private static readonly Func<DevinConnection, AppServices, IDevinClient> DefaultClientFactory =
        (connection, services) => Handoff.Core.Devin.DevinClient.Create(connection, services.Environment, services.Console.Error);

    public HandoffPreparer Preparer() =>
        // The scanner loads the repository's secrets config when Filter sees the snapshot, before task and context are redacted.
        new(Inspector(), Scanner(null), Composer(),
            TraceEnabled ? message => Console.Error.WriteLine("[devin-handoff trace] " + message) : null);

    public GitCli Git() => new(Processes);

    /// <summary>
    /// Resolves the connection (flags &gt; environment &gt; git config &gt; default) and builds the client.
    /// Exit 4 when no key is found.
    /// </summary>
    /// <param name="gate">Shared by the concurrent calls of a fan-out so a 429 slows them all (real client only).</param>
    public async Task<IDevinClient> DevinClient(ApiFlags flags, string startDirectory, CancellationToken cancellationToken, ThrottleGate? gate = null)
    {
        var settings = Settings(startDirectory);
        var apiUrlSetting = settings.ApiUrl(flags.ApiUrl);
        var apiUrl = apiUrlSetting.Value!;
        DevinConnection.ParseApiUrl(apiUrl, apiUrlSetting.Source == "flag" ? "--api-url" : apiUrlSetting.Source); // exit 4 before the key is even read
        var key = await settings.ApiKey(apiUrl, cancellationToken);
        if (key.Value is null)
            throw new HandoffException(
                "DEVIN_API_KEY is not set: export it or run 'devin-handoff auth login' (keys: https://app.devin.ai/settings/api-keys); --dry-run needs none",
                ExitCodes.AuthOrConfig);
        var connection = new DevinConnection
        {
            ApiKey = key.Value,
            ApiUrl = apiUrl,
            OrgId = settings.OrgId(flags.OrgId).Value,
            UserId = settings.UserId(flags.UserId).Value,
        };
        if (gate is not null && ClientFactory == DefaultClientFactory)
            return new Handoff.Core.Devin.DevinClient(connection,
                DevinClientOptions.FromEnvironment(Environment, Console.Error) with { ConfigureMessageHandler = gate.Wrap });
        return ClientFactory(connection, this);
    }

    public bool TraceEnabled => Environment.Get("DEVIN_HANDOFF_TRACE") is "1" or "true";

    public SettingsResolver Settings(string? startDirectory = null) =>
        new(Environment, GitConfig(startDirectory ?? Environment.CurrentDirectory), Credentials());

    /// <summary>Where `auth login` keeps the key; default: the user's git credential helpers.</summary>
    public IWritableCredentialStore? CredentialStore { get; init; }

    public IWritableCredentialStore Credentials() => CredentialStore ?? new GitCredentialStore(Processes, Environment);

    public static AppServices CreateDefault() => new()
    {
        Console = new SystemConsole(),
        Environment = new SystemEnvironment(),
        Clock = new SystemClock(),
        Processes = new CliWrapProcessRunner(),
        ExecutablePath = System.Environment.ProcessPath,
    };
}
