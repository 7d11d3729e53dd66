using System.Text.Json;
using System.Text.RegularExpressions;
using Handoff.FakeDevin.Infrastructure;
using Handoff.FakeDevin.Model;
using Handoff.FakeDevin.State;

namespace Handoff.FakeDevin.Endpoints;

/// <summary>Playbooks CRUD (devin-api.md §7).</summary>
public static partial class PlaybooksEndpoints
{
    public static void Map(RouteGroupBuilder org)
    {
        org.MapGet("/playbooks", List);
        org.MapPost("/playbooks", Create);
        org.MapGet("/playbooks/{playbook_id}", Get);
        org.MapPut("/playbooks/{playbook_id}", Replace);
        org.MapDelete("/playbooks/{playbook_id}", Delete);
    }

    [GeneratedRegex("^![A-Za-z0-9_-]+$")]
    private static partial Regex MacroPattern();

    private sealed record PlaybookFields(string Title, string Body, string? Macro, JsonElement? Schema);

    private static async Task<(PlaybookFields? Fields, IResult? Error)> ReadFieldsAsync(HttpRequest request)
    {
        var (body, error) = await BodyReader.ReadAsync(request);
        if (body is null) return (null, error);
        var title = body.RequiredString("title");
        var text = body.RequiredString("body");
        var macro = body.OptionalString("macro");
        if (macro is not null && !MacroPattern().IsMatch(macro))
            body.AddError("macro", "Macro must be '!' followed by letters, digits, '_' or '-'", "string_pattern_mismatch");
        var schema = body.OptionalObject("structured_output_schema");
        return body.IsValid ? (new PlaybookFields(title!, text!, macro, schema), null) : (null, body.ValidationResult());
    }

    private static string Actor(FakeState state) => state.Self.Id;

    private static IResult List(string org_id, HttpRequest request, FakeState state, FakeSettings settings)
    {
        if (Paging.ReadCursorQuery(request, out var first, out var after) is { } pagingError) return pagingError;
        lock (state.Gate)
        {
            var playbooks = state.PlaybookList.Where(p => p.OrgId == org_id).OrderBy(p => p.Seq).ToList();
            return FakeJson.Ok(Paging.Page(playbooks, p => p.Seq, descending: false, first, after, PlaybookResponse.From, settings.EndCursorOnLastPage));
        }
    }

    private static async Task<IResult> Create(string org_id, HttpRequest request, FakeState state)
    {
        var (fields, error) = await ReadFieldsAsync(request);
        if (fields is null) return error!;
        lock (state.Gate)
        {
            var now = state.NowEpoch();
            var playbook = new FakePlaybook
            {
                PlaybookId = "playbook-" + FakeState.NewHex(),
                OrgId = org_id,
                Title = fields.Title,
                Body = fields.Body,
                Macro = fields.Macro,
                StructuredOutputSchema = fields.Schema,
                CreatedAt = now,
                UpdatedAt = now,
                CreatedBy = Actor(state),
                UpdatedBy = Actor(state),
                Seq = state.NextSeq(),
            };
            state.PlaybookList.Add(playbook);
            return FakeJson.Ok(PlaybookResponse.From(playbook));
        }
    }

    private static IResult Get(string org_id, string playbook_id, FakeState state)
    {
        lock (state.Gate)
        {
            var playbook = state.PlaybookList.FirstOrDefault(p => p.PlaybookId == playbook_id && p.OrgId == org_id);
            return playbook is null ? Errors.NotFound($"Playbook {playbook_id} not found") : FakeJson.Ok(PlaybookResponse.From(playbook));
        }
    }

    private static async Task<IResult> Replace(string org_id, string playbook_id, HttpRequest request, FakeState state)
    {
        var (fields, error) = await ReadFieldsAsync(request);
        if (fields is null) return error!;
        lock (state.Gate)
        {
            var playbook = state.PlaybookList.FirstOrDefault(p => p.PlaybookId == playbook_id && p.OrgId == org_id);
            if (playbook is null) return Errors.NotFound($"Playbook {playbook_id} not found");
            playbook.Title = fields.Title;
            playbook.Body = fields.Body;
            playbook.Macro = fields.Macro;
            playbook.StructuredOutputSchema = fields.Schema;
            playbook.UpdatedAt = state.NowEpoch();
            playbook.UpdatedBy = Actor(state);
            return FakeJson.Ok(PlaybookResponse.From(playbook));
        }
    }

    private static IResult Delete(string org_id, string playbook_id, FakeState state)
    {
        lock (state.Gate)
        {
            var playbook = state.PlaybookList.FirstOrDefault(p => p.PlaybookId == playbook_id && p.OrgId == org_id);
            if (playbook is null) return Errors.NotFound($"Playbook {playbook_id} not found");
            state.PlaybookList.Remove(playbook);
            return FakeJson.Ok(PlaybookResponse.From(playbook));
        }
    }
}
