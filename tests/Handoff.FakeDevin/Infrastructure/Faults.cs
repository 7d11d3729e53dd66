using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Handoff.FakeDevin.Infrastructure;

[JsonConverter(typeof(JsonStringEnumConverter<FaultKind>))]
public enum FaultKind
{
    /// <summary>Answer with <see cref="FaultRule.StatusCode"/> (and Retry-After when set) without running the endpoint.</summary>
    Status,

    /// <summary>Only wait <see cref="FaultRule.Delay"/>, then handle the request normally.</summary>
    Delay,

    /// <summary>Abort the connection without sending any response.</summary>
    Drop,

    /// <summary>Run the endpoint (so e.g. the session IS created), throw the response away and abort the connection.</summary>
    DropAfterProcessing,

    /// <summary>Answer 200 with a body that is not valid JSON, without running the endpoint.</summary>
    MalformedJson,
}

/// <summary>
/// A fault applied to the next <see cref="Remaining"/> requests whose method and path match.
/// <see cref="PathPattern"/> is a glob: <c>*</c> matches within one path segment, <c>**</c> across segments.
/// </summary>
public sealed class FaultRule
{
    private Regex? _regex;

    public string Method { get; init; } = "*";
    public required string PathPattern { get; init; }
    public FaultKind Kind { get; init; } = FaultKind.Status;
    public int StatusCode { get; init; } = 500;
    public int? RetryAfterSeconds { get; init; }

    /// <summary>For a 422 status fault: field errors for the body (shaped by <see cref="FakeSettings.ErrorShape"/>).</summary>
    public IReadOnlyList<FieldError>? FieldErrors { get; init; }

    /// <summary>Waited before the fault (or before normal handling for <see cref="FaultKind.Delay"/>).</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>How many more requests this rule applies to.</summary>
    public int Remaining { get; internal set; } = 1;

    /// <summary>How many requests this rule has been applied to so far.</summary>
    public int Hits { get; internal set; }

    internal bool Matches(string method, string path)
    {
        if (Method != "*" && !string.Equals(Method, method, StringComparison.OrdinalIgnoreCase)) return false;
        _regex ??= GlobToRegex(PathPattern);
        return _regex.IsMatch(path);
    }

    private static Regex GlobToRegex(string glob)
    {
        var escaped = Regex.Escape(glob).Replace(@"\*\*", "\u0001").Replace(@"\*", "[^/]*").Replace("\u0001", ".*");
        return new Regex("^" + escaped + "/?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    public override string ToString() => $"{Kind} {Method} {PathPattern} (remaining {Remaining})";
}

/// <summary>Fault switches: rules consumed by the requests they match, in the order they were added.</summary>
public sealed class FaultControl
{
    internal const string DroppedMarker = "fake.dropped";
    public const string V3CreateSessionPath = "/v3/organizations/*/sessions";
    public const string V1CreateSessionPath = "/v1/sessions";

    private readonly List<FaultRule> _rules = [];
    private readonly Lock _gate = new();

    public IReadOnlyList<FaultRule> Active
    {
        get { lock (_gate) return _rules.Where(r => r.Remaining > 0).ToList(); }
    }

    public FaultRule Add(FaultRule rule)
    {
        lock (_gate) _rules.Add(rule);
        return rule;
    }

    public void Clear()
    {
        lock (_gate) _rules.Clear();
    }

    /// <summary>The next <paramref name="count"/> matching requests get <paramref name="statusCode"/>.</summary>
    public FaultRule FailNext(string method, string pathPattern, int statusCode, int count = 1, int? retryAfterSeconds = null) =>
        Add(new FaultRule { Method = method, PathPattern = pathPattern, StatusCode = statusCode, Remaining = count, RetryAfterSeconds = retryAfterSeconds });

    /// <summary>429 Too Many Requests, optionally with Retry-After (seconds).</summary>
    public FaultRule RateLimitNext(string method, string pathPattern, int? retryAfterSeconds = null, int count = 1) =>
        FailNext(method, pathPattern, StatusCodes.Status429TooManyRequests, count, retryAfterSeconds);

    public FaultRule DelayNext(string method, string pathPattern, TimeSpan delay, int count = 1) =>
        Add(new FaultRule { Method = method, PathPattern = pathPattern, Kind = FaultKind.Delay, Delay = delay, Remaining = count });

    public FaultRule DropNext(string method, string pathPattern, int count = 1) =>
        Add(new FaultRule { Method = method, PathPattern = pathPattern, Kind = FaultKind.Drop, Remaining = count });

    public FaultRule DropAfterProcessingNext(string method, string pathPattern, int count = 1) =>
        Add(new FaultRule { Method = method, PathPattern = pathPattern, Kind = FaultKind.DropAfterProcessing, Remaining = count });

    /// <summary>The next session create(s) store the session and then drop the connection (idempotency tests).</summary>
    public FaultRule DropAfterCreateSession(int count = 1, bool v1 = false) =>
        DropAfterProcessingNext("POST", v1 ? V1CreateSessionPath : V3CreateSessionPath, count);

    public FaultRule MalformedJsonNext(string method, string pathPattern, int count = 1) =>
        Add(new FaultRule { Method = method, PathPattern = pathPattern, Kind = FaultKind.MalformedJson, Remaining = count });

    internal FaultRule? Take(string method, string path)
    {
        lock (_gate)
        {
            var rule = _rules.FirstOrDefault(r => r.Remaining > 0 && r.Matches(method, path));
            if (rule is null) return null;
            rule.Remaining--;
            rule.Hits++;
            return rule;
        }
    }

    internal static Func<HttpContext, Func<Task>, Task> Middleware(FaultControl faults, Func<PathString, bool> skip) =>
        async (context, next) =>
        {
            var rule = skip(context.Request.Path) ? null : faults.Take(context.Request.Method, context.Request.Path.Value ?? "");
            if (rule is null)
            {
                await next();
                return;
            }

            if (rule.Delay > TimeSpan.Zero)
                await Task.Delay(rule.Delay, context.RequestAborted);

            switch (rule.Kind)
            {
                case FaultKind.Delay:
                    await next();
                    break;
                case FaultKind.Drop:
                    Drop(context);
                    break;
                case FaultKind.DropAfterProcessing:
                    context.Response.Body = new MemoryStream(); // the real response never leaves
                    await next();
                    Drop(context);
                    break;
                case FaultKind.MalformedJson:
                    context.Response.StatusCode = 200;
                    context.Response.ContentType = "application/json";
                    await context.Response.WriteAsync("{\"session_id\": \"devin-0123, <html>Bad Gateway");
                    break;
                default:
                    if (rule.RetryAfterSeconds is int seconds)
                        context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    if (rule.FieldErrors is { Count: > 0 } fieldErrors)
                        await Errors.Validation(fieldErrors).ExecuteAsync(context);
                    else
                        await Errors.WriteAsync(context, rule.StatusCode, ReasonPhrase(rule.StatusCode), "Injected fault");
                    break;
            }
        };

    private static void Drop(HttpContext context)
    {
        context.Items[DroppedMarker] = true;
        context.Abort();
    }

    private static string ReasonPhrase(int status) =>
        Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Error";
}
