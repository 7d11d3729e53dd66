using System.CommandLine;
using Handoff.Core;
using Handoff.Core.Following;
using Handoff.Core.Output;

namespace Handoff.Cli.Commands;

/// <summary>`devin-handoff archive SESSION`: archives a session (it sleeps and can no longer be continued). v3 keys only.</summary>
public sealed class ArchiveCommand(AppServices services) : ICliCommand
{
    private readonly Argument<string> _session = FollowSupport.RequiredSession();
    private readonly Option<bool> _json = new("--json") { Description = "Machine-readable output" };
    private readonly ApiOptions _api = new();

    public Command Build()
    {
        var command = new Command("archive", "Archive a session: it stops and stays viewable, but cannot be continued (cog_ keys)");
        command.Arguments.Add(_session);
        command.Options.Add(_json);
        _api.AddTo(command);
        command.SetAction((parse, ct) => CommandRunner.Run(services, parse.GetValue(_json), async token =>
        {
            var id = FollowSupport.Resolve(services, parse.GetValue(_session));
            using var client = await services.DevinClient(_api.Read(parse), services.Environment.CurrentDirectory, token);
            var session = await client.Sessions.Archive(id, token);
            if (parse.GetValue(_json))
                services.Console.Out.WriteLine(Json.Serialize(FollowView.Session(session), Json.Context.SessionView));
            else
                services.Console.Error.WriteLine($"archived {id}");
            return ExitCodes.Ok;
        }, ct));
        return command;
    }
}
