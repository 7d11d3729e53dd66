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

    public Task<ProcessResult> RunStreaming(
        string program,
        IReadOnlyList<string> arguments,
        string workingDirectory,
        Action<TextReader> readOutput,
        string? standardInput = null,
        CancellationToken cancellationToken = default) =>
        RunBinaryStreaming(program, arguments, workingDirectory, stream =>
        {
            using var reader = new StreamReader(stream, new UTF8Encoding(false), false, 1 << 16, leaveOpen: true);
            readOutput(reader);
        }, standardInput, cancellationToken);

    public async Task<ProcessResult> RunBinaryStreaming(
        string program,
        IReadOnlyList<string> arguments,
        string workingDirectory,
        Action<Stream> readOutput,
        string? standardInput = null,
        CancellationToken cancellationToken = default)
    {
        var stderr = new StringBuilder();
        var command = Cli.Wrap(program)
            .WithArguments(arguments)
            .WithWorkingDirectory(workingDirectory)
            .WithValidation(CommandResultValidation.None)
            .WithStandardOutputPipe(PipeTarget.Create(async (stream, token) =>
            {
                readOutput(stream);
                await stream.CopyToAsync(Stream.Null, token); // what the reader left: drained, so the program never blocks
            }))
            .WithStandardErrorPipe(PipeTarget.Create(async (stream, token) =>
            {
                // Keep the first 64 KB of stderr for the error message; drain the rest so the program never blocks.
                using var reader = new StreamReader(stream, Encoding.UTF8);
                var block = new char[4096];
                int read;
                while ((read = await reader.ReadAsync(block, token)) > 0)
                    if (stderr.Length < 65536) stderr.Append(block, 0, read);
            }));
        if (standardInput is not null)
            command = command.WithStandardInputPipe(PipeSource.FromString(standardInput, Encoding.UTF8));
        try
        {
            var result = await command.ExecuteAsync(cancellationToken);
            return new ProcessResult(result.ExitCode, "", stderr.ToString());
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new HandoffException($"could not run '{program}': {e.Message}", ExitCodes.Error, e);
        }
    }
}
