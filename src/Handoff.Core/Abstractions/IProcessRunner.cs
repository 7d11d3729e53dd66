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

    /// <summary>
    /// Runs a program and hands its standard output to <paramref name="readOutput"/> as it is produced, so output of
    /// any size is never held in memory (git log -p over thousands of commits). The result's StandardOutput is empty.
    /// This default buffers (fine for test fakes); <see cref="CliWrapProcessRunner"/> streams.
    /// </summary>
    async Task<ProcessResult> RunStreaming(
        string program,
        IReadOnlyList<string> arguments,
        string workingDirectory,
        Action<TextReader> readOutput,
        string? standardInput = null,
        CancellationToken cancellationToken = default)
    {
        var result = await Run(program, arguments, workingDirectory, standardInput, null, cancellationToken);
        readOutput(new StringReader(result.StandardOutput));
        return result with { StandardOutput = "" };
    }

    /// <summary>
    /// As <see cref="RunStreaming"/>, with standard output as bytes (git cat-file blob). This default buffers and takes
    /// the output text as Latin-1 (a test fake can give any bytes that way); <see cref="CliWrapProcessRunner"/> streams.
    /// </summary>
    async Task<ProcessResult> RunBinaryStreaming(
        string program,
        IReadOnlyList<string> arguments,
        string workingDirectory,
        Action<Stream> readOutput,
        string? standardInput = null,
        CancellationToken cancellationToken = default)
    {
        var result = await Run(program, arguments, workingDirectory, standardInput, null, cancellationToken);
        readOutput(new MemoryStream(System.Text.Encoding.Latin1.GetBytes(result.StandardOutput)));
        return result with { StandardOutput = "" };
    }
}
