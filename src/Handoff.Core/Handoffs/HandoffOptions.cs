using Handoff.Core.Secrets;

namespace Handoff.Core.Handoffs;

/// <summary>What the user asked for in one `create`.</summary>
public sealed record HandoffOptions
{
    public required string Task { get; init; }
    public string? Context { get; init; }
    public string? Title { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public required string StartDirectory { get; init; }
    public string? RemoteName { get; init; }
    public string? RepoOverride { get; init; }
    public long MaxBytes { get; init; } = DefaultMaxBytes;
    public bool IncludeChanges { get; init; } = true;
    public SecretMode SecretMode { get; init; } = SecretMode.Withhold;
    public IReadOnlyList<string> AttachmentUrlsForPrompt { get; init; } = [];

    public const long DefaultMaxBytes = 200 * 1024;
    public const string HandoffTag = "handoff";
}
