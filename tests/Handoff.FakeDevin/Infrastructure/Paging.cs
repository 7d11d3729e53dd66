using System.Text;

namespace Handoff.FakeDevin.Infrastructure;

/// <summary>The v3 page envelope (devin-api.md §2).</summary>
public sealed record PageResponse<T>(IReadOnlyList<T> Items, bool HasNextPage, string? EndCursor, int? Total);

/// <summary>
/// Cursor pagination over items ordered by a sequence number. The cursor is the opaque base64 of the
/// last returned item's sequence number, so pages stay stable when new items arrive.
/// </summary>
public static class Paging
{
    public const int DefaultFirst = 100;
    public const int MaxFirst = 200;

    public static string EncodeCursor(long seq) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes("cursor:" + seq)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryDecodeCursor(string cursor, out long seq)
    {
        seq = 0;
        try
        {
            var b64 = cursor.Replace('-', '+').Replace('_', '/');
            b64 = b64.PadRight(b64.Length + (4 - b64.Length % 4) % 4, '=');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(b64));
            return text.StartsWith("cursor:", StringComparison.Ordinal) && long.TryParse(text["cursor:".Length..], out seq);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Validates <c>first</c>/<c>after</c> query values; returns an error result or null.</summary>
    public static IResult? ReadCursorQuery(HttpRequest request, out int first, out long? afterSeq, int defaultFirst = DefaultFirst)
    {
        first = defaultFirst;
        afterSeq = null;
        var firstText = request.Query["first"].ToString();
        if (firstText.Length > 0 && (!int.TryParse(firstText, out first) || first < 1 || first > MaxFirst))
            return Errors.Validation([new FieldError(["query", "first"], $"Input should be between 1 and {MaxFirst}", "less_than_equal")]);
        var after = request.Query["after"].ToString();
        if (after.Length > 0)
        {
            if (!TryDecodeCursor(after, out var seq)) return Errors.BadRequest("Invalid cursor");
            afterSeq = seq;
        }
        return null;
    }

    /// <summary>
    /// Takes the page that follows <paramref name="afterSeq"/> from <paramref name="ordered"/>
    /// (already sorted ascending, or descending when <paramref name="descending"/>).
    /// </summary>
    public static PageResponse<TOut> Page<TIn, TOut>(
        IReadOnlyList<TIn> ordered, Func<TIn, long> seqOf, bool descending, int first, long? afterSeq,
        Func<TIn, TOut> map, bool cursorOnLastPage)
    {
        IEnumerable<TIn> rest = ordered;
        if (afterSeq is long after)
            rest = ordered.Where(i => descending ? seqOf(i) < after : seqOf(i) > after);
        var remaining = rest.ToList();
        var page = remaining.Take(first).ToList();
        var hasNext = remaining.Count > page.Count;
        string? endCursor = page.Count > 0 && (hasNext || cursorOnLastPage) ? EncodeCursor(seqOf(page[^1])) : null;
        return new PageResponse<TOut>(page.Select(map).ToList(), hasNext, endCursor, ordered.Count);
    }
}
