namespace Handoff.Core.Secrets;

/// <summary>Shannon entropy in bits per character.</summary>
public static class Entropy
{
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static double Shannon(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty) return 0;
        Span<int> counts = stackalloc int[128];
        Dictionary<char, int>? other = null;
        foreach (var c in value)
        {
            if (c < 128) counts[c]++;
            else (other ??= [])[c] = other.GetValueOrDefault(c) + 1;
        }
        double entropy = 0, n = value.Length;
        foreach (var count in counts) entropy -= Term(count, n);
        if (other is not null)
            foreach (var count in other.Values) entropy -= Term(count, n);
        return entropy;
    }

    private static double Term(int count, double n)
    {
        if (count == 0) return 0;
        var p = count / n;
        return p * Math.Log2(p);
    }
}
