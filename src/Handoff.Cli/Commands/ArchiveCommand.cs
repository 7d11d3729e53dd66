using System.CommandLine;

namespace Handoff.Cli.Commands;

/// <summary>`devin-handoff archive SESSION`: archives a session (it sleeps and can no longer be continued). v3 keys only.</summary>
public sealed class ArchiveCommand(AppServices services) : SessionCommand(services, "archive",
    "Archive a session: it stops and stays viewable, but cannot be continued (cog_ keys)", sessionRequired: true)
{
    protected override async Task<int> Execute(ParseResult parse, string id, bool json, CancellationToken ct) =>
        Changed(await (await Connect(ct)).Sessions.Archive(id, ct), json, $"archived {id}");
}
