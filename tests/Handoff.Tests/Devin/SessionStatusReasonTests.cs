using Handoff.Core.Devin;

namespace Handoff.Tests.Devin;

/// <summary>The short reason text `sessions`, `follow` and the JSON show for each state (devin-api.md §3.2), and when a note is added.</summary>
public class SessionStatusReasonTests
{
    [TestCase(null, null, SessionState.Working, "starting")]
    [TestCase("", null, SessionState.Working, "starting")]
    [TestCase("new", null, SessionState.Working, "starting")]
    [TestCase("claimed", null, SessionState.Working, "starting")]
    [TestCase("resuming", null, SessionState.Working, "resuming")]
    [TestCase("running", null, SessionState.Working, "working")]
    [TestCase("running", "waiting_for_user", SessionState.NeedsHuman, "waiting for user input")]
    [TestCase("running", "waiting_for_approval", SessionState.NeedsHuman, "waiting for approval")]
    [TestCase("running", "finished", SessionState.Finished, "finished")]
    [TestCase("exit", null, SessionState.Exited, "session ended")]
    [TestCase("error", null, SessionState.Failed, "session failed")]
    [TestCase("suspended", null, SessionState.Asleep, "suspended")]
    [TestCase("suspended", "inactivity", SessionState.Asleep, "suspended (inactivity)")]
    [TestCase("suspended", "user_request", SessionState.Asleep, "suspended (user request)")]
    [TestCase("suspended", "error", SessionState.Failed, "suspended after an error")]
    [TestCase("suspended", "out_of_credits", SessionState.NeedsHuman, "suspended: out of credits")]
    public void Known_states_have_a_reason_and_no_note(string? status, string? detail, SessionState state, string reason)
    {
        Assert.That(SessionStatus.Classify(status, detail), Is.EqualTo(new SessionClassification(state, reason)));
    }

    [TestCase("running", "compiling", SessionState.Working, "running (compiling)", "unknown status_detail 'compiling', assuming the session is still working")]
    [TestCase("suspended", "maintenance_window", SessionState.NeedsHuman, "suspended (maintenance_window)", "unknown suspension reason 'maintenance_window', treating it as needing a human")]
    [TestCase("paused", null, SessionState.Working, "status 'paused'", "unknown status 'paused', assuming the session is still working")]
    public void Unknown_values_are_named_in_the_reason_and_explained_in_a_note(string status, string? detail, SessionState state, string reason, string note)
    {
        Assert.That(SessionStatus.Classify(status, detail), Is.EqualTo(new SessionClassification(state, reason, note)));
    }

    [TestCase("working", SessionState.Working, "working")]
    [TestCase("resumed", SessionState.Working, "working")]
    [TestCase("resume_requested", SessionState.Working, "resuming")]
    [TestCase("resume_requested_frontend", SessionState.Working, "resuming")]
    [TestCase("blocked", SessionState.NeedsHuman, "blocked, waiting for user input")]
    [TestCase("finished", SessionState.Finished, "finished")]
    [TestCase("expired", SessionState.Exited, "session expired")]
    [TestCase("suspend_requested", SessionState.Asleep, "suspended")]
    [TestCase("suspend_requested_frontend", SessionState.Asleep, "suspended")]
    public void V1_status_enums_take_precedence_and_have_their_own_reasons(string statusEnum, SessionState state, string reason)
    {
        Assert.That(SessionStatus.Classify("running", "working", statusEnum), Is.EqualTo(new SessionClassification(state, reason)));
    }

    [Test]
    public void An_unknown_v1_status_enum_is_working_with_a_note()
    {
        Assert.That(SessionStatus.Classify(null, null, "hibernating"), Is.EqualTo(new SessionClassification(SessionState.Working,
            "status 'hibernating'", "unknown status_enum 'hibernating', assuming the session is still working")));
    }
}
