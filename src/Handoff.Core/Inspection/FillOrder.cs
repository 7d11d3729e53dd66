namespace Handoff.Core.Inspection;

/// <summary>
/// The order in which changes earn a place in the prompt budget, shared by the read plan (what git is asked to diff
/// first) and the composer (what is inlined): files the task or context names, then the developer's work (unpushed
/// commits and changes to tracked files), then new files; smaller first within each. Generated, vendored and lock
/// files are listed only.
/// </summary>
public static class FillOrder
{
    /// <summary>The line the prompt carries to say how it chose.</summary>
    public const string Rule =
        "Chosen by value: files the task names, then unpushed commits and tracked changes, then new files, smallest first; " +
        "generated, vendored and lock files are only listed.";

    public const int Named = 0, Tracked = 1, New = 2;

    public static int Rank(bool named, bool untracked) => named ? Named : untracked ? New : Tracked;

    /// <summary>The class's name in `create --dry-run --json` (docs/json.md).</summary>
    public static string ClassName(int rank) => rank switch { Named => "named", Tracked => "tracked", _ => "new" };

    /// <summary>True when the file is inlined only if the task names it.</summary>
    public static bool IsListedOnly(FileCategory category, bool named) => category != FileCategory.Source && !named;
}
