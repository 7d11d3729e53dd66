using System.Text;
using System.Text.Json;

namespace Handoff.FakeDevin.Infrastructure;

/// <summary>One request as the fake received it. Headers are kept verbatim, Authorization included.</summary>
public sealed class RecordedRequest
{
    public required string Method { get; init; }
    public required string Path { get; init; }

    /// <summary>The raw query string including the leading '?', or empty.</summary>
    public required string QueryString { get; init; }
    public required IReadOnlyDictionary<string, string> Headers { get; init; }
    public required string Body { get; init; }
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>The status sent back; null while running or when the fake dropped the connection.</summary>
    public int? ResponseStatusCode { get; internal set; }

    public string? Authorization => Header("Authorization");

    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;

    /// <summary>All values of a query key, e.g. Query("tags") for ?tags=a&amp;tags=b.</summary>
    public IReadOnlyList<string> Query(string key) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(QueryString).TryGetValue(key, out var v)
            ? v.Select(s => s ?? "").ToList()
            : [];

    public JsonDocument BodyJson() => JsonDocument.Parse(Body);

    public override string ToString() => $"{Method} {Path}{QueryString} -> {ResponseStatusCode?.ToString() ?? "dropped"}";
}

/// <summary>Thread-safe list of every request a listener received.</summary>
public sealed class RequestLog
{
    private readonly List<RecordedRequest> _requests = [];
    private readonly Lock _gate = new();

    public IReadOnlyList<RecordedRequest> Snapshot()
    {
        lock (_gate) return _requests.ToList();
    }

    public void Clear()
    {
        lock (_gate) _requests.Clear();
    }

    internal void Add(RecordedRequest request)
    {
        lock (_gate) _requests.Add(request);
    }

    /// <summary>Middleware that records each request (body buffered so endpoints can still read it).</summary>
    internal static Func<HttpContext, Func<Task>, Task> Middleware(RequestLog log, TimeProvider clock, Func<PathString, bool> skip, Action<RecordedRequest>? echo) =>
        async (context, next) =>
        {
            if (skip(context.Request.Path))
            {
                await next();
                return;
            }

            context.Request.EnableBuffering();
            string body;
            using (var reader = new StreamReader(context.Request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true))
                body = await reader.ReadToEndAsync(context.RequestAborted);
            context.Request.Body.Position = 0;

            var recorded = new RecordedRequest
            {
                Method = context.Request.Method,
                Path = context.Request.Path.Value ?? "",
                QueryString = context.Request.QueryString.Value ?? "",
                Headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                Body = body,
                Timestamp = clock.GetUtcNow(),
            };
            log.Add(recorded);
            try
            {
                await next();
            }
            finally
            {
                if (!context.Items.ContainsKey(FaultControl.DroppedMarker))
                    recorded.ResponseStatusCode = context.Response.StatusCode;
                echo?.Invoke(recorded);
            }
        };
}
