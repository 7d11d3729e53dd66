using System.CommandLine;
using Handoff.Core;
using Handoff.Core.Devin;

namespace Handoff.Cli.Commands.Knowledge;

/// <summary>`devin-handoff knowledge list|show|create|update|delete`: the organization's knowledge notes.</summary>
public sealed class KnowledgeCommand(AppServices services) : ICliCommand
{
    public Command Build()
    {
        var command = new Command("knowledge", "Manage knowledge notes: what Devin should know, and when (trigger)");
        foreach (var verb in new ICliCommand[]
                 {
                     new KnowledgeListCommand(services), new KnowledgeShowCommand(services), new KnowledgeCreateCommand(services),
                     new KnowledgeUpdateCommand(services), new KnowledgeDeleteCommand(services),
                 })
            command.Subcommands.Add(verb.Build());
        return command;
    }

    /// <summary>The JSON shape of a note in every knowledge command's --json output.</summary>
    public static object ToJson(KnowledgeNote n) => new
    {
        note_id = n.NoteId, name = n.Name, trigger = n.Trigger, body = n.Body, folder_id = n.FolderId, folder_path = n.FolderPath,
        is_enabled = n.IsEnabled, pinned_repo = n.PinnedRepo, macro = n.Macro, access_type = n.AccessType, org_id = n.OrgId,
        created_at = n.CreatedAt, updated_at = n.UpdatedAt,
    };

    /// <summary>
    /// A folder given as its id, its path ("/team/backend" or "team/backend") or its unique name → its id.
    /// "/" , "none" or "" → null (the root).
    /// </summary>
    public static async Task<string?> ResolveFolder(IDevinClient client, string value, CancellationToken ct)
    {
        var wanted = value.Trim();
        if (wanted is "" or "/" || wanted.Equals("none", StringComparison.OrdinalIgnoreCase)) return null;
        var folders = (await client.ListKnowledgeFolders(ct)).Folders;
        var byId = folders.FirstOrDefault(f => f.FolderId == wanted);
        if (byId is not null) return byId.FolderId;
        var path = "/" + wanted.Trim('/');
        var byPath = folders.Where(f => string.Equals("/" + (f.Path ?? "").Trim('/'), path, StringComparison.Ordinal)).ToList();
        if (byPath.Count == 1) return byPath[0].FolderId;
        var byName = folders.Where(f => string.Equals(f.Name, wanted, StringComparison.Ordinal)).ToList();
        if (byName.Count == 1) return byName[0].FolderId;
        if (byName.Count > 1)
            throw new HandoffException($"folder name '{wanted}' is ambiguous ({string.Join(", ", byName.Select(f => f.Path ?? f.FolderId))}); give its path", ExitCodes.Usage);
        throw new HandoffException($"knowledge folder '{wanted}' not found (folders: {(folders.Count == 0 ? "none" : string.Join(", ", folders.Select(f => f.Path ?? f.Name)))})", ExitCodes.NotFound);
    }

    /// <summary>--pinned-repo: "none" clears the pin; anything else is sent as given ("owner/repo" or "all").</summary>
    public static string? PinnedRepo(string value) =>
        value.Trim() is "" || value.Trim().Equals("none", StringComparison.OrdinalIgnoreCase) ? null : value.Trim();

    public static bool? Enabled(bool enable, bool disable) => (enable, disable) switch
    {
        (true, true) => throw new HandoffException("give either --enabled or --disabled, not both", ExitCodes.Usage),
        (true, false) => true,
        (false, true) => false,
        _ => null,
    };
}

public sealed class KnowledgeListCommand(AppServices services) : ApiCommand(services)
{
    private readonly Option<string?> _search = new("--search") { Description = "Only notes whose name or body contains TEXT" };
    private readonly Option<string?> _folder = new("--folder") { Description = "Only notes in folder PATH (e.g. /team/backend)" };
    private readonly Option<string?> _pinned = new("--pinned-repo") { Description = "Only notes pinned to REPO (owner/repo)" };
    private readonly Option<int?> _limit = new("--limit") { Description = "Show at most N notes (default: all, page after page)" };

    protected override string Name => "list";
    protected override string Description => "List knowledge notes (all pages)";
    protected override IEnumerable<Symbol> Symbols() => [_search, _folder, _pinned, _limit];

