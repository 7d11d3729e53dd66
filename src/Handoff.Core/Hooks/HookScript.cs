namespace Handoff.Core.Hooks;

/// <summary>The pre-push hook script (hooks/pre-push in the repository, embedded in this assembly).</summary>
public static class HookScript
{
    /// <summary>The line that marks a hook file as ours.</summary>
    public const string Marker = "# devin-handoff-hook:";

    public const string HookName = "pre-push";

    /// <summary>Where a foreign hook found at install time is kept; ours runs it first.</summary>
    public const string ChainedName = "pre-push.local";

    /// <summary>The script text. <paramref name="global"/>: it also runs the repository's own .git/hooks/pre-push,
    /// which git skips once core.hooksPath is set globally.</summary>
    public static string Text(bool global)
    {
        using var stream = typeof(HookScript).Assembly.GetManifestResourceStream("Handoff.Core.Hooks.pre-push")
            ?? throw new InvalidOperationException("the pre-push hook script is not embedded");
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd().ReplaceLineEndings("\n");
        return global ? text.Replace("\nscope=repo\n", "\nscope=global\n", StringComparison.Ordinal) : text;
    }

    public static bool IsOurs(string fileText) => fileText.Contains(Marker, StringComparison.Ordinal);
}
