namespace Handoff.Core.Devin;

/// <summary>What a session's state means for someone following it.</summary>
public enum SessionState
{
    /// <summary>Keep polling.</summary>
    Working,
    /// <summary>The task is done (the VM may still be up).</summary>
    Finished,
    /// <summary>The session ended.</summary>
    Exited,
    /// <summary>Blocked on a person: a question, an approval, or a billing/quota problem.</summary>
    NeedsHuman,
    /// <summary>Suspended for inactivity or on request; a message wakes it.</summary>
    Asleep,
    /// <summary>The session failed.</summary>
    Failed,
}

/// <param name="State">The classification.</param>
/// <param name="Reason">Short human text, e.g. "waiting for approval".</param>
/// <param name="Note">Set when a value was not recognised and a default was assumed.</param>
public sealed record SessionClassification(SessionState State, string Reason, string? Note = null);

/// <summary>Maps (status, status_detail, v1 status_enum) to a <see cref="SessionState"/> (devin-api.md §3.2).</summary>
public static class SessionStatus
{
    private static readonly HashSet<string> BillingReasons =
    [
        StatusDetails.UsageLimitExceeded, StatusDetails.OutOfCredits, StatusDetails.OutOfQuota,
        StatusDetails.NoQuotaAllocation, StatusDetails.PaymentDeclined, StatusDetails.OrgUsageLimitExceeded,
        StatusDetails.TotalSessionLimitExceeded, StatusDetails.UserUsageLimitExceeded, StatusDetails.ContractExpired,
    ];

    public static SessionClassification Classify(string? status, string? statusDetail, string? v1StatusEnum = null)
    {
        if (!string.IsNullOrEmpty(v1StatusEnum))
            return ClassifyV1(v1StatusEnum);
        var detail = statusDetail ?? "";
        return status switch
        {
            null or "" => new(SessionState.Working, "starting"),
            SessionStatuses.New or SessionStatuses.Claimed => new(SessionState.Working, "starting"),
            SessionStatuses.Resuming => new(SessionState.Working, "resuming"),
            SessionStatuses.Running => ClassifyRunning(detail),
            SessionStatuses.Exit => new(SessionState.Exited, "session ended"),
            SessionStatuses.Error => new(SessionState.Failed, "session failed"),
            SessionStatuses.Suspended => ClassifySuspended(detail),
            _ => new(SessionState.Working, $"status '{status}'", $"unknown status '{status}', assuming the session is still working"),
        };
    }

    private static SessionClassification ClassifyRunning(string detail) => detail switch
    {
        "" or StatusDetails.Working => new(SessionState.Working, "working"),
        StatusDetails.WaitingForUser => new(SessionState.NeedsHuman, "waiting for user input"),
        StatusDetails.WaitingForApproval => new(SessionState.NeedsHuman, "waiting for approval"),
        StatusDetails.Finished => new(SessionState.Finished, "finished"),
        _ => new(SessionState.Working, $"running ({detail})", $"unknown status_detail '{detail}', assuming the session is still working"),
    };

    private static SessionClassification ClassifySuspended(string detail)
    {
        if (detail is "" or StatusDetails.Inactivity or StatusDetails.UserRequest)
            return new(SessionState.Asleep, detail == "" ? "suspended" : $"suspended ({detail.Replace('_', ' ')})");
        if (detail == StatusDetails.Error)
            return new(SessionState.Failed, "suspended after an error");
        if (BillingReasons.Contains(detail))
            return new(SessionState.NeedsHuman, $"suspended: {detail.Replace('_', ' ')}");
        // A suspended session does no work, so polling on would wait forever: ask a person to look.
        return new(SessionState.NeedsHuman, $"suspended ({detail})", $"unknown suspension reason '{detail}', treating it as needing a human");
    }

    private static SessionClassification ClassifyV1(string statusEnum) => statusEnum switch
    {
        V1StatusEnums.Working or V1StatusEnums.Resumed => new(SessionState.Working, "working"),
        V1StatusEnums.ResumeRequested or V1StatusEnums.ResumeRequestedFrontend => new(SessionState.Working, "resuming"),
        V1StatusEnums.Blocked => new(SessionState.NeedsHuman, "blocked, waiting for user input"),
        V1StatusEnums.Finished => new(SessionState.Finished, "finished"),
        V1StatusEnums.Expired => new(SessionState.Exited, "session expired"),
        V1StatusEnums.SuspendRequested or V1StatusEnums.SuspendRequestedFrontend => new(SessionState.Asleep, "suspended"),
        _ => new(SessionState.Working, $"status '{statusEnum}'", $"unknown status_enum '{statusEnum}', assuming the session is still working"),
    };
}
