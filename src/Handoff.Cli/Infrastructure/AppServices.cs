using Handoff.Cli.Output;
using Handoff.Core.Abstractions;
using Handoff.Core.Devin;
using Handoff.Core.Git;
using Handoff.Core.Handoffs;
using Handoff.Core.Inspection;
using Handoff.Core.Prompting;
using Handoff.Core.Secrets;
using Handoff.Core.Settings;

namespace Handoff.Cli;

/// <summary>
/// The outside world of one run (console, environment, clock, processes, credential store, API clients) and the
/// Core services built over it. Tests build one with a buffer console, a fixed environment and their own stores.
/// </summary>
public sealed class AppServices
{
    public required IConsole Console { get; init; }
    public required IEnvironment Environment { get; init; }
    public required IClock Clock { get; init; }
    public required IProcessRunner Processes { get; init; }

    /// <summary>Path of this program, for the git alias and hooks.</summary>
    public string? ExecutablePath { get; init; }

    /// <summary>Where `auth login` keeps the key; default: the user's git credential helpers.</summary>
    public IWritableCredentialStore? CredentialStore { get; init; }

    /// <summary>
    /// Builds every API client. It always receives the options this run chose (tracing, a batch's shared throttle
    /// gate), so a replacement, e.g. a test's, keeps them.
    /// </summary>
    public Func<DevinConnection, DevinClientOptions, IDevinClient> ClientFactory { get; init; } = (connection, options) => new DevinClient(connection, options);

    public bool TraceEnabled => TraceSwitch.IsOn(Environment);

    /// <summary>The secret scanner of every command that scans (create, batch, scan, hook pre-push); its config comes from <paramref name="workTree"/>.</summary>
    /// <param name="workTree">The repository's work tree; null: loaded when the scanner first sees a snapshot.</param>
    public SecretScanner Scanner(string? workTree) => new SecretScanner(new FileSecretConfigLoader(), workTree);

    public IRepoInspector Inspector() => new RepoInspector();

    public HandoffPreparer Preparer() =>
        // The scanner loads the repository's secrets config when Filter sees the snapshot, before task and context are redacted.
        new(Inspector(), Scanner(null), new PromptComposer(),
            TraceEnabled ? message => Console.Error.WriteLine("[devin-handoff trace] " + message) : null);

    public GitCli Git() => new(Processes);

    /// <summary>The global, XDG and system git config files of this run's environment.</summary>
    public GitConfigFiles GitConfigFiles => GitConfigFiles.From(Environment);

    public SettingsResolver Settings(string? startDirectory = null) =>
        new(Environment, new LibGit2ConfigReader(startDirectory ?? Environment.CurrentDirectory, GitConfigFiles), Credentials());

    public IWritableCredentialStore Credentials() => CredentialStore ?? new GitCredentialStore(Processes, Environment);

    /// <summary>The client options of this run: tracing to stderr when DEVIN_HANDOFF_TRACE is on.</summary>
    public DevinClientOptions ClientOptions() => DevinClientOptions.FromEnvironment(Environment, Console.Error);

    /// <summary>Resolves connections (flags &gt; environment &gt; git config &gt; default) and opens clients for them.</summary>
    public DevinConnector Connector(ConnectionOverrides overrides, string? startDirectory = null) =>
        new(Settings(startDirectory), overrides, ClientOptions(), ClientFactory);

    /// <summary>A client for an already resolved connection (auth login checks a key before storing it).</summary>
    public IDevinClient CreateClient(DevinConnection connection) => ClientFactory(connection, ClientOptions());

    public static AppServices CreateDefault() => new()
    {
        Console = new SystemConsole(),
        Environment = new SystemEnvironment(),
        Clock = new SystemClock(),
        Processes = new CliWrapProcessRunner(),
        ExecutablePath = System.Environment.ProcessPath,
    };
}
