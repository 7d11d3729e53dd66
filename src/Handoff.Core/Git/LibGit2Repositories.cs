using LibGit2Sharp;

namespace Handoff.Core.Git;

/// <summary>
/// Opens repositories with LibGit2Sharp so that libgit2's own config (which drives ignore rules, attributes and
/// line-ending handling in status and diff) comes from the files git would read.
/// </summary>
/// <remarks>
/// Never touch <c>Repository.Config</c> on a repository opened here: LibGit2Sharp would build a configuration
/// from paths it cannot read under Native AOT and install it in place of libgit2's, dropping the global
/// config (core.excludesFile, core.autocrlf...). Read values through <see cref="GitConfigFiles.Open"/> instead.
/// </remarks>
public static class LibGit2Repositories
{
    private static readonly Lock Gate = new();
    private static GitConfigFiles? _configFiles;
    private static bool _applied;

    /// <summary>
    /// Chooses the config files for this process: a front end calls it once at start-up with the files of its
    /// environment (the CLI: Program.cs); tests, with an isolated global config. libgit2's search paths, which are
    /// process-wide, are pointed at them when the first repository is opened (a command that opens none never
    /// loads libgit2).
    /// </summary>
    public static void Configure(GitConfigFiles files)
    {
        lock (Gate)
        {
            _configFiles = files;
            _applied = false;
        }
    }

    /// <summary>
    /// The files libgit2 reads, which our own config reads use too, so both agree. Unless <see cref="Configure"/> was
    /// called first, those of this process's environment.
    /// </summary>
    public static GitConfigFiles ConfigFiles
    {
        get
        {
            lock (Gate)
                return _configFiles ??= GitConfigFiles.From(new Abstractions.SystemEnvironment());
        }
    }

    public static Repository Open(string gitDirectory)
    {
        lock (Gate)
        {
            if (!_applied)
            {
                ApplySearchPaths(_configFiles ??= GitConfigFiles.From(new Abstractions.SystemEnvironment()));
                _applied = true;
            }
        }
        return new Repository(gitDirectory);
    }

    /// <summary>
    /// Points libgit2's config search folders at <paramref name="files"/>. libgit2 looks for fixed names
    /// (.gitconfig, git/config, gitconfig) in folders, so a GIT_CONFIG_GLOBAL or GIT_CONFIG_SYSTEM file with
    /// another name cannot be expressed: that level is then left empty rather than read from the default place.
    /// </summary>
    internal static void ApplySearchPaths(GitConfigFiles files)
    {
        GlobalSettings.SetConfigSearchPaths(ConfigurationLevel.Global, FolderIfNamed(files.Global, ".gitconfig"));
        GlobalSettings.SetConfigSearchPaths(ConfigurationLevel.Xdg, FolderIfNamed(files.Xdg, "config"));
        GlobalSettings.SetConfigSearchPaths(ConfigurationLevel.System, FolderIfNamed(files.System, "gitconfig"));
    }

    private static string FolderIfNamed(string? file, string name) =>
        file is not null && Path.GetFileName(file) == name ? Path.GetDirectoryName(file)! : NoFolder;

    /// <summary>A folder that never exists: libgit2 finds no config file there.</summary>
    private static readonly string NoFolder = Path.Combine(Path.GetTempPath(), "devin-handoff-no-config-" + Guid.NewGuid().ToString("N"));
}
