using System.Text;
using CliWrap;

namespace Handoff.Core.Inspection.Diffing;

/// <summary>
/// Runs the user's own git with its standard output read as bytes while git writes it (so a diff of any size is
/// never held whole), synchronously: Inspect is synchronous. The reader may stop early; git is then ended.
/// </summary>
internal sealed class GitProcess(string workingDirectory, IReadOnlyDictionary<string, string?> environment)
{
    private const int MaxStandardError = 64 * 1024;

    public sealed record Result(int ExitCode, string FirstErrorLine);

    /// <param name="readOutput">reads git's stdout; returns false when it stopped before the end.</param>
    /// <param name="check">throw when git fails (unless the reader stopped early).</param>
    /// <exception cref="HandoffException">git could not be started, or failed (exit 1, git's first error line).</exception>
    public Result Run(IReadOnlyList<string> arguments, string? standardInput, Func<Stream, bool> readOutput, bool check = true)
    {
        var stderr = new StringBuilder();
        var complete = true;
        var command = Cli.Wrap("git")
            .WithArguments(arguments)
            .WithWorkingDirectory(workingDirectory)
            .WithEnvironmentVariables(environment)
            .WithValidation(CommandResultValidation.None)
            .WithStandardOutputPipe(PipeTarget.Create((stream, _) =>
            {
                complete = readOutput(stream);
                return Task.CompletedTask; // returning closes the pipe: a git still writing ends with SIGPIPE
            }))
            .WithStandardErrorPipe(PipeTarget.Create(async (stream, token) =>
            {
                using var reader = new StreamReader(stream, Encoding.UTF8);
                var block = new char[4096];
                int read;
                while ((read = await reader.ReadAsync(block, token)) > 0)
                    if (stderr.Length < MaxStandardError) stderr.Append(block, 0, read);
            }));
        if (standardInput is not null)
            command = command.WithStandardInputPipe(PipeSource.FromString(standardInput, new UTF8Encoding(false)));

        int exitCode;
        try
        {
            exitCode = command.ExecuteAsync().Task.GetAwaiter().GetResult().ExitCode;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new HandoffException($"could not run git ({e.Message}); devin-handoff needs git on PATH", ExitCodes.Error, e);
        }
        var error = FirstErrorLine(stderr.ToString(), exitCode);
        if (check && complete && exitCode != 0)
            throw new HandoffException($"git {arguments.FirstOrDefault(a => !a.StartsWith('-') && !a.Contains('='))} failed: {error}", ExitCodes.Error);
        return new Result(exitCode, error);
    }

    /// <summary>Runs git for its effect; its output is discarded.</summary>
    public Result Run(IReadOnlyList<string> arguments, bool check = true) =>
        Run(arguments, null, stream => { stream.CopyTo(Stream.Null); return true; }, check);

    private static string FirstErrorLine(string stderr, int exitCode)
    {
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var line = lines.FirstOrDefault(l => l.StartsWith("fatal:", StringComparison.Ordinal) || l.StartsWith("error:", StringComparison.Ordinal))
                   ?? lines.FirstOrDefault() ?? $"exit code {exitCode}";
        return line.Length > 300 ? line[..300] + "..." : line;
    }
}
