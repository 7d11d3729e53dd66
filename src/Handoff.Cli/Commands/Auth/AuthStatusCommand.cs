using System.CommandLine;
using Handoff.Core;
using Handoff.Core.Devin;
using Handoff.Core.Output;

namespace Handoff.Cli.Commands.Auth;

/// <summary>`devin-handoff auth status`: where the key comes from, its type, and whether the API accepts it. Never the key.</summary>
public sealed class AuthStatusCommand(AppServices services) : ICliCommand
{
    private readonly Option<string?> _apiUrl = new("--api-url") { Description = $"Devin API base URL (env DEVIN_API_URL; default {Handoff.Core.Devin.DevinConnection.DefaultApiUrl})" };
    private readonly Option<bool> _offline = new("--offline") { Description = "Only say where the key comes from; do not call the API" };
    private readonly Option<bool> _json = new("--json") { Description = "Machine-readable output" };

    public Command Build()
    {
        var command = new Command("status", "Show where the API key comes from (DEVIN_API_KEY or the credential helper), its type, and whether it works");
        command.Options.Add(_apiUrl);
        command.Options.Add(_offline);
        command.Options.Add(_json);
        command.SetAction((parse, ct) => CommandRunner.Run(services, parse.GetValue(_json), token => Execute(parse, token), ct));
        return command;
    }

    private async Task<int> Execute(ParseResult parse, CancellationToken cancellationToken)
    {
        var json = parse.GetValue(_json);
        var settings = services.Settings();
        var apiUrl = settings.ApiUrl(parse.GetValue(_apiUrl)).Value!;
        var key = await settings.ApiKey(apiUrl, cancellationToken);
        var source = key.Value is null ? null : key.Source == "DEVIN_API_KEY" ? "environment" : "credential_store";

        KeyCheck? check = null;
        string? error = null;
        var exitCode = ExitCodes.Ok;
        if (key.Value is null)
        {
            error = "no key: export DEVIN_API_KEY or run 'devin-handoff auth login'";
            exitCode = ExitCodes.AuthOrConfig;
        }
        else if (!parse.GetValue(_offline))
        {
            try
            {
                check = await KeyVerifier.Verify(services, new DevinConnection { ApiKey = key.Value, ApiUrl = apiUrl, OrgId = settings.OrgId(null).Value }, cancellationToken);
            }
            catch (HandoffException e)
            {
                error = e.Message;
                exitCode = e.ExitCode;
            }
        }

        bool? valid = key.Value is null ? false : check is not null ? true : error is null ? null : exitCode == ExitCodes.AuthOrConfig ? false : null;
        var keyType = key.Value is null ? null : DevinConnection.KeyTypeOf(key.Value);
        if (json)
        {
            services.Console.Out.WriteLine(Json.Serialize(
                new AuthStatusView(apiUrl, source, keyType, valid, check?.PrincipalType, check?.Name, check?.OrgId, error), CliJson.Compact.AuthStatusView));
            return exitCode;
        }

        var err = services.Console.Error;
        if (key.Value is null)
        {
            err.WriteLine($"{apiUrl}: not logged in");
            err.WriteLine($"  {error}");
            return exitCode;
        }
        err.WriteLine($"{apiUrl}");
        err.WriteLine($"  key: {keyType} key from {(source == "environment" ? "the DEVIN_API_KEY environment variable" : "your git credential helper")}");
        if (check is not null)
            err.WriteLine($"  valid: yes{(check.Name is null ? "" : $", {check.PrincipalType} {check.Name}")}{(check.OrgId is null ? "" : $", org {check.OrgId}")}");
        else if (error is not null)
            err.WriteLine($"  valid: {(valid == false ? "no" : "unknown")} ({error})");
        else
            err.WriteLine("  valid: not checked (--offline)");
        if (check?.Note is not null)
            err.WriteLine($"  note: {check.Note}");
        return exitCode;
    }
}

/// <summary>`auth status --json`.</summary>
public sealed record AuthStatusView(
    string ApiUrl, string? Source, string? KeyType, bool? Valid, string? PrincipalType, string? Name, string? OrgId, string? Error);
