using LibGit2Sharp;

namespace Handoff.Tests;

/// <summary>
/// Points LibGit2Sharp's global, XDG and system config search paths at an empty temp folder once for the
/// whole test assembly, so no test reads the developer's own git configuration.
/// </summary>
[SetUpFixture]
public sealed class LibGit2IsolationSetUp
{
    private string? _folder;

    [OneTimeSetUp]
    public void IsolateConfig()
    {
        _folder = Path.Combine(Path.GetTempPath(), "handoff-libgit2-config-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(_folder);
        foreach (var level in new[] { ConfigurationLevel.Global, ConfigurationLevel.Xdg, ConfigurationLevel.System, ConfigurationLevel.ProgramData })
            GlobalSettings.SetConfigSearchPaths(level, _folder);
    }

    [OneTimeTearDown]
    public void RemoveFolder()
    {
        if (_folder is not null && Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
