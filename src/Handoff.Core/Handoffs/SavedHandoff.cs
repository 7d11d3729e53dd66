using Handoff.Core.Devin;

namespace Handoff.Core.Handoffs;

// Defaults are kept with `init => field = value ?? default`: generated JSON metadata (no reflection under
// Native AOT) sets every init-only property, passing null for a field the JSON lacks.

/// <summary>
/// A handoff as saved under the git dir before it is sent, so a failed send loses nothing.
/// ClientToken is the idempotency tag: a resend with the same token finds the session if the
/// first attempt did create it.
/// </summary>
public sealed record SavedHandoff
{
    public required string ClientToken { get; init; }
    public required string Prompt { get; init; }
    public required string Title { get; init; }
    public IReadOnlyList<string> Tags { get; init => field = value ?? []; } = [];
    public IReadOnlyList<string> Repos { get; init => field = value ?? []; } = [];
    public string? PlaybookId { get; init; }
    public IReadOnlyList<string>? KnowledgeIds { get; init; }
    public int? MaxAcuLimit { get; init; }
    public string? CreateAsUserId { get; init; }
    public IReadOnlyList<string> AttachmentUrls { get; init => field = value ?? []; } = [];
    public DateTimeOffset SavedAt { get; init; }

    /// <summary>Filled once the session exists.</summary>
    public string? SessionId { get; init; }
    public string? SessionUrl { get; init; }

    /// <summary>A prepared handoff, ready to save and send, under a new client token.</summary>
    public static SavedHandoff From(PreparedHandoff prepared, HandoffOptions options, DateTimeOffset savedAt) => new()
    {
        ClientToken = Guid.NewGuid().ToString("N")[..16],
        Prompt = prepared.Prompt.Prompt,
        Title = prepared.Prompt.Title,
        Tags = prepared.Tags,
        PlaybookId = options.PlaybookId,
        KnowledgeIds = options.KnowledgeIds is { Count: > 0 } k ? k : null,
        MaxAcuLimit = options.MaxAcuLimit,
        SavedAt = savedAt,
    };

    /// <summary>The create request for this handoff; <paramref name="defaultUserId"/> when it names no user to create as.</summary>
    public SessionCreateRequest ToCreateRequest(string? defaultUserId) => new()
    {
        Prompt = Prompt,
        Title = Title,
        Tags = Tags,
        PlaybookId = PlaybookId,
        KnowledgeIds = KnowledgeIds,
        MaxAcuLimit = MaxAcuLimit,
        CreateAsUserId = CreateAsUserId ?? defaultUserId,
        AttachmentUrls = AttachmentUrls.Count > 0 ? AttachmentUrls : null,
    };
}
