using Handoff.Core.Inspection;

namespace Handoff.Core.Secrets;

/// <summary>What to do with a hunk that holds a finding.</summary>
public enum SecretMode
{
    /// <summary>Leave the whole hunk out when a finding blocks (default); only low-confidence values are redacted in place (<see cref="FindingPolicy"/>).</summary>
    Withhold,
    /// <summary>Keep the hunk, replace only the secret with [REDACTED:rule-id].</summary>
    Redact,
}

/// <summary>
/// A secret found. Never holds the secret in clear: Preview is redacted, Fingerprint is
/// "path:rule:salted-hash" (the form written to .devin-handoff-ignore). Line 0 means the whole file
/// (a path rule). Confidence is High when an offline checksum verified the token (and for private keys and files
/// that are secrets by name), Medium for a provider's token format and a strong keyword secret, Low for a weaker
/// keyword value and a failed checksum; <see cref="FindingPolicy"/> says what each does.
/// </summary>
public sealed record Finding(
    string RuleId,
    string File,
    int Line,
    string Fingerprint,
    string Preview,
    string? Commit = null,
    FindingConfidence Confidence = FindingConfidence.Medium);

/// <summary>Something left out of a handoff because of a finding or a path rule. Safe to show and to send.</summary>
public sealed record WithheldItem(
    string File,
    int? StartLine,
    int? EndLine,
    IReadOnlyList<string> RuleIds,
    string? Commit = null,
    bool WholeFile = false);

/// <summary>Stage 2 output: the changes that may leave the machine, and what was withheld.</summary>
public sealed record FilteredChanges(
    IReadOnlyList<FileChange> WorkingChanges,
    IReadOnlyList<CommitPatch> UnpushedCommits,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<WithheldItem> Withheld);

/// <summary>Free text (task, context, the final prompt) with every secret replaced by [REDACTED:rule-id].</summary>
public sealed record RedactedText(string Text, IReadOnlyList<Finding> Findings);

/// <summary>Stage 2 of a handoff: nothing secret leaves the machine.</summary>
public interface ISecretScanner
{
    /// <summary>Filters working changes and unpushed commits. A hunk whose scan fails is withheld.</summary>
    FilteredChanges Filter(RepoSnapshot snapshot, SecretMode mode);

    /// <summary>Redacts secrets in free text. <paramref name="label"/> names the text in findings ("task", "context", "prompt").</summary>
    RedactedText Redact(string label, string text);
}
