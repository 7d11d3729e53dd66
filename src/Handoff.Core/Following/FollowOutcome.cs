using Handoff.Core.Devin;

namespace Handoff.Core.Following;

/// <summary>How a followed session's state is named in output and which exit code it ends with.</summary>
public static class FollowOutcome
{
    /// <summary>The stable name used in JSON: working, finished, exited, needs_human, asleep, failed.</summary>
    public static string StateName(SessionState state) => state switch
    {
        SessionState.Working => "working",
        SessionState.Finished => "finished",
        SessionState.Exited => "exited",
        SessionState.NeedsHuman => "needs_human",
        SessionState.Asleep => "asleep",
        SessionState.Failed => "failed",
        _ => "working",
    };

    /// <summary>
    /// 0 for finished, exited and asleep (suspended for inactivity or on request is not a failure: a message
    /// wakes it); 7 when a person must act; 8 when the session failed; 0 for a session still working
    /// (only reached by --no-follow; a timeout is reported separately).
    /// </summary>
    public static int ExitCode(SessionState state) => state switch
    {
        SessionState.NeedsHuman => ExitCodes.NeedsHuman,
        SessionState.Failed => ExitCodes.SessionFailed,
        _ => ExitCodes.Ok,
    };

    /// <summary>True once the session has stopped working, so following can end.</summary>
    public static bool IsSettled(SessionState state) => state != SessionState.Working;
}
