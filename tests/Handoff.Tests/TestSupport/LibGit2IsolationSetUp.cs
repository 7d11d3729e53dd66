using Handoff.Core.Git;
using LibGit2Sharp;

namespace Handoff.Tests;

/// <summary>
/// Keeps the developer's own git configuration out of every in-process test, once for the whole assembly.
/// libgit2 and our config reads are told so directly (<see cref="LibGit2Repositories.Configure"/>): an empty temp
/// global config and no XDG or system config. The git and ssh processes the code starts inherit the process
/// environment, so for them alone it is set too: GIT_CONFIG_GLOBAL points at the same empty file,
/// GIT_CONFIG_NOSYSTEM=1, XDG_CONFIG_HOME (git's global attributes and ignore files) at the temp folder, and
/// GIT_SSH_COMMAND gives ssh an empty config (ssh finds ~/.ssh through the user database, not HOME).
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
        LibGit2Repositories.Configure(new GitConfigFiles(GlobalConfigFile, Xdg: null, System: null));
        // At once as well, for libgit2 used directly (LibGit2Repositories applies them on its first Open).
        foreach (var level in new[] { ConfigurationLevel.Global, ConfigurationLevel.Xdg, ConfigurationLevel.System, ConfigurationLevel.ProgramData })
            GlobalSettings.SetConfigSearchPaths(level, _folder);

        foreach (var name in Variables) _saved[name] = Environment.GetEnvironmentVariable(name);
        Environment.SetEnvironmentVariable("GIT_CONFIG_GLOBAL", GlobalConfigFile);
        Environment.SetEnvironmentVariable("GIT_CONFIG_NOSYSTEM", "1");
        Environment.SetEnvironmentVariable("GIT_CONFIG_SYSTEM", null);
        Environment.SetEnvironmentVariable("XDG_CONFIG_HOME", _folder);
        var sshConfig = Path.Combine(_folder, "ssh_config");
        File.WriteAllText(sshConfig, "");
        Environment.SetEnvironmentVariable("GIT_SSH_COMMAND", $"ssh -F '{sshConfig}'");
        Environment.SetEnvironmentVariable("GIT_SSH", null);
    }

    [OneTimeTearDown]
    public void RemoveFolder()
    {
        foreach (var (name, value) in _saved) Environment.SetEnvironmentVariable(name, value);
        if (_folder is not null && Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
