using System.CommandLine;
using System.Text.RegularExpressions;
using Handoff.Core;
using Handoff.Core.Devin;

namespace Handoff.Cli.Commands.Playbooks;

public abstract class PlaybookEditCommand(AppServices services, string name, string description) : ApiCommand(services, name, description)
{
    protected readonly Option<string?> TitleOption = new("--title") { Description = "The playbook's title" };
    protected readonly Option<string?> BodyOption = new("--body") { Description = "The instructions" };
    protected readonly Option<string?> BodyFileOption = new("--body-file") { Description = "Read the instructions from FILE ('-' = stdin)" };
    protected readonly Option<string?> MacroOption = new("--macro") { Description = "Shortcut such as !deploy; 'none' removes it" };

    protected IEnumerable<Symbol> EditSymbols() => [TitleOption, BodyOption, BodyFileOption, MacroOption];

    protected void Report(string verb, Playbook playbook, bool json)
    {
        if (json) WriteJson(PlaybooksCommand.ToJson(playbook), CliJson.Compact.PlaybookView);
        else
        {
            Services.Console.Out.WriteLine(playbook.PlaybookId);
            Status($"{verb} playbook {playbook.PlaybookId} ({playbook.Title})");
        }
    }
}
