namespace Handoff.Cli.Commands;

/// <summary>Lists page through everything; --limit caps.</summary>
public static class Paging
{
    /// <summary>Collects all pages of a cursor-paged list, up to <paramref name="limit"/> items.</summary>
    public static async Task<List<T>> CollectPages<T>(Func<string?, int, Task<Handoff.Core.Devin.Page<T>>> fetch, int? limit, int pageSize = 200)
    {
        if (limit is <= 0) throw new Handoff.Core.HandoffException("--limit must be at least 1", Handoff.Core.ExitCodes.Usage);
        var all = new List<T>();
        string? cursor = null;
        var seen = new HashSet<string>();
        while (true)
        {
            var first = limit is { } l ? Math.Min(pageSize, l - all.Count) : pageSize;
            var page = await fetch(cursor, first);
            all.AddRange(page.Items);
            if (limit is { } max && all.Count >= max) return all.Take(max).ToList();
            if (!page.HasNextPage || string.IsNullOrEmpty(page.EndCursor) || !seen.Add(page.EndCursor)) return all;
            cursor = page.EndCursor;
        }
    }
}
