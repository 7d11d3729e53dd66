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
    public static KnowledgeNoteView ToJson(KnowledgeNote n) => new(
        n.NoteId, n.Name, n.Trigger, n.Body, n.FolderId, n.FolderPath,
        n.IsEnabled, n.PinnedRepo, n.Macro, n.AccessType, n.OrgId,
        n.CreatedAt, n.UpdatedAt);

    /// <summary>
    /// A folder given as its id, its path ("/team/backend" or "team/backend") or its unique name → its id.
    /// "/" , "none" or "" → null (the root).
    /// </summary>
    public static async Task<string?> ResolveFolder(IDevinClient client, string value, CancellationToken ct)
    {
        var wanted = value.Trim();
        if (wanted is "" or "/" || wanted.Equals("none", StringComparison.OrdinalIgnoreCase)) return null;
        var folders = (await client.Knowledge.ListFolders(ct)).Folders;
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

/// <summary>A note in every knowledge command's --json output.</summary>
public sealed record KnowledgeNoteView(
    string NoteId, string Name, string Trigger, string Body, string? FolderId, string? FolderPath,
    bool? IsEnabled, string? PinnedRepo, string? Macro, string? AccessType, string? OrgId,
    DateTimeOffset? CreatedAt, DateTimeOffset? UpdatedAt);
