using System.CommandLine;
using Handoff.Core;
using Handoff.Core.Devin;
using Handoff.Core.Following;

namespace Handoff.Cli.Commands;

/// <summary>`devin-handoff send SESSION MESSAGE|-`: a follow-up message (wakes a suspended session).</summary>
public sealed class SendCommand(AppServices services) : SessionCommand(services, "send",
    "Send a follow-up message to a session (answers a question; wakes a suspended session)", sessionRequired: true)
{
    private readonly Argument<string> _message = new("MESSAGE") { Description = "The message; '-' reads it from stdin" };

    protected override IEnumerable<Symbol> MoreSymbols() => [_message];

    protected override async Task<int> Execute(ParseResult parse, string id, bool json, CancellationToken ct)
    {
        var text = parse.GetValue(_message) ?? "";
        if (text == "-")
        {
            if (Services.Console.IsInputTerminal)
                Status("reading the message from stdin; end with Ctrl-D");
            text = await Services.Console.In.ReadToEndAsync(ct);
        }
        if (string.IsNullOrWhiteSpace(text))
            throw new HandoffException("the message is empty: pass MESSAGE, or '-' with the text on stdin", ExitCodes.Usage);
        var sent = await (await Connect(ct)).Messages.Send(id, new SendMessageRequest { Message = text.TrimEnd('\r', '\n') }, ct);
        if (json)
        {
            WriteJson(new SendView(id, Sent: true, sent.Session?.Status, sent.Session?.StatusDetail, sent.Detail), CliJson.Compact.SendView);
            return ExitCodes.Ok;
        }
        Status($"sent to {id}{(sent.Session is { } s ? $" (status: {FollowView.StatusText(s)})" : "")}");
        if (sent.Detail is { Length: > 0 } detail) Status($"the API says: {detail}");
        Status($"follow it: devin-handoff tail {id}");
        return ExitCodes.Ok;
    }
}

/// <summary>`send --json`.</summary>
public sealed record SendView(string SessionId, bool Sent, string? Status, string? StatusDetail, string? Detail);
