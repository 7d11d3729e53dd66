using System.Text;

namespace Handoff.Core.Prompting;

/// <summary>Decides what fits (see <see cref="PromptComposer"/> for the order) and renders the result.</summary>
internal sealed class BudgetPlanner
{
    private readonly PromptInput _input;
    private readonly PromptSections _sections;
    private readonly ChangeUnits _units;
    private readonly IReadOnlyList<string>? _contextLines;
    private readonly long _fixedBytes;   // withheld list + end heading + attachment lines
    private static readonly long ManifestHeadingBytes = Bytes(PromptSections.ManifestHeading);

    // The plan.
    private int _commitsIncluded;
    private readonly bool[] _diffIncluded;
    private int _patchRun, _diffRun;
    private IReadOnlyList<string>? _keptContext;
    private int? _manifestLimit;   // null = every omitted item gets its own line

    public bool ContextCut { get; private set; }

    public BudgetPlanner(PromptInput input)
    {
        _input = input;
        _sections = new PromptSections(input);
        _units = new ChangeUnits(input);
        _contextLines = string.IsNullOrWhiteSpace(input.Context) ? null : input.Context.TrimEnd('\r', '\n').Split('\n');
        _keptContext = _contextLines;
        _fixedBytes = Bytes(_sections.Withheld()) + Bytes(_sections.Tail());
        _diffIncluded = new bool[_units.Diffs.Count];
    }

    public BudgetPlanner Plan()
    {
        var headBytes = Bytes(_sections.Head(_contextLines, false));
        var tally = Tally.NothingIncluded(_units);
        if (Total(tally, headBytes) <= _input.MaxBytes) FillGreedily(tally, headBytes);
        else PlanOverflow();
        return this;
    }

    private void FillGreedily(Tally tally, long headBytes)
    {
        foreach (var patch in _units.Patches)
        {
            var next = tally with
            {
                Commits = tally.Commits + 1,
                PatchBody = tally.PatchBody + patch.Bytes,
                PatchRun = Math.Max(tally.PatchRun, patch.BacktickRun),
                ManifestCount = tally.ManifestCount - patch.IfOmitted.Count,
                ManifestLineBytes = tally.ManifestLineBytes - patch.IfOmittedBytes,
            };
            if (Total(next, headBytes) > _input.MaxBytes) break;
            tally = next;
        }

        var fillOrder = _units.Diffs.Select((diff, index) => (diff, index))
            .OrderBy(d => d.diff.FillClass).ThenBy(d => d.diff.Bytes)
            .ThenBy(d => d.diff.File.Path, StringComparer.Ordinal).ThenBy(d => d.index);
        foreach (var (diff, index) in fillOrder)
        {
            var next = tally with
            {
                Files = tally.Files + 1,
                DiffBody = tally.DiffBody + diff.Bytes,
                DiffRun = Math.Max(tally.DiffRun, diff.BacktickRun),
                ManifestCount = tally.ManifestCount - 1,
                ManifestLineBytes = tally.ManifestLineBytes - diff.IfOmitted.LineBytes,
            };
            if (Total(next, headBytes) > _input.MaxBytes) continue;
            tally = next;
            _diffIncluded[index] = true;
        }

        _commitsIncluded = tally.Commits;
        _patchRun = tally.PatchRun;
        _diffRun = tally.DiffRun;
    }

    /// <summary>Nothing but the reserved part fits: shorten the manifest, then the context.</summary>
    private void PlanOverflow()
    {
        var manifest = new ManifestSizes(ManifestEntries());
        var otherBytes = Total(Tally.NothingIncluded(_units) with { ManifestCount = 0 }, headBytes: 0);
        long Room(int limit, long headBytes) => _input.MaxBytes - (otherBytes + headBytes + manifest.Bytes(limit));

        var limit = manifest.LargestLimit(l => manifest.Bytes(l) <= _input.MaxBytes / 4);
        var fullHead = Bytes(_sections.Head(_contextLines, false));
        if (Room(limit, fullHead) >= 0)
        {
            _manifestLimit = manifest.LargestLimit(l => Room(l, fullHead) >= 0);
            return;
        }

        var cut = _contextLines is not null;
        var baseHead = Bytes(_sections.Head(cut ? [] : null, cut));
        if (Room(limit, baseHead) < 0)
        {
            limit = manifest.LargestLimit(l => Room(l, baseHead) >= 0);
            if (Room(limit, baseHead) < 0)
                throw new HandoffException(
                    $"the task and the repository metadata need {otherBytes + baseHead + manifest.Bytes(0)} bytes, " +
                    $"more than the prompt budget of {_input.MaxBytes} bytes; shorten the task or raise the budget",
                    ExitCodes.Usage);
        }
        _manifestLimit = limit;
        if (!cut) return;

        var room = Room(limit, baseHead);
        var kept = new List<string>();
        foreach (var line in _contextLines!)
        {
            var cost = Bytes(line) + 1;
            if (cost > room) break;
            room -= cost;
            kept.Add(line);
        }
        _keptContext = kept;
        ContextCut = true;
    }

