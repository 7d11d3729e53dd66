using System.Text.Json;
using Handoff.Core;
using Handoff.Core.Devin;

namespace Handoff.Tests.Devin;

public class SessionStatusTests
{
    [TestCase("new", null, SessionState.Working)]
    [TestCase("claimed", null, SessionState.Working)]
    [TestCase("resuming", null, SessionState.Working)]
    [TestCase("running", "working", SessionState.Working)]
    [TestCase("running", null, SessionState.Working)]
    [TestCase("running", "waiting_for_user", SessionState.NeedsHuman)]
    [TestCase("running", "waiting_for_approval", SessionState.NeedsHuman)]
    [TestCase("running", "finished", SessionState.Finished)]
    [TestCase("exit", null, SessionState.Exited)]
    [TestCase("error", null, SessionState.Failed)]
    [TestCase("suspended", "inactivity", SessionState.Asleep)]
    [TestCase("suspended", "user_request", SessionState.Asleep)]
    [TestCase("suspended", "out_of_credits", SessionState.NeedsHuman)]
    [TestCase("suspended", "payment_declined", SessionState.NeedsHuman)]
    [TestCase("suspended", "org_usage_limit_exceeded", SessionState.NeedsHuman)]
    [TestCase("suspended", "contract_expired", SessionState.NeedsHuman)]
    [TestCase("suspended", "error", SessionState.Failed)]
    public void V3_status_and_detail_map_as_documented(string status, string? detail, SessionState expected)
    {
        var result = SessionStatus.Classify(status, detail);
        Assert.That(result.State, Is.EqualTo(expected));
        Assert.That(result.Note, Is.Null);
    }

    [TestCase("working", SessionState.Working)]
    [TestCase("resumed", SessionState.Working)]
    [TestCase("resume_requested", SessionState.Working)]
    [TestCase("resume_requested_frontend", SessionState.Working)]
    [TestCase("blocked", SessionState.NeedsHuman)]
    [TestCase("finished", SessionState.Finished)]
    [TestCase("expired", SessionState.Exited)]
    [TestCase("suspend_requested", SessionState.Asleep)]
    [TestCase("suspend_requested_frontend", SessionState.Asleep)]
    public void V1_status_enum_wins_over_the_free_form_status(string statusEnum, SessionState expected)
    {
        Assert.That(SessionStatus.Classify("whatever", null, statusEnum).State, Is.EqualTo(expected));
    }

    [Test]
    public void Unknown_values_keep_polling_with_a_note()
    {
        Assert.That(SessionStatus.Classify("teleporting", null), Is.EqualTo(new SessionClassification(SessionState.Working, "status 'teleporting'",
            "unknown status 'teleporting', assuming the session is still working")));
        Assert.That(SessionStatus.Classify("running", "thinking_hard").Note, Does.Contain("thinking_hard"));
        Assert.That(SessionStatus.Classify(null, null, "levitating").State, Is.EqualTo(SessionState.Working));
    }

    [Test]
    public void Unknown_suspension_reason_needs_a_human_because_nothing_will_progress()
    {
        var result = SessionStatus.Classify("suspended", "moon_phase");
        Assert.That(result.State, Is.EqualTo(SessionState.NeedsHuman));
        Assert.That(result.Note, Does.Contain("moon_phase"));
    }
}

public class ApiErrorBodyTests
{
    [Test]
    public void Detail_string_wins()
    {
        Assert.That(ApiErrorBody.Parse("""{"title":"Bad","detail":"exact reason"}""").Summary, Is.EqualTo("exact reason"));
    }

    [Test]
    public void FastApi_detail_array_becomes_msg_at_loc()
    {
        var body = ApiErrorBody.Parse("""{"detail":[{"loc":["query","first",0],"msg":"too big","type":"x"}]}""");
        Assert.That(body.FieldErrors, Is.EqualTo(new[] { "too big @ query.first.0" }));
        Assert.That(body.Summary, Is.EqualTo("too big @ query.first.0"));
    }

    [Test]
    public void Title_is_used_when_there_is_no_detail()
    {
        Assert.That(ApiErrorBody.Parse("""{"type":"about:blank","title":"Conflict","status":409}""").Summary, Is.EqualTo("Conflict"));
    }

