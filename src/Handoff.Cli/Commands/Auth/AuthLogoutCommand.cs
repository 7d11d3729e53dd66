using System.CommandLine;
using Handoff.Core;
using Handoff.Core.Output;

namespace Handoff.Cli.Commands.Auth;

/// <summary>`devin-handoff auth logout`: removes the stored key with `git credential reject`.</summary>
public sealed class AuthLogoutCommand(AppServices services) : ICliCommand
{
    private readonly Option<string?> _apiUrl = new("--api-url") { Description = $"Devin API base URL the key is for (env DEVIN_API_URL; default {Handoff.Core.Devin.DevinConnection.DefaultApiUrl})" };
    private readonly Option<bool> _json = new("--json") { Description = "Machine-readable output" };

    public Command Build()
    {
        var command = new Command("logout", "Remove the stored API key from your git credential helper");
        command.Options.Add(_apiUrl);
        command.Options.Add(_json);
        command.SetAction((parse, ct) => CommandRunner.Run(services, parse.GetValue(_json), token => Execute(parse, token), ct));
        return command;
    }

    private async Task<int> Execute(ParseResult parse, CancellationToken cancellationToken)
    {
        var apiUrl = services.Settings().ApiUrl(parse.GetValue(_apiUrl)).Value!;
        var store = services.Credentials();
        var had = await store.Get(apiUrl, cancellationToken) is not null;
        if (had)
            await store.Erase(apiUrl, cancellationToken);
        var envStillSet = services.Environment.Get("DEVIN_API_KEY") is not null;
        if (parse.GetValue(_json))
            services.Console.Out.WriteLine(Json.Serialize(new AuthLogoutView(had, apiUrl, envStillSet), CliJson.Compact.AuthLogoutView));
        else
            services.Console.Error.WriteLine(had ? $"removed the stored key for {apiUrl}" : $"no stored key for {apiUrl}; nothing to do");
        if (envStillSet && !parse.GetValue(_json))
            services.Console.Error.WriteLine("note: DEVIN_API_KEY is still set in this environment");
        return ExitCodes.Ok;
    }
}

/// <summary>`auth logout --json`.</summary>
public sealed record AuthLogoutView(bool Removed, string ApiUrl, bool EnvironmentKeySet);
