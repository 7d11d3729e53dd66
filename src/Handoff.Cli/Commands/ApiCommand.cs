using System.CommandLine;
using Handoff.Core.Devin;
using Handoff.Core.Handoffs;
using Handoff.Core.Settings;

namespace Handoff.Cli.Commands;

/// <summary>
/// Base of the commands that call the Devin API: adds the connection flags (--api-url/--org-id/--user-id),
/// connects lazily (<see cref="Connect"/>, so a usage error is reported before a missing key) and disposes the
/// client when the command ends.
/// </summary>
public abstract class ApiCommand(AppServices services, string name, string description) : CliCommand(services, name, description)
{
    private readonly ApiOptions _api = new();
    private OwnedConnector? _connector;

    protected override void Configure(Command command) => _api.AddTo(command);

    protected override async Task<int> Run(ParseResult parse, bool json, CancellationToken ct)
    {
        using var connector = new OwnedConnector(Services.Connector(_api.Read(parse)));
        _connector = connector;
        try
        {
            return await Execute(parse, json, ct);
        }
        finally
        {
            _connector = null;
        }
    }

    /// <summary>The API client of this run (exit 4 when no key is set); the same one on every call.</summary>
    protected Task<IDevinClient> Connect(CancellationToken ct) => Connector.Connect(null, ct);

    /// <summary>Connects Core workflows (a send, a batch) with the client this command owns.</summary>
    protected IDevinConnector Connector => _connector ?? throw new InvalidOperationException("the command is not running");

    protected ConnectionOverrides Flags(ParseResult parse) => _api.Read(parse);
}
