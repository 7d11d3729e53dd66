namespace Handoff.Core.Inspection;

/// <summary>
/// What a changed file is, for the prompt budget: source (the work), or output nobody edits by hand, which is
/// listed in the prompt but never inlined.
/// </summary>
public enum FileCategory { Source, Generated, Vendored, LockFile }

/// <summary>
/// Decides a file's <see cref="FileCategory"/> from its path and its linguist attributes (.gitattributes, as git reads
/// them). An attribute set to false (or unset) says the file is source, whatever its path looks like.
/// </summary>
public static class FileCategories
{
    private static readonly HashSet<string> LockFileNames = new(StringComparer.Ordinal)
    {
        "package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "go.sum", "packages.lock.json",
    };

    /// <summary>Folders that hold build output or installed packages when nobody ignored them; they count for untracked files only.</summary>
    private static readonly (string Folder, FileCategory Category)[] OutputFolders =
    [
        ("dist", FileCategory.Generated), ("build", FileCategory.Generated), ("node_modules", FileCategory.Vendored),
    ];

    /// <param name="generated">git's value of linguist-generated: "set", "unset", "unspecified", or a value such as "true".</param>
    /// <param name="vendored">git's value of linguist-vendored, the same way.</param>
    /// <param name="untracked">a new file git does not track yet: only then do dist/, build/ and node_modules/ count.</param>
    public static FileCategory Of(string path, bool untracked, string? generated = null, string? vendored = null)
    {
        if (IsTrue(generated)) return FileCategory.Generated;
        if (IsTrue(vendored)) return FileCategory.Vendored;
        if (IsFalse(generated) || IsFalse(vendored)) return FileCategory.Source;
        return FromPath(path, untracked);
    }

    public static FileCategory FromPath(string path, bool untracked)
    {
        var name = path[(path.LastIndexOf('/') + 1)..];
        if (LockFileNames.Contains(name) || name.EndsWith(".lock", StringComparison.Ordinal)) return FileCategory.LockFile;
        if (name.EndsWith(".min.js", StringComparison.Ordinal) || name.EndsWith(".pb.go", StringComparison.Ordinal)
            || IsGeneratedName(name))
            return FileCategory.Generated;
        if (untracked)
        {
            var folders = path.Split('/')[..^1];
            foreach (var (folder, category) in OutputFolders)
                if (folders.Contains(folder, StringComparer.Ordinal)) return category;
        }
        return FileCategory.Source;
    }

    /// <summary>*_generated.* (foo_generated.go, api_generated.ts).</summary>
    private static bool IsGeneratedName(string name)
    {
        var marker = name.IndexOf("_generated.", StringComparison.Ordinal);
        return marker > 0 && marker + "_generated.".Length < name.Length;
    }

    private static bool IsTrue(string? value) => value is "set" or "true";

    private static bool IsFalse(string? value) => value is "unset" or "false";
}
