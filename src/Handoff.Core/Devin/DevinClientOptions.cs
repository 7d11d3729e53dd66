using Handoff.Core.Abstractions;

namespace Handoff.Core.Devin;

/// <summary>Behaviour knobs of <see cref="DevinClient"/>; the defaults suit the CLI, tests replace clock and jitter.</summary>
public sealed record DevinClientOptions
{
    public const string TraceVariable = Settings.TraceSwitch.Variable;

    public IClock Clock { get; init; } = new SystemClock();
    public ITraceSink Trace { get; init; } = NullTraceSink.Instance;
    /// <summary>Attempts per request, the first included.</summary>
    public int MaxAttempts { get; init; } = 5;
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>A Retry-After longer than this is not waited for: the call fails with exit 6 instead.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(2);
    /// <summary>Source of jitter in [0, 1).</summary>
    public Func<double> Jitter { get; init; } = Random.Shared.NextDouble;
    /// <summary>Wraps RestSharp's handler for API requests (tests, proxies).</summary>
    public Func<HttpMessageHandler, HttpMessageHandler>? ConfigureMessageHandler { get; init; }
    /// <summary>Handler of the separate, unauthenticated client used for storage downloads.</summary>
    public HttpMessageHandler? DownloadHandler { get; init; }

    /// <summary>The CLI defaults: tracing to <paramref name="stderr"/> when DEVIN_HANDOFF_TRACE=1.</summary>
    public static DevinClientOptions FromEnvironment(IEnvironment environment, TextWriter stderr)
    {
        var on = Settings.TraceSwitch.IsOn(environment);
        return new DevinClientOptions { Trace = on ? new TextWriterTraceSink(stderr) : NullTraceSink.Instance };
    }
}
