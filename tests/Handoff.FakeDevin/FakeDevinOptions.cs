using Handoff.FakeDevin.Infrastructure;
using Handoff.FakeDevin.State;

namespace Handoff.FakeDevin;

/// <summary>Who GET /v3/self says the caller is (devin-api.md §1).</summary>
public sealed record SelfIdentity(string PrincipalType, string Id, string Name, string? OrgId, string? ApiKeyId = null, string? ApiKeyName = null)
{
    public static SelfIdentity ServiceUser(string? orgId = "org-test") =>
        new("service_user", "svc-fake-0001", "fake-service-user", orgId);

    public static SelfIdentity PatUser(string? orgId = "org-test") =>
        new("pat_user", "user-fake-0001", "Fake Person", orgId, "key-fake-0001", "fake personal token");
}

public sealed class FakeDevinOptions
{
    /// <summary>API listener; port 0 picks a free port. Must be a loopback address.</summary>
    public string Url { get; set; } = "http://127.0.0.1:0";

    /// <summary>The "S3" listener that attachment downloads redirect to.</summary>
    public string StorageUrl { get; set; } = "http://127.0.0.1:0";

    public string DefaultOrgId { get; set; } = "org-test";
    public IList<string> ExtraOrgIds { get; set; } = [];

    /// <summary>When non-empty, only these keys are accepted.</summary>
    public IList<string> ValidKeys { get; set; } = [];
    public IList<string> RejectedKeys { get; set; } = [];

    /// <summary>Defaults to a service user of <see cref="DefaultOrgId"/>.</summary>
    public SelfIdentity? Self { get; set; }

    public ErrorShape ErrorShape { get; set; } = ErrorShape.ProblemDetails;
    public bool AttachmentListWrapped { get; set; }

    /// <summary>Valid <c>platform</c> labels; others get 400 listing these.</summary>
    public IList<string> ValidPlatforms { get; set; } = ["default", "inherit", "linux", "windows"];

    /// <summary>Status steps every new session gets (one applied per GET of the session).</summary>
    public IList<StatusStep> NewSessionStatusScript { get; set; } = [];

    /// <summary>Message script every new session gets.</summary>
    public MessageScript? NewSessionMessageScript { get; set; }

    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>Stop on Ctrl+C/SIGTERM (hand-run only; tests must not hook the test process's signals).</summary>
    public bool HandleConsoleSignals { get; set; }

    /// <summary>Print one line per request to stdout (the hand-run entry point turns this on).</summary>
    public bool EchoRequestsToConsole { get; set; }
}
