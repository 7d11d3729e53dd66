using System.Text;
using Handoff.Tests.TestSupport;

namespace Handoff.IntegrationTests.RoundTrip;

/// <summary>
/// Every file of a working tree that git sees (tracked and untracked, not ignored), as comparable text: a file's
/// bytes (hex) and executable bit, a symlink's target, a submodule's commit.
/// </summary>
public static class WorkTreeState
{
    public static SortedDictionary<string, string> Read(TempGitRepo git, string workTree)
    {
        var state = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var listed = git.RunIn(workTree, "ls-files", "-z", "--cached", "--others", "--exclude-standard");
        foreach (var path in listed.Split('\0', StringSplitOptions.RemoveEmptyEntries).Distinct())
        {
            var full = Path.Combine(workTree, path);
            var info = new FileInfo(full);
            if (info.LinkTarget is { } target) state[path] = "symlink -> " + target;
            else if (Directory.Exists(full)) state[path] = "submodule at " + SubmoduleCommit(git, workTree, path);
            else if (info.Exists) state[path] = Describe(info);
            // else: tracked but deleted in the working tree, so absent
        }
        return state;
    }

    private static string Describe(FileInfo file)
    {
        var executable = !OperatingSystem.IsWindows() && File.GetUnixFileMode(file.FullName).HasFlag(UnixFileMode.UserExecute);
        var bytes = File.ReadAllBytes(file.FullName);
        return $"{(executable ? "executable" : "file")} {bytes.Length} bytes: {Printable(bytes)}";
    }

    /// <summary>The content with CR, NUL and other control bytes made visible, so a mismatch reads well.</summary>
    private static string Printable(byte[] bytes)
    {
        var text = new StringBuilder();
        foreach (var b in bytes)
            text.Append(b switch { (byte)'\r' => "\\r", (byte)'\n' => "\\n\n", < 0x20 or 0x7F or >= 0x80 => $"\\x{b:x2}", _ => ((char)b).ToString() });
        return text.ToString();
    }

    /// <summary>A checked-out submodule's HEAD; else the commit the index records for it.</summary>
    private static string SubmoduleCommit(TempGitRepo git, string workTree, string path)
    {
        var checkedOut = Path.Combine(workTree, path, ".git");
        if (File.Exists(checkedOut) || Directory.Exists(checkedOut)) return git.RunIn(Path.Combine(workTree, path), "rev-parse", "HEAD");
        return git.RunIn(workTree, "ls-files", "-s", "--", path).Split(' ', '\t')[1];
    }
}
