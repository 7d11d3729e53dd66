namespace Handoff.Core.Inspection.Diffing;

internal enum EditKind { Equal, Delete, Insert }

/// <summary>
/// Myers' O(ND) shortest edit script over line ids. Common prefix and suffix are skipped first.
/// When the two sides differ by more than <see cref="MaxEditDistance"/> edits, the differing middle
/// is reported as one delete-all/insert-all block: still an exact diff, only less minimal,
/// and memory stays bounded (the trace grows with D²).
/// </summary>
internal static class MyersDiff
{
    public const int MaxEditDistance = 2000;

    /// <summary>Edits in order; equal and deleted lines consume old lines, equal and inserted lines consume new ones.</summary>
    public static List<EditKind> Diff(int[] a, int[] b)
    {
        int n = a.Length, m = b.Length;
        var prefix = 0;
        while (prefix < n && prefix < m && a[prefix] == b[prefix]) prefix++;
        var suffix = 0;
        while (suffix < n - prefix && suffix < m - prefix && a[n - 1 - suffix] == b[m - 1 - suffix]) suffix++;

        var edits = new List<EditKind>(n + m);
        edits.AddRange(Enumerable.Repeat(EditKind.Equal, prefix));
        var middle = DiffMiddle(a.AsSpan(prefix, n - prefix - suffix), b.AsSpan(prefix, m - prefix - suffix));
        edits.AddRange(DeletesBeforeInserts(middle));
        edits.AddRange(Enumerable.Repeat(EditKind.Equal, suffix));
        return edits;
    }

    private static List<EditKind> DiffMiddle(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        int n = a.Length, m = b.Length;
        if (n == 0 || m == 0)
            return [.. Enumerable.Repeat(EditKind.Delete, n), .. Enumerable.Repeat(EditKind.Insert, m)];

        var max = n + m;
        var v = new int[2 * max + 3];
        var offset = max + 1;
        var trace = new List<int[]>(); // trace[d] = v[-(d+1)..(d+1)] before step d
        for (var d = 0; d <= max; d++)
        {
            if (d > MaxEditDistance)
                return [.. Enumerable.Repeat(EditKind.Delete, n), .. Enumerable.Repeat(EditKind.Insert, m)];
            trace.Add(v.AsSpan(offset - d - 1, 2 * d + 3).ToArray());
            for (var k = -d; k <= d; k += 2)
            {
                var x = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])
                    ? v[offset + k + 1]
                    : v[offset + k - 1] + 1;
                var y = x - k;
                while (x < n && y < m && a[x] == b[y]) { x++; y++; }
                v[offset + k] = x;
                if (x >= n && y >= m) return Backtrack(trace, n, m);
            }
        }
        throw new InvalidOperationException("unreachable: the edit script is at most n + m long");
    }

    private static List<EditKind> Backtrack(List<int[]> trace, int n, int m)
    {
        var reversed = new List<EditKind>(n + m);
        int x = n, y = m;
        for (var d = trace.Count - 1; d >= 0; d--)
        {
            var snapshot = trace[d];
            int V(int k) => snapshot[k + d + 1];
            var k = x - y;
            var prevK = k == -d || (k != d && V(k - 1) < V(k + 1)) ? k + 1 : k - 1;
            var prevX = V(prevK);
            var prevY = prevX - prevK;
            while (x > prevX && y > prevY) { reversed.Add(EditKind.Equal); x--; y--; }
            if (d > 0) reversed.Add(x == prevX ? EditKind.Insert : EditKind.Delete);
            x = prevX;
            y = prevY;
        }
        reversed.Reverse();
        return reversed;
    }

    /// <summary>Within each run of changes, list the deleted lines before the inserted ones, as git does.</summary>
    private static IEnumerable<EditKind> DeletesBeforeInserts(List<EditKind> edits)
    {
        var i = 0;
        while (i < edits.Count)
        {
            if (edits[i] == EditKind.Equal) { yield return EditKind.Equal; i++; continue; }
            int deletes = 0, inserts = 0;
            for (; i < edits.Count && edits[i] != EditKind.Equal; i++)
                if (edits[i] == EditKind.Delete) deletes++; else inserts++;
            for (var j = 0; j < deletes; j++) yield return EditKind.Delete;
            for (var j = 0; j < inserts; j++) yield return EditKind.Insert;
        }
    }
}
