namespace Handoff.Core.Hooks;

/// <summary>
/// One line of what git writes to a pre-push hook's stdin: <c>&lt;local ref&gt; &lt;local sha&gt; &lt;remote ref&gt; &lt;remote sha&gt;</c>.
/// </summary>
public sealed record PushedRef(string LocalRef, string LocalSha, string RemoteRef, string RemoteSha)
{
    /// <summary>The remote ref is being deleted (<c>git push origin :branch</c>): nothing is sent.</summary>
    public bool IsDeletion => IsZero(LocalSha);

    /// <summary>The remote does not have this ref yet (a new branch or tag).</summary>
    public bool IsNewRemoteRef => IsZero(RemoteSha);

    private static bool IsZero(string sha) => sha.Length > 0 && sha.All(c => c == '0');

    /// <summary>Parses the hook's stdin. Blank lines are skipped.</summary>
    /// <exception cref="HandoffException">a line is not four fields with hex object names (exit 2).</exception>
    public static IReadOnlyList<PushedRef> Parse(TextReader input)
    {
        var refs = new List<PushedRef>();
        while (input.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            var fields = line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 4 || !IsObjectName(fields[1]) || !IsObjectName(fields[3]))
                throw new HandoffException($"unexpected pre-push input line: '{Shorten(line)}' (want: <local ref> <local sha> <remote ref> <remote sha>)", ExitCodes.Usage);
            refs.Add(new PushedRef(fields[0], fields[1], fields[2], fields[3]));
        }
        return refs;
    }

    // SHA-1 (40) or SHA-256 (64) object names.
    private static bool IsObjectName(string s) => s.Length is 40 or 64 && s.All(Uri.IsHexDigit);

    private static string Shorten(string line) => line.Length > 120 ? line[..120] + "…" : line;
}
