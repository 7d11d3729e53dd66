using System.Text;
using Handoff.FakeDevin.Infrastructure;
using Handoff.FakeDevin.State;

namespace Handoff.FakeDevin.Endpoints;

/// <summary>
/// Unauthenticated /_fake/... endpoints to steer the fake by hand (curl) — the same things tests do
/// through <see cref="FakeState"/>, <see cref="FaultControl"/> and <see cref="FakeSettings"/>. Bodies are snake_case JSON.
/// </summary>
public static class ControlEndpoints
{
    public sealed record SeedSessionRequest(string Prompt, string? OrgId, List<string>? Tags, string? Title, string? Status, string? StatusDetail);
    public sealed record StatusRequest(string Status, string? StatusDetail, string? V1StatusEnum);
    public sealed record StatusScriptRequest(List<StatusRequest> Steps);
    public sealed record PullRequestRequest(string PrUrl, string? PrState);
    public sealed record MessageRequest(string Message, string? Source);
    public sealed record MessageScriptRequest(int Count, int? PerStep, int? IntervalMs, string? Text, string? FinalStatus, string? FinalStatusDetail);
    public sealed record AttachmentRequest(string Name, string? Content, string? ContentBase64, string? ContentType, string? Source);
    public sealed record OrganizationRequest(string OrgId, string? Name);
    public sealed record KeyRequest(string Key);
    public sealed record FaultRequest(string Path, string? Method, string? Kind, int? StatusCode, int? RetryAfterSeconds, int? DelayMs, int? Count);
    public sealed record SettingsRequest(
        string? ErrorShape, bool? AttachmentListWrapped, bool? EndCursorOnLastPage, bool? AttachmentUrlsPointToStorage,
        bool? StorageDropsMidBody, bool? StorageRejectsAuthorization, bool? SessionsOldestFirst, bool? TagFilterIgnored);

    public static void Map(IEndpointRouteBuilder app, FakeDevinServer server)
    {
        var fake = app.MapGroup("/_fake");
        var state = server.State;

        fake.MapGet("/requests", () => FakeJson.Ok(server.RequestLog.Snapshot().Select(Describe)));
        fake.MapDelete("/requests", () => { server.RequestLog.Clear(); return Results.NoContent(); });
        fake.MapGet("/storage-requests", () => FakeJson.Ok(server.StorageRequestLog.Snapshot().Select(Describe)));
        fake.MapPost("/reset", () => { server.Reset(); return Results.NoContent(); });

        fake.MapGet("/faults", () => FakeJson.Ok(server.Faults.Active.Select(DescribeFault)));
        fake.MapDelete("/faults", () => { server.Faults.Clear(); return Results.NoContent(); });
        fake.MapPost("/faults", (FaultRequest r) => AddFault(server.Faults, r));

        fake.MapGet("/settings", () => FakeJson.Ok(DescribeSettings(server.Settings)));
        fake.MapPut("/settings", (SettingsRequest r) => UpdateSettings(server.Settings, r));

        fake.MapPut("/self", (SelfIdentity self) => { state.Self = self; return FakeJson.Ok(self); });
        fake.MapPost("/organizations", (OrganizationRequest r) => FakeJson.Ok(Model.OrganizationResponse.From(state.AddOrganization(r.OrgId, r.Name))));
        fake.MapPost("/keys/rejected", (KeyRequest r) => { server.Auth.Reject(r.Key); return Results.NoContent(); });

        fake.MapGet("/sessions", () => FakeJson.Ok(state.Sessions.Select(s => Model.SessionResponse.From(s))));
        fake.MapPost("/sessions", (SeedSessionRequest r) =>
            FakeJson.Ok(Model.SessionResponse.From(state.CreateSession(r.Prompt, r.OrgId, r.Tags, r.Title, null, r.Status ?? "new", r.StatusDetail))));
        fake.MapPost("/sessions/{id}/status", (string id, StatusRequest r) =>
            OnSession(() => state.SetStatus(id, r.Status, r.StatusDetail, r.V1StatusEnum)));
        fake.MapPost("/sessions/{id}/status-script", (string id, StatusScriptRequest r) =>
            OnSession(() => state.ScriptStatuses(id, r.Steps.Select(s => new StatusStep(s.Status, s.StatusDetail, s.V1StatusEnum)).ToArray())));
        fake.MapPost("/sessions/{id}/pull-requests", (string id, PullRequestRequest r) =>
            OnSession(() => state.AddPullRequest(id, r.PrUrl, r.PrState)));
        fake.MapPost("/sessions/{id}/messages", (string id, MessageRequest r) =>
            OnSession(() => state.AddMessage(id, r.Message, r.Source ?? "devin")));
        fake.MapPost("/sessions/{id}/message-script", (string id, MessageScriptRequest r) => OnSession(() => state.ScriptMessages(id,
            new MessageScript(r.Count, r.PerStep ?? 1, r.IntervalMs is int ms ? TimeSpan.FromMilliseconds(ms) : null,
                r.Text ?? "Devin message {n}", r.FinalStatus, r.FinalStatusDetail))));
        fake.MapPost("/sessions/{id}/attachments", (string id, AttachmentRequest r) => OnSession(() =>
        {
            var bytes = r.ContentBase64 is not null ? Convert.FromBase64String(r.ContentBase64) : Encoding.UTF8.GetBytes(r.Content ?? "");
            var a = state.AddAttachment(id, r.Name, bytes, r.ContentType, r.Source ?? "devin");
            return new { attachment_id = a.AttachmentId, name = a.Name, url = state.ApiDownloadUrl(a).AbsoluteUri };
        }));
    }

