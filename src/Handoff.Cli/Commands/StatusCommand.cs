using System.CommandLine;
using Handoff.Cli.Output;
using Handoff.Core.Following;
using Handoff.Core.Output;
using Handoff.Core;

namespace Handoff.Cli.Commands;

/// <summary>`devin-handoff status SESSION`: one look at a session.</summary>
public sealed class StatusCommand(AppServices services) : SessionCommand(services, "status",
    "Show a session once: status, title, URL, pull requests, ACUs, timestamps")
{
    protected override async Task<int> Execute(ParseResult parse, string id, bool json, CancellationToken ct)
    {
        var session = await (await Connect(ct)).Sessions.Get(id, ct);
        if (json)
        {
            WriteJson(FollowView.Session(session), Json.Context.SessionView);
            return ExitCodes.Ok;
        }
        var classification = session.Classify();
        var output = Services.Console.Out;
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
    }
}
