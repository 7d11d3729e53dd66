using System.CommandLine;
using System.Diagnostics;
using Handoff.Core;
using Handoff.Core.Devin;
using Handoff.Core.Doctor;
using Handoff.Core.Git;
using Handoff.Core.Inspection;

namespace Handoff.Cli.Commands;

/// <summary>
/// `devin-handoff doctor`: one line per check, exit 0 only when all pass. Checks git, the repository and its
/// remote, the key (set, type, valid with one cheap call), the organization, the git alias, the pre-push hook,
/// and that the API answers. Never prints the key.
/// </summary>
public sealed class DoctorCommand(AppServices services) : ICliCommand
{
    private readonly Option<bool> _json = new("--json") { Description = "Machine-readable output: {ok, checks:[{name, ok, detail, hint}]}" };
    private readonly ApiOptions _api = new();

    public Command Build()
    {
        var command = new Command("doctor", "Check the setup (git, repository, remote, key, organization, alias, hook, API); exit 0 only if all pass");
        command.Options.Add(_json);
        _api.AddTo(command);
        command.SetAction((parse, ct) => CommandRunner.Run(services, parse.GetValue(_json), token => Execute(parse, token), ct));
        return command;
    }

    private async Task<int> Execute(ParseResult parse, CancellationToken ct)
    {
        var json = parse.GetValue(_json);
        var checks = new List<DoctorCheck>();
        void Add(DoctorCheck check)
        {
            checks.Add(check);
            if (!json) Print(check);
        }

        var cwd = services.Environment.CurrentDirectory;
        Add(await CheckGit(cwd, ct));
        var (repoCheck, snapshot) = CheckRepository(cwd);
        Add(repoCheck);
        Add(CheckRemote(snapshot));
        foreach (var check in await CheckApi(parse, cwd, ct)) Add(check);
        Add(await CheckAlias(cwd, ct));
        Add(await CheckHook(cwd, snapshot is not null, ct));

        var ok = checks.All(c => c.Ok);
        if (json)
            services.Console.Out.WriteLine(Handoff.Core.Output.Json.Serialize(
                new DoctorView(ok, checks.Select(c => new DoctorCheckView(c.Name, c.Ok, c.Detail, c.Hint)).ToList()), CliJson.Compact.DoctorView));
        else
            services.Console.Error.WriteLine(ok ? "all checks passed" : $"{checks.Count(c => !c.Ok)} check(s) failed");
        return ok ? ExitCodes.Ok : ExitCodes.Error;
    }

    private void Print(DoctorCheck check)
    {
        var hint = check.Ok || check.Hint is null ? "" : $" ({check.Hint})";
        services.Console.Out.WriteLine($"{(check.Ok ? "ok  " : "FAIL")}  {check.Name,-10} {check.Detail}{hint}");
    }

    private async Task<DoctorCheck> CheckGit(string cwd, CancellationToken ct)
    {
        try
        {
            var result = await services.Processes.Run("git", ["--version"], cwd, cancellationToken: ct);
            return result.ExitCode == 0
                ? DoctorCheck.Pass("git", result.StandardOutput.Trim())
                : DoctorCheck.Fail("git", "git --version failed", "install git and put it on PATH");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return DoctorCheck.Fail("git", "git not found", "install git and put it on PATH");
        }
    }

    private (DoctorCheck, RepoSnapshot?) CheckRepository(string cwd)
    {
        try
        {
            var snapshot = services.Inspector().Inspect(new InspectOptions { StartDirectory = cwd, IncludeChanges = false });
            return (DoctorCheck.Pass("repository", $"{snapshot.WorkingDirectory} on {snapshot.Head.Describe()}"), snapshot);
        }
        catch (HandoffException e)
        {
            return (DoctorCheck.Fail("repository", e.Message, "run devin-handoff inside a git repository"), null);
        }
    }

