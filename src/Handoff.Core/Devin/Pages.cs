using System.Runtime.CompilerServices;

namespace Handoff.Core.Devin;

/// <summary>Walking the API's pages: v3 cursors, and v1 offsets handed out as cursors so callers page one way.</summary>
internal static class Pages
{
    /// <summary>Follows end_cursor while has_next_page; stops if a server repeats a cursor.</summary>
    public static async IAsyncEnumerable<T> All<T>(Func<string?, Task<Page<T>>> fetch, [EnumeratorCancellation] CancellationToken ct, string? start = null)
    {
        var seen = new HashSet<string>();
        var cursor = start;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var page = await fetch(cursor);
            foreach (var item in page.Items) yield return item;
            if (!page.HasNextPage || string.IsNullOrEmpty(page.EndCursor) || !seen.Add(page.EndCursor)) yield break;
            cursor = page.EndCursor;
        }
    }

    /// <summary>The offset a v1 cursor stands for (0 for none).</summary>
    public static int Offset(string? cursor) => int.TryParse(cursor, out var offset) && offset > 0 ? offset : 0;

    /// <summary>One page of a list the API returns whole (v1 knowledge, playbooks): <paramref name="first"/> items after the offset cursor.</summary>
    public static Page<T> Slice<T>(IReadOnlyList<T> all, int? first, string? after)
    {
        var offset = Math.Min(Offset(after), all.Count);
        var items = all.Skip(offset).Take(first ?? int.MaxValue).ToList();
        var end = offset + items.Count;
        return new Page<T> { Items = items, HasNextPage = end < all.Count, EndCursor = end < all.Count ? end.ToString() : null, Total = all.Count };
    }
}
