using Handoff.Core.Abstractions;

namespace Handoff.TestInfrastructure;

/// <summary>A fixed environment: the variables given (an empty value reads as unset), a current folder and a home.</summary>
public sealed class DictionaryEnvironment(IDictionary<string, string?> values, string currentDirectory = ".", string home = "/nonexistent-home")
    : IEnvironment
{
    public string? Get(string name) => values.TryGetValue(name, out var v) && !string.IsNullOrEmpty(v) ? v : null;
    public string? GetExact(string name) => values.TryGetValue(name, out var v) ? v : null;
    public string CurrentDirectory { get; } = currentDirectory;
    public string HomeDirectory { get; } = home;
}
