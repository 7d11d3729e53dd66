using Handoff.Core.Abstractions;

namespace Handoff.Core.Hooks;

/// <summary>Whether a pre-push scan that fails blocks the push, and, when the setting could not be read, why.</summary>
public sealed record FailClosedSetting(bool FailClosed, string? Problem)
{
    public const string GitConfigKey = "devin-handoff.hook.failClosed";
    public const string EnvironmentName = "DEVIN_HANDOFF_HOOK_FAIL_CLOSED";

    /// <summary>
    /// Reads DEVIN_HANDOFF_HOOK_FAIL_CLOSED, else git config devin-handoff.hook.failClosed through git itself (the
    /// hook script reads it the same way, so includes and "key with no value = true" mean what they mean to git).
    /// Never fails open by accident: a value that is not a boolean, or a config git cannot read, counts as true.
    /// Never throws.
    /// </summary>
    public static async Task<FailClosedSetting> Read(IEnvironment environment, IProcessRunner processes, string workDir, CancellationToken cancellationToken)
    {
        try
        {
            if (environment.Get(EnvironmentName) is { } value && value.Trim().Length > 0)
                return ParseBool(value) is { } fromEnvironment
                    ? new(fromEnvironment, null)
                    : new(true, $"{EnvironmentName}='{value.Trim()}' is not true or false");

            var result = await processes.Run("git", ["config", "--bool", "--get", GitConfigKey], workDir, cancellationToken: cancellationToken);
            return result.ExitCode switch
            {
                0 => new(result.StandardOutput.Trim() == "true", null),
                1 => new(false, null), // not set
                _ => new(true, $"git config {GitConfigKey} could not be read: {PushedCommits.FirstLine(result.StandardError)}"),
            };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new(true, $"{GitConfigKey} could not be read: {e.Message.ReplaceLineEndings(" ")}");
        }
    }

    /// <summary>git's boolean words; null for anything else.</summary>
    private static bool? ParseBool(string value) => value.Trim().ToLowerInvariant() switch
    {
        "true" or "yes" or "on" or "1" => true,
        "false" or "no" or "off" or "0" => false,
        _ => null,
    };
}
