namespace Handoff.Core.Abstractions;

/// <summary>Environment variables, the current folder and the user's home, replaceable in tests.</summary>
public interface IEnvironment
{
    string? Get(string name);
    string CurrentDirectory { get; }
    string HomeDirectory { get; }
}

public sealed class SystemEnvironment : IEnvironment
{
    public string? Get(string name)
    {
        var value = Environment.GetEnvironmentVariable(name);
        return string.IsNullOrEmpty(value) ? null : value;
    }

    public string CurrentDirectory => Directory.GetCurrentDirectory();

    public string HomeDirectory =>
        Get("HOME") ?? Get("USERPROFILE") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
}

/// <summary>A fixed environment for tests.</summary>
public sealed class DictionaryEnvironment(IDictionary<string, string?> values, string currentDirectory = ".", string home = "/nonexistent-home")
    : IEnvironment
{
    public string? Get(string name) => values.TryGetValue(name, out var v) && !string.IsNullOrEmpty(v) ? v : null;
    public string CurrentDirectory { get; } = currentDirectory;
    public string HomeDirectory { get; } = home;
}
