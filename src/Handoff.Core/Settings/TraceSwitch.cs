using Handoff.Core.Abstractions;

namespace Handoff.Core.Settings;

/// <summary>
/// DEVIN_HANDOFF_TRACE, read in one place: "1" or "true" (any case) turns on everything tracing shows (the HTTP
/// trace, stage timings, the exception behind a one-line error); anything else leaves it off.
/// </summary>
public static class TraceSwitch
{
    public const string Variable = "DEVIN_HANDOFF_TRACE";

    public static bool IsOn(IEnvironment environment) =>
        environment.Get(Variable)?.Trim() is { } value && (value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase));
}
