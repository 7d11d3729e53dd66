namespace Handoff.Core.Prompting;

/// <summary>
/// Backtick fences that no content line can close: the fence is one backtick longer than the
/// longest backtick run anywhere in the content (and at least three).
/// </summary>
public static class MarkdownFence
{
    public static int LongestBacktickRun(string text)
    {
        int longest = 0, current = 0;
        foreach (var c in text)
        {
            current = c == '`' ? current + 1 : 0;
            if (current > longest) longest = current;
        }
        return longest;
    }

    public static string For(int longestBacktickRun) => new('`', Math.Max(3, longestBacktickRun + 1));
}
