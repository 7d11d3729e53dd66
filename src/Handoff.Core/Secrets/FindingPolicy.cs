namespace Handoff.Core.Secrets;

/// <summary>
/// What a finding does, by its confidence (README "Secrets", docs/commands/create.md, hook.md, scan.md):
/// <list type="bullet">
/// <item>High (a verified checksum, a private key, a file that is a secret by name) and Medium (a provider's token
/// format, a keyword secret whose name and value are both strong): <c>create</c> withholds the hunk (or the file), the
/// pre-push hook blocks the push, <c>scan</c> exits 3.</item>
/// <item>Low (a keyword value that could be a secret but may well be code, test data or an example, a failed checksum):
/// <c>create</c> replaces just the value with [REDACTED:rule] and sends the rest of the hunk, the hook warns and lets the
/// push go on, <c>scan</c> reports it and exits 0. Nothing at any confidence is ever sent in clear.</item>
/// </list>
/// A hunk that could not be scanned counts as blocking (fail closed).
/// </summary>
public static class FindingPolicy
{
    public static bool Blocks(Finding finding) => finding.Confidence != FindingConfidence.Low;

    public static bool AnyBlocks(IEnumerable<Finding> findings) => findings.Any(Blocks);
}
