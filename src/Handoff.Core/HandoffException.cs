namespace Handoff.Core;

/// <summary>
/// An expected failure with a one-line message for the user and a documented exit code.
/// Anything else that escapes a command is a bug and is reported as exit 1.
/// </summary>
public class HandoffException(string message, int exitCode = ExitCodes.Error, Exception? inner = null)
    : Exception(message, inner)
{
    public int ExitCode { get; } = exitCode;
}
