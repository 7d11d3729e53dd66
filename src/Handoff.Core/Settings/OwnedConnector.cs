using Handoff.Core.Devin;
using Handoff.Core.Handoffs;

namespace Handoff.Core.Settings;

/// <summary>
/// Opens one client on first use, hands it out on every later one, and disposes it at the end: the connector of
/// one command run or one MCP tool call, however many workflows it connects.
/// </summary>
public sealed class OwnedConnector(IDevinConnector inner) : IDevinConnector, IDisposable
{
    private IDevinClient? _client;

    public Task<ResolvedConnection> Resolve(CancellationToken ct) => inner.Resolve(ct);

    /// <remarks>One run connects one way: a fan-out with its gate, anything else without.</remarks>
    public async Task<IDevinClient> Connect(ThrottleGate? gate, CancellationToken ct) =>
        _client ??= await inner.Connect(gate, ct);

    public void Dispose() => _client?.Dispose();
}
