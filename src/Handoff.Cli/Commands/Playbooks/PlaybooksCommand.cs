using System.CommandLine;
using System.Text.Json.Nodes;
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

    public static PlaybookView ToJson(Playbook p) => new(
        p.PlaybookId, p.Title, p.Body, p.Macro, p.AccessType, p.OrgId, p.CreatedAt, p.UpdatedAt, p.CreatedBy, p.UpdatedBy);

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

/// <summary>A playbook in every playbooks command's --json output.</summary>
public sealed record PlaybookView(
    string PlaybookId, string Title, string Body, string? Macro, string? AccessType, string? OrgId,
    DateTimeOffset? CreatedAt, DateTimeOffset? UpdatedAt, JsonNode? CreatedBy, JsonNode? UpdatedBy);