    private static DoctorCheck CheckRemote(RepoSnapshot? snapshot)
    {
        if (snapshot is null) return DoctorCheck.Fail("remote", "no repository", "run inside a git repository with a remote");
        if (snapshot.Remote is { } remote) return DoctorCheck.Pass("remote", $"{snapshot.RemoteName}: {remote}");
        var why = snapshot.RemoteName is null ? "no remote to share" : $"remote '{snapshot.RemoteName}' is not shareable (a local path?)";
        return DoctorCheck.Fail("remote", why, "add a hosted remote: git remote add origin https://github.com/OWNER/REPO");
    }

    /// <summary>api (reachable), key (set, type, valid), org (known). One authenticated call at most.</summary>
    private async Task<IReadOnlyList<DoctorCheck>> CheckApi(ParseResult parse, string cwd, CancellationToken ct)
    {
        var flags = _api.Read(parse);
        var settings = services.Settings(cwd);
        var apiUrl = settings.ApiUrl(flags.ApiUrl).Value!;
        var key = await settings.ApiKey(apiUrl, ct);
        var orgSetting = settings.OrgId(flags.OrgId);
        if (key.Value is null)
        {
            return
            [
                await CheckReachable(apiUrl, ct),
                DoctorCheck.Fail("key", "DEVIN_API_KEY is not set", "create a key at https://app.devin.ai/settings/api-keys and export DEVIN_API_KEY"),
                orgSetting.Value is { } o ? DoctorCheck.Pass("org", $"{o} (from {orgSetting.Source})") : DoctorCheck.Fail("org", "unknown without a key", "set DEVIN_ORG_ID"),
            ];
        }
        var keyType = DevinConnection.KeyTypeOf(key.Value);
        if (keyType == "unknown")
            return [await CheckReachable(apiUrl, ct), DoctorCheck.Fail("key", $"set ({key.Source}) but not a Devin key (expected cog_… or apk_…)", "check DEVIN_API_KEY")];

        var connection = new DevinConnection { ApiKey = key.Value, ApiUrl = apiUrl, OrgId = orgSetting.Value, Timeout = TimeSpan.FromSeconds(15) };
        try { _ = connection.BaseUri; }
        catch (HandoffException e) { return [DoctorCheck.Fail("api", e.Message, "fix DEVIN_API_URL")]; }
        // Doctor should answer fast: two attempts, short back-off.
        using var client = new DevinClient(connection, DevinClientOptions.FromEnvironment(services.Environment, services.Console.Error) with
        {
            MaxAttempts = 2, BaseDelay = TimeSpan.FromMilliseconds(200), MaxRetryAfter = TimeSpan.FromSeconds(2),
        });
        var version = client.Flavor == ApiFlavor.V3 ? "v3" : "v1";
        var stopwatch = Stopwatch.StartNew();
        try
        {
            string? selfOrg = null;
            string who;
            if (client.Flavor == ApiFlavor.V3)
            {
                var self = await client.Identity.GetSelf(ct);
                selfOrg = self.OrgId;
                who = $"{self.PrincipalType} {self.ServiceUserName ?? self.UserName}";
            }
            else
            {
                await client.Sessions.List(new SessionListQuery { First = 1 }, ct);
                who = "legacy key";
            }
            var api = DoctorCheck.Pass("api", $"{connection.BaseUri.Authority} answered in {stopwatch.ElapsedMilliseconds} ms");
            var keyCheck = DoctorCheck.Pass("key", $"{keyType} key from {key.Source}, valid ({who}, {version} API)");
            DoctorCheck org;
            if (client.Flavor == ApiFlavor.V1) org = DoctorCheck.Pass("org", "implied by the v1 key");
            else if (orgSetting.Value is { } explicitOrg) org = DoctorCheck.Pass("org", $"{explicitOrg} (from {orgSetting.Source})");
            else if (selfOrg is not null) org = DoctorCheck.Pass("org", $"{selfOrg} (from GET /v3/self)");
            else org = DoctorCheck.Fail("org", "the key is enterprise-level and no organization is set", "set DEVIN_ORG_ID or pass --org-id (see devin-handoff orgs)");
            return [api, keyCheck, org];
        }
        catch (DevinApiException e) when (e.StatusCode is null || e.StatusCode >= 500 || e.StatusCode == 429)
        {
            return
            [
                DoctorCheck.Fail("api", e.Message, "check your network, proxy and DEVIN_API_URL"),
                DoctorCheck.Fail("key", $"{keyType} key from {key.Source}, not checked (API unavailable)"),
                DoctorCheck.Fail("org", "not checked (API unavailable)"),
            ];
        }
        catch (DevinApiException e)
        {
            var api = DoctorCheck.Pass("api", $"{connection.BaseUri.Authority} answered in {stopwatch.ElapsedMilliseconds} ms");
            var keyCheck = e.StatusCode == 401
                ? DoctorCheck.Fail("key", $"{keyType} key from {key.Source} is invalid or expired", "create a key at https://app.devin.ai/settings/api-keys")
                : DoctorCheck.Fail("key", $"{keyType} key from {key.Source}: {e.Message}");
            var org = orgSetting.Value is { } o ? DoctorCheck.Pass("org", $"{o} (from {orgSetting.Source})") : DoctorCheck.Fail("org", "unknown (the key could not be checked)", "set DEVIN_ORG_ID");
            return [api, keyCheck, org];
        }
    }

