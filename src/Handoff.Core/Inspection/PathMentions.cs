namespace Handoff.Core.Inspection;

/// <summary>
/// The files a task or context names: a word of the text that is a changed file's path (also with a leading "./" or
/// a longer path before it), its last part of a path ("root/root.go"), its file name ("root.go"), or one of its
/// folders with a trailing slash ("pkg/cmd/"). Case is ignored; "path:42" and "`path`" count.
/// </summary>
public sealed class PathMentions
{
    private static readonly char[] Separators = [' ', '\t', '\r', '\n', '`', '\'', '"', '(', ')', '[', ']', '{', '}', '<', '>', ',', ';', ':', '!', '?', '*', '='];

    private readonly HashSet<string> _words = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _pathWords = [];

    public static readonly PathMentions None = new([]);

    public PathMentions(IEnumerable<string?> texts)
    {
        foreach (var text in texts)
        {
            if (string.IsNullOrEmpty(text)) continue;
            foreach (var raw in text.Split(Separators, StringSplitOptions.RemoveEmptyEntries))
            {
                var word = raw.Replace('\\', '/').TrimEnd('.');
                while (word.StartsWith("./", StringComparison.Ordinal)) word = word[2..];
                if (word.Length == 0 || word == "/") continue;
                _words.Add(word);
                if (word.Contains('/')) _pathWords.Add(word);
            }
        }
    }

    public bool IsEmpty => _words.Count == 0;

    public bool Names(string path)
    {
        if (IsEmpty) return false;
        var name = path[(path.LastIndexOf('/') + 1)..];
        if (_words.Contains(path) || _words.Contains(name)) return true;
        foreach (var word in _pathWords)
        {
            if (word.EndsWith('/') ? path.StartsWith(word, StringComparison.OrdinalIgnoreCase)
                : path.EndsWith("/" + word, StringComparison.OrdinalIgnoreCase) || word.EndsWith("/" + path, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }
}