    [Test]
    public void Raw_text_is_one_line_and_truncated()
    {
        var body = ApiErrorBody.Parse("<html>\n<body>" + new string('x', 500) + "</body></html>");
        Assert.That(body.Summary, Does.Not.Contain("\n"));
        Assert.That(body.Summary!.Length, Is.LessThanOrEqualTo(201));
        Assert.That(body.Summary, Does.StartWith("<html> <body>xxx").And.EndWith("…"));
    }

    [Test]
    public void Empty_body_has_no_summary()
    {
        Assert.That(ApiErrorBody.Parse("  ").Summary, Is.Null);
    }
}

public class DevinConnectionTests
{
    [TestCase("cog_abc", ApiFlavor.V3)]
    [TestCase("  cog_abc\n", ApiFlavor.V3)]
    [TestCase("apk_abc", ApiFlavor.V1)]
    [TestCase("apk_user_abc", ApiFlavor.V1)]
    public void Flavor_follows_the_key_prefix(string key, ApiFlavor expected)
    {
        Assert.That(new DevinConnection { ApiKey = key }.Flavor, Is.EqualTo(expected));
    }

    [TestCase("ghp_123")]
    [TestCase("Bearer cog_123")]
    public void Other_keys_are_a_config_error(string key)
    {
        var e = Assert.Throws<HandoffException>(() => _ = new DevinConnection { ApiKey = key }.Flavor);
        Assert.That(e!.ExitCode, Is.EqualTo(ExitCodes.AuthOrConfig));
        Assert.That(e.Message, Is.EqualTo("DEVIN_API_KEY does not look like a Devin key (expected cog_… or apk_…)"));
    }

    [Test]
    public void Missing_key_says_so()
    {
        var e = Assert.Throws<HandoffException>(() => new DevinClient(new DevinConnection { ApiKey = "" }));
        Assert.That(e!.ExitCode, Is.EqualTo(ExitCodes.AuthOrConfig));
        Assert.That(e.Message, Does.StartWith("DEVIN_API_KEY is not set"));
    }

    [Test]
    public void ToString_never_shows_the_key()
    {
        var text = new DevinConnection { ApiKey = "cog_supersecretvalue", OrgId = "org-1" }.ToString();
        Assert.That(text, Does.Not.Contain("supersecret"));
        Assert.That(text, Does.Contain("cog_***").And.Contain("org-1"));
    }

    [Test]
    public void A_bad_api_url_is_a_config_error()
    {
        var e = Assert.Throws<HandoffException>(() => new DevinClient(new DevinConnection { ApiKey = "cog_x", ApiUrl = "api.devin.ai" }));
        Assert.That(e!.ExitCode, Is.EqualTo(ExitCodes.AuthOrConfig));
    }

    [TestCase("https://api.devin.ai")]
    [TestCase("https://10.0.0.1:8443/")]
    [TestCase("http://127.0.0.1:5099")]
    [TestCase("http://127.1.2.3")]
    [TestCase("http://localhost:8080/")]
    [TestCase("http://LOCALHOST")]
    [TestCase("http://[::1]:8080")]
    public void Https_and_plain_http_to_this_machine_are_accepted(string url)
    {
        Assert.That(DevinConnection.ParseApiUrl(url), Is.EqualTo(new Uri(url)));
        Assert.That(new DevinConnection { ApiKey = "cog_x", ApiUrl = url }.BaseUri, Is.EqualTo(new Uri(url)));
    }

    [TestCase("http://example.invalid", "example.invalid")]
    [TestCase("http://10.0.0.1:8080", "10.0.0.1")]
    [TestCase("http://127.0.0.1.example.com", "127.0.0.1.example.com")]
    [TestCase("http://localhost.example.com", "localhost.example.com")]
    [TestCase("http://[::2]", "[::2]")]
    [TestCase("http://user:hunter2secret@example.invalid/v3", "example.invalid")]
    public void Plain_http_to_another_machine_is_refused_naming_the_source_and_the_host_only(string url, string host)
    {
        var e = Assert.Throws<HandoffException>(() => DevinConnection.ParseApiUrl(url, "--api-url"))!;
        Assert.That(e.ExitCode, Is.EqualTo(ExitCodes.AuthOrConfig));
        Assert.That(e.Message, Does.StartWith("--api-url is plain http to " + host + ":").And.Contain("https://"));
        Assert.That(e.Message, Does.Not.Contain("hunter2"), "a password in the URL is never echoed");
        Assert.Throws<HandoffException>(() => new DevinClient(new DevinConnection { ApiKey = "cog_x", ApiUrl = url }));
    }

