using System.Net;

namespace Handoff.Core.Handoffs;

/// <summary>
/// Makes concurrent API calls slow down together: when any of them gets a 429, every call waits out the
/// Retry-After (or <see cref="DefaultPause"/>) before it goes out. The client's own retry still repeats
/// the throttled request; this only stops the other tasks from hammering the API meanwhile.
/// </summary>
public sealed class ThrottleGate(TimeProvider? time = null)
{
    public static readonly TimeSpan DefaultPause = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxPause = TimeSpan.FromSeconds(60);

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Lock _lock = new();
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;

    /// <summary>How many 429s were seen (for the summary line).</summary>
    public int Throttled { get; private set; }

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_lock) wait = _pausedUntil - _time.GetUtcNow();
            if (wait <= TimeSpan.Zero) return;
            await Task.Delay(wait, _time, cancellationToken);
        }
    }

    public void Pause(TimeSpan? retryAfter)
    {
        var pause = retryAfter is { } r && r > TimeSpan.Zero ? (r < MaxPause ? r : MaxPause) : DefaultPause;
        lock (_lock)
        {
            Throttled++;
            var until = _time.GetUtcNow() + pause;
            if (until > _pausedUntil) _pausedUntil = until;
        }
    }

    /// <summary>The HTTP handler that applies the gate; plug it into the client's message handler chain.</summary>
    public HttpMessageHandler Wrap(HttpMessageHandler inner) => new Handler(this) { InnerHandler = inner };

    private sealed class Handler(ThrottleGate gate) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await gate.WaitAsync(cancellationToken);
            var response = await base.SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
                gate.Pause(RetryAfter(response));
            return response;
        }

        private static TimeSpan? RetryAfter(HttpResponseMessage response) =>
            response.Headers.RetryAfter is { } h
                ? h.Delta ?? (h.Date is { } d ? d - DateTimeOffset.UtcNow : null)
                : null;
    }
}
