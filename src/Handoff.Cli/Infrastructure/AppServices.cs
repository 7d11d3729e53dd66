using Handoff.Core.Abstractions;
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

    /// <summary>Path of this program, for the git alias and hooks.</summary>
    public string? ExecutablePath { get; init; }

    public bool TraceEnabled => Environment.Get("DEVIN_HANDOFF_TRACE") is "1" or "true";

    public SettingsResolver Settings(string? startDirectory = null) =>
        new(Environment, GitConfig(startDirectory ?? Environment.CurrentDirectory));

    public static AppServices CreateDefault() => new()
    {
        Console = new SystemConsole(),
        Environment = new SystemEnvironment(),
        Clock = new SystemClock(),
        Processes = new CliWrapProcessRunner(),
        ExecutablePath = System.Environment.ProcessPath,
    };
}