    protected override async Task<int> Execute(ParseResult parse, bool json, CancellationToken ct)
    {
        var limit = parse.GetValue(_limit);
        if (limit is <= 0) throw new HandoffException("--limit must be at least 1", ExitCodes.Usage);
        var client = await Connect(parse, ct);
        var folder = parse.GetValue(_folder);
        var query = new NoteListQuery
        {
            Search = parse.GetValue(_search),
            FolderPath = folder is null ? null : "/" + folder.Trim().Trim('/'),
            PinnedRepo = parse.GetValue(_pinned),
        };
        var notes = await TextInput.CollectPages((after, first) => client.ListNotes(query with { After = after, First = first }, ct), limit);
        if (json)
        {
            WriteJson(notes.Select(KnowledgeCommand.ToJson));
            return ExitCodes.Ok;
        }
        WriteTable(["note_id", "name", "folder", "enabled", "pinned_repo", "trigger"],
            notes.Select(n => new[] { n.NoteId, n.Name, n.FolderPath ?? "/", n.IsEnabled is false ? "no" : "yes", n.PinnedRepo, n.Trigger }));
        if (notes.Count == 0) Status("no knowledge notes");
        return ExitCodes.Ok;
    }
}

public sealed class KnowledgeShowCommand(AppServices services) : ApiCommand(services)
{
    private readonly Argument<string> _id = new("NOTE_ID") { Description = "The note's id (note-…)" };

    protected override string Name => "show";
    protected override string Description => "Show one knowledge note with its body";
    protected override IEnumerable<Symbol> Symbols() => [_id];

    protected override async Task<int> Execute(ParseResult parse, bool json, CancellationToken ct)
    {
        var client = await Connect(parse, ct);
        var note = await client.GetNote(parse.GetValue(_id)!, ct);
        if (json)
        {
            WriteJson(KnowledgeCommand.ToJson(note));
            return ExitCodes.Ok;
        }
        WriteFields(("id", note.NoteId), ("name", note.Name), ("trigger", note.Trigger), ("folder", note.FolderPath ?? "/"),
            ("enabled", note.IsEnabled is false ? "no" : "yes"), ("pinned repo", note.PinnedRepo), ("updated", Time(note.UpdatedAt)));
        Services.Console.Out.WriteLine();
        Services.Console.Out.WriteLine(note.Body.TrimEnd());
        return ExitCodes.Ok;
    }
}

/// <summary>The fields create and update share.</summary>
public abstract class KnowledgeEditCommand(AppServices services) : ApiCommand(services)
{
    protected readonly Option<string?> NameOption = new("--name") { Description = "The note's name" };
    protected readonly Option<string?> TriggerOption = new("--trigger") { Description = "When the note applies (Devin reads it when this matches the task)" };
    protected readonly Option<string?> BodyOption = new("--body") { Description = "The note's content" };
    protected readonly Option<string?> BodyFileOption = new("--body-file") { Description = "Read the content from FILE ('-' = stdin)" };
    protected readonly Option<string?> FolderOption = new("--folder") { Description = "Folder id, path or name ('/' or 'none' = top level)" };
    protected readonly Option<string?> PinnedOption = new("--pinned-repo") { Description = "Pin to a repository (owner/repo, or 'all'); 'none' removes the pin" };
    protected readonly Option<bool> EnabledOption = new("--enabled") { Description = "Enable the note" };
    protected readonly Option<bool> DisabledOption = new("--disabled") { Description = "Disable the note" };

    protected IEnumerable<Symbol> EditSymbols() =>
        [NameOption, TriggerOption, BodyOption, BodyFileOption, FolderOption, PinnedOption, EnabledOption, DisabledOption];

    protected void Report(string verb, KnowledgeNote note, bool json)
    {
        if (json) WriteJson(KnowledgeCommand.ToJson(note));
        else
        {
            Services.Console.Out.WriteLine(note.NoteId);
            Status($"{verb} knowledge note {note.NoteId} ({note.Name})");
        }
    }
}

public sealed class KnowledgeCreateCommand(AppServices services) : KnowledgeEditCommand(services)
{
    protected override string Name => "create";
    protected override string Description => "Create a knowledge note (--name, --trigger, and --body or --body-file)";
    protected override IEnumerable<Symbol> Symbols() => EditSymbols();

