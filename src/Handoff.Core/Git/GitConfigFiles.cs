using Handoff.Core.Abstractions;
using LibGit2Sharp;

namespace Handoff.Core.Git;

/// <summary>
/// The global, XDG and system config files git itself reads, found by git's rules in managed code:
/// GIT_CONFIG_GLOBAL (replaces ~/.gitconfig and the XDG file; empty means none), HOME (USERPROFILE on Windows),
/// XDG_CONFIG_HOME, GIT_CONFIG_NOSYSTEM and GIT_CONFIG_SYSTEM. A null path means git reads no file at that level.
/// </summary>
/// <remarks>
/// LibGit2Sharp asks libgit2 for these paths through an output buffer that stays empty under Native AOT
/// (libgit2sharp#2187), so it would read the local config only. Passing the paths explicitly gives the
/// same result in the JIT and the AOT build.
/// </remarks>
public sealed record GitConfigFiles(string? Global, string? Xdg, string? System)
{
    /// <summary>The files git would read in <paramref name="environment"/>.</summary>
    public static GitConfigFiles From(IEnvironment environment) => FromEnvironment(environment.GetExact);

    public static GitConfigFiles FromEnvironment(Func<string, string?> variable)
    {
        var home = NonEmpty(variable("HOME")) ?? (OperatingSystem.IsWindows() ? NonEmpty(variable("USERPROFILE")) : null);

        string? global, xdg;
        if (variable("GIT_CONFIG_GLOBAL") is { } globalOverride)
        {
            global = NonEmpty(globalOverride) is { } path ? Path.GetFullPath(path) : null;
            xdg = null;
        }
        else
        {
            global = home is null ? null : Path.Combine(home, ".gitconfig");
            var xdgHome = NonEmpty(variable("XDG_CONFIG_HOME")) ?? (home is null ? null : Path.Combine(home, ".config"));
            xdg = xdgHome is null ? null : Path.Combine(xdgHome, "git", "config");
        }

        string? system;
        if (IsTrue(variable("GIT_CONFIG_NOSYSTEM"))) system = null;
        else if (variable("GIT_CONFIG_SYSTEM") is { } systemOverride) system = NonEmpty(systemOverride) is { } path ? Path.GetFullPath(path) : null;
        else system = DefaultSystemConfig(variable);

        return new GitConfigFiles(global, xdg, system);
    }

    /// <summary>
    /// A LibGit2Sharp configuration over <paramref name="repositoryConfig"/> (the repository's own config file, or
    /// null outside a repository) and these files, with git's precedence (local over global over XDG over system).
    /// </summary>
    public Configuration Open(string? repositoryConfig) =>
        // LibGit2Sharp insists that a repository config file exists (null: none); a missing user or system file is an empty level.
        Configuration.BuildFrom(File.Exists(repositoryConfig) ? repositoryConfig : null, Global ?? NoFile, Xdg ?? NoFile, System ?? NoFile);

    /// <summary>
    /// A path that never exists: LibGit2Sharp probes libgit2's default for a null path (the user's real config in
    /// the JIT build), whereas libgit2 reads a missing file as an empty level.
    /// </summary>
    private static readonly string NoFile = Path.Combine(Path.GetTempPath(), "devin-handoff-no-config-" + Guid.NewGuid().ToString("N"), "config");

    private static string? DefaultSystemConfig(Func<string, string?> variable)
    {
        if (!OperatingSystem.IsWindows()) return "/etc/gitconfig";
        // Git for Windows: <install>\etc\gitconfig; its usual install folder.
        var programFiles = NonEmpty(variable("ProgramW6432")) ?? NonEmpty(variable("ProgramFiles"));
        return programFiles is null ? null : Path.Combine(programFiles, "Git", "etc", "gitconfig");
    }

    /// <summary>git's boolean environment values: true, yes, on or a non-zero number.</summary>
    private static bool IsTrue(string? value)
    {
        var text = value?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(text)) return false;
        if (text is "true" or "yes" or "on") return true;
        return long.TryParse(text, out var number) && number != 0;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
