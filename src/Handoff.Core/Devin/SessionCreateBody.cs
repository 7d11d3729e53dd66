namespace Handoff.Core.Devin;

/// <summary>
/// The JSON body of a session create for one API flavour, with the <c>handoff-id:</c> tag that lets a lost create be
/// found again. Built by the same code for the real request and for `create --dry-run --json`.
/// </summary>
internal sealed record SessionCreateBody(string Json, string Tag, IReadOnlyList<string> Tags, bool CreatesAsUser)
{
    public const string ClientTagPrefix = "handoff-id:";

    public static SessionCreateBody For(ApiFlavor flavor, SessionCreateRequest request, string clientToken, string? defaultUserId)
    {
        var tag = ClientTagPrefix + clientToken;
        var tags = request.Tags ?? [];
        if (!tags.Contains(tag)) tags = [.. tags, tag];
        if (flavor == ApiFlavor.V1)
            return new(DevinJson.Serialize(V1Body(request, tags)), tag, tags, CreatesAsUser: false);
        var body = request with
        {
            Tags = tags,
            CreateAsUserId = request.CreateAsUserId ?? ApiScope.NullIfEmpty(defaultUserId),
            SnapshotId = null,
            Unlisted = null,
        };
        return new(DevinJson.Serialize(body), tag, tags, body.CreateAsUserId is not null);
    }

    private static V1CreateRequest V1Body(SessionCreateRequest request, IReadOnlyList<string> tags) => new()
    {
        Prompt = ApiScope.WithAttachmentLines(request.Prompt, request.AttachmentUrls),
        Idempotent = true,
        Title = request.Title,
        Tags = tags,
        KnowledgeIds = request.KnowledgeIds,
        MaxAcuLimit = request.MaxAcuLimit,
        PlaybookId = request.PlaybookId,
        SecretIds = request.SecretIds,
        SessionSecrets = request.SessionSecrets,
        SnapshotId = request.SnapshotId,
        StructuredOutputSchema = request.StructuredOutputSchema,
        Unlisted = request.Unlisted,
    };
}
