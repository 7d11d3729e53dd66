using System.Text.RegularExpressions;
using Handoff.FakeDevin.Infrastructure;
using Handoff.FakeDevin.Model;
using Handoff.FakeDevin.State;

namespace Handoff.FakeDevin.Endpoints;

/// <summary>
/// v1 team playbooks (apk_ keys): list (a bare array), create, read, full replace and delete. Times are ISO strings,
/// authors come as <c>created_by_user_id</c>/<c>_name</c>, and a replace or delete answers only <c>{"status": …}</c>.
/// Playbooks live in the default org, shared with v3.
/// </summary>
public static partial class V1PlaybooksEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/playbooks", List);
        app.MapPost("/v1/playbooks", Create);
        app.MapGet("/v1/playbooks/{playbook_id}", Get);
        app.MapPut("/v1/playbooks/{playbook_id}", Replace);
        app.MapDelete("/v1/playbooks/{playbook_id}", Delete);
    }

    [GeneratedRegex("^![A-Za-z0-9_-]+$")]
    private static partial Regex MacroPattern();

    private sealed record Fields(string Title, string Body, string? Macro);

    private static async Task<(Fields? Fields, IResult? Error)> ReadAsync(HttpRequest request)
    {
        var (body, error) = await BodyReader.ReadAsync(request);
        if (body is null) return (null, error);
        var title = body.RequiredString("title");
        var text = body.RequiredString("body");
        var macro = body.OptionalString("macro");
        if (macro is not null && !MacroPattern().IsMatch(macro))
            body.AddError("macro", "Macro must be '!' followed by letters, digits, '_' or '-'", "string_pattern_mismatch");
        return body.IsValid ? (new Fields(title!, text!, macro), null) : (null, body.ValidationResult());
    }

    private static V1PlaybookResponse ToResponse(FakePlaybook p, FakeState state) => new(
        p.PlaybookId, p.Title, p.Body, "published", "team", p.OrgId, Iso(p.CreatedAt), Iso(p.UpdatedAt),
        p.CreatedBy, state.Self.Name, p.UpdatedBy, state.Self.Name, p.Macro);

    private static string Iso(long epochSeconds) => SchedulesEndpoints.Iso(DateTimeOffset.FromUnixTimeSeconds(epochSeconds));

    private static IResult List(FakeState state)
    {
        lock (state.Gate)
            return FakeJson.Ok(state.PlaybookList.Where(p => p.OrgId == state.DefaultOrgId).OrderBy(p => p.Seq).Select(p => ToResponse(p, state)).ToList());
    }

    private static async Task<IResult> Create(HttpRequest request, FakeState state)
    {
        var (fields, error) = await ReadAsync(request);
        if (fields is null) return error!;
        lock (state.Gate)
        {
            var now = state.NowEpoch();
            var playbook = new FakePlaybook
            {
                PlaybookId = "playbook-" + FakeState.NewHex(),
                OrgId = state.DefaultOrgId,
                Title = fields.Title,
                Body = fields.Body,
                Macro = fields.Macro,
                CreatedAt = now,
                UpdatedAt = now,
                CreatedBy = state.Self.Id,
                UpdatedBy = state.Self.Id,
                Seq = state.NextSeq(),
            };
            state.PlaybookList.Add(playbook);
            return FakeJson.Ok(ToResponse(playbook, state));
        }
    }

    private static IResult Get(string playbook_id, FakeState state)
    {
        lock (state.Gate)
        {
            var playbook = Find(state, playbook_id);
            return playbook is null ? Errors.NotFound($"Playbook {playbook_id} not found") : FakeJson.Ok(ToResponse(playbook, state));
        }
    }

    private static async Task<IResult> Replace(string playbook_id, HttpRequest request, FakeState state)
    {
        var (fields, error) = await ReadAsync(request);
        if (fields is null) return error!;
        lock (state.Gate)
        {
            var playbook = Find(state, playbook_id);
            if (playbook is null) return Errors.NotFound($"Playbook {playbook_id} not found");
            playbook.Title = fields.Title;
            playbook.Body = fields.Body;
            playbook.Macro = fields.Macro;
            playbook.UpdatedAt = state.NowEpoch();
            playbook.UpdatedBy = state.Self.Id;
            return FakeJson.Ok(new V1StatusResponse("success"));
        }
    }

    private static IResult Delete(string playbook_id, FakeState state)
    {
        lock (state.Gate)
        {
            var playbook = Find(state, playbook_id);
            if (playbook is null) return Errors.NotFound($"Playbook {playbook_id} not found");
            state.PlaybookList.Remove(playbook);
            return FakeJson.Ok(new V1StatusResponse("success"));
        }
    }

    private static FakePlaybook? Find(FakeState state, string playbookId) =>
        state.PlaybookList.FirstOrDefault(p => p.PlaybookId == playbookId && p.OrgId == state.DefaultOrgId);
}
