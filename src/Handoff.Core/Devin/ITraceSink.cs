namespace Handoff.Core.Devin;

/// <summary>Receives one line per HTTP request when tracing is on (DEVIN_HANDOFF_TRACE=1).</summary>
public interface ITraceSink
{
    void Trace(string line);
}

public sealed class NullTraceSink : ITraceSink
{
    public static readonly NullTraceSink Instance = new();
    public void Trace(string line) { }
}

/// <summary>Writes trace lines to a writer (normally stderr) with a recognisable prefix.</summary>
public sealed class TextWriterTraceSink(TextWriter writer) : ITraceSink
{
    public void Trace(string line)
    {
        lock (writer)
            writer.WriteLine("[devin-handoff trace] " + line);
    }
}
