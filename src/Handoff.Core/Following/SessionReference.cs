using Handoff.Core.Devin;
using Handoff.Core.Handoffs;

namespace Handoff.Core.Following;

/// <summary>
/// Turns what a user types for a session into its API id: <c>devin-&lt;id&gt;</c>, a bare id, the session's
/// web URL, or <c>last</c> (the session the latest handoff from this repository created).
/// </summary>
public static class SessionReference
{
    public const string Last = "last";

    /// <param name="reference">What the user typed.</param>
    /// <param name="startDirectory">Where to look for the repository when the reference is <c>last</c>.</param>
    /// <exception cref="HandoffException">exit 2 for an empty or malformed reference, exit 5 when <c>last</c> has nothing recorded.</exception>
    public static string Resolve(string? reference, string startDirectory)
    {
        var text = reference?.Trim() ?? "";
        if (text.Length == 0)
            throw new HandoffException("a session is required: devin-<id>, an id, the session URL, or 'last'", ExitCodes.Usage);
        if (!text.Equals(Last, StringComparison.OrdinalIgnoreCase))
            return SessionIds.Normalize(text);

        var gitDir = Git.GitDirectoryFinder.Find(startDirectory)
            ?? throw new HandoffException($"'last' means the session the latest handoff from this repository created, but {startDirectory} is not inside a git repository", ExitCodes.Usage);
        var id = new HandoffStore(gitDir).LastSession()
            ?? throw new HandoffException("no session recorded for this repository yet ('last' is set by devin-handoff create)", ExitCodes.NotFound);
        return SessionIds.Normalize(id);
    }
}
