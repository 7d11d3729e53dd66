using System.CommandLine;
using Handoff.Core;
using Handoff.Core.Devin;
using Handoff.Core.Output;

namespace Handoff.Cli.Commands.Auth;

/// <summary>
/// `devin-handoff auth login [--with-token]`: reads the key from a hidden prompt (or stdin with --with-token),
/// checks it with one API call, and stores it with `git credential approve` for the API host.
/// The key is never a flag value, so it never shows on a process list or in shell history.
/// </summary>
public sealed class AuthLoginCommand(AppServices services) : ICliCommand
{
    private readonly Option<bool> _withToken = new("--with-token") { Description = "Read the key from stdin (e.g. < key.txt, or from a secret manager's output)" };
    private readonly Option<string?> _apiUrl = new("--api-url") { Description = $"Devin API base URL the key is for (env DEVIN_API_URL; default {Handoff.Core.Devin.DevinConnection.DefaultApiUrl})" };
    private readonly Option<bool> _json = new("--json") { Description = "Machine-readable output" };

    public Command Build()
    {
        var command = new Command("login", "Check a Devin API key and store it in your git credential helper (read from a hidden prompt, or stdin with --with-token)");
        command.Options.Add(_withToken);
        command.Options.Add(_apiUrl);
        command.Options.Add(_json);
        command.SetAction((parse, ct) => CommandRunner.Run(services, parse.GetValue(_json), token => Execute(parse, token), ct));
        return command;
    }

    private async Task<int> Execute(ParseResult parse, CancellationToken cancellationToken)
    {
        var key = await ReadKey(parse.GetValue(_withToken), cancellationToken);
        DevinConnection.FlavorOf(key); // exit 4 for something that is not a Devin key, before any call
        var settings = services.Settings();
        var apiUrl = settings.ApiUrl(parse.GetValue(_apiUrl)).Value!;
        var connection = new DevinConnection { ApiKey = key, ApiUrl = apiUrl, OrgId = settings.OrgId(null).Value };
        _ = connection.BaseUri; // exit 4 for a malformed URL

        var check = await KeyVerifier.Verify(services, connection, cancellationToken);
        var store = services.Credentials();
        await store.Store(apiUrl, key, cancellationToken);
        if (await store.Get(apiUrl, cancellationToken) != key)
            throw new HandoffException(
                "git has no credential helper that keeps the key (git config --global credential.helper osxkeychain|libsecret|manager|store); or export DEVIN_API_KEY instead",
                ExitCodes.AuthOrConfig);

        if (check.Note is not null)
            services.Console.Error.WriteLine($"note: {check.Note}");
        if (services.Environment.Get("DEVIN_API_KEY") is not null)
            services.Console.Error.WriteLine("note: DEVIN_API_KEY is set in this shell and takes precedence over the stored key");
        if (parse.GetValue(_json))
        {
            services.Console.Out.WriteLine(Json.Serialize(
                new AuthLoginView(Stored: true, apiUrl, check.KeyType, check.PrincipalType, check.Name, check.OrgId), CliJson.Compact.AuthLoginView));
        }
        else
        {
            var who = check.Name is null ? "" : $" as {check.Name}";
            services.Console.Error.WriteLine($"logged in to {apiUrl}{who} ({check.KeyType} key); stored in your git credential helper");
        }
        return ExitCodes.Ok;
    }

    private async Task<string> ReadKey(bool withToken, CancellationToken cancellationToken)
    {
        string? key;
        if (withToken)
        {
            var input = await services.Console.In.ReadToEndAsync(cancellationToken);
            key = input.ReplaceLineEndings("\n").Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);
        }
        else if (services.Console.IsInputTerminal)
        {
            key = services.ReadSecret("Paste your Devin API key (input hidden): ");
        }
        else
        {
            throw new HandoffException("stdin is not a terminal: pipe the key and pass --with-token (devin-handoff auth login --with-token < key.txt)", ExitCodes.Usage);
        }
        if (string.IsNullOrWhiteSpace(key))
            throw new HandoffException(withToken ? "--with-token: no key on stdin" : "no key entered", ExitCodes.Usage);
        return key.Trim();
    }
}

/// <summary>`auth login --json`.</summary>
public sealed record AuthLoginView(bool Stored, string ApiUrl, string KeyType, string? PrincipalType, string? Name, string? OrgId);
