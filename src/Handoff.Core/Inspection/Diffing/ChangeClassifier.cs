namespace Handoff.Core.Inspection.Diffing;

/// <summary>
/// Sorts changed files into source and generated / vendored / lock files (<see cref="FileCategories"/>), asking git for
/// the linguist attributes of all of them in one `git check-attr` call, so .gitattributes counts exactly as git reads it.
/// </summary>
internal sealed class ChangeClassifier(string gitDirectory, string workTree)
{
    private static readonly string[] Attributes = ["linguist-generated", "linguist-vendored"];

    /// <param name="files">each changed path, and whether it is a new file git does not track yet.</param>
    public Dictionary<string, FileCategory> Categorize(IReadOnlyCollection<(string Path, bool Untracked)> files)
    {
        var categories = new Dictionary<string, FileCategory>(StringComparer.Ordinal);
        if (files.Count == 0) return categories;
        var attributes = Read(files.Select(f => f.Path).Distinct(StringComparer.Ordinal).ToList());
        foreach (var (path, untracked) in files)
        {
            attributes.TryGetValue((path, Attributes[0]), out var generated);
            attributes.TryGetValue((path, Attributes[1]), out var vendored);
            var category = FileCategories.Of(path, untracked, generated, vendored);
            // The same path in several commits: source wins, so a path is never hidden by a guess.
            if (!categories.TryGetValue(path, out var earlier) || earlier != FileCategory.Source) categories[path] = category;
        }
        return categories;
    }

    /// <summary>(path, attribute) → git's value ("set", "unset", "unspecified" or the value). Empty when git cannot say.</summary>
    private Dictionary<(string, string), string> Read(IReadOnlyList<string> paths)
    {
        var values = new Dictionary<(string, string), string>();
        var git = new GitProcess(workTree, GitDiffOptions.Environment(gitDirectory, workTree));
        var input = string.Concat(paths.Select(p => p + "\0"));
        git.Run(["check-attr", "-z", "--stdin", .. Attributes], input, stream =>
        {
            var reader = new ByteReader(stream);
            while (reader.ReadUntil(0) is { } path && reader.ReadUntil(0) is { } attribute && reader.ReadUntil(0) is { } value)
                values[(Utf8(path), Utf8(attribute))] = Utf8(value);
            return true;
        }, check: false);
        return values;
    }

    private static string Utf8(byte[] bytes) => System.Text.Encoding.UTF8.GetString(bytes);
}
