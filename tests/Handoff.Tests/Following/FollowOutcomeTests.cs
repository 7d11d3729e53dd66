using Handoff.Core;
using Handoff.Core.Devin;
using Handoff.Core.Following;

namespace Handoff.Tests.Following;

/// <summary>What poll and tail do with every status of devin-api.md §3.2 and every v1 status_enum.</summary>
public class FollowOutcomeTests
{
    [TestCase("new", null, "working", ExitCodes.Ok, false)]
    [TestCase("claimed", null, "working", ExitCodes.Ok, false)]
    [TestCase("resuming", null, "working", ExitCodes.Ok, false)]
    [TestCase("running", null, "working", ExitCodes.Ok, false)]
    [TestCase("running", "working", "working", ExitCodes.Ok, false)]
    [TestCase("running", "waiting_for_user", "needs_human", ExitCodes.NeedsHuman, true)]
    [TestCase("running", "waiting_for_approval", "needs_human", ExitCodes.NeedsHuman, true)]
    [TestCase("running", "finished", "finished", ExitCodes.Ok, true)]
    [TestCase("exit", null, "exited", ExitCodes.Ok, true)]
    [TestCase("error", null, "failed", ExitCodes.SessionFailed, true)]
    [TestCase("suspended", null, "asleep", ExitCodes.Ok, true)]
    [TestCase("suspended", "inactivity", "asleep", ExitCodes.Ok, true)]
    [TestCase("suspended", "user_request", "asleep", ExitCodes.Ok, true)]
    [TestCase("suspended", "error", "failed", ExitCodes.SessionFailed, true)]
    [TestCase("suspended", "usage_limit_exceeded", "needs_human", ExitCodes.NeedsHuman, true)]
    [TestCase("suspended", "out_of_credits", "needs_human", ExitCodes.NeedsHuman, true)]
    [TestCase("suspended", "out_of_quota", "needs_human", ExitCodes.NeedsHuman, true)]
    [TestCase("suspended", "no_quota_allocation", "needs_human", ExitCodes.NeedsHuman, true)]
    [TestCase("suspended", "payment_declined", "needs_human", ExitCodes.NeedsHuman, true)]
    [TestCase("suspended", "org_usage_limit_exceeded", "needs_human", ExitCodes.NeedsHuman, true)]
    [TestCase("suspended", "total_session_limit_exceeded", "needs_human", ExitCodes.NeedsHuman, true)]
    [TestCase("suspended", "user_usage_limit_exceeded", "needs_human", ExitCodes.NeedsHuman, true)]
    [TestCase("suspended", "contract_expired", "needs_human", ExitCodes.NeedsHuman, true)]
    [TestCase("suspended", "something_new", "needs_human", ExitCodes.NeedsHuman, true)]
    [TestCase("running", "something_new", "working", ExitCodes.Ok, false)]
    [TestCase("brand_new_status", null, "working", ExitCodes.Ok, false)]
    public void V3_status_and_detail(string status, string? detail, string state, int exitCode, bool settled)
    {
        var c = SessionStatus.Classify(status, detail);
        Assert.That(FollowOutcome.StateName(c.State), Is.EqualTo(state));
        Assert.That(FollowOutcome.ExitCode(c.State), Is.EqualTo(exitCode));
        Assert.That(FollowOutcome.IsSettled(c.State), Is.EqualTo(settled));
    }

    [TestCase("working", "working", ExitCodes.Ok, false)]
    [TestCase("resumed", "working", ExitCodes.Ok, false)]
    [TestCase("resume_requested", "working", ExitCodes.Ok, false)]
    [TestCase("resume_requested_frontend", "working", ExitCodes.Ok, false)]
    [TestCase("blocked", "needs_human", ExitCodes.NeedsHuman, true)]
    [TestCase("finished", "finished", ExitCodes.Ok, true)]
    [TestCase("expired", "exited", ExitCodes.Ok, true)]
    [TestCase("suspend_requested", "asleep", ExitCodes.Ok, true)]
    [TestCase("suspend_requested_frontend", "asleep", ExitCodes.Ok, true)]
    public void V1_status_enum_wins_over_the_free_form_status(string statusEnum, string state, int exitCode, bool settled)
    {
        var c = SessionStatus.Classify("RUNNING", null, statusEnum);
        Assert.That(FollowOutcome.StateName(c.State), Is.EqualTo(state));
        Assert.That(FollowOutcome.ExitCode(c.State), Is.EqualTo(exitCode));
        Assert.That(FollowOutcome.IsSettled(c.State), Is.EqualTo(settled));
    }

    [Test]
    public void A_timeout_is_exit_1_whatever_the_state()
    {
        var end = new FollowEnded(Sessions.With("running", "working"), SessionStatus.Classify("running", "working"), TimedOut: true);
        Assert.That(end.ExitCode, Is.EqualTo(ExitCodes.Error));
    }
}
