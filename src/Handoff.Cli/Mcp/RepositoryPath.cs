using Handoff.Core;
using Handoff.Core.Git;

namespace Handoff.Cli.Mcp;

/// <summary>
/// The folder a tool acts on: the server's working directory, or <c>repository_path</c>, which must be a folder
/// inside a git work tree (not inside its .git folder). Paths a tool reads (secrets_scan's paths) must stay inside
/// that work tree: they are compared after symbolic links are followed, so neither <c>..</c> nor a link leads out.
/// </summary>
public static class RepositoryPath
{
    public const string Name = "repository_path";

    public static readonly ToolParameter Parameter = ToolParameter.Text(Name,
        "The repository to act on: a folder inside a git work tree (absolute, or relative to the server's working directory). " +
        "Default: the server's working directory. Also where 'last' and the repository's git config (devin-handoff.*) are read.");

    /// <summary>The folder to act on; with <paramref name="requireRepository"/> it must be inside a git work tree.</summary>
    public static string Resolve(ToolArguments arguments, string serverDirectory, bool requireRepository)
    {
        if (arguments.String(Name) is not { } given)
        {
            if (requireRepository) WorkTreeOf(serverDirectory, "the server's working directory");
            return serverDirectory;
        }
        if (given.Trim().Length == 0 || given.Contains('\0'))
            throw Bad($"{Name} is empty");
        var full = Path.GetFullPath(given, serverDirectory);
        if (!Directory.Exists(full))
            throw Bad($"{Name}: no such folder: {full}");
        WorkTreeOf(full, full);
        return full;
    }

    /// <summary>The work tree around <paramref name="folder"/>; a usage error outside one or inside its git directory.</summary>
    public static string WorkTreeOf(string folder, string what)
    {
        var workTree = WorkTreeFinder.Find(folder)
            ?? throw Bad($"{Name}: {what} is not inside a git work tree");
        var gitDir = GitDirectoryFinder.Find(folder);
        if (gitDir is not null && IsInside(Real(folder), Real(gitDir)))
            throw Bad($"{Name}: {what} is inside the repository's git directory, not its work tree");
        return workTree;
    }

    /// <summary>Each path (relative to <paramref name="folder"/>) as a full path, refused when it leads out of <paramref name="workTree"/>.</summary>
    public static IReadOnlyList<string> InsideWorkTree(IEnumerable<string> paths, string folder, string workTree, string argument)
    {
        var root = Real(workTree);
        var result = new List<string>();
        foreach (var path in paths)
        {
            if (path.Trim().Length == 0 || path.Contains('\0')) throw Bad($"{argument}: an empty path");
            var full = Path.GetFullPath(path, folder);
            if (!File.Exists(full) && !Directory.Exists(full)) throw Bad($"{argument}: no such file or folder: {path}");
            if (!IsInside(Real(full), root)) throw Bad($"{argument}: {path} is outside the repository's work tree {workTree}");
            result.Add(full);
        }
        return result;
    }

    private static bool IsInside(string path, string root)
    {
        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        root = Path.TrimEndingDirectorySeparator(root);
        path = Path.TrimEndingDirectorySeparator(path);
        return path.Equals(root, comparison) || path.StartsWith(root + Path.DirectorySeparatorChar, comparison);
    }

    /// <summary>The path with every symbolic link along it followed (like realpath); parts that do not exist are kept.</summary>
    internal static string Real(string fullPath, int depth = 0)
    {
        if (depth > 40) throw Bad($"too many symbolic links: {fullPath}");
        var root = Path.GetPathRoot(fullPath) ?? "";
        var current = root;
        var parts = fullPath[root.Length..].Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length == 0) continue;
            var next = Path.Combine(current, parts[i]);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (info.Exists && info.LinkTarget is { } target)
            {
                var resolved = Path.GetFullPath(target, current);
                var rest = string.Join(Path.DirectorySeparatorChar, parts[(i + 1)..]);
                return Real(rest.Length == 0 ? resolved : Path.Combine(resolved, rest), depth + 1);
            }
            current = next;
        }
        return current;
    }

    private static HandoffException Bad(string message) => new(message, ExitCodes.Usage);
}
