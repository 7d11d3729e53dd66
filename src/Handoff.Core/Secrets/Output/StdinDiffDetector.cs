using System.Text;

namespace Handoff.Core.Secrets.Output;

/// <summary>
/// Decides whether text on stdin is a unified diff (git diff, git log -p, diff -u) or plain text, by looking at its
/// first lines only, and gives back a reader that still yields the whole input (so a diff is streamed, never loaded).
/// </summary>
public static class StdinDiffDetector
{
    public const int LinesToInspect = 500;

    public static (bool IsDiff, TextReader Reader) Detect(TextReader input)
    {
        var head = new StringBuilder();
        var isDiff = false;
        for (var i = 0; i < LinesToInspect && input.ReadLine() is { } line; i++)
        {
            head.Append(line).Append('\n');
            if (IsDiffLine(line))
            {
                isDiff = true;
                break;
            }
        }
        return (isDiff, new PrefixedReader(head.ToString(), input));
    }

    /// <summary>A git file header (also of a combined merge diff, as git show prints merges) or a hunk header.</summary>
    private static bool IsDiffLine(string line) =>
        line.StartsWith("diff --git ", StringComparison.Ordinal) || line.StartsWith("diff --cc ", StringComparison.Ordinal)
        || line.StartsWith("diff --combined ", StringComparison.Ordinal)
        || (line.StartsWith("@@ -", StringComparison.Ordinal) && line.IndexOf(" @@", 3, StringComparison.Ordinal) > 0)
        || (line.StartsWith("@@@ -", StringComparison.Ordinal) && line.IndexOf(" @@@", 4, StringComparison.Ordinal) > 0);

    /// <summary>Reads <c>prefix</c>, then the rest of <c>rest</c>.</summary>
    private sealed class PrefixedReader(string prefix, TextReader rest) : TextReader
    {
        private int _pos;

        public override int Peek() => _pos < prefix.Length ? prefix[_pos] : rest.Peek();

        public override int Read() => _pos < prefix.Length ? prefix[_pos++] : rest.Read();

        public override int Read(char[] buffer, int index, int count)
        {
            if (_pos >= prefix.Length) return rest.Read(buffer, index, count);
            var n = Math.Min(count, prefix.Length - _pos);
            prefix.CopyTo(_pos, buffer, index, n);
            _pos += n;
            return n;
        }
    }
}
