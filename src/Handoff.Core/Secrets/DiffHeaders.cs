namespace Handoff.Core.Secrets;

/// <summary>Parsing of the header lines of unified diffs (git and plain diff -u), for <see cref="DiffStreamScanner"/>.</summary>
internal static class DiffHeaders
{
    private static readonly string[] ExtendedHeaders =
    [
        "--- ", "new file mode", "old mode", "new mode", "similarity index", "dissimilarity index", "rename from", "rename to",
        "copy from", "copy to", "literal ", "delta ",
    ];

    /// <summary>"@@ -a[,b] +c[,d] @@", or for a combined diff of n parents "@@@ -a,b -c,d +e,f @@@" (n+1 '@').</summary>
    public static bool TryParseHunk(ReadOnlySpan<char> header, out int[] oldCounts, out int newStart, out int newCount)
    {
        oldCounts = [];
        newStart = newCount = 0;
        var ats = 0;
        while (ats < header.Length && header[ats] == '@') ats++;
        if (ats < 2 || ats >= header.Length || header[ats] != ' ') return false;
        var rest = header[(ats + 1)..];
        var counts = new int[ats - 1];
        for (var i = 0; i < counts.Length; i++)
        {
            var space = rest.IndexOf(' ');
            if (space < 0 || rest[0] != '-' || !TryParseRange(rest[1..space], out _, out counts[i])) return false;
            rest = rest[(space + 1)..];
        }
        if (rest.IsEmpty || rest[0] != '+') return false;
        var end = rest.IndexOf(' ');
        if (end < 0 || !TryParseRange(rest[1..end], out newStart, out newCount) || !rest[(end + 1)..].StartsWith(header[..ats])) return false;
        oldCounts = counts;
        return true;
    }

    private static bool TryParseRange(ReadOnlySpan<char> range, out int start, out int count)
    {
        var comma = range.IndexOf(',');
        count = 1;
        return int.TryParse(comma < 0 ? range : range[..comma], out start) && start >= 0
               && (comma < 0 || (int.TryParse(range[(comma + 1)..], out count) && count >= 0));
    }

    /// <summary>The sha of "commit &lt;sha&gt;[ (refs)]" (git log) or "From &lt;sha&gt; &lt;date&gt;" (git format-patch).</summary>
    public static string? CommitSha(ReadOnlySpan<char> line)
    {
        var prefix = line.StartsWith("commit ") ? 7 : line.StartsWith("From ") ? 5 : -1;
        if (prefix < 0) return null;
        var rest = line[prefix..];
        var end = rest.IndexOf(' ');
        var sha = end < 0 ? rest : rest[..end];
        if (sha.Length is not (40 or 64) || sha.ContainsAnyExcept("0123456789abcdef")) return null;
        return prefix == 5 && end < 0 ? null : sha.ToString();
    }

    /// <summary>The new blob id of "index a..b [mode]" (or "index a,b..c" in a combined diff) when it is a full id of a real blob.</summary>
    public static string? NewBlob(ReadOnlySpan<char> line)
    {
        var dots = line.IndexOf("..", StringComparison.Ordinal);
        if (dots < 0) return null;
        var blob = line[(dots + 2)..];
        var space = blob.IndexOf(' ');
        if (space >= 0) blob = blob[..space];
        if (blob.Length is not (40 or 64) || blob.ContainsAnyExcept("0123456789abcdef") || !blob.ContainsAnyExcept('0')) return null;
        return blob.ToString();
    }

    public static bool IsExtendedHeader(ReadOnlySpan<char> line)
    {
        foreach (var header in ExtendedHeaders)
            if (line.StartsWith(header)) return true;
        return false;
    }

    /// <summary>A line of a "GIT binary patch": "literal N", "delta N", blank, or a length character and that many bytes in base85.</summary>
    public static bool IsBinaryPatchLine(ReadOnlySpan<char> line)
    {
        if (line.IsEmpty || line.StartsWith("literal ") || line.StartsWith("delta ")) return true;
        if (!char.IsAsciiLetter(line[0])) return false;
        var bytes = line[0] <= 'Z' ? line[0] - 'A' + 1 : line[0] - 'a' + 27; // the length character: 1-26 A-Z, 27-52 a-z
        return line.Length == 1 + (bytes + 3) / 4 * 5 && !line[1..].ContainsAnyExcept(Base85);
    }

    private static readonly System.Buffers.SearchValues<char> Base85 =
        System.Buffers.SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!#$%&()*+-;<=>?@^_`{|}~");

    public static string PathFromDiffGit(ReadOnlySpan<char> line)
    {
        var rest = line["diff --git ".Length..].ToString();
        var b = rest.LastIndexOf(" b/", StringComparison.Ordinal);
        if (b >= 0) return rest[(b + 3)..].Trim('"');
        var quoted = rest.LastIndexOf(" \"b/", StringComparison.Ordinal);
        return quoted >= 0 ? rest[(quoted + 4)..].TrimEnd('"') : rest;
    }

    public static string Unquote(string path) => path.Length >= 2 && path[0] == '"' && path[^1] == '"' ? path[1..^1] : path;

    public static string StripPrefix(string path) => path.StartsWith("b/", StringComparison.Ordinal) ? path[2..] : path;
}
