using System.CommandLine;
using Handoff.Core;
using Handoff.Core.Devin;
using Handoff.Core.Following;
using Handoff.Core.Output;

namespace Handoff.Cli.Commands;

/// <summary>`devin-handoff send SESSION MESSAGE|-`: a follow-up message (wakes a suspended session).</summary>
public sealed class SendCommand(AppServices services) : ICliCommand
{
    private readonly Argument<string> _session = FollowSupport.RequiredSession();
    private readonly Argument<string> _message = new("MESSAGE") { Description = "The message; '-' reads it from stdin" };
    private readonly Option<bool> _json = new("--json") { Description = "Machine-readable output" };
    private readonly ApiOptions _api = new();

    public Command Build()
    {
        var command = new Command("send", "Send a follow-up message to a session (answers a question; wakes a suspended session)");
        command.Arguments.Add(_session);
        command.Arguments.Add(_message);
        command.Options.Add(_json);
        _api.AddTo(command);
        command.SetAction((parse, ct) => CommandRunner.Run(services, parse.GetValue(_json), async token =>
        {
            var id = FollowSupport.Resolve(services, parse.GetValue(_session));
            var text = parse.GetValue(_message) ?? "";
            if (text == "-")
            {
                if (services.Console.IsInputTerminal)
                    services.Console.Error.WriteLine("reading the message from stdin; end with Ctrl-D");
                text = await services.Console.In.ReadToEndAsync(token);
            }
            if (string.IsNullOrWhiteSpace(text))
                throw new HandoffException("the message is empty: pass MESSAGE, or '-' with the text on stdin", ExitCodes.Usage);
            using var client = await services.DevinClient(_api.Read(parse), services.Environment.CurrentDirectory, token);
            var sent = await client.Messages.Send(id, new SendMessageRequest { Message = text.TrimEnd('\r', '\n') }, token);
            if (parse.GetValue(_json))
            {
                services.Console.Out.WriteLine(Json.Serialize(
                    new SendView(id, Sent: true, sent.Session?.Status, sent.Session?.StatusDetail, sent.Detail), CliJson.Compact.SendView));
            }
            else
            {
                services.Console.Error.WriteLine($"sent to {id}{(sent.Session is { } s ? $" (status: {FollowView.StatusText(s)})" : "")}");
                if (sent.Detail is { Length: > 0 } detail) services.Console.Error.WriteLine($"the API says: {detail}");
                services.Console.Error.WriteLine($"follow it: devin-handoff tail {id}");
            }
            return ExitCodes.Ok;
        }, ct));
        return command;
    }
}

/// <summary>`send --json`.</summary>
public sealed record SendView(string SessionId, bool Sent, string? Status, string? StatusDetail, string? Detail);
