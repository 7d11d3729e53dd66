using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Handoff.Cli;
using Handoff.Core.Attachments;
using Handoff.Core.Devin;
using Handoff.Core.Following;
using Handoff.Core.Output;
using Handoff.Core.Secrets;
using Handoff.Core.Secrets.Output;

namespace Handoff.Tests.Output;

/// <summary>
/// --json output goes through generated metadata only (Native AOT has no reflection). These tests pin that every
/// output type is registered and bound to the output style, and that Core's views write exactly what the
/// anonymous types they replaced wrote (see <see cref="LegacyJson"/>).
/// </summary>
public class OutputJsonTests
{
    internal static readonly SessionResponse Session = new()
    {
        SessionId = "devin-abc",
        Status = "running",
        StatusDetail = "waiting_for_user",
        Title = "Fix ünïcode \"quotes\" <b> & more",
        Tags = ["handoff", "handoff-id:0123"],
        CreatedAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(2)),
        UpdatedAt = new DateTimeOffset(2026, 1, 2, 4, 4, 5, TimeSpan.Zero),
        AcusConsumed = 1.25,
        PullRequests = [new SessionPullRequest { PrUrl = "https://github.com/o/r/pull/7", PrState = "open" }, new SessionPullRequest { PrUrl = "https://github.com/o/r/pull/8" }],
    };

    internal static readonly SessionResponse Bare = new() { SessionId = "devin-min" };

    private static IEnumerable<(string Name, JsonSerializerContext Context)> Contexts() =>
    [
        ("Json.Context", Json.Context), ("CliJson.Compact", CliJson.Compact), ("CliJson.Indented", CliJson.Indented),
    ];

    private static IEnumerable<Type> Registered(JsonSerializerContext context) =>
        context.GetType().GetProperties()
            .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(JsonTypeInfo<>))
            .Select(p => p.PropertyType.GetGenericArguments()[0]);

    [Test]
    public void Every_context_is_bound_read_only_to_the_output_style_and_resolves_all_its_types_itself()
    {
        foreach (var (name, context) in Contexts())
        {
            var options = context.Options;
            Assert.That(options.TypeInfoResolver, Is.SameAs(context), name);
            Assert.That(options.IsReadOnly, Is.True, name);
            Assert.That(options.PropertyNamingPolicy, Is.SameAs(JsonNamingPolicy.SnakeCaseLower), name);
            Assert.That(options.DictionaryKeyPolicy, Is.SameAs(JsonNamingPolicy.SnakeCaseLower), name);
            Assert.That(options.Encoder, Is.SameAs(System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping), name);
            Assert.That(options.Converters.Any(c => c.GetType().Name.StartsWith("JsonStringEnumConverter`", StringComparison.Ordinal)), name);
            foreach (var type in Registered(context))
                Assert.That(options.GetTypeInfo(type).OriginatingResolver, Is.SameAs(context), $"{name}: {type.Name}");
        }
        Assert.That(Json.Options, Is.SameAs(Json.Context.Options));
        Assert.That(CliJson.Indented.Options.WriteIndented, Is.True);
        Assert.That(CliJson.Compact.Options.WriteIndented, Is.False);
    }

    [Test]
    public void The_cli_runs_without_json_reflection_in_every_build()
    {
        var config = Path.Combine(AppContext.BaseDirectory, "devin-handoff.runtimeconfig.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(config));
        var properties = doc.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");
        Assert.That(properties.GetProperty("System.Text.Json.JsonSerializer.IsReflectionEnabledByDefault").GetBoolean(), Is.False);
    }

    [Test]
    public void A_type_no_context_registers_is_refused_rather_than_written_by_reflection()
    {
        Assert.Throws<NotSupportedException>(() => Json.Options.GetTypeInfo(typeof(Uri)));
    }

    [Test]
    public void Metadata_not_bound_to_the_output_style_is_refused()
    {
        // OutputJsonContext.Default has no UnsafeRelaxedJsonEscaping: it would escape non-ASCII text.
        Assert.Throws<ArgumentException>(() => Json.Serialize(FollowView.Session(Session), OutputJsonContext.Default.SessionView));
    }

    /// <summary>Every enum reachable from an output type is written as a snake_case string, never as a number.</summary>
    [Test]
    public void Every_enum_in_output_is_written_as_a_snake_case_string()
    {
        var enums = new HashSet<Type>();
        foreach (var (_, context) in Contexts())
        {
            var seen = new HashSet<Type>();
            var queue = new Queue<Type>(Registered(context));
            while (queue.TryDequeue(out var type))
            {
                if (!seen.Add(type)) continue;
                var underlying = Nullable.GetUnderlyingType(type) ?? type;
                if (underlying.IsEnum) { enums.Add(underlying); continue; }
                var info = context.Options.GetTypeInfo(type);
                if (info.ElementType is { } element) queue.Enqueue(element);
                foreach (var property in info.Properties) queue.Enqueue(property.PropertyType);
            }
            foreach (var e in enums)
            {
                var first = Enum.GetValues(e).GetValue(0)!;
                var written = JsonSerializer.Serialize(first, context.Options.GetTypeInfo(e));
                Assert.That(written, Does.StartWith("\""), $"{e.Name} in {context.GetType().Name}");
            }
        }
        Assert.That(enums, Does.Contain(typeof(DownloadStatus)));
    }

    [Test]
    public void Session_view_writes_what_the_anonymous_status_object_wrote()
    {
        foreach (var s in new[] { Session, Bare })
        {
            var c = s.Classify();
            var legacy = LegacyJson.Serialize<object>(new
            {
                session_id = s.SessionId, url = SessionIds.WebUrl(s), title = s.Title, status = s.Status, status_detail = s.StatusDetail,
                status_enum = s.StatusEnum, state = FollowOutcome.StateName(c.State), reason = c.Reason, acus_consumed = s.AcusConsumed,
                created_at = FollowView.IsoTime(s.CreatedAt), updated_at = FollowView.IsoTime(s.UpdatedAt), is_archived = s.IsArchived,
                tags = s.Tags, pull_requests = s.PullRequests.Select(p => (object)new { url = p.PrUrl, state = p.PrState }).ToList(),
            });
            Assert.That(Json.Serialize(FollowView.Session(s), Json.Context.SessionView), Is.EqualTo(legacy));
        }
        Assert.That(Json.Serialize(FollowView.Session(Session), Json.Context.SessionView), Is.EqualTo(
            """{"session_id":"devin-abc","url":"https://app.devin.ai/sessions/devin-abc","title":"Fix ünïcode \"quotes\" <b> & more","status":"running","status_detail":"waiting_for_user","status_enum":null,"state":"needs_human","reason":"waiting for user input","acus_consumed":1.25,"created_at":"2026-01-02T01:04:05Z","updated_at":"2026-01-02T04:04:05Z","is_archived":false,"tags":["handoff","handoff-id:0123"],"pull_requests":[{"url":"https://github.com/o/r/pull/7","state":"open"},{"url":"https://github.com/o/r/pull/8","state":null}]}"""));
    }

    [Test]
    public void Session_list_writes_an_array_of_session_views()
    {
        var sessions = new[] { Session, Bare }.Select(FollowView.Session).ToList();
        Assert.That(Json.Serialize(sessions, CliJson.Compact.ListSessionView),
            Is.EqualTo("[" + string.Join(",", sessions.Select(v => Json.Serialize(v, Json.Context.SessionView))) + "]"));
    }

    [Test]
    public void Message_line_writes_what_the_anonymous_message_wrote()
    {
        var m = new SessionMessage { EventId = "ev-1", CreatedAt = new DateTimeOffset(2025, 3, 4, 10, 20, 30, TimeSpan.Zero), Source = "devin", Message = "line 1\nline \"2\" ü" };
        var legacy = LegacyJson.Serialize<object>(new
        {
            type = "message", session_id = "devin-abc", event_id = m.EventId, created_at = FollowView.IsoTime(m.CreatedAt), source = m.Source, message = m.Message,
        });
        var written = Json.Serialize(FollowView.Message("devin-abc", m), Json.Context.FollowMessageView);
        Assert.That(written, Is.EqualTo(legacy));
        Assert.That(written, Is.EqualTo("""{"type":"message","session_id":"devin-abc","event_id":"ev-1","created_at":"2025-03-04T10:20:30Z","source":"devin","message":"line 1\nline \"2\" ü"}"""));
    }

    [TestCase(false)]
    [TestCase(true)]
    public void End_line_writes_what_the_anonymous_end_object_wrote(bool timedOut)
    {
        var end = new FollowEnded(Session, Session.Classify(), timedOut);
        var legacy = LegacyJson.Serialize<object>(new
        {
            type = "end", session_id = end.Session.SessionId, status = end.Session.Status, status_detail = end.Session.StatusDetail,
            status_enum = end.Session.StatusEnum, state = FollowOutcome.StateName(end.Classification.State), reason = end.Classification.Reason,
            exit_code = end.ExitCode, timed_out = end.TimedOut, url = SessionIds.WebUrl(end.Session), title = end.Session.Title,
            pull_requests = end.Session.PullRequests.Select(p => (object)new { url = p.PrUrl, state = p.PrState }).ToList(),
        });
        Assert.That(Json.Serialize(FollowView.End(end), Json.Context.FollowEndView), Is.EqualTo(legacy));
    }

    [Test]
    public void Findings_report_writes_what_reflection_wrote()
    {
        Finding[] findings =
        [
            new("aws-access-key-id", "src/app config.py", 12, "src/app config.py:aws-access-key-id:0123456789abcdef", "key = AKIA…", new string('c', 40), FindingConfidence.High),
            new("path-dotenv", ".env", 0, ".env:path-dotenv:fedcba9876543210", "(whole file: .env file)"),
        ];
        var report = FindingsReport.From("range", findings);
        Assert.That(Json.Serialize(report, Json.Context.FindingsReport), Is.EqualTo(LegacyJson.Serialize(report)));
    }
}
