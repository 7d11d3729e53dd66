using Handoff.Cli.Output;

namespace Handoff.TestInfrastructure;

/// <summary>An in-memory console: what a command wrote to stdout and stderr, and the stdin it reads.</summary>
public sealed class BufferConsole(string input = "", bool terminal = false) : IConsole
{
    private readonly StringWriter _out = new() { NewLine = "\n" };
    private readonly StringWriter _err = new() { NewLine = "\n" };

    public TextWriter Out => _out;
    public TextWriter Error => _err;
    public TextReader In { get; } = new StringReader(input);
    public bool IsOutputTerminal => terminal;
    public bool IsErrorTerminal => terminal;
    public bool IsInputTerminal => terminal;
    public bool ColorEnabled => false;
    public string OutText => _out.ToString();
    public string ErrorText => _err.ToString();
}
