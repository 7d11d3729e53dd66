using Handoff.Core.Abstractions;
using Handoff.Core.Following;

namespace Handoff.Cli.Output;

/// <summary>
/// The spinner line on a terminal's stderr ("⠹ working · 2m05s"). It is erased before any other output
/// and drawn again after it, so stdout lines never mix with it. Does nothing when not enabled (not a TTY).
/// </summary>
public sealed class LiveStatusLine : IDisposable
{
    private static readonly string[] Frames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];
    private const string EraseLine = "\r\u001b[2K";

    private readonly TextWriter _stderr;
    private readonly IClock _clock;
    private readonly DateTimeOffset _started;
    private readonly Lock _gate = new();
    private readonly Timer? _timer;
    private string _text = "starting";
    private int _frame;
    private bool _drawn;
    private bool _stopped;

    public LiveStatusLine(TextWriter stderr, IClock clock, bool enabled, TimeSpan? tick = null)
    {
        _stderr = stderr;
        _clock = clock;
        _started = clock.Now;
        Enabled = enabled;
        if (enabled)
        {
            var period = tick ?? TimeSpan.FromMilliseconds(120);
            _timer = new Timer(_ => Draw(), null, period, period);
        }
    }

    public bool Enabled { get; }

    public void Update(string text)
    {
        lock (_gate) _text = text;
        Draw();
    }

    /// <summary>Erases the line, runs <paramref name="write"/>, draws the line again.</summary>
    public void Interrupt(Action write)
    {
        lock (_gate)
        {
            EraseLocked();
            write();
        }
        Draw();
    }

    public void Draw()
    {
        lock (_gate)
        {
            if (!Enabled || _stopped) return;
            var frame = Frames[_frame++ % Frames.Length];
            _stderr.Write($"{EraseLine}{frame} {_text} · {DurationText.Format(_clock.Now - _started)}");
            _stderr.Flush();
            _drawn = true;
        }
    }

    /// <summary>Erases the line for good.</summary>
    public void Stop()
    {
        lock (_gate)
        {
            EraseLocked();
            _stopped = true;
        }
        _timer?.Dispose();
    }

    private void EraseLocked()
    {
        if (!_drawn) return;
        _stderr.Write(EraseLine);
        _stderr.Flush();
        _drawn = false;
    }

    public void Dispose() => Stop();
}
