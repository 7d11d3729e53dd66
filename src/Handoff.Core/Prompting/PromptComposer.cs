using System.Text;
using Handoff.Core.Inspection;

namespace Handoff.Core.Prompting;

/// <summary>
/// Builds the prompt: the task, the optional context, then the block "Local repository state (from
/// devin-handoff)" with the metadata, the unpushed commits as `git am` patches, the uncommitted diff for
/// `git apply`, what the secret scanner withheld, the Omitted manifest, and finally the attachment lines.
/// The result is deterministic and never larger than <see cref="PromptInput.MaxBytes"/> UTF-8 bytes.
/// </summary>
/// <remarks>
/// <para>Budget. The task, the context, the metadata, the withheld list, the attachment lines and a
/// manifest that lists every change as omitted are reserved first. Changes are then added, each
/// one only if the whole prompt still fits (an included change frees its manifest line); a budget that holds every
/// change inlined gets them all, even when it could not hold them all listed:</para>
/// <list type="number">
/// <item>Uncommitted files whose path or name the task or context mentions (<see cref="PathMentions"/>).</item>
/// <item>Unpushed commits, oldest first, each as a whole `git format-patch` mail. Filling stops at the
/// first commit that does not fit: a patch only applies on top of its parents, and a partial patch
/// would not `git am`. They come before the other files because the uncommitted diff is against HEAD and needs them.</item>
/// <item>Uncommitted changes to tracked files (modified, staged-new, renamed, copied, deleted, type
/// changes), then new files git does not track yet (untracked, or only `git add -N`): tracked edits are the
/// work in progress proper, new files are more often output left behind.</item>
/// <item>Within each class, smallest diff first (ties by path, then git order), so the most files fit.
/// A file that does not fit is skipped and the following files are still tried (a small untracked file
/// may fit after a large tracked one did not).</item>
/// <item>Generated, vendored and lock files (<see cref="FileCategories"/>) are listed only, unless the task names them.</item>
/// </list>
/// <para>The Omitted section says in one line how the files were chosen. Past 30 omitted items it keeps naming every
/// commit's file, tracked change and secret, and counts new files per top-level folder (<see cref="OmittedSection"/>).</para>
/// <para>A file is included whole (all its hunks) or omitted whole with reason "budget": a half-applied
/// file is a state that never existed locally and is easy to miss, while a file in the manifest is an
/// explicit gap. Included file diffs are printed in their original (git) order, not in fill order.</para>
/// <para>Binary, LFS-pointer and too-large files are never inlined (also inside commits, whose patch then
/// leaves that file out) and appear in the manifest with their reason; withheld secrets appear with
/// reason "secret". Budget omissions report the size of the diff left out, the others the file size.</para>
/// <para>When even the reserved part exceeds the budget: the manifest keeps at most a quarter of the
/// budget (the rest collapses into one "… and N more" line; the full list is in
/// <see cref="ComposedPrompt.Omitted"/>), then the context is cut at a line boundary with a marker, and
/// if the task and metadata alone do not fit a <see cref="HandoffException"/> (exit 2) is thrown.</para>
/// </remarks>
public sealed class PromptComposer : IPromptComposer
{
    public ComposedPrompt Compose(PromptInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.MaxBytes <= 0)
            throw new HandoffException($"the prompt budget must be a positive number of bytes (got {input.MaxBytes})", ExitCodes.Usage);

        // Caller text is shown on terminals and read by the session: control characters are made visible first.
        input = input with
        {
            Task = ControlCharacters.Escape(input.Task),
            Context = input.Context is null ? null : ControlCharacters.Escape(input.Context),
            Title = input.Title is null ? null : ControlCharacters.Escape(input.Title),
        };
        var plan = new BudgetPlanner(input).Plan();
        var prompt = plan.Render();
        var bytes = Encoding.UTF8.GetByteCount(prompt);
        if (bytes > input.MaxBytes)
            throw new InvalidOperationException($"prompt composer bug: {bytes} bytes exceed the budget of {input.MaxBytes}");

        return new ComposedPrompt(prompt, input.Title ?? PromptTitle.FromTask(input.Task), plan.IncludedFiles(), plan.OmittedItems(), bytes)
        {
            ContextTruncated = plan.ContextCut,
            Plan = plan.PlannedFiles(),
        };
    }
}