    /// <summary>Without a key: does anything answer at the API URL? (any HTTP status counts)</summary>
    private static async Task<DoctorCheck> CheckReachable(string apiUrl, CancellationToken ct)
    {
        if (!Uri.TryCreate(apiUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return DoctorCheck.Fail("api", $"DEVIN_API_URL '{apiUrl}' is not an http(s) URL", "fix DEVIN_API_URL");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var stopwatch = Stopwatch.StartNew();
        try
        {
            using var response = await http.GetAsync(new Uri(uri, "/v3/self"), ct);
            return DoctorCheck.Pass("api", $"{uri.Authority} answered in {stopwatch.ElapsedMilliseconds} ms");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return DoctorCheck.Fail("api", $"cannot reach {uri.Authority}: {e.Message.Split('\n')[0]}", "check your network, proxy and DEVIN_API_URL");
        }
    }

    private async Task<DoctorCheck> CheckAlias(string cwd, CancellationToken ct)
    {
        try
        {
            var value = await new GitConfigWriter(services.Processes, cwd).GetGlobal(InstallCommand.AliasKey, ct);
            if (value is null) return DoctorCheck.Fail("alias", "git devin-handoff is not set up", "run: devin-handoff install");
            if (!value.Contains("devin-handoff", StringComparison.Ordinal))
                return DoctorCheck.Fail("alias", $"{InstallCommand.AliasKey} runs something else", "run: devin-handoff install");
            return DoctorCheck.Pass("alias", "git devin-handoff");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return DoctorCheck.Fail("alias", "cannot read git config: " + e.Message.Split('\n')[0]);
        }
    }

    private async Task<DoctorCheck> CheckHook(string cwd, bool inRepository, CancellationToken ct)
    {
        if (!inRepository) return DoctorCheck.Fail("hook", "no repository", "run inside a git repository");
        try
        {
            var (path, installed) = await new HookLocator(services.Processes).PrePush(cwd, ct);
            if (path is null) return DoctorCheck.Fail("hook", "cannot find the hooks folder");
            if (installed) return DoctorCheck.Pass("hook", $"pre-push hook at {path}");
            return DoctorCheck.Fail("hook", File.Exists(path) ? $"{path} exists but does not run devin-handoff" : $"no pre-push hook at {path}",
                "install the hook (see devin-handoff install --help)");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return DoctorCheck.Fail("hook", "cannot check: " + e.Message.Split('\n')[0]);
        }
    }
}

/// <summary>`doctor --json`.</summary>
public sealed record DoctorView(bool Ok, IReadOnlyList<DoctorCheckView> Checks);

public sealed record DoctorCheckView(string Name, bool Ok, string Detail, string? Hint);