    private static IResult OnSession(Action action) => OnSession(() => { action(); return (object?)null; });

    private static IResult OnSession(Func<object?> action)
    {
        try
        {
            var result = action();
            return result is null ? Results.NoContent() : FakeJson.Ok(result);
        }
        catch (KeyNotFoundException e)
        {
            return Errors.NotFound(e.Message);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            return Errors.BadRequest(e.Message);
        }
    }

    private static IResult AddFault(FaultControl faults, FaultRequest r)
    {
        var kind = FaultKind.Status;
        if (r.Kind is not null && !Enum.TryParse(r.Kind.Replace("_", ""), ignoreCase: true, out kind))
            return Errors.BadRequest($"Unknown fault kind '{r.Kind}'. Kinds: {string.Join(", ", Enum.GetNames<FaultKind>())}");
        var rule = faults.Add(new FaultRule
        {
            Method = r.Method ?? "*",
            PathPattern = r.Path,
            Kind = kind,
            StatusCode = r.StatusCode ?? 500,
            RetryAfterSeconds = r.RetryAfterSeconds,
            Delay = TimeSpan.FromMilliseconds(r.DelayMs ?? 0),
            Remaining = r.Count ?? 1,
        });
        return FakeJson.Ok(DescribeFault(rule));
    }

    private static IResult UpdateSettings(FakeSettings settings, SettingsRequest r)
    {
        if (r.ErrorShape is not null)
        {
            if (!Enum.TryParse<ErrorShape>(r.ErrorShape.Replace("_", ""), ignoreCase: true, out var shape))
                return Errors.BadRequest("error_shape must be problem_details or fast_api");
            settings.ErrorShape = shape;
        }
        if (r.AttachmentListWrapped is bool wrapped) settings.AttachmentListWrapped = wrapped;
        if (r.EndCursorOnLastPage is bool cursor) settings.EndCursorOnLastPage = cursor;
        if (r.AttachmentUrlsPointToStorage is bool direct) settings.AttachmentUrlsPointToStorage = direct;
        if (r.StorageDropsMidBody is bool drop) settings.StorageDropsMidBody = drop;
        if (r.StorageRejectsAuthorization is bool reject) settings.StorageRejectsAuthorization = reject;
        if (r.SessionsOldestFirst is bool oldestFirst) settings.SessionsOldestFirst = oldestFirst;
        if (r.TagFilterIgnored is bool ignored) settings.TagFilterIgnored = ignored;
        return FakeJson.Ok(DescribeSettings(settings));
    }

    private static object DescribeSettings(FakeSettings s) => new
    {
        error_shape = s.ErrorShape == ErrorShape.FastApi ? "fast_api" : "problem_details",
        attachment_list_wrapped = s.AttachmentListWrapped,
        end_cursor_on_last_page = s.EndCursorOnLastPage,
        attachment_urls_point_to_storage = s.AttachmentUrlsPointToStorage,
        storage_drops_mid_body = s.StorageDropsMidBody,
        storage_rejects_authorization = s.StorageRejectsAuthorization,
        sessions_oldest_first = s.SessionsOldestFirst,
        tag_filter_ignored = s.TagFilterIgnored,
    };

    private static object DescribeFault(FaultRule r) => new
    {
        method = r.Method, path = r.PathPattern, kind = r.Kind.ToString(), status_code = r.StatusCode,
        retry_after_seconds = r.RetryAfterSeconds, delay_ms = (int)r.Delay.TotalMilliseconds, remaining = r.Remaining, hits = r.Hits,
    };

    private static object Describe(RecordedRequest r) => new
    {
        method = r.Method, path = r.Path, query_string = r.QueryString, headers = r.Headers, body = r.Body,
        timestamp = r.Timestamp, response_status_code = r.ResponseStatusCode,
    };
}
