namespace Handoff.Core;

/// <summary>The documented exit codes (README "Exit codes"). Never change a value: scripts depend on them.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Error = 1;
    public const int Usage = 2;
    public const int SecretsFound = 3;
    public const int AuthOrConfig = 4;
    public const int NotFound = 5;
    public const int ApiUnavailable = 6;
    public const int NeedsHuman = 7;
    public const int SessionFailed = 8;
    public const int Interrupted = 130;

    /// <summary>Stable machine-readable name of an exit code, used in JSON errors.</summary>
    public static string Name(int code) => code switch
    {
        Ok => "ok",
        Error => "error",
        Usage => "usage",
        SecretsFound => "secrets_found",
        AuthOrConfig => "auth",
        NotFound => "not_found",
        ApiUnavailable => "api_unavailable",
        NeedsHuman => "needs_human",
        SessionFailed => "session_failed",
        Interrupted => "interrupted",
        _ => "error",
    };
}
