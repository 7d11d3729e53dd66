using System.CommandLine;
using System.Text.Json.Serialization.Metadata;
using Handoff.Cli.Output;
using Handoff.Core.Output;

namespace Handoff.Cli.Commands;

/// <summary>
/// Base of every command that runs: declares its arguments and options, adds --json when the command writes JSON,
/// and runs the body through <see cref="CommandRunner"/> (one-line errors, documented exit codes, in JSON mode the
/// error as JSON). A command only parses its input, calls Core and renders the result.
/// </summary>
public abstract class CliCommand(AppServices services, string name, string description) : ICliCommand
{
    protected AppServices Services => services;

    /// <summary>The command's own arguments and options, in help order.</summary>
    protected abstract IEnumerable<Symbol> Symbols();

    /// <summary>The help of --json; null when the command writes no JSON (it then has no --json).</summary>
    protected virtual string? JsonHelp => "Machine-readable output";

    protected abstract Task<int> Execute(ParseResult parse, bool json, CancellationToken ct);

    /// <summary>Adds what a family of commands shares (<see cref="ApiCommand"/>: the connection flags) and validators.</summary>
    protected virtual void Configure(Command command) { }

    /// <summary>Runs <see cref="Execute"/>; <see cref="ApiCommand"/> wraps it to dispose its client.</summary>
    protected virtual Task<int> Run(ParseResult parse, bool json, CancellationToken ct) => Execute(parse, json, ct);

    public Command Build()
    {
        var command = new Command(name, description);
        foreach (var symbol in Symbols())
        {
            if (symbol is Argument argument) command.Arguments.Add(argument);
            else if (symbol is Option option) command.Options.Add(option);
        }
        Option<bool>? jsonOption = JsonHelp is { } help ? new("--json") { Description = help } : null;
        if (jsonOption is not null) command.Options.Add(jsonOption);
        Configure(command);
        command.SetAction((parse, ct) =>
        {
            var json = jsonOption is not null && parse.GetValue(jsonOption);
            return CommandRunner.Run(services, json, token => Run(parse, json, token), ct);
        });
        return command;
    }

    /// <summary>Writes one JSON document with metadata from <see cref="CliJson.Compact"/> (or Core's <see cref="Json.Context"/>).</summary>
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

    /// <summary>A progress or status line on stderr.</summary>
    protected void Status(string line) => services.Console.Error.WriteLine(line);

    public static string? Time(DateTimeOffset? t) => t?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