    /// <summary>Byte sizes of the manifest when only its first entries are listed and the rest summarised.</summary>
    private sealed class ManifestSizes
    {
        private readonly long[] _lineBytes;   // prefix sums
        private readonly long[] _sizes;       // prefix sums
        private readonly int _count;

        public ManifestSizes(IReadOnlyList<ManifestEntry> entries)
        {
            _count = entries.Count;
            _lineBytes = new long[_count + 1];
            _sizes = new long[_count + 1];
            for (var i = 0; i < _count; i++)
            {
                _lineBytes[i + 1] = _lineBytes[i] + entries[i].LineBytes;
                _sizes[i + 1] = _sizes[i] + entries[i].Item.Size;
            }
        }

        public long Bytes(int limit)
        {
            if (_count == 0) return 0;
            var rest = _count - limit;
            var summary = rest == 0 ? 0 : BudgetPlanner.Bytes(PromptSections.ManifestSummary(rest, _sizes[_count] - _sizes[limit]));
            return ManifestHeadingBytes + _lineBytes[limit] + summary;
        }

        /// <summary>The largest number of individually listed entries for which <paramref name="fits"/> holds (0 if none).</summary>
        public int LargestLimit(Func<int, bool> fits)
        {
            var best = 0;
            for (var limit = 1; limit <= _count && fits(limit); limit++) best = limit;
            return best;
        }
    }

    private long Total(Tally t, long headBytes)
    {
        var (patchPrefix, patchSuffix) = _sections.PatchSection(t.Commits, _units.Patches.Count, t.PatchRun);
        var (diffPrefix, diffSuffix) = _sections.DiffSection(t.Files, _units.Diffs.Count, t.DiffRun, t.Commits == _units.Patches.Count);
        return headBytes
               + Bytes(patchPrefix) + t.PatchBody + Bytes(patchSuffix)
               + Bytes(diffPrefix) + t.DiffBody + Bytes(diffSuffix)
               + _fixedBytes
               + (t.ManifestCount == 0 ? 0 : ManifestHeadingBytes + t.ManifestLineBytes);
    }

    public string Render()
    {
        var text = new StringBuilder();
        text.Append(_sections.Head(_keptContext, ContextCut));

        var (patchPrefix, patchSuffix) = _sections.PatchSection(_commitsIncluded, _units.Patches.Count, _patchRun);
        text.Append(patchPrefix);
        foreach (var patch in _units.Patches.Take(_commitsIncluded)) text.Append(patch.Text);
        text.Append(patchSuffix);

        var (diffPrefix, diffSuffix) = _sections.DiffSection(
            _diffIncluded.Count(i => i), _units.Diffs.Count, _diffRun, _commitsIncluded == _units.Patches.Count);
        text.Append(diffPrefix);
        for (var i = 0; i < _units.Diffs.Count; i++)
            if (_diffIncluded[i]) text.Append(_units.Diffs[i].Text);
        text.Append(diffSuffix);

        text.Append(_sections.Withheld());

        var entries = ManifestEntries();
        if (entries.Count > 0)
        {
            text.Append(PromptSections.ManifestHeading);
            var limit = _manifestLimit ?? entries.Count;
            foreach (var entry in entries.Take(limit)) text.Append(PromptSections.ManifestLine(entry.Item));
            var rest = entries.Skip(limit).ToList();
            if (rest.Count > 0) text.Append(PromptSections.ManifestSummary(rest.Count, rest.Sum(e => e.Item.Size)));
        }

        text.Append(_sections.Tail());
        return text.ToString();
    }

    /// <summary>Everything omitted under the current plan, in manifest order.</summary>
    private List<ManifestEntry> ManifestEntries()
    {
        var entries = new List<ManifestEntry>(_units.AlwaysOmitted);
        entries.AddRange(_units.Patches.Skip(_commitsIncluded).SelectMany(p => p.IfOmitted));
        entries.AddRange(_units.Diffs.Where((_, i) => !_diffIncluded[i]).Select(d => d.IfOmitted));
        return entries.OrderBy(e => e.Order).ToList();
    }

    public IReadOnlyList<OmittedItem> OmittedItems() => ManifestEntries().Select(e => e.Item).ToList();

    public IReadOnlyList<string> IncludedFiles()
    {
        var paths = _units.Patches.Take(_commitsIncluded).SelectMany(p => p.RenderedFiles).Select(f => f.Path)
            .Concat(_units.Diffs.Where((_, i) => _diffIncluded[i]).Select(d => d.File.Path));
        return paths.Distinct(StringComparer.Ordinal).ToList();
    }

    private static long Bytes(string text) => Encoding.UTF8.GetByteCount(text);

    private readonly record struct Tally(
        int Commits, long PatchBody, int PatchRun,
        int Files, long DiffBody, int DiffRun,
        int ManifestCount, long ManifestLineBytes)
    {
        public static Tally NothingIncluded(ChangeUnits units)
        {
            var all = units.AlwaysOmitted
                .Concat(units.Patches.SelectMany(p => p.IfOmitted))
                .Concat(units.Diffs.Select(d => d.IfOmitted)).ToList();
            return new Tally(0, 0, 0, 0, 0, 0, all.Count, all.Sum(e => e.LineBytes));
        }
    }
}
