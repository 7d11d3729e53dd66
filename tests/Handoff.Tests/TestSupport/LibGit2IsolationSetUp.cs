using LibGit2Sharp;

namespace Handoff.Tests;

/// <summary>
/// Keeps the developer's own git configuration out of every in-process test, once for the whole assembly:
/// GIT_CONFIG_GLOBAL points at an empty temp file and GIT_CONFIG_NOSYSTEM=1 (what <c>GitConfigFiles</c> and
/// <c>LibGit2Repositories</c> follow), and LibGit2Sharp's own search paths point at the empty temp folder.
/// The git and ssh processes the code starts inherit it: XDG_CONFIG_HOME (git's global attributes and ignore files)
/// points there too, and GIT_SSH_COMMAND gives ssh an empty config (ssh finds ~/.ssh through the user database, not HOME).
/// </summary>
[SetUpFixture]
public sealed class LibGit2IsolationSetUp
{
    private static readonly string[] Variables = ["GIT_CONFIG_GLOBAL", "GIT_CONFIG_NOSYSTEM", "GIT_CONFIG_SYSTEM", "XDG_CONFIG_HOME", "GIT_SSH_COMMAND", "GIT_SSH"];
    private readonly Dictionary<string, string?> _saved = [];
    private string? _folder;

    /// <summary>The empty global config file every in-process test sees.</summary>
    public static string GlobalConfigFile { get; private set; } = "";

    [OneTimeSetUp]
    public void IsolateConfig()
    {
        _folder = Path.Combine(Path.GetTempPath(), "handoff-libgit2-config-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(_folder);
        GlobalConfigFile = Path.Combine(_folder, ".gitconfig");
        File.WriteAllText(GlobalConfigFile, "");
        foreach (var name in Variables) _saved[name] = Environment.GetEnvironmentVariable(name);
        Environment.SetEnvironmentVariable("GIT_CONFIG_GLOBAL", GlobalConfigFile);
        Environment.SetEnvironmentVariable("GIT_CONFIG_NOSYSTEM", "1");
        Environment.SetEnvironmentVariable("GIT_CONFIG_SYSTEM", null);
        Environment.SetEnvironmentVariable("XDG_CONFIG_HOME", _folder);
        var sshConfig = Path.Combine(_folder, "ssh_config");
        File.WriteAllText(sshConfig, "");
        Environment.SetEnvironmentVariable("GIT_SSH_COMMAND", $"ssh -F '{sshConfig}'");
        Environment.SetEnvironmentVariable("GIT_SSH", null);
        foreach (var level in new[] { ConfigurationLevel.Global, ConfigurationLevel.Xdg, ConfigurationLevel.System, ConfigurationLevel.ProgramData })
            GlobalSettings.SetConfigSearchPaths(level, _folder);
    }

    [OneTimeTearDown]
    public void RemoveFolder()
    {
        foreach (var (name, value) in _saved) Environment.SetEnvironmentVariable(name, value);
        if (_folder is not null && Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
