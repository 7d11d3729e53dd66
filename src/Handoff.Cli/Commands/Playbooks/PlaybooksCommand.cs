using System.CommandLine;
using System.Text.RegularExpressions;
using Handoff.Core;
using Handoff.Core.Devin;

namespace Handoff.Cli.Commands.Playbooks;

/// <summary>`devin-handoff playbooks list|show|create|update|delete`: the organization's playbooks.</summary>
public sealed partial class PlaybooksCommand(AppServices services) : ICliCommand
{
    public Command Build()
    {
        var command = new Command("playbooks", "Manage playbooks: reusable instructions a session can run (optionally by !macro)");
        foreach (var verb in new ICliCommand[]
                 {
                     new PlaybookListCommand(services), new PlaybookShowCommand(services), new PlaybookCreateCommand(services),
                     new PlaybookUpdateCommand(services), new PlaybookDeleteCommand(services),
                 })
            command.Subcommands.Add(verb.Build());
        return command;
    }

    public static object ToJson(Playbook p) => new
    {
        playbook_id = p.PlaybookId, title = p.Title, body = p.Body, macro = p.Macro, access_type = p.AccessType, org_id = p.OrgId,
        created_at = p.CreatedAt, updated_at = p.UpdatedAt, created_by = p.CreatedBy, updated_by = p.UpdatedBy,
    };

    /// <summary>--macro: "!name" (letters, digits, '_' or '-'); a missing '!' is added; "none" removes it.</summary>
    public static string? Macro(string value)
    {
        var macro = value.Trim();
        if (macro.Length == 0 || macro.Equals("none", StringComparison.OrdinalIgnoreCase)) return null;
        if (!macro.StartsWith('!')) macro = "!" + macro;
        if (!MacroPattern().IsMatch(macro))
            throw new HandoffException($"--macro '{value}': a macro is '!' followed by letters, digits, '_' or '-' (e.g. !deploy)", ExitCodes.Usage);
        return macro;
    }

    [GeneratedRegex("^![A-Za-z0-9_-]+$")]
    private static partial Regex MacroPattern();
}

public sealed class PlaybookListCommand(AppServices services) : ApiCommand(services)
{
    private readonly Option<int?> _limit = new("--limit") { Description = "Show at most N playbooks (default: all, page after page)" };

    protected override string Name => "list";
    protected override string Description => "List playbooks (all pages)";
    protected override IEnumerable<Symbol> Symbols() => [_limit];

    protected override async Task<int> Execute(ParseResult parse, bool json, CancellationToken ct)
    {
        var limit = parse.GetValue(_limit);
        if (limit is <= 0) throw new HandoffException("--limit must be at least 1", ExitCodes.Usage);
        var client = await Connect(parse, ct);
        var playbooks = await TextInput.CollectPages((after, first) => client.ListPlaybooks(after, first, ct), limit);
        if (json)
        {
            WriteJson(playbooks.Select(PlaybooksCommand.ToJson));
            return ExitCodes.Ok;
        }
        WriteTable(["playbook_id", "title", "macro", "updated"], playbooks.Select(p => new[] { p.PlaybookId, p.Title, p.Macro, Time(p.UpdatedAt) }));
        if (playbooks.Count == 0) Status("no playbooks");
        return ExitCodes.Ok;
    }
}

public sealed class PlaybookShowCommand(AppServices services) : ApiCommand(services)
{
    private readonly Argument<string> _id = new("PLAYBOOK_ID") { Description = "The playbook's id (playbook-…)" };

    protected override string Name => "show";
    protected override string Description => "Show one playbook with its body";
    protected override IEnumerable<Symbol> Symbols() => [_id];

    protected override async Task<int> Execute(ParseResult parse, bool json, CancellationToken ct)
    {
        var client = await Connect(parse, ct);
        var playbook = await client.GetPlaybook(parse.GetValue(_id)!, ct);
        if (json)
        {
            WriteJson(PlaybooksCommand.ToJson(playbook));
            return ExitCodes.Ok;
        }
        WriteFields(("id", playbook.PlaybookId), ("title", playbook.Title), ("macro", playbook.Macro), ("updated", Time(playbook.UpdatedAt)));
        Services.Console.Out.WriteLine();
        Services.Console.Out.WriteLine(playbook.Body.TrimEnd());
        return ExitCodes.Ok;
    }
}

