namespace Handoff.Core.Hooks;

public enum HookInstallOutcome { Installed, Updated, AlreadyInstalled, Chained }

public enum HookUninstallOutcome { Removed, RestoredChained, NotInstalled }

/// <summary>
/// Writes and removes our pre-push hook in a hooks folder without clobbering anyone else's: a foreign pre-push
/// hook is renamed to pre-push.local and ours runs it first with the same input; uninstall puts it back.
/// </summary>
public static class HookInstaller
{
    /// <exception cref="HandoffException">a foreign hook is there and pre-push.local is taken too (exit 1).</exception>
    public static HookInstallOutcome Install(string hooksDirectory, bool global)
    {
        Directory.CreateDirectory(hooksDirectory);
        var hook = Path.Combine(hooksDirectory, HookScript.HookName);
        var chained = Path.Combine(hooksDirectory, HookScript.ChainedName);
        var script = HookScript.Text(global);
        var outcome = HookInstallOutcome.Installed;
        if (File.Exists(hook) || IsSymlink(hook))
        {
            var current = ReadOrEmpty(hook);
            if (HookScript.IsOurs(current))
            {
                if (current.ReplaceLineEndings("\n") == script) return HookInstallOutcome.AlreadyInstalled;
                outcome = HookInstallOutcome.Updated;
            }
            else
            {
                if (File.Exists(chained) || IsSymlink(chained))
                    throw new HandoffException($"{hook} is another tool's hook and {HookScript.ChainedName} already exists; not touching either (merge them by hand, then run again)");
                File.Move(hook, chained);
                outcome = HookInstallOutcome.Chained;
            }
        }
        Write(hook, script);
        return outcome;
    }

    /// <exception cref="HandoffException">the pre-push hook there is not ours (exit 1).</exception>
    public static HookUninstallOutcome Uninstall(string hooksDirectory)
    {
        var hook = Path.Combine(hooksDirectory, HookScript.HookName);
        var chained = Path.Combine(hooksDirectory, HookScript.ChainedName);
        if (!File.Exists(hook) && !IsSymlink(hook)) return HookUninstallOutcome.NotInstalled;
        if (!HookScript.IsOurs(ReadOrEmpty(hook)))
            throw new HandoffException($"{hook} is not devin-handoff's hook; left alone");
        File.Delete(hook);
        if (!File.Exists(chained) && !IsSymlink(chained)) return HookUninstallOutcome.Removed;
        File.Move(chained, hook);
        return HookUninstallOutcome.RestoredChained;
    }

    private static void Write(string path, string text)
    {
        var temp = path + ".devin-handoff-tmp";
        File.WriteAllText(temp, text);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                                       | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        File.Move(temp, path, overwrite: true);
    }

    private static string ReadOrEmpty(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ""; // a dangling symlink or unreadable file is treated as foreign
        }
    }

    private static bool IsSymlink(string path) => new FileInfo(path).LinkTarget is not null;
}
