using Handoff.Core.Inspection;
using Handoff.Core.Prompting;
using Handoff.Core.Secrets;

namespace Handoff.Core.Handoffs;

/// <summary>The result of Inspect → Scan → Compose: what would be sent, and why.</summary>
public sealed record PreparedHandoff(
    ComposedPrompt Prompt,
    RepoSnapshot Snapshot,
    FilteredChanges Changes,
    IReadOnlyList<Finding> TextFindings,
    IReadOnlyList<string> Tags,
    string? Repository)
{
    /// <summary>Every finding: in the changes, in the task/context, and in the final prompt check.</summary>
    public IEnumerable<Finding> AllFindings => Changes.Findings.Concat(TextFindings);
}
