namespace Handoff.Core.Abstractions;

/// <summary>Environment variables, the current folder and the user's home, replaceable in tests.</summary>
public interface IEnvironment
{
    /// <summary>The variable's value; null when it is unset or empty.</summary>
    string? Get(string name);

    /// <summary>The variable exactly as set: "" when set to empty, null when unset (git tells the two apart, e.g. GIT_CONFIG_GLOBAL=).</summary>
    string? GetExact(string name) => Get(name);

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

    public string? GetExact(string name) => Environment.GetEnvironmentVariable(name);

    public string CurrentDirectory => Directory.GetCurrentDirectory();

    public string HomeDirectory =>
        Get("HOME") ?? Get("USERPROFILE") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
}
