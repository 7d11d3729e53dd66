using System.Text;
using Handoff.Core.Inspection;

namespace Handoff.Core.Prompting;

/// <summary>Decides what fits (see <see cref="PromptComposer"/> for the order) and renders the result.</summary>
/// <remarks>
/// The Omitted section is reserved at its size when everything is omitted and shrinks as changes are included: exactly,
/// line by line, while it names every item; past <see cref="OmittedSection.MaxItemLines"/> items the named lines count
/// exactly and the folder lines of new files at <see cref="OmittedSection.GroupBound"/>, which no subset exceeds.
/// </remarks>
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
    private int? _manifestLimit;   // null = every manifest line is printed
    private readonly long _groupBound;
    private readonly List<(DiffUnit Diff, int Index)> _fillOrder;

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
        _groupBound = OmittedSection.GroupBound(Tally.AllOmitted(_units).Where(e => e.Groupable));
        _fillOrder = _units.Diffs.Select((diff, index) => (diff, index))
            .OrderBy(d => d.diff.Rank).ThenBy(d => d.diff.Bytes)
            .ThenBy(d => d.diff.File.Path, StringComparer.Ordinal).ThenBy(d => d.index).ToList();
    }

    public BudgetPlanner Plan()
    {
        var headBytes = Bytes(_sections.Head(_contextLines, false));
        if (TryEverything(headBytes)) return this;
        var tally = Tally.NothingIncluded(_units);
        if (Total(tally, headBytes) <= _input.MaxBytes) FillGreedily(tally, headBytes);
        else PlanOverflow();
        return this;
    }

    /// <summary>
    /// A budget that holds every change inlined gets every change inlined. The greedy fill alone can miss that: small
    /// changes can cost less inlined than listed (the Omitted section has a heading and a line each), so while some are
    /// still listed, taking one more in may not fit although taking them all in does.
    /// </summary>
    private bool TryEverything(long headBytes)
    {
        var listed = _units.AlwaysOmitted;
        var everything = new Tally(
            _units.Patches.Count, _units.Patches.Sum(p => p.Bytes), _units.Patches.Select(p => p.BacktickRun).DefaultIfEmpty().Max(),
            _units.Diffs.Count, _units.Diffs.Sum(d => d.Bytes), _units.Diffs.Select(d => d.BacktickRun).DefaultIfEmpty().Max(),
            listed.Count, listed.Sum(e => e.LineBytes), listed.Where(e => !e.Groupable).Sum(e => e.LineBytes));
        if (Total(everything, headBytes) > _input.MaxBytes) return false;
        Array.Fill(_diffIncluded, true);
        _commitsIncluded = everything.Commits;
        _patchRun = everything.PatchRun;
        _diffRun = everything.DiffRun;
        return true;
    }

    /// <summary>Files the task names, then the commits (oldest first, up to the first that does not fit), then the other files.</summary>
    private void FillGreedily(Tally tally, long headBytes)
    {
        foreach (var (diff, index) in _fillOrder.Where(d => d.Diff.Rank == FillOrder.Named))
            tally = TryDiff(tally, headBytes, diff, index);

        foreach (var patch in _units.Patches)
        {
            var next = tally with
            {
                Commits = tally.Commits + 1,
                PatchBody = tally.PatchBody + patch.Bytes,
                PatchRun = Math.Max(tally.PatchRun, patch.BacktickRun),
                ManifestCount = tally.ManifestCount - patch.IfOmitted.Count,
                ManifestLineBytes = tally.ManifestLineBytes - patch.IfOmittedBytes,
                NamedLineBytes = tally.NamedLineBytes - patch.IfOmittedBytes,
            };
            if (Total(next, headBytes) > _input.MaxBytes) break;
            tally = next;
        }

        foreach (var (diff, index) in _fillOrder.Where(d => d.Diff.Rank != FillOrder.Named))
            tally = TryDiff(tally, headBytes, diff, index);

        _commitsIncluded = tally.Commits;
        _patchRun = tally.PatchRun;
        _diffRun = tally.DiffRun;
    }

    /// <summary>Includes the file when the whole prompt still fits; a file that does not fit is skipped and the next tried.</summary>
    private Tally TryDiff(Tally tally, long headBytes, DiffUnit diff, int index)
    {
        var next = tally with
        {
            Files = tally.Files + 1,
            DiffBody = tally.DiffBody + diff.Bytes,
            DiffRun = Math.Max(tally.DiffRun, diff.BacktickRun),
            ManifestCount = tally.ManifestCount - 1,
            ManifestLineBytes = tally.ManifestLineBytes - diff.IfOmitted.LineBytes,
            NamedLineBytes = tally.NamedLineBytes - (diff.IfOmitted.Groupable ? 0 : diff.IfOmitted.LineBytes),
        };
        if (Total(next, headBytes) > _input.MaxBytes) return tally;
        _diffIncluded[index] = true;
        return next;
    }

    /// <summary>Nothing but the reserved part fits: shorten the manifest, then the context.</summary>
    private void PlanOverflow()
    {
        var manifest = new ManifestSizes(OmittedSection.Lines(ManifestEntries()));
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
        if (baseHead >= fullHead && Room(0, fullHead) >= 0)
        {
            // A context shorter than the cut marker: cutting it would take room, not make it.
            _manifestLimit = manifest.LargestLimit(l => Room(l, fullHead) >= 0);
            return;
        }
        if (Room(limit, baseHead) < 0)
        {
            limit = manifest.LargestLimit(l => Room(l, baseHead) >= 0);
            if (Room(limit, baseHead) < 0)
                throw new HandoffException(
                    // A context shorter than the cut marker is kept whole, so the smaller of the two heads is what is needed.
                    $"the task and the repository metadata need {otherBytes + Math.Min(baseHead, fullHead) + manifest.Bytes(0)} bytes, " +
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
        private readonly int[] _items;        // prefix sums
        private readonly int _count;

        public ManifestSizes(IReadOnlyList<ManifestLine> lines)
        {
            _count = lines.Count;
            _lineBytes = new long[_count + 1];
            _sizes = new long[_count + 1];
            _items = new int[_count + 1];
            for (var i = 0; i < _count; i++)
            {
                _lineBytes[i + 1] = _lineBytes[i] + lines[i].Bytes;
                _sizes[i + 1] = _sizes[i] + lines[i].Size;
                _items[i + 1] = _items[i] + lines[i].Items;
            }
        }

        public long Bytes(int limit)
        {
            if (_count == 0) return 0;
            var rest = _items[_count] - _items[limit];
            var summary = limit == _count ? 0 : BudgetPlanner.Bytes(PromptSections.ManifestSummary(rest, _sizes[_count] - _sizes[limit]));
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
               + ManifestBytes(t);
    }

    private long ManifestBytes(Tally t)
    {
        if (t.ManifestCount == 0) return 0;
        return ManifestHeadingBytes + (t.ManifestCount <= OmittedSection.MaxItemLines ? t.ManifestLineBytes : t.NamedLineBytes + _groupBound);
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

        var lines = OmittedSection.Lines(ManifestEntries());
        if (lines.Count > 0)
        {
            text.Append(PromptSections.ManifestHeading);
            var limit = _manifestLimit ?? lines.Count;
            foreach (var line in lines.Take(limit)) text.Append(line.Text);
            var rest = lines.Skip(limit).ToList();
            if (rest.Count > 0) text.Append(PromptSections.ManifestSummary(rest.Sum(l => l.Items), rest.Sum(l => l.Size)));
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

    /// <summary>Every change in the order it was offered a place, with its class, whether it got one, and why not.</summary>
    public IReadOnlyList<PlannedFile> PlannedFiles()
    {
        var plan = new List<PlannedFile>();
        void AddDiffs(IEnumerable<(DiffUnit Diff, int Index)> diffs)
        {
            foreach (var (diff, index) in diffs)
                plan.Add(new(diff.File.Path, null, FillOrder.ClassName(diff.Rank), diff.Bytes, _diffIncluded[index], _diffIncluded[index] ? null : OmittedReasons.Budget));
        }
        AddDiffs(_fillOrder.Where(d => d.Diff.Rank == FillOrder.Named));
        for (var c = 0; c < _units.Patches.Count; c++)
        {
            var patch = _units.Patches[c];
            var included = c < _commitsIncluded;
            plan.AddRange(patch.IfOmitted.Select(e => new PlannedFile(e.Item.Path, e.Item.Commit, "commit", e.Item.Size, included, included ? null : e.Item.Reason)));
            plan.AddRange(_units.AlwaysOmitted.Where(e => e.Item.Commit == patch.Commit.Sha && e.Item.Reason != OmittedReasons.Secret)
                .Select(e => new PlannedFile(e.Item.Path, e.Item.Commit, "commit", e.Item.Size, false, e.Item.Reason)));
        }
        AddDiffs(_fillOrder.Where(d => d.Diff.Rank != FillOrder.Named));
        plan.AddRange(_units.AlwaysOmitted.Where(e => e.Item.Commit is null && e.Item.Reason != OmittedReasons.Secret)
            .Select(e => new PlannedFile(e.Item.Path, null, e.Class, e.Item.Size, false, e.Item.Reason)));
        return plan;
    }

    private static long Bytes(string text) => Encoding.UTF8.GetByteCount(text);

    private readonly record struct Tally(
        int Commits, long PatchBody, int PatchRun,
        int Files, long DiffBody, int DiffRun,
        int ManifestCount, long ManifestLineBytes, long NamedLineBytes)
    {
        public static List<ManifestEntry> AllOmitted(ChangeUnits units) => units.AlwaysOmitted
            .Concat(units.Patches.SelectMany(p => p.IfOmitted))
            .Concat(units.Diffs.Select(d => d.IfOmitted)).ToList();

        public static Tally NothingIncluded(ChangeUnits units)
        {
            var all = AllOmitted(units);
            return new Tally(0, 0, 0, 0, 0, 0, all.Count, all.Sum(e => e.LineBytes), all.Where(e => !e.Groupable).Sum(e => e.LineBytes));
        }
    }
}
