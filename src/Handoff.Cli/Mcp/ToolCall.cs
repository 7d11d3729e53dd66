using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Handoff.Cli.Mcp;

/// <summary>What a tool may do back to the client while it runs: report progress when the client asked for it.</summary>
public sealed class ToolCall(RequestContext<CallToolRequestParams> request)
{
    /// <summary>Sends a progress notification if the call carried a progress token; otherwise does nothing.</summary>
    public Task Progress(double progress, double? total, string message, CancellationToken cancellationToken)
    {
        if (request.Params?.ProgressToken is not { } token) return Task.CompletedTask;
        return request.Server.NotifyProgressAsync(token,
            new ProgressNotificationValue { Progress = (float)progress, Total = total is { } t ? (float)t : null, Message = message },
            cancellationToken: cancellationToken);
    }
}
