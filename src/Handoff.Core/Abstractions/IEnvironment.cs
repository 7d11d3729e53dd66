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
