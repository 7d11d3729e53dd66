using System.Globalization;
using System.Text;

namespace Handoff.Core.Prompting;

/// <summary>One line of the Omitted section and what it stands for: one item, or a folder's new files.</summary>
internal sealed record ManifestLine(string Text, int Items, long Size)
{
    public long Bytes { get; } = Encoding.UTF8.GetByteCount(Text);
}

/// <summary>
/// The lines of the Omitted section. Up to <see cref="MaxItemLines"/> omitted items get a line each. Past that, every
/// commit's file, every change to a tracked file and every withheld secret is still named, while new files git does not
/// track yet are counted per top-level folder ("- gen/: 598 files, 41.2 MB (generated)"), so a dump of new files costs
/// a few lines, not one per file.
/// </summary>
internal static class OmittedSection
{
    public const int MaxItemLines = 30;

    /// <summary>Room a folder line may need beyond <see cref="GroupBound"/>'s figure when it stands for fewer files (a shorter size can print longer: "1 MB" against "1023 bytes").</summary>
    private const int SizeSlack = 8;

    /// <param name="omitted">the omitted entries in manifest order.</param>
    public static List<ManifestLine> Lines(IReadOnlyList<ManifestEntry> omitted)
    {
        if (omitted.Count <= MaxItemLines)
            return omitted.Select(e => new ManifestLine(PromptSections.ManifestLine(e.Item), 1, e.Item.Size)).ToList();
        var lines = omitted.Where(e => !e.Groupable)
            .Select(e => new ManifestLine(PromptSections.ManifestLine(e.Item), 1, e.Item.Size)).ToList();
        lines.AddRange(Groups(omitted.Where(e => e.Groupable)));
        return lines;
    }

    /// <summary>
    /// At least the bytes of the folder lines of any subset of <paramref name="groupable"/>: a folder line of fewer
    /// files has a count and reasons no longer than the line of all of them, and a size at most <see cref="SizeSlack"/> longer.
    /// </summary>
    public static long GroupBound(IEnumerable<ManifestEntry> groupable) =>
        Groups(groupable).Sum(l => l.Bytes + SizeSlack);

    private static IEnumerable<ManifestLine> Groups(IEnumerable<ManifestEntry> entries) =>
        entries.GroupBy(e => Folder(e.Item.Path), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => FolderLine(g.Key, g.Select(e => e.Item).ToList()));

    public static ManifestLine FolderLine(string folder, IReadOnlyList<OmittedItem> items)
    {
        var size = items.Sum(i => i.Size);
        var reasons = string.Join(", ", items.Select(i => i.Reason).Distinct().Order(StringComparer.Ordinal));
        var files = items.Count == 1 ? "1 new file" : $"{items.Count} new files";
        return new ManifestLine($"- {GitPatchFormat.SingleLine(folder)}: {files}, {HumanSize(size)} ({reasons})\n", items.Count, size);
    }

    /// <summary>The top-level folder with a trailing slash, or "./" for a file at the top.</summary>
    public static string Folder(string path)
    {
        var slash = path.IndexOf('/');
        return slash < 0 ? "./" : path[..(slash + 1)];
    }

    public static string HumanSize(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} bytes",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " KB",
        _ => (bytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " MB",
    };
}
