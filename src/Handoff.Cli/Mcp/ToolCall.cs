using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Handoff.Cli.Mcp;

/// <summary>What a tool may do back to the client while it runs: report progress when the client asked for it.</summary>
public sealed class ToolCall(RequestContext<CallToolRequestParams> request)
{
    private readonly Lock _gate = new();
    private float _last = -1;

    /// <summary>
    /// Sends a progress notification if the call carried a progress token; otherwise does nothing. The value only
    /// grows (the protocol asks for that): one not above the last is nudged just above it.
    /// </summary>
    public Task Progress(double progress, double? total, string message, CancellationToken cancellationToken)
    {
        if (request.Params?.ProgressToken is not { } token) return Task.CompletedTask;
        float value;
        lock (_gate)
        {
            value = Math.Max((float)progress, _last + 0.001f);
            _last = value;
        }
        return request.Server.NotifyProgressAsync(token,
            new ProgressNotificationValue { Progress = value, Total = total is { } t ? (float)Math.Max(t, value) : null, Message = message },
            cancellationToken: cancellationToken);
    }
}
