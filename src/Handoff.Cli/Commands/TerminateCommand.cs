using System.CommandLine;
using Handoff.Core;
using Handoff.Core.Following;
using Handoff.Core.Output;

namespace Handoff.Cli.Commands;

/// <summary>`devin-handoff terminate SESSION`: ends a session for good. Asks first on a terminal; scripts pass --yes.</summary>
public sealed class TerminateCommand(AppServices services) : ICliCommand
{
    private readonly Argument<string> _session = FollowSupport.RequiredSession();
    private readonly Option<bool> _yes = new("--yes", "-y") { Description = "Do not ask (required when stdin is not a terminal)" };
    private readonly Option<bool> _archive = new("--archive") { Description = "Also archive it (kept for reference)" };
    private readonly Option<bool> _json = new("--json") { Description = "Machine-readable output" };
    private readonly ApiOptions _api = new();

    public Command Build()
    {
        var command = new Command("terminate", "End a session for good (it cannot be resumed); asks first unless --yes");
        command.Arguments.Add(_session);
        foreach (var option in new Option[] { _yes, _archive, _json })
            command.Options.Add(option);
        _api.AddTo(command);
        command.SetAction((parse, ct) => CommandRunner.Run(services, parse.GetValue(_json), async token =>
        {
            var id = FollowSupport.Resolve(services, parse.GetValue(_session));
            if (!parse.GetValue(_yes))
            {
                if (!services.Console.IsInputTerminal)
                    throw new HandoffException($"terminate asks for confirmation, but stdin is not a terminal: pass --yes to terminate {id}", ExitCodes.Usage);
                services.Console.Error.Write($"Terminate {id}? It cannot be resumed afterwards. [y/N] ");
                var answer = (await services.Console.In.ReadLineAsync(token))?.Trim();
                if (!string.Equals(answer, "y", StringComparison.OrdinalIgnoreCase) && !string.Equals(answer, "yes", StringComparison.OrdinalIgnoreCase))
                {
                    services.Console.Error.WriteLine("not terminated");
                    return ExitCodes.Error;
                }
            }
            using var client = await services.DevinClient(_api.Read(parse), services.Environment.CurrentDirectory, token);
            var session = await client.Sessions.Terminate(id, parse.GetValue(_archive), token);
            if (parse.GetValue(_json))
                services.Console.Out.WriteLine(Json.Serialize(FollowView.Session(session), Json.Context.SessionView));
            else
                services.Console.Error.WriteLine($"terminated {id}");
            return ExitCodes.Ok;
        }, ct));
        return command;
    }
}
