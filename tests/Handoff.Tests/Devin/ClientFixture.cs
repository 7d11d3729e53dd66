using System.Net;
using Handoff.Core.Devin;

namespace Handoff.Tests.Devin;

/// <summary>Builds a client against a test server with a fake clock and fixed jitter.</summary>
public static class ClientFixture
{
    public const string CogKey = "cog_test_0123456789abcdefSECRET";
    public const string ApkKey = "apk_test_0123456789abcdefSECRET";
    public const string Org = "org-test";

    public static (DevinClient Client, FakeClock Clock, ListTraceSink Trace) Create(
        string url, string key = CogKey, string? org = Org, string? userId = null, int maxAttempts = 5, TimeSpan? timeout = null)
    {
        var clock = new FakeClock();
        var trace = new ListTraceSink();
        var client = new DevinClient(
            new DevinConnection { ApiKey = key, ApiUrl = url, OrgId = org, UserId = userId, Timeout = timeout ?? TimeSpan.FromSeconds(10) },
            new DevinClientOptions { Clock = clock, Trace = trace, MaxAttempts = maxAttempts, Jitter = () => 1.0 });
        return (client, clock, trace);
    }

    public static string Session(string id = "devin-abc", string status = "running", string? detail = "working", string tags = "[]") =>
        $$"""
        {"session_id":"{{id}}","url":"https://app.devin.ai/sessions/{{id}}","status":"{{status}}",
         "status_detail":{{(detail is null ? "null" : $"\"{detail}\"")}},"tags":{{tags}},"org_id":"org-test",
         "created_at":1767225600,"updated_at":1767225660,"acus_consumed":1.5,
         "pull_requests":[{"pr_url":"https://github.com/o/r/pull/1","pr_state":"open"}],
         "title":"T","is_archived":false,"origin":"api","future_field":{"x":1} }
        """;
}