    [Test]
    public void User_agent_carries_the_version()
    {
        Assert.That(DevinClient.UserAgent, Does.Match(@"^devin-handoff/\d+\.\d+\.\d+"));
    }
}

public class SessionIdsTests
{
    [TestCase("abc123", "devin-abc123")]
    [TestCase("devin-abc123", "devin-abc123")]
    [TestCase(" abc123 ", "devin-abc123")]
    [TestCase("https://app.devin.ai/sessions/abc123", "devin-abc123")]
    [TestCase("https://app.devin.ai/sessions/devin-abc123/", "devin-abc123")]
    public void Normalize_adds_the_prefix(string input, string expected)
    {
        Assert.That(SessionIds.Normalize(input), Is.EqualTo(expected));
    }

    [TestCase("")]
    [TestCase("devin-")]
    [TestCase("a/b")]
    public void Normalize_rejects_junk_as_usage_error(string input)
    {
        Assert.That(Assert.Throws<HandoffException>(() => SessionIds.Normalize(input))!.ExitCode, Is.EqualTo(ExitCodes.Usage));
    }

    [Test]
    public void A_plain_http_link_is_taken_like_https_and_ftp_is_not_a_link()
    {
        Assert.That(SessionIds.Normalize("http://localhost:8080/sessions/abc"), Is.EqualTo("devin-abc"));
        Assert.Throws<HandoffException>(() => SessionIds.Normalize("ftp://host/sessions/abc"));
    }

    [Test]
    public void The_errors_say_what_a_session_id_looks_like()
    {
        Assert.That(Assert.Throws<HandoffException>(() => SessionIds.Normalize(" "))!.Message, Is.EqualTo("a session id is required (e.g. devin-abc123)"));
        Assert.That(Assert.Throws<HandoffException>(() => SessionIds.Normalize("a b"))!.Message, Is.EqualTo("'a b' is not a valid session id"));
    }

    [TestCase("https://app.devin.ai/sessions/custom", "https://app.devin.ai/sessions/custom")]
    [TestCase("", "https://app.devin.ai/sessions/devin-x1")]
    [TestCase("  ", "https://app.devin.ai/sessions/devin-x1")]
    public void The_web_link_is_the_apis_url_else_the_app_link_for_the_id(string url, string expected)
    {
        Assert.That(SessionIds.WebUrl(new SessionResponse { SessionId = "x1", Url = url }), Is.EqualTo(expected));
    }
}

public class DevinJsonTests
{
    [TestCase("""{"session_id":"s","created_at":1767225600}""")]
    [TestCase("""{"session_id":"s","created_at":1767225600000}""")]
    [TestCase("""{"session_id":"s","created_at":"2026-01-01T00:00:00Z"}""")]
    [TestCase("""{"session_id":"s","created_at":"2026-01-01T00:00:00"}""")]
    public void Timestamps_accept_epoch_seconds_milliseconds_and_iso(string json)
    {
        var session = JsonSerializer.Deserialize(json, DevinJson.Context.SessionResponse)!;
        Assert.That(session.CreatedAt, Is.EqualTo(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)));
    }

    [Test]
    public void Strings_tolerate_numbers_names_any_case_and_nulls_are_not_written()
    {
        var session = JsonSerializer.Deserialize("""{"Session_ID":42,"acus_consumed":"1.5","is_archived":true}""", DevinJson.Context.SessionResponse)!;
        Assert.That(session.SessionId, Is.EqualTo("42"));
        Assert.That(session.AcusConsumed, Is.EqualTo(1.5));
        Assert.That(session.IsArchived, Is.True);
        Assert.That(DevinJson.Serialize(new SendMessageRequest { Message = "m" }, DevinJson.Context.SendMessageRequest), Is.EqualTo("""{"message":"m"}"""));
    }
}
