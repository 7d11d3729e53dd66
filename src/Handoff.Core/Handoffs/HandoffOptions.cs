using Handoff.Core.Secrets;

namespace Handoff.Core.Handoffs;

/// <summary>
/// What the user asked for in one handoff: the task, how to read and filter the repository, and the session's own
/// settings. A fan-out resolves these once from its flags and lays each entry over them (<see cref="For"/>).
/// </summary>
public sealed record HandoffOptions
{
    /// <summary>The task; a fan-out's shared options leave it empty and take each entry's.</summary>
    public string Task { get; init; } = "";
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

    // The session's settings: saved with the handoff and sent with it, not part of the prompt.
    public string? PlaybookId { get; init; }
    /// <summary>Null or empty: the organization's default (all notes).</summary>
    public IReadOnlyList<string>? KnowledgeIds { get; init; }
    public int? MaxAcuLimit { get; init; }

    public const long DefaultMaxBytes = 200 * 1024;
    public const string HandoffTag = "handoff";

    /// <summary>
    /// One entry of a fan-out over these shared options: its task and title; its context after the shared one; its
    /// tags after the shared ones, then <paramref name="extraTags"/>; its playbook, knowledge and ACU limit where it sets them.
    /// </summary>
    public HandoffOptions For(BatchEntry entry, IReadOnlyList<string> extraTags) => this with
    {
        Task = entry.Task,
        Context = JoinContext(Context, entry.Context),
        Title = entry.Title,
        Tags = [.. Tags, .. entry.Tags, .. extraTags],
        PlaybookId = entry.Playbook ?? PlaybookId,
        KnowledgeIds = entry.Knowledge is { Count: > 0 } own ? own : KnowledgeIds,
        MaxAcuLimit = entry.MaxAcu ?? MaxAcuLimit,
    };

    private static string? JoinContext(string? shared, string? own)
    {
        var parts = new[] { shared, own }.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        return parts.Count == 0 ? null : string.Join("\n\n", parts);
    }
}
