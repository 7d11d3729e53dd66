using System.Text;
using CliWrap;
using CliWrap.Buffered;

namespace Handoff.Core.Abstractions;

public sealed class CliWrapProcessRunner : IProcessRunner
{
    public async Task<ProcessResult> Run(
        string program,
        IReadOnlyList<string> arguments,
        string workingDirectory,
        string? standardInput = null,
        IReadOnlyDictionary<string, string?>? environment = null,
        CancellationToken cancellationToken = default)
    {
        var command = Cli.Wrap(program)
            .WithArguments(arguments)
            .WithWorkingDirectory(workingDirectory)
            .WithValidation(CommandResultValidation.None);
        if (standardInput is not null)
            command = command.WithStandardInputPipe(PipeSource.FromString(standardInput, Encoding.UTF8));
        if (environment is not null)
            command = command.WithEnvironmentVariables(environment);
        try
        {
            var result = await command.ExecuteBufferedAsync(Encoding.UTF8, cancellationToken);
            return new ProcessResult(result.ExitCode, result.StandardOutput, result.StandardError);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new HandoffException($"could not run '{program}': {e.Message}", ExitCodes.Error, e);
        }
    }
}
