namespace Handoff.Cli;

/// <summary>
/// Reports to a callback on the reporting thread, at once (<see cref="Progress{T}"/> posts later, out of order with
/// the command's own output).
/// </summary>
public sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
