namespace Handoff.Core.Inspection.Diffing;

/// <summary>
/// A throw-away `git diff -O` order file naming paths one per line, so git prints their diffs in that order (and every
/// other file after them). Each line is a glob pattern; its special characters are escaped so it matches the path only.
/// </summary>
internal sealed class OrderFile : IDisposable
{
    public string Path { get; }

    private OrderFile(string path) => Path = path;

    /// <summary>Null when a path cannot be written as one line (it holds a line break).</summary>
    public static OrderFile? Write(IEnumerable<string> paths)
    {
        var lines = new List<string>();
        foreach (var path in paths)
        {
            if (path.Contains('\n') || path.Contains('\r')) return null;
            lines.Add(Pattern(path));
        }
        var file = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"devin-handoff-order-{Guid.NewGuid():N}");
        File.WriteAllText(file, string.Concat(lines.Select(l => l + "\n")), new System.Text.UTF8Encoding(false));
        return new OrderFile(file);
    }

    /// <summary>The path as a glob that matches only itself: *, ?, [, \ and a leading # are escaped with a backslash.</summary>
    internal static string Pattern(string path)
    {
        var text = new System.Text.StringBuilder(path.Length + 8);
        foreach (var c in path)
        {
            if (c is '*' or '?' or '[' or '\\' || (c == '#' && text.Length == 0)) text.Append('\\');
            text.Append(c);
        }
        return text.ToString();
    }

    public void Dispose()
    {
        try { File.Delete(Path); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
