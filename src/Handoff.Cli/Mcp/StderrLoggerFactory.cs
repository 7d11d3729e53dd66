using Microsoft.Extensions.Logging;

namespace Handoff.Cli.Mcp;

/// <summary>
/// The SDK's logs, when DEVIN_HANDOFF_TRACE is on: one line each on stderr (stdout carries the protocol only).
/// </summary>
public sealed class StderrLoggerFactory(TextWriter error, LogLevel minimum) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new Logger(error, minimum, categoryName);

    public void AddProvider(ILoggerProvider provider) { }

    public void Dispose() { }

    private sealed class Logger(TextWriter error, LogLevel minimum, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            var line = $"[devin-handoff trace] mcp {logLevel.ToString().ToLowerInvariant()} {category}: {formatter(state, exception)}";
            lock (error)
            {
                error.WriteLine(line);
                if (exception is not null) error.WriteLine(exception);
            }
        }
    }
}
