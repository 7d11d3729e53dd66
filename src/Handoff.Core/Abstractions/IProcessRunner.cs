namespace Handoff.Core.Abstractions;

public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError);

/// <summary>Runs an outside program (git, mostly). Arguments are passed as a list, never through a shell.</summary>
public interface IProcessRunner
{
    Task<ProcessResult> Run(
        string program,
        IReadOnlyList<string> arguments,
        string workingDirectory,
        string? standardInput = null,
        IReadOnlyDictionary<string, string?>? environment = null,
        CancellationToken cancellationToken = default);
}
