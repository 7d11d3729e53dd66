using Handoff.Core.Git;
using LibGit2Sharp;

namespace Handoff.Tests;

/// <summary>
/// Keeps the developer's own git configuration out of every in-process test, once for the whole assembly, without
/// touching the process environment: libgit2 and our config reads (<see cref="LibGit2Repositories.Configure"/>) see
/// an empty temp global config and no XDG or system config.
/// </summary>
[SetUpFixture]
public sealed class LibGit2IsolationSetUp
{
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
    }

    [OneTimeTearDown]
    public void RemoveFolder()
    {
        if (_folder is not null && Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
