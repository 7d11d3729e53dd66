using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using RestSharp;

namespace Handoff.Core.Devin;

/// <summary>
/// The single HTTP layer for the Devin API: authentication, user agent, retries with back-off,
/// tracing with the key masked, and mapping of failures to <see cref="DevinApiException"/>.
/// </summary>
internal sealed class DevinHttp : IDisposable
{
    private const string KeysPage = "https://app.devin.ai/settings/api-keys";
    private readonly DevinConnection _connection;
    private readonly DevinClientOptions _options;
    private readonly RestClient _rest;
    private readonly Lazy<HttpClient> _plainClient;
    private readonly Uri _baseUri;

    private KeyMasker Masker { get; }
    /// <summary>"org org-x", used in 401/403 messages.</summary>
    public Func<string> DescribeScope { get; set; } = () => "";

    public static string UserAgent { get; } = "devin-handoff/" + InformationalVersion();

    public DevinHttp(DevinConnection connection, DevinClientOptions options)
    {
        _connection = connection;
        _options = options;
        _baseUri = connection.BaseUri;
        Masker = new KeyMasker(connection.ApiKey);
        var restOptions = new RestClientOptions(_baseUri)
        {
            UserAgent = UserAgent,
            Timeout = connection.Timeout,
            // Redirects are followed by hand so the key can never travel to another host.
            FollowRedirects = false,
            ThrowOnAnyError = false,
            ConfigureMessageHandler = options.ConfigureMessageHandler,
        };
        _rest = new RestClient(restOptions);
        _plainClient = new Lazy<HttpClient>(CreatePlainClient);
    }

    /// <summary>Sends with retries per <see cref="ApiCall.Retry"/>; returns the body of a 2xx or throws.</summary>
    public async Task<string> Send(ApiCall call, CancellationToken ct) =>
        (await SendForOutcome(call, ct) ?? throw new InvalidOperationException("only a call that looks before resending can end without an answer")).Body;

    /// <summary>Sends and reads a 2xx body as <typeparamref name="T"/>.</summary>
    public async Task<T> Fetch<T>(ApiCall call, JsonTypeInfo<T> type, CancellationToken ct) => Parse(await Send(call, ct), call, type);

    /// <summary>
    /// The 2xx (or accepted redirect) outcome, or null when <see cref="ApiCall.FoundBeforeResend"/> found what a lost
    /// attempt created (so nothing was sent again).
    /// </summary>
    public Task<HttpOutcome?> SendForOutcome(ApiCall call, CancellationToken ct) => WithRetries(call, SendOnce, ct);

    /// <summary>
    /// The one retry loop of the client. Runs <paramref name="attempt"/> until it succeeds, fails in a way another try
    /// cannot fix, or the attempts run out; backs off in between (Retry-After honoured). A 429 was turned away
    /// unprocessed; any other transient failure may have been processed, so a <see cref="RetryMode.LookBeforeResend"/>
    /// call looks first and stops (null) when the look finds the result.
    /// </summary>
    private async Task<HttpOutcome?> WithRetries(ApiCall call, Func<ApiCall, CancellationToken, Task<HttpOutcome>> attempt, CancellationToken ct)
    {
        for (var n = 1; ; n++)
        {
            var outcome = await attempt(call, ct);
            if (outcome.IsSuccess || (call.AcceptRedirect && outcome.IsRedirect))
                return outcome;
            if (!call.MayRetry(outcome) || n >= _options.MaxAttempts)
                throw Failure(call, outcome, n);
            await WaitBeforeRetry(call, outcome, n, ct);
            if (call.Retry == RetryMode.LookBeforeResend && outcome.StatusCode != 429 && await call.FoundBeforeResend!(ct))
                return null;
        }
    }

    private async Task<HttpOutcome> SendOnce(ApiCall call, CancellationToken ct)
    {
        var request = BuildRequest(call);
        var url = _rest.BuildUri(request);
        var stopwatch = Stopwatch.StartNew();
        var response = await _rest.ExecuteAsync(request, ct);
        stopwatch.Stop();
        ct.ThrowIfCancellationRequested();

        HttpOutcome outcome;
        if (response.StatusCode == 0) // no HTTP answer: timeout or transport failure
        {
            var timedOut = response.ResponseStatus == ResponseStatus.TimedOut || response.ErrorException is TimeoutException or TaskCanceledException;
            var error = InnermostMessage(response.ErrorException) ?? response.ErrorMessage ?? "no response";
            outcome = new HttpOutcome(null, "", null, null, null, error, timedOut);
            Trace($"{call.Method.ToString().ToUpperInvariant()} {url} -> {(timedOut ? "timeout" : "network error: " + error)} ({stopwatch.ElapsedMilliseconds} ms)");
        }
        else
        {
            outcome = new HttpOutcome((int)response.StatusCode, response.Content ?? "", response.RawBytes,
                Header(response, "Retry-After"), Header(response, "Location"), null, false);
            Trace($"{call.Method.ToString().ToUpperInvariant()} {url} -> {(int)response.StatusCode} ({stopwatch.ElapsedMilliseconds} ms)");
        }
        return outcome;
    }

