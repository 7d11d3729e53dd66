using System.Text;

namespace Handoff.Core.Inspection.Diffing;

/// <summary>
/// Pairs the patch sections of one diff (the working tree, or one commit) with its raw entries, which git prints
/// first and in the same order. A section belongs to the first entry, from the current one on, whose
/// "diff --git" line it carries; an entry git printed no section for did not change after all.
/// </summary>
internal sealed class DiffCollector
{
    private readonly List<RawEntry> _entries = [];
    private readonly Dictionary<int, List<PatchSection>> _sections = [];
    private int _cursor;

    public void Add(RawEntry entry) => _entries.Add(entry);

    public void Add(PatchSection section)
    {
        if (_entries.Count == 0) return;
        var header = section.HeaderLines.Count > 0 ? Encoding.UTF8.GetString(section.HeaderLines[0]) : "";
        for (var i = _cursor; i < _entries.Count; i++)
        {
            if (GitQuote.DiffGitLine(_entries[i].OldPath ?? _entries[i].Path, _entries[i].Path) != header) continue;
            _cursor = i;
            break;
        }
        if (!_sections.TryGetValue(_cursor, out var list)) _sections[_cursor] = list = [];
        list.Add(section);
    }

    /// <summary>True when one of the raw entries is this entry (same change of the same paths).</summary>
    public bool Contains(RawEntry entry) => _entries.Any(e => e.Path == entry.Path && e.OldPath == entry.OldPath && e.Status == entry.Status);

    /// <param name="complete">false when reading stopped early: entries whose text was not read yet are listed without it.</param>
    /// <param name="unreadIsChange">when given, an entry not read yet is listed only if this says it is a change.</param>
    public IEnumerable<FileChange> Build(FileChangeBuilder builder, bool complete, Func<RawEntry, bool>? unreadIsChange = null)
    {
        var lastRead = _sections.Count == 0 ? -1 : _cursor;
        for (var i = 0; i < _entries.Count; i++)
        {
            var entry = _entries[i];
            _sections.TryGetValue(i, out var sections);
            // A type change is two sections; with only the first one read, its text is incomplete.
            if (!complete && i == lastRead && entry.Status == 'T' && sections?.Count == 1) sections = null;
            var unread = sections is null && !complete && i >= lastRead;
            if (sections is not null || (unread && unreadIsChange?.Invoke(entry) != false))
                foreach (var change in builder.Build(entry, sections)) yield return change;
        }
    }
}
