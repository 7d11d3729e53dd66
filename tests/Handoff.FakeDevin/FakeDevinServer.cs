using System.Text.RegularExpressions;
using Handoff.FakeDevin.Endpoints;
using Handoff.FakeDevin.Infrastructure;
using Handoff.FakeDevin.State;
using Handoff.FakeDevin.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Handoff.FakeDevin;

/// <summary>
/// A fake Devin REST API (devin-api.md) on 127.0.0.1, plus a second "storage" listener that attachment
/// downloads redirect to. Start one per test (or fixture) and dispose it afterwards.
/// </summary>
public sealed class FakeDevinServer : IAsyncDisposable
{
    private readonly FakeDevinOptions _options;
    private WebApplication? _api;
    private WebApplication? _storage;

    private FakeDevinServer(FakeDevinOptions options)
    {
        _options = options;
        State = new FakeState(options);
        Settings = new FakeSettings { ErrorShape = options.ErrorShape, AttachmentListWrapped = options.AttachmentListWrapped };
        Auth = new AuthPolicy(options.ValidKeys, options.RejectedKeys);
    }

    /// <summary>The API root, e.g. http://127.0.0.1:41234/ (use as DEVIN_API_URL).</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The API root without the trailing slash, as a user would write DEVIN_API_URL.</summary>
    public string DevinApiUrl => BaseUrl.ToString().TrimEnd('/');

    /// <summary>The storage listener's root.</summary>
    public Uri StorageBaseUrl { get; private set; } = null!;

    public FakeState State { get; }
    public FakeSettings Settings { get; }
    public FaultControl Faults { get; } = new();
    public AuthPolicy Auth { get; }
    public RequestLog RequestLog { get; } = new();
    public RequestLog StorageRequestLog { get; } = new();

    public string DefaultOrgId => State.DefaultOrgId;

    /// <summary>Every API request received so far (control endpoints under /_fake excluded).</summary>
    public IReadOnlyList<RecordedRequest> Requests => RequestLog.Snapshot();

    /// <summary>Every request the storage listener received.</summary>
    public IReadOnlyList<RecordedRequest> StorageRequests => StorageRequestLog.Snapshot();

    /// <summary>Requests matching a method ("*" for any) and a path glob (see <see cref="FaultRule"/>).</summary>
    public IReadOnlyList<RecordedRequest> RequestsTo(string method, string pathPattern)
    {
        var probe = new FaultRule { Method = method, PathPattern = pathPattern };
        return Requests.Where(r => probe.Matches(r.Method, r.Path)).ToList();
    }

    /// <summary>Environment for running devin-handoff against this fake: DEVIN_API_URL, DEVIN_API_KEY, DEVIN_ORG_ID.</summary>
    public IReadOnlyDictionary<string, string> ClientEnvironment(string apiKey = "cog_test", string? orgId = null) =>
        new Dictionary<string, string>
        {
            ["DEVIN_API_URL"] = DevinApiUrl,
            ["DEVIN_API_KEY"] = apiKey,
            ["DEVIN_ORG_ID"] = orgId ?? DefaultOrgId,
        };

    /// <summary>The v3 org scope root, e.g. http://127.0.0.1:41234/v3/organizations/org-test/.</summary>
    public Uri OrgUrl(string? orgId = null) => new(BaseUrl, $"v3/organizations/{Uri.EscapeDataString(orgId ?? DefaultOrgId)}/");

    public static async Task<FakeDevinServer> StartAsync(FakeDevinOptions? options = null)
    {
        options ??= new FakeDevinOptions();
        RequireLoopback(options.Url);
        RequireLoopback(options.StorageUrl);
        var server = new FakeDevinServer(options);
        try
        {
            await server.StartListenersAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    /// <summary>Clears sessions and other data, faults, request logs and settings, as if freshly started.</summary>
    public void Reset()
    {
        State.Reset();
        Faults.Clear();
        RequestLog.Clear();
        StorageRequestLog.Clear();
        Settings.ErrorShape = _options.ErrorShape;
        Settings.AttachmentListWrapped = _options.AttachmentListWrapped;
        Settings.EndCursorOnLastPage = false;
        Settings.AttachmentUrlsPointToStorage = false;
        Settings.StorageDropsMidBody = false;
        Settings.StorageRejectsAuthorization = true;
        Settings.SessionsOldestFirst = false;
        Settings.TagFilterIgnored = false;
    }

    /// <summary>Completes when the API host is asked to stop (Ctrl+C/SIGTERM with HandleConsoleSignals).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) =>
        _api?.WaitForShutdownAsync(cancellationToken) ?? Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var app in new[] { _api, _storage })
        {
            if (app is null) continue;
            try
            {
                await app.StopAsync(TimeSpan.FromSeconds(5));
            }
            finally
            {
                await app.DisposeAsync();
            }
        }
        _api = null;
        _storage = null;
    }

