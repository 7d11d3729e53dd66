namespace Handoff.Core.Inspection.Diffing;

/// <summary>
/// The one way devin-handoff asks git for a diff (create, scan and the pre-push hook alike): git's own engine,
/// so .gitattributes (text, eol, -text, binary, -diff, filter, working-tree-encoding), core.autocrlf and
/// core.eol count exactly as they do for `git diff`, while the user's diff presentation settings
/// (colour, external diff, textconv, no prefixes, blank-line suppression, quoted names) never change the text.
/// </summary>
internal static class GitDiffOptions
{
    /// <summary>
    /// <c>-c</c> settings, given before the subcommand. Names are printed as UTF-8 (only control characters, quotes and
    /// backslashes are still C-quoted), and CRLF warnings never stop git (core.safecrlf=true would make it die).
    /// </summary>
    public static readonly string[] Config =
    [
        "-c", "core.quotePath=false", "-c", "core.safecrlf=false", "-c", "diff.suppressBlankEmpty=false",
        "-c", "diff.noprefix=false", "-c", "diff.mnemonicPrefix=false", "-c", "diff.relative=false", "-c", "color.ui=false",
        "-c", "log.showSignature=false",
    ];

    /// <summary>Options every patch request carries.</summary>
    public static readonly string[] Patch = ["--no-ext-diff", "--no-textconv", "--no-color", "--src-prefix=a/", "--dst-prefix=b/"];

    /// <summary>
    /// Files above <paramref name="maxFileBytes"/> are treated as binary by git itself (core.bigFileThreshold),
    /// so it never reads them to diff them.
    /// </summary>
    public static string[] BigFileThreshold(long maxFileBytes) => ["-c", $"core.bigFileThreshold={Math.Max(1, maxFileBytes)}"];

    /// <summary>
    /// The environment of a read-only git call: inherited, minus what would change the diff text or point git at
    /// another repository or index (a hook that runs devin-handoff has GIT_DIR and GIT_INDEX_FILE set).
    /// </summary>
    public static Dictionary<string, string?> Environment(string gitDirectory, string? workTree, string? indexFile = null) => new()
    {
        ["GIT_DIR"] = gitDirectory,
        ["GIT_WORK_TREE"] = workTree,
        ["GIT_INDEX_FILE"] = indexFile,
        ["GIT_DIFF_OPTS"] = null,
        ["GIT_EXTERNAL_DIFF"] = null,
        ["GIT_OPTIONAL_LOCKS"] = "0",
        ["GIT_LITERAL_PATHSPECS"] = "1",
        ["GIT_TERMINAL_PROMPT"] = "0",
        ["LC_ALL"] = "C",
    };
}
