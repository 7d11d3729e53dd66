using System.Globalization;
using RestSharp;

namespace Handoff.Core.Devin;

/// <summary>When <see cref="DevinHttp"/> may send a call again after a failed attempt.</summary>
internal enum RetryMode
{
    /// <summary>Reads and idempotent writes: retried on 429, 5xx, timeouts and connection failures.</summary>
    Safe,
    /// <summary>Not idempotent: retried only on 429, which means the server did not process it.</summary>
    ThrottleOnly,
    /// <summary>
    /// Not idempotent, but findable: retried on 429 at once, and after any other transient failure only once
    /// <see cref="ApiCall.FoundBeforeResend"/> has looked and not found what the lost attempt may have made.
    /// </summary>
    LookBeforeResend,
}

/// <summary>One API request: where, what, and how to describe it in errors.</summary>
internal sealed class ApiCall(Method method, string path, string action, string permission)
{
    public Method Method { get; } = method;
    /// <summary>Relative to the API base (no leading slash), or an absolute URL on the API host.</summary>
    public string Path { get; } = path;
    /// <summary>"getting session devin-x": used in messages.</summary>
    public string Action { get; } = action;
    /// <summary>The permission a 403 names.</summary>
    public string Permission { get; } = permission;
    /// <summary>"session devin-x": used for 404.</summary>
    public string? Resource { get; init; }
    public List<KeyValuePair<string, string>> Query { get; } = [];
    public string? JsonBody { get; init; }
    public (string FileName, Func<Stream> Open)? File { get; init; }
    public RetryMode Retry { get; init; } = RetryMode.Safe;
    /// <summary>A 3xx with a Location ends the call like a success (the caller follows it by hand).</summary>
    public bool AcceptRedirect { get; init; }
    /// <summary>
    /// For <see cref="RetryMode.LookBeforeResend"/>: true when what the failed attempt may have created exists,
    /// so the call must not be sent again.
    /// </summary>
    public Func<CancellationToken, Task<bool>>? FoundBeforeResend { get; init; }

    /// <summary>Whether a failed attempt with this outcome may be followed by another.</summary>
    public bool MayRetry(HttpOutcome outcome) =>
        Retry == RetryMode.ThrottleOnly ? outcome.StatusCode == 429 : outcome.IsTransient;

    public ApiCall With(string name, object? value)
    {
        switch (value)
        {
            case null: break;
            case string s: Query.Add(new(name, s)); break;
            case bool b: Query.Add(new(name, b ? "true" : "false")); break;
            case IEnumerable<string> many: foreach (var item in many) Query.Add(new(name, item)); break;
            case IFormattable f: Query.Add(new(name, f.ToString(null, CultureInfo.InvariantCulture))); break;
            default: Query.Add(new(name, value.ToString() ?? "")); break;
        }
        return this;
    }
}

/// <summary>What one attempt produced: an HTTP status and body, or a transport failure (StatusCode null).</summary>
internal sealed record HttpOutcome(int? StatusCode, string Body, byte[]? RawBytes, string? RetryAfter, string? Location, string? TransportError, bool TimedOut)
{
    public bool IsSuccess => StatusCode is >= 200 and < 300;
    public bool IsRedirect => StatusCode is >= 300 and < 400 && Location is not null;
    public bool IsTransient => StatusCode is null or 429 or >= 500;
}