    private async Task StartListenersAsync()
    {
        _storage = CreateApp(_options.StorageUrl);
        _storage.Use(RequestLog.Middleware(StorageRequestLog, _options.Clock, _ => false, Echo("storage")));
        StorageApp.Map(_storage, State, Settings);
        await _storage.StartAsync();
        StorageBaseUrl = ListeningAddress(_storage);

        _api = CreateApp(_options.Url);
        _api.Use(RequestLog.Middleware(RequestLog, _options.Clock, IsControlPath, Echo("api")));
        _api.Use(CatchUnhandled); // inside the log so the recorded status is the 500
        _api.Use(FaultControl.Middleware(Faults, IsControlPath));
        _api.Use(AuthPolicy.Middleware(Auth));
        MapApi(_api);
        await _api.StartAsync();
        BaseUrl = ListeningAddress(_api);

        State.ApiBaseUrl = BaseUrl;
        State.StorageBaseUrl = StorageBaseUrl;
    }

    private void MapApi(WebApplication app)
    {
        IdentityEndpoints.Map(app);
        var org = app.MapGroup("/v3/organizations/{org_id}");
        org.AddEndpointFilter(async (context, next) =>
        {
            var orgId = context.HttpContext.Request.RouteValues["org_id"] as string ?? "";
            return State.OrganizationExists(orgId) ? await next(context) : Errors.NotFound($"Organization {orgId} not found");
        });
        SessionsEndpoints.Map(org);
        MessagesEndpoints.Map(org);
        AttachmentsEndpoints.Map(org);
        KnowledgeEndpoints.Map(org);
        PlaybooksEndpoints.Map(org);
        SchedulesEndpoints.Map(org);
        V1Endpoints.Map(app);
        ControlEndpoints.Map(app, this);
        app.MapFallback((HttpContext c) => Errors.NotFound($"No endpoint {c.Request.Method} {c.Request.Path}"));
    }

    private WebApplication CreateApp(string url)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Production",
        });
        builder.WebHost.UseUrls(url);
        builder.Logging.ClearProviders();
        if (!_options.HandleConsoleSignals)
            builder.Services.AddSingleton<IHostLifetime, NoSignalsLifetime>(); // never swallow Ctrl+C/SIGTERM of a test process
        builder.Services.AddSingleton(State);
        builder.Services.AddSingleton(Settings);
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = FakeJson.Options.PropertyNamingPolicy;
            o.SerializerOptions.DictionaryKeyPolicy = null;
        });
        return builder.Build();
    }

    private sealed class NoSignalsLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private static async Task CatchUnhandled(HttpContext context, Func<Task> next)
    {
        try
        {
            await next();
        }
        catch (Exception e) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            context.Response.Clear();
            await Errors.WriteAsync(context, 500, "Internal Server Error", "Fake server error: " + e.Message);
        }
    }

    private Action<RecordedRequest>? Echo(string listener) =>
        _options.EchoRequestsToConsole
            ? r => Console.WriteLine($"{r.Timestamp:HH:mm:ss} [{listener}] {r}") // never the headers: they hold the API key
            : null;

    private static bool IsControlPath(PathString path) => path.StartsWithSegments("/_fake");

    private static Uri ListeningAddress(WebApplication app)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.EndsWith('/') ? address : address + "/");
    }

    private static void RequireLoopback(string url)
    {
        var uri = new Uri(url);
        if (uri.Host is not ("127.0.0.1" or "localhost" or "[::1]"))
            throw new ArgumentException($"The fake Devin API only listens on loopback addresses, not {uri.Host}");
    }
}
