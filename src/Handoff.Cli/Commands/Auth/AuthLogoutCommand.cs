using System.CommandLine;
using Handoff.Core;
using Handoff.Core.Output;

namespace Handoff.Cli.Commands.Auth;

/// <summary>`devin-handoff auth logout`: removes the stored key with `git credential reject`.</summary>
public sealed class AuthLogoutCommand(AppServices services) : CliCommand(services, "logout",
    "Remove the stored API key from your git credential helper")
{
    private readonly Option<string?> _apiUrl = new("--api-url") { Description = $"Devin API base URL the key is for (env DEVIN_API_URL; default {Handoff.Core.Devin.DevinConnection.DefaultApiUrl})" };

    protected override IEnumerable<Symbol> Symbols() => [_apiUrl];

    protected override async Task<int> Execute(ParseResult parse, bool json, CancellationToken cancellationToken)
    {
        var apiUrl = Services.Settings().ApiUrl(parse.GetValue(_apiUrl)).Value!;
        var store = Services.Credentials();
        var had = await store.Get(apiUrl, cancellationToken) is not null;
        if (had)
            await store.Erase(apiUrl, cancellationToken);
        var envStillSet = Services.Environment.Get("DEVIN_API_KEY") is not null;
        if (json)
            Services.Console.Out.WriteLine(Json.Serialize(new AuthLogoutView(had, apiUrl, envStillSet), CliJson.Compact.AuthLogoutView));
        else
            Services.Console.Error.WriteLine(had ? $"removed the stored key for {apiUrl}" : $"no stored key for {apiUrl}; nothing to do");
        if (envStillSet && !json)
            Services.Console.Error.WriteLine("note: DEVIN_API_KEY is still set in this environment");
        return ExitCodes.Ok;
    }
}

/// <summary>`auth logout --json`.</summary>
public sealed record AuthLogoutView(bool Removed, string ApiUrl, bool EnvironmentKeySet);