    /// <summary>Backs off before attempt <paramref name="attempt"/>+1; throws exit 6 when Retry-After asks for too long.</summary>
    private async Task WaitBeforeRetry(ApiCall call, HttpOutcome outcome, int attempt, CancellationToken ct)
    {
        var delay = RetryDelay(attempt, outcome.RetryAfter);
        if (delay > _options.MaxRetryAfter)
            throw new DevinApiException(Masker.Mask($"the Devin API asked to wait {delay.TotalSeconds:0} s before {call.Action}; try again later"),
                ExitCodes.ApiUnavailable, outcome.StatusCode);
        Trace($"retrying {call.Action} in {delay.TotalMilliseconds:0} ms (attempt {attempt + 1} of {_options.MaxAttempts})");
        await _options.Clock.Delay(delay, ct);
    }

    private TimeSpan RetryDelay(int attempt, string? retryAfter)
    {
        var fromServer = ParseRetryAfter(retryAfter);
        if (fromServer is not null) return fromServer.Value;
        var exponential = _options.BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1);
        var capped = Math.Min(exponential, _options.MaxDelay.TotalMilliseconds);
        // Jitter in [50 %, 100 %] of the step keeps clients from retrying in lockstep.
        return TimeSpan.FromMilliseconds(capped * (0.5 + 0.5 * _options.Jitter()));
    }

    private TimeSpan? ParseRetryAfter(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (double.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
            return TimeSpan.FromSeconds(seconds);
        if (DateTimeOffset.TryParse(value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when))
        {
            var wait = when - _options.Clock.Now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
        return null;
    }

    /// <summary>Reads a 2xx body as <typeparamref name="T"/> with metadata from <see cref="DevinJson.Context"/>.</summary>
    public T Parse<T>(string body, ApiCall call, JsonTypeInfo<T> type)
    {
        try
        {
            return JsonSerializer.Deserialize(body, type)
                   ?? throw new JsonException("the body is empty or null");
        }
        catch (JsonException e)
        {
            throw new HandoffException(Masker.Mask($"the Devin API sent malformed JSON while {call.Action}: {FirstLine(e.Message)}"), ExitCodes.Error, e);
        }
    }

    private DevinApiException Failure(ApiCall call, HttpOutcome outcome, int attempts)
    {
        var host = _baseUri.Authority;
        var tries = attempts == 1 ? "1 attempt" : $"{attempts} attempts";
        if (outcome.StatusCode is not { } status)
        {
            var text = outcome.TimedOut
                ? $"the Devin API at {host} did not answer within {_connection.Timeout.TotalSeconds:0} s while {call.Action} ({tries})"
                : $"could not reach the Devin API at {host} while {call.Action}: {outcome.TransportError} ({tries})";
            return new DevinApiException(Masker.Mask(text), ExitCodes.ApiUnavailable, null);
        }

        var error = ApiErrorBody.Parse(outcome.Body);
        var detail = error.Summary is null ? "" : $": {error.Summary}";
        var scope = $"key type {_connection.KeyType}{Prefixed(DescribeScope())}";
        var (message, exitCode) = status switch
        {
            401 => ($"invalid or expired key ({scope}); create a key at {KeysPage}", ExitCodes.AuthOrConfig),
            403 => ($"permission denied while {call.Action}: this needs the {call.Permission} permission ({scope}){detail}", ExitCodes.AuthOrConfig),
            404 => ($"{call.Resource ?? "resource"} not found{detail}", ExitCodes.NotFound),
            422 => ($"the Devin API rejected {call.Action}: {(error.FieldErrors.Count > 0 ? string.Join("; ", error.FieldErrors) : error.Summary ?? "validation error")}", ExitCodes.Error),
            400 => ($"bad request while {call.Action}{detail}", ExitCodes.Error),
            429 => ($"rate limited by the Devin API while {call.Action} ({tries}){detail}", ExitCodes.ApiUnavailable),
            >= 500 => ($"the Devin API failed with HTTP {status} while {call.Action} ({tries}){detail}", ExitCodes.ApiUnavailable),
            _ => ($"HTTP {status} while {call.Action}{detail}", ExitCodes.Error),
        };
        return new DevinApiException(Masker.Mask(message), exitCode, status, error.FieldErrors.Select(Masker.Mask).ToList());
    }

    public bool IsApiHost(Uri uri) =>
        Uri.Compare(uri, _baseUri, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;

    public Uri Resolve(string url) => Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https"
        ? absolute
        : new Uri(_baseUri, url);

    /// <summary>
    /// GET a URL on a storage host with a client that never carries the API key. Retried like a read when the
    /// destination can be rewound; otherwise only on 429 (nothing was written yet).
    /// </summary>
    public async Task DownloadWithoutAuth(Uri uri, Stream destination, CancellationToken ct)
    {
        var call = new ApiCall(Method.Get, uri.ToString(), "downloading an attachment", DevinPermissions.ViewOrgSessions)
            { Resource = "attachment", Retry = destination.CanSeek ? RetryMode.Safe : RetryMode.ThrottleOnly };
        await WithRetries(call, (_, token) => GetWithoutAuth(uri, destination, token), ct);
    }

    private async Task<HttpOutcome> GetWithoutAuth(Uri uri, Stream destination, CancellationToken ct)
    {
        var stopwatch = Stopwatch.StartNew();
        try
        {
            // A retry after a dropped body must not append to the bytes of the failed attempt.
            if (destination.CanSeek) { destination.SetLength(0); destination.Position = 0; }
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            using var response = await _plainClient.Value.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            Trace($"GET {WithoutQuery(uri)} -> {(int)response.StatusCode} ({stopwatch.ElapsedMilliseconds} ms, no auth)");
            if (response.IsSuccessStatusCode)
            {
                await response.Content.CopyToAsync(destination, ct);
                return new HttpOutcome((int)response.StatusCode, "", null, null, null, null, false);
            }
            if ((int)response.StatusCode is 403 or 410)
                throw new DevinApiException($"the attachment link was refused by {uri.Host} (HTTP {(int)response.StatusCode}); links expire quickly, list the attachments again", ExitCodes.Error, (int)response.StatusCode);
            var body = await response.Content.ReadAsStringAsync(ct);
            return new HttpOutcome((int)response.StatusCode, body, null, response.Headers.RetryAfter?.ToString(), null, null, false);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            Trace($"GET {WithoutQuery(uri)} -> network error ({stopwatch.ElapsedMilliseconds} ms, no auth)");
            return new HttpOutcome(null, "", null, null, null, InnermostMessage(e), e is TaskCanceledException);
        }
    }

    public void Trace(string line) => _options.Trace.Trace(Masker.Mask(line));

    private RestRequest BuildRequest(ApiCall call)
    {
        var isAbsolute = Uri.TryCreate(call.Path, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https";
        var request = isAbsolute ? new RestRequest(absolute!, call.Method) : new RestRequest(call.Path, call.Method);
        // The key goes only to the API host, whatever URL a caller passes.
        if (!isAbsolute || IsApiHost(absolute!))
            request.AddHeader("Authorization", "Bearer " + _connection.ApiKey.Trim());
        else
            throw new InvalidOperationException("API calls must target the API host");
        foreach (var (name, value) in call.Query)
            request.AddQueryParameter(name, value);
        if (call.JsonBody is not null)
            request.AddStringBody(call.JsonBody, ContentType.Json);
        if (call.File is { } file)
        {
            request.AlwaysMultipartFormData = true;
            request.AddFile("file", file.Open, file.FileName);
        }
        return request;
    }

    private HttpClient CreatePlainClient()
    {
        var handler = _options.DownloadHandler ?? new SocketsHttpHandler { AllowAutoRedirect = true, MaxAutomaticRedirections = 5 };
        var client = new HttpClient(handler) { Timeout = _connection.Timeout };
        client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
        return client;
    }

    private static string? Header(RestResponse response, string name) =>
        response.Headers?.FirstOrDefault(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase))?.Value?.ToString()
        ?? response.ContentHeaders?.FirstOrDefault(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase))?.Value?.ToString();

    /// <summary>Pre-signed storage URLs carry credentials in the query: never trace it.</summary>
    private static string WithoutQuery(Uri uri) => uri.GetLeftPart(UriPartial.Path);

    private static string? InnermostMessage(Exception? e)
    {
        if (e is null) return null;
        while (e.InnerException is not null) e = e.InnerException;
        return FirstLine(e.Message);
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();

    private static string Prefixed(string text) => string.IsNullOrEmpty(text) ? "" : ", " + text;

    private static string InformationalVersion()
    {
        var version = typeof(DevinHttp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                      ?? typeof(DevinHttp).Assembly.GetName().Version?.ToString() ?? "0.0.0";
        var plus = version.IndexOf('+');
        return plus >= 0 ? version[..plus] : version;
    }

    public void Dispose()
    {
        _rest.Dispose();
        if (_plainClient.IsValueCreated) _plainClient.Value.Dispose();
    }
}