public abstract class PlaybookEditCommand(AppServices services) : ApiCommand(services)
{
    protected readonly Option<string?> TitleOption = new("--title") { Description = "The playbook's title" };
    protected readonly Option<string?> BodyOption = new("--body") { Description = "The instructions" };
    protected readonly Option<string?> BodyFileOption = new("--body-file") { Description = "Read the instructions from FILE ('-' = stdin)" };
    protected readonly Option<string?> MacroOption = new("--macro") { Description = "Shortcut such as !deploy; 'none' removes it" };

    protected IEnumerable<Symbol> EditSymbols() => [TitleOption, BodyOption, BodyFileOption, MacroOption];

    protected void Report(string verb, Playbook playbook, bool json)
    {
        if (json) WriteJson(PlaybooksCommand.ToJson(playbook));
        else
        {
            Services.Console.Out.WriteLine(playbook.PlaybookId);
            Status($"{verb} playbook {playbook.PlaybookId} ({playbook.Title})");
        }
    }
}

public sealed class PlaybookCreateCommand(AppServices services) : PlaybookEditCommand(services)
{
    protected override string Name => "create";
    protected override string Description => "Create a playbook (--title, and --body or --body-file)";
    protected override IEnumerable<Symbol> Symbols() => EditSymbols();

    protected override async Task<int> Execute(ParseResult parse, bool json, CancellationToken ct)
    {
        var title = TextInput.RequireFlag(parse.GetValue(TitleOption), "--title", "the playbook's title");
        var macro = parse.GetValue(MacroOption) is { } m ? PlaybooksCommand.Macro(m) : null;
        var body = await TextInput.Require(Services, parse.GetValue(BodyOption), parse.GetValue(BodyFileOption), "--body", "--body-file", ct);
        var client = await Connect(parse, ct);
        Report("created", await client.CreatePlaybook(new PlaybookRequest { Title = title, Body = body, Macro = macro }, ct), json);
        return ExitCodes.Ok;
    }
}

/// <summary>The API's update is a full replace (PUT): read the playbook, change only what was given, send it all back.</summary>
public sealed class PlaybookUpdateCommand(AppServices services) : PlaybookEditCommand(services)
{
    private readonly Argument<string> _id = new("PLAYBOOK_ID") { Description = "The playbook's id (playbook-…)" };

    protected override string Name => "update";
    protected override string Description => "Change a playbook; fields not given keep their current value";
    protected override IEnumerable<Symbol> Symbols() => [_id, .. EditSymbols()];

    protected override async Task<int> Execute(ParseResult parse, bool json, CancellationToken ct)
    {
        var title = parse.GetValue(TitleOption);
        var macroValue = parse.GetValue(MacroOption);
        var macro = macroValue is null ? null : PlaybooksCommand.Macro(macroValue);
        var body = await TextInput.Read(Services, parse.GetValue(BodyOption), parse.GetValue(BodyFileOption), "--body", "--body-file", ct);
        if (title is null && body is null && macroValue is null)
            throw new HandoffException("nothing to change: give --title, --body/--body-file or --macro", ExitCodes.Usage);
        if (title is not null && string.IsNullOrWhiteSpace(title) || body is not null && string.IsNullOrWhiteSpace(body))
            throw new HandoffException("--title and the body cannot be empty", ExitCodes.Usage);

        var client = await Connect(parse, ct);
        var current = await client.GetPlaybook(parse.GetValue(_id)!, ct);
        var request = new PlaybookRequest
        {
            Title = title?.Trim() ?? current.Title,
            Body = body ?? current.Body,
            Macro = macroValue is null ? current.Macro : macro,
            StructuredOutputSchema = current.StructuredOutputSchema,
        };
        Report("updated", await client.UpdatePlaybook(current.PlaybookId, request, ct), json);
        return ExitCodes.Ok;
    }
}

public sealed class PlaybookDeleteCommand(AppServices services) : ApiCommand(services)
{
    private readonly Argument<string> _id = new("PLAYBOOK_ID") { Description = "The playbook's id (playbook-…)" };

    protected override string Name => "delete";
    protected override string Description => "Delete a playbook";
    protected override IEnumerable<Symbol> Symbols() => [_id];

    protected override async Task<int> Execute(ParseResult parse, bool json, CancellationToken ct)
    {
        var client = await Connect(parse, ct);
        var playbook = await client.DeletePlaybook(parse.GetValue(_id)!, ct);
        if (json) WriteJson(PlaybooksCommand.ToJson(playbook));
        else Status($"deleted playbook {playbook.PlaybookId} ({playbook.Title})");
        return ExitCodes.Ok;
    }
}
