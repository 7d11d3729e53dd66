using System.Globalization;
using Handoff.FakeDevin.Infrastructure;
using Handoff.FakeDevin.Model;
using Handoff.FakeDevin.State;

namespace Handoff.FakeDevin.Endpoints;

/// <summary>Schedules: limit/offset list, create, get, PATCH (only sent fields change), soft delete (devin-api.md §8).</summary>
public static class SchedulesEndpoints
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 100;

    private static readonly string[] ScheduleTypes = ["recurring", "one_time"];
    private static readonly string[] Agents = ["devin", "data_analyst", "advanced"];
    private static readonly string[] NotifyOptions = ["always", "failure", "never"];

    public static void Map(RouteGroupBuilder org)
    {
        org.MapGet("/schedules", List);
        org.MapPost("/schedules", Create);
        org.MapGet("/schedules/{schedule_id}", Get);
        org.MapPatch("/schedules/{schedule_id}", Patch);
        org.MapDelete("/schedules/{schedule_id}", Delete);
    }

    internal static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static ScheduleResponse ToResponse(FakeSchedule s, FakeState state)
    {
        var playbook = s.PlaybookId is null ? null
            : new SchedulePlaybookRef(s.PlaybookId, state.PlaybookList.FirstOrDefault(p => p.PlaybookId == s.PlaybookId)?.Title);
        return new ScheduleResponse(
            s.ScheduledSessionId, s.Name, s.Prompt, s.Frequency, s.Enabled, s.Agent, s.NotifyOn, playbook, s.OrgId,
            Iso(s.CreatedAt), Iso(s.UpdatedAt), s.CreatedBy, s.LastEditedBy, null, null, null, 0, s.ScheduleType,
            s.ScheduledAt, s.BypassApproval, s.IntervalCount, s.Platform, s.Tags.ToList(), s.SlackChannelId, s.SlackTeamId, s.TargetDevinId);
    }

    private static FakeSchedule? Find(FakeState state, string orgId, string scheduleId) =>
        state.ScheduleList.FirstOrDefault(s => s.ScheduledSessionId == scheduleId && s.OrgId == orgId && !s.IsDeleted);

    private static IResult List(string org_id, HttpRequest request, FakeState state)
    {
        var errors = new List<FieldError>();
        var limit = SessionsEndpoints.ReadLong(request.Query, "limit", errors) ?? DefaultLimit;
        var offset = SessionsEndpoints.ReadLong(request.Query, "offset", errors) ?? 0;
        if (limit is < 1 or > MaxLimit) errors.Add(new FieldError(["query", "limit"], $"Input should be between 1 and {MaxLimit}", "less_than_equal"));
        if (offset < 0) errors.Add(new FieldError(["query", "offset"], "Input should be greater than or equal to 0", "greater_than_equal"));
        if (errors.Count > 0) return Errors.Validation(errors);
        lock (state.Gate)
        {
            var all = state.ScheduleList.Where(s => s.OrgId == org_id && !s.IsDeleted).OrderBy(s => s.Seq).ToList();
            var page = all.Skip((int)offset).Take((int)limit).Select(s => ToResponse(s, state)).ToList();
            var hasNext = offset + page.Count < all.Count;
            return FakeJson.Ok(new PageResponse<ScheduleResponse>(page, hasNext, null, all.Count));
        }
    }

    private static async Task<IResult> Create(string org_id, HttpRequest request, FakeState state)
    {
        var (body, error) = await BodyReader.ReadAsync(request);
        if (body is null) return error!;
        var name = body.RequiredString("name");
        var prompt = body.RequiredString("prompt");
        var now = state.Clock.GetUtcNow();
        var draft = new FakeSchedule
        {
            ScheduledSessionId = "sched-" + FakeState.NewHex(),
            OrgId = org_id,
            Name = name ?? "",
            Prompt = prompt ?? "",
            CreatedAt = now,
            UpdatedAt = now,
            CreatedBy = state.Self.Id,
            LastEditedBy = state.Self.Id,
            Seq = state.NextSeq(),
        };
        if (ApplyFields(body, draft, state, isCreate: true) is { } invalid) return invalid;
        lock (state.Gate)
        {
            state.ScheduleList.Add(draft);
            return FakeJson.Ok(ToResponse(draft, state));
        }
    }

    private static IResult Get(string org_id, string schedule_id, FakeState state)
    {
        lock (state.Gate)
        {
            var schedule = Find(state, org_id, schedule_id);
            return schedule is null ? Errors.NotFound($"Schedule {schedule_id} not found") : FakeJson.Ok(ToResponse(schedule, state));
        }
    }

    private static async Task<IResult> Patch(string org_id, string schedule_id, HttpRequest request, FakeState state)
    {
        var (body, error) = await BodyReader.ReadAsync(request);
        if (body is null) return error!;
        lock (state.Gate)
        {
            var current = Find(state, org_id, schedule_id);
            if (current is null) return Errors.NotFound($"Schedule {schedule_id} not found");
            var draft = current.Copy();
            if (body.Has("name")) draft.Name = body.RequiredString("name") ?? draft.Name;
            if (body.Has("prompt")) draft.Prompt = body.RequiredString("prompt") ?? draft.Prompt;
            if (body.Has("enabled")) draft.Enabled = body.OptionalBool("enabled") ?? draft.Enabled;
            if (ApplyFields(body, draft, state, isCreate: false) is { } invalid) return invalid;
            draft.UpdatedAt = state.Clock.GetUtcNow();
            draft.LastEditedBy = state.Self.Id;
            state.ScheduleList[state.ScheduleList.IndexOf(current)] = draft;
            return FakeJson.Ok(ToResponse(draft, state));
        }
    }

    private static IResult Delete(string org_id, string schedule_id, FakeState state)
    {
        lock (state.Gate)
        {
            var schedule = Find(state, org_id, schedule_id);
            if (schedule is null) return Errors.NotFound($"Schedule {schedule_id} not found");
            schedule.IsDeleted = true;
            schedule.Enabled = false;
            schedule.UpdatedAt = state.Clock.GetUtcNow();
            return FakeJson.Ok(ToResponse(schedule, state));
        }
    }

    /// <summary>Copies the optional fields that were sent into <paramref name="s"/>, then checks the cross-field rules.</summary>
    private static IResult? ApplyFields(BodyReader body, FakeSchedule s, FakeState state, bool isCreate)
    {
        if (body.Has("schedule_type")) s.ScheduleType = Enum(body, "schedule_type", ScheduleTypes) ?? s.ScheduleType;
        if (body.Has("agent")) s.Agent = Enum(body, "agent", Agents) ?? s.Agent;
        if (body.Has("notify_on")) s.NotifyOn = Enum(body, "notify_on", NotifyOptions) ?? s.NotifyOn;
        if (body.Has("frequency")) s.Frequency = body.OptionalString("frequency");
        if (body.Has("scheduled_at")) s.ScheduledAt = body.OptionalString("scheduled_at");
        if (body.Has("playbook_id")) s.PlaybookId = body.OptionalString("playbook_id");
        // The create schema names the acting user create_as_user_id, the update (PATCH) schema run_as_user_id.
        var userField = isCreate ? "create_as_user_id" : "run_as_user_id";
        if (body.Has(userField)) s.CreateAsUserId = body.OptionalString(userField);
        if (body.Has("bypass_approval")) s.BypassApproval = body.OptionalBool("bypass_approval") ?? false;
        if (body.Has("interval_count")) s.IntervalCount = body.OptionalLong("interval_count");
        if (body.Has("platform")) s.Platform = body.OptionalString("platform");
        if (body.Has("tags")) s.Tags = body.OptionalStringList("tags") ?? [];
        if (body.Has("slack_channel_id")) s.SlackChannelId = body.OptionalString("slack_channel_id");
        if (body.Has("slack_team_id")) s.SlackTeamId = body.OptionalString("slack_team_id");
        if (body.Has("target_devin_id")) s.TargetDevinId = body.OptionalString("target_devin_id");

        if (s.ScheduleType == "recurring")
        {
            if (s.Frequency is null) body.AddError("frequency", "frequency is required when schedule_type is recurring", "missing");
            else if (s.Frequency.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length != 5)
                body.AddError("frequency", "frequency must be a cron expression with 5 fields (UTC)", "value_error");
        }
        else if (s.ScheduledAt is null)
        {
            body.AddError("scheduled_at", "scheduled_at is required when schedule_type is one_time", "missing");
        }
        if ((isCreate || body.Has("scheduled_at")) && s.ScheduledAt is not null)
        {
            if (!DateTimeOffset.TryParse(s.ScheduledAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
                body.AddError("scheduled_at", "Input should be a valid datetime", "datetime_parsing");
            else if (at <= state.Clock.GetUtcNow())
                body.AddError("scheduled_at", "scheduled_at must be in the future", "value_error");
        }
        if (!body.IsValid) return body.ValidationResult();
        if (s.Platform is not null && !state.ValidPlatforms.Contains(s.Platform))
            return Errors.BadRequest($"Unknown platform '{s.Platform}'. Valid platforms: {string.Join(", ", state.ValidPlatforms)}");
        return null;
    }

    private static string? Enum(BodyReader body, string field, string[] allowed)
    {
        var value = body.RequiredString(field);
        body.RequireOneOf(field, value, allowed);
        return value is not null && allowed.Contains(value) ? value : null;
    }
}
