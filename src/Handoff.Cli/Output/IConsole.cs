namespace Handoff.Cli.Output;

/// <summary>
/// The terminal: data goes to Out, progress and status to Error (so stdout stays parseable).
/// Tests replace it with an in-memory console (tests/Handoff.TestInfrastructure).
/// </summary>
public interface IConsole
{
    TextWriter Out { get; }
    TextWriter Error { get; }
    TextReader In { get; }
    bool IsOutputTerminal { get; }
    bool IsErrorTerminal { get; }
    bool IsInputTerminal { get; }

    /// <summary>True when colour may be used on stderr (a terminal and NO_COLOR unset).</summary>
    bool ColorEnabled { get; }
}

public sealed class SystemConsole : IConsole
{
    public SystemConsole()
    {
        var utf8 = new System.Text.UTF8Encoding(false);
        Out = new StreamWriter(Console.OpenStandardOutput(), utf8) { AutoFlush = true, NewLine = "\n" };
        Error = new StreamWriter(Console.OpenStandardError(), utf8) { AutoFlush = true, NewLine = "\n" };
    }

    public TextWriter Out { get; }
    public TextWriter Error { get; }
    public TextReader In => Console.In;
    public bool IsOutputTerminal => !Console.IsOutputRedirected;
    public bool IsErrorTerminal => !Console.IsErrorRedirected;
    public bool IsInputTerminal => !Console.IsInputRedirected;
    public bool ColorEnabled => IsErrorTerminal && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
}