    protected override async Task<int> Execute(ParseResult parse, bool json, CancellationToken ct)
    {
        var name = TextInput.RequireFlag(parse.GetValue(NameOption), "--name", "the note's name");
        var trigger = TextInput.RequireFlag(parse.GetValue(TriggerOption), "--trigger", "when the note applies");
        var enabled = KnowledgeCommand.Enabled(parse.GetValue(EnabledOption), parse.GetValue(DisabledOption));
        var body = await TextInput.Require(Services, parse.GetValue(BodyOption), parse.GetValue(BodyFileOption), "--body", "--body-file", ct);
        var client = await Connect(parse, ct);
        var folder = parse.GetValue(FolderOption) is { } f ? await KnowledgeCommand.ResolveFolder(client, f, ct) : null;
        var note = await client.CreateNote(new KnowledgeNoteRequest
        {
            Name = name, Trigger = trigger, Body = body, FolderId = folder, IsEnabled = enabled,
            PinnedRepo = parse.GetValue(PinnedOption) is { } p ? KnowledgeCommand.PinnedRepo(p) : null,
        }, ct);
        Report("created", note, json);
        return ExitCodes.Ok;
    }
}

/// <summary>The API's update is a full replace (PUT): read the note, change only what was given, send it all back.</summary>
public sealed class KnowledgeUpdateCommand(AppServices services) : KnowledgeEditCommand(services)
{
    private readonly Argument<string> _id = new("NOTE_ID") { Description = "The note's id (note-…)" };

    protected override string Name => "update";
    protected override string Description => "Change a knowledge note; fields not given keep their current value";
    protected override IEnumerable<Symbol> Symbols() => [_id, .. EditSymbols()];

    protected override async Task<int> Execute(ParseResult parse, bool json, CancellationToken ct)
    {
        var enabled = KnowledgeCommand.Enabled(parse.GetValue(EnabledOption), parse.GetValue(DisabledOption));
        var body = await TextInput.Read(Services, parse.GetValue(BodyOption), parse.GetValue(BodyFileOption), "--body", "--body-file", ct);
        var name = parse.GetValue(NameOption);
        var trigger = parse.GetValue(TriggerOption);
        var folderValue = parse.GetValue(FolderOption);
        var pinnedValue = parse.GetValue(PinnedOption);
        if (name is null && trigger is null && body is null && folderValue is null && pinnedValue is null && enabled is null)
            throw new HandoffException("nothing to change: give --name, --trigger, --body/--body-file, --folder, --pinned-repo, --enabled or --disabled", ExitCodes.Usage);
        if (name is not null && string.IsNullOrWhiteSpace(name) || trigger is not null && string.IsNullOrWhiteSpace(trigger) || body is not null && string.IsNullOrWhiteSpace(body))
            throw new HandoffException("--name, --trigger and the body cannot be empty", ExitCodes.Usage);

        var client = await Connect(parse, ct);
        var current = await client.GetNote(parse.GetValue(_id)!, ct);
        var request = new KnowledgeNoteRequest
        {
            Name = name?.Trim() ?? current.Name,
            Trigger = trigger?.Trim() ?? current.Trigger,
            Body = body ?? current.Body,
            FolderId = folderValue is null ? current.FolderId : await KnowledgeCommand.ResolveFolder(client, folderValue, ct),
            PinnedRepo = pinnedValue is null ? current.PinnedRepo : KnowledgeCommand.PinnedRepo(pinnedValue),
            IsEnabled = enabled ?? current.IsEnabled,
        };
        Report("updated", await client.UpdateNote(current.NoteId, request, ct), json);
        return ExitCodes.Ok;
    }
}

public sealed class KnowledgeDeleteCommand(AppServices services) : ApiCommand(services)
{
    private readonly Argument<string> _id = new("NOTE_ID") { Description = "The note's id (note-…)" };

    protected override string Name => "delete";
    protected override string Description => "Delete a knowledge note";
    protected override IEnumerable<Symbol> Symbols() => [_id];

    protected override async Task<int> Execute(ParseResult parse, bool json, CancellationToken ct)
    {
        var client = await Connect(parse, ct);
        var note = await client.DeleteNote(parse.GetValue(_id)!, ct);
        if (json) WriteJson(KnowledgeCommand.ToJson(note));
        else Status($"deleted knowledge note {note.NoteId} ({note.Name})");
        return ExitCodes.Ok;
    }
}
