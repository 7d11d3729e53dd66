using Handoff.Core.Devin;

namespace Handoff.Core.Following;

/// <summary>What <see cref="MessageTailer.Follow"/> reports, in order; the last event is always <see cref="FollowEnded"/>.</summary>
public abstract record FollowEvent;

/// <summary>A message not reported before (each event_id exactly once, oldest first).</summary>
public sealed record MessageReceived(SessionMessage Message) : FollowEvent;

/// <summary>The session's status, status_detail or v1 status_enum changed (also reported for the first read).</summary>
public sealed record StatusChanged(SessionResponse Session, SessionClassification Classification) : FollowEvent;

/// <summary>The API stayed unavailable after the client's own retries; following goes on after <paramref name="RetryIn"/>.</summary>
public sealed record ApiTrouble(string Message, TimeSpan RetryIn) : FollowEvent;

/// <summary>
/// The end: the session stopped working, or following stopped (<see cref="TimedOut"/>, or a single look with
/// follow off, in which case the state may still be Working).
/// </summary>
public sealed record FollowEnded(SessionResponse Session, SessionClassification Classification, bool TimedOut) : FollowEvent
{
    /// <summary>The documented exit code: 1 on timeout, else per <see cref="FollowOutcome.ExitCode"/>.</summary>
    public int ExitCode => TimedOut ? ExitCodes.Error : FollowOutcome.ExitCode(Classification.State);
}
