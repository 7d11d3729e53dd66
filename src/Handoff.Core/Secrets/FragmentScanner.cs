namespace Handoff.Core.Secrets;

/// <summary>
/// Scans consecutive lines of one fragment (a hunk's added lines, a text, a file) and turns raw hits into
/// safe <see cref="Finding"/>s. Tracks state that spans lines: "allowlist nextline" pragmas and multi-line
/// private-key blocks (redacted whole). Not thread-safe.
/// </summary>
internal sealed class FragmentScanner(ScanContext context)
{
    private const int MaxPreviewChars = 160;
    private readonly LineScanner _lines = new(context.Rules);
    private readonly List<RawHit> _hits = [];
    private readonly MultiLineValues _valuesBelowNames = new();
    private PendingKey? _pendingKey;
    private bool _allowNext;
    private string? _blockEnd;
    private string? _blockRule;
    private bool _inFence;
    private string? _docsPath;
    private bool _isDocs;

    public ScanContext Context => context;

    /// <summary>Forget cross-line state (a new hunk or file starts).</summary>
    public void Reset()
    {
        _allowNext = false;
        _blockEnd = null;
        _blockRule = null;
        _valuesBelowNames.Reset();
        _pendingKey = null;
        _inFence = false;
    }

    /// <summary>
    /// Scans one line, appends its findings. When <paramref name="redacted"/> is requested and the line holds
    /// a secret (or sits inside a private-key block), it receives the line with secrets replaced.
    /// </summary>
    /// <param name="rulePath">the path that rules with a path pattern are matched against, when not <paramref name="path"/> (an archive member's own name).</param>
    /// <returns>True when the line holds (or continues) a secret that was not allowed or ignored.</returns>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public bool ScanLine(ReadOnlySpan<char> line, string path, int lineNumber, string? commit, List<Finding> findings, bool wantRedacted, out string? redacted,
        string? rulePath = null)
    {
        redacted = null;
        if (_pendingKey is { } pending && ContinuePendingKey(pending, line, findings, wantRedacted, out redacted)) return true;
        if (_blockEnd is not null)
        {
            var rule = _blockRule!;
            // The block ends here; the rest of the state (a Markdown fence around the key, values below names) goes on.
            if (line.Contains(_blockEnd, StringComparison.Ordinal)) (_blockEnd, _blockRule) = (null, null);
            if (wantRedacted) redacted = $"[REDACTED:{rule}]";
            return true;
        }
        var allowedByPreviousLine = _allowNext;
        TrackCodeFence(line, rulePath ?? path);
        _hits.Clear();
        _lines.Scan(line, rulePath ?? path, _hits);
        _allowNext = _lines.SawNextlinePragma;
        var listStarts = _lines.ListStarts.Count == 0 ? null : _lines.ListStarts.ToArray();
        if (_valuesBelowNames.Observe(line, path) is { } below && _hits.Count == 0) ScanValueBelowName(line, path, below);
        if ((_hits.Count == 0 && listStarts is null) || allowedByPreviousLine || HasAllowMarker(line)) return false;
        ValueLists.AddListedValues(line, _hits, context.Rules.Allowlist, listStarts);
        if (_hits.Count == 0) return false;

        var kept = new List<(RawHit Hit, string Fingerprint)>(_hits.Count);
        foreach (var hit in _hits)
        {
            var fingerprint = Fingerprint.Of(path, hit.Rule.Rule.Id, hit.Secret);
            if (context.IsIgnored(fingerprint)) continue;
            if (hit.Rule.Rule.BlockEnd is not null && !KeyBodyFollows(hit, line, path, lineNumber, commit, fingerprint)) continue;
            kept.Add((hit, fingerprint));
        }
        // A key header waiting for its body: a redacted copy loses it at once (the body is redacted once it is seen).
        if (kept.Count == 0 && wantRedacted && _pendingKey is { } waiting && waiting.LineNumber == lineNumber)
        {
            redacted = Replace(line, [(waiting.Hit, waiting.Fingerprint)], h => $"[REDACTED:{h.Rule.Rule.Id}]");
            return true;
        }
        if (kept.Count == 0) return false;

        var preview = Preview(line, kept);
        foreach (var (hit, fingerprint) in kept)
            findings.Add(new Finding(hit.Rule.Rule.Id, path, lineNumber, fingerprint, preview, commit, hit.Confidence));
        if (wantRedacted) redacted = Replace(line, kept, h => $"[REDACTED:{h.Rule.Rule.Id}]");

        var last = kept[^1].Hit;
        if (last.Rule.Rule.BlockEnd is { } end && !last.Secret.Contains(end, StringComparison.Ordinal)
            && !line[(last.Start + last.Length)..].Contains(end, StringComparison.Ordinal))
        {
            _blockEnd = end;
            _blockRule = last.Rule.Rule.Id;
        }
        return true;
    }

    // A value alone on its line below its name (multi-line XML element, nested YAML, continuation line) is scanned as
    // "name: value", and the hits are moved back onto the line.
    private void ScanValueBelowName(ReadOnlySpan<char> line, string path, (string Name, int Start, int Length, bool Element) value)
    {
        // An element's text is a literal of the markup around it: quoted, so that it is judged as one in an XML file too
        // (a code file to the keyword judge, where an unquoted "name: value" is not an assignment).
        var quote = value.Element ? "\"" : "";
        var prefix = value.Name + ": " + quote;
        _lines.Scan(string.Concat(prefix, line.Slice(value.Start, value.Length), quote), path, _hits);
        for (var i = _hits.Count - 1; i >= 0; i--)
        {
            var hit = _hits[i];
            if (hit.Start < prefix.Length) _hits.RemoveAt(i);
            else _hits[i] = hit with { Start = hit.Start - prefix.Length + value.Start };
        }
    }

    /// <summary>A private-key header found, whose body (<see cref="KeyBlockBody"/>) has yet to reach its minimum.</summary>
    private sealed record PendingKey(RawHit Hit, string Path, int LineNumber, string? Commit, string Fingerprint, string Preview, int Chars);

    // A key header counts once key material follows it; when the body is on the next lines, its finding waits for them.
    private bool KeyBodyFollows(RawHit hit, ReadOnlySpan<char> line, string path, int lineNumber, string? commit, string fingerprint)
    {
        var chars = KeyBlockBody.OnHeaderLine(hit.Secret);
        if (chars >= KeyBlockBody.MinChars) return true;
        var end = hit.Rule.Rule.BlockEnd!;
        if (chars >= 0 && !hit.Secret.Contains(end, StringComparison.Ordinal) && !line[(hit.Start + hit.Length)..].Contains(end, StringComparison.Ordinal))
            _pendingKey = new PendingKey(hit, path, lineNumber, commit, fingerprint, Preview(line, [(hit, fingerprint)]), chars);
        return false;
    }

    // The lines after a key header: header lines ("DEK-Info: …") and base64 count toward its body, and its finding is
    // added on the line that completes it (redacted from there to the END line). An END line, or a line that cannot be
    // key material, ends the wait: the header was a mention, or a placeholder body.
    private bool ContinuePendingKey(PendingKey pending, ReadOnlySpan<char> line, List<Finding> findings, bool wantRedacted, out string? redacted)
    {
        redacted = null;
        var end = pending.Hit.Rule.Rule.BlockEnd!;
        var chars = line.Contains(end, StringComparison.Ordinal) ? -1 : KeyBlockBody.OnBodyLine(line);
        _pendingKey = chars >= 0 ? pending with { Chars = pending.Chars + chars } : null;
        if (_pendingKey is null || _pendingKey.Chars < KeyBlockBody.MinChars) return false;
        _pendingKey = null;
        var rule = pending.Hit.Rule.Rule.Id;
        findings.Add(new Finding(rule, pending.Path, pending.LineNumber, pending.Fingerprint, pending.Preview, pending.Commit, pending.Hit.Confidence));
        _blockEnd = end;
        _blockRule = rule;
        if (wantRedacted) redacted = $"[REDACTED:{rule}]";
        return true;
    }

    // In Markdown, keyword findings count in code blocks only (prose never holds a literal); a fence line opens or closes one.
    private void TrackCodeFence(ReadOnlySpan<char> line, string path)
    {
        if (!ReferenceEquals(path, _docsPath))
        {
            _docsPath = path;
            _isDocs = Generic.FileKinds.Of(path) == Generic.FileKind.Docs;
            _inFence = false;
        }
        if (!_isDocs)
        {
            _lines.InCodeBlock = false;
            return;
        }
        var trimmed = line.TrimStart(' ');
        if (line.Length - trimmed.Length < 4 && (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal)))
            _inFence = !_inFence;
        _lines.InCodeBlock = _inFence;
    }

    public static bool HasAllowMarker(ReadOnlySpan<char> line)
    {
        foreach (var marker in FalsePositiveFilter.AllowMarkers)
            if (line.Contains(marker, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>The line with each secret masked: first 4 chars + "…" for long secrets, "****" otherwise; cut at <see cref="MaxPreviewChars"/>.</summary>
    private static string Preview(ReadOnlySpan<char> line, List<(RawHit Hit, string Fingerprint)> hits)
    {
        var masked = Replace(line, hits, h => h.Secret.Length >= 16 ? h.Secret[..4] + "…" : "****").Trim();
        if (masked.Length <= MaxPreviewChars) return masked;
        return masked[..(MaxPreviewChars - 1)] + "…";
    }

    private static string Replace(ReadOnlySpan<char> line, List<(RawHit Hit, string Fingerprint)> hits, Func<RawHit, string> replacement) =>
        LineMasker.Mask(line, hits.ConvertAll(h => h.Hit), replacement);
}
