using System.CommandLine;
using Handoff.Core;
using Handoff.Core.Devin;

namespace Handoff.Cli.Commands.Knowledge;

/// <summary>The fields create and update share.</summary>
public abstract class KnowledgeEditCommand(AppServices services, string name, string description) : ApiCommand(services, name, description)
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
        if (json) WriteJson(KnowledgeCommand.ToJson(note), CliJson.Compact.KnowledgeNoteView);
        else
        {
            Services.Console.Out.WriteLine(note.NoteId);
            Status($"{verb} knowledge note {note.NoteId} ({note.Name})");
        }
    }
}
