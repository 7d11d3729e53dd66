using System.CommandLine;
using Handoff.Core;
using Handoff.Core.Devin;
using Handoff.Core.Following;
using Handoff.Core.Output;

namespace Handoff.Cli.Commands;

/// <summary>`devin-handoff status SESSION`: one look at a session.</summary>
public sealed class StatusCommand(AppServices services) : ICliCommand
{
    private readonly Argument<string?> _session = FollowSupport.OptionalSession();
    private readonly Option<bool> _json = new("--json") { Description = "Machine-readable output" };
    private readonly ApiOptions _api = new();

    public Command Build()
    {
        var command = new Command("status", "Show a session once: status, title, URL, pull requests, ACUs, timestamps");
        command.Arguments.Add(_session);
        command.Options.Add(_json);
        _api.AddTo(command);
        command.SetAction((parse, ct) => CommandRunner.Run(services, parse.GetValue(_json), async token =>
        {
            var id = FollowSupport.Resolve(services, parse.GetValue(_session));
            using var client = await services.DevinClient(_api.Read(parse), services.Environment.CurrentDirectory, token);
            var session = await client.Sessions.Get(id, token);
            if (parse.GetValue(_json))
            {
                services.Console.Out.WriteLine(Json.Serialize(FollowView.Session(session), Json.Context.SessionView));
                return ExitCodes.Ok;
            }
            var classification = session.Classify();
            var output = services.Console.Out;
            output.WriteLine($"session: {session.SessionId}");
            foreach (var line in FollowPrinter.SummaryLines(session, classification))
                output.WriteLine(line);
            output.WriteLine($"state: {FollowOutcome.StateName(classification.State)}");
            if (session.AcusConsumed is { } acus) output.WriteLine($"acus: {acus:0.##}");
            if (session.CreatedAt is { } created) output.WriteLine($"created: {created.ToLocalTime():yyyy-MM-dd HH:mm:ss}");
            if (session.UpdatedAt is { } updated) output.WriteLine($"updated: {updated.ToLocalTime():yyyy-MM-dd HH:mm:ss}");
            if (session.IsArchived) output.WriteLine("archived: yes");
            if (session.Tags.Count > 0) output.WriteLine($"tags: {string.Join(", ", session.Tags)}");
            return ExitCodes.Ok;
        }, ct));
        return command;
    }
}
