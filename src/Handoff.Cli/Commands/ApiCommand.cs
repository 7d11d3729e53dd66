using System.CommandLine;
using System.Text.Json.Serialization.Metadata;
using Handoff.Core.Devin;
using Handoff.Core.Output;

namespace Handoff.Cli.Commands;

/// <summary>
/// Base of the commands that call the Devin API and print data: adds --json and the connection flags
/// (--api-url/--org-id/--user-id), runs the body through <see cref="CommandRunner"/>, and connects lazily
/// (<see cref="Connect"/>) so a usage error is reported before a missing key.
/// </summary>
public abstract class ApiCommand(AppServices services) : ICliCommand
{
    private readonly Option<bool> _json = new("--json") { Description = "Machine-readable output (stable snake_case fields; errors as {\"error\":{…}})" };
    private readonly ApiOptions _api = new();
    private IDevinClient? _client;

    protected AppServices Services => services;
    protected abstract string Name { get; }
    protected abstract string Description { get; }

    /// <summary>The command's own arguments and options.</summary>
    protected abstract IEnumerable<Symbol> Symbols();

    protected abstract Task<int> Execute(ParseResult parse, bool json, CancellationToken ct);

    public Command Build()
    {
        var command = new Command(Name, Description);
        foreach (var symbol in Symbols())
        {
            if (symbol is Argument argument) command.Arguments.Add(argument);
            else if (symbol is Option option) command.Options.Add(option);
        }
        command.Options.Add(_json);
        _api.AddTo(command);
        command.SetAction((parse, ct) => CommandRunner.Run(services, parse.GetValue(_json), async token =>
        {
            try
            {
                return await Execute(parse, parse.GetValue(_json), token);
            }
            finally
            {
                _client?.Dispose();
                _client = null;
            }
        }, ct));
        return command;
    }

    /// <summary>The API client for this invocation (exit 4 when no key is set).</summary>
    protected async Task<IDevinClient> Connect(ParseResult parse, CancellationToken ct) =>
        _client ??= await services.DevinClient(_api.Read(parse), services.Environment.CurrentDirectory, ct);

    protected ApiFlags Flags(ParseResult parse) => _api.Read(parse);

    /// <summary>Writes one JSON document with metadata from <see cref="CliJson.Compact"/>.</summary>
    protected void WriteJson<T>(T value, JsonTypeInfo<T> type) => services.Console.Out.WriteLine(Json.Serialize(value, type));

    protected void WriteTable(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows) =>
        Table.Write(services.Console, headers, rows);

    /// <summary>"key: value" lines for a single object (values on one line each).</summary>
    protected void WriteFields(params (string Key, string? Value)[] fields)
    {
        var width = fields.Max(f => f.Key.Length) + 1;
        foreach (var (key, value) in fields)
            services.Console.Out.WriteLine($"{(key + ":").PadRight(width)} {(value ?? "-").ReplaceLineEndings(" ")}");
    }

    protected void Status(string line) => services.Console.Error.WriteLine(line);

    public static string? Time(DateTimeOffset? t) => t?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
