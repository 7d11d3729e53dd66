namespace Handoff.FakeDevin.Infrastructure;

/// <summary>Which error body the fake sends (devin-api.md §9).</summary>
public enum ErrorShape
{
    /// <summary>RFC 9457 application/problem+json: title, status, detail, instance, errors (422).</summary>
    ProblemDetails,

    /// <summary>Old FastAPI style: 422 → {"detail":[{loc,msg,type}]}, others → {"detail":"..."}.</summary>
    FastApi,
}

/// <summary>Behaviour switches that tests may flip while the server runs.</summary>
public sealed class FakeSettings
{
    private volatile ErrorShape _errorShape = ErrorShape.ProblemDetails;
    private volatile bool _attachmentListWrapped;
    private volatile bool _endCursorOnLastPage;
    private volatile bool _attachmentUrlsPointToStorage;
    private volatile bool _storageDropsMidBody;
    private volatile bool _storageRejectsAuthorization = true;
    private volatile bool _sessionsOldestFirst;
    private volatile bool _tagFilterIgnored;

    public ErrorShape ErrorShape { get => _errorShape; set => _errorShape = value; }

    /// <summary>Session attachment list as {"items":[…]} (common-flows guide) instead of a bare array.</summary>
    public bool AttachmentListWrapped { get => _attachmentListWrapped; set => _attachmentListWrapped = value; }

    /// <summary>Send a cursor on the last page too (the docs say null; this lets clients be tested against both).</summary>
    public bool EndCursorOnLastPage { get => _endCursorOnLastPage; set => _endCursorOnLastPage = value; }

    /// <summary>Attachment <c>url</c> fields point straight at the storage server instead of the API download endpoint.</summary>
    public bool AttachmentUrlsPointToStorage { get => _attachmentUrlsPointToStorage; set => _attachmentUrlsPointToStorage = value; }

    /// <summary>The storage server sends half the bytes (with the full Content-Length) and then drops the connection.</summary>
    public bool StorageDropsMidBody { get => _storageDropsMidBody; set => _storageDropsMidBody = value; }

    /// <summary>Like S3 with a pre-signed URL: a request that also carries Authorization gets 400.</summary>
    public bool StorageRejectsAuthorization { get => _storageRejectsAuthorization; set => _storageRejectsAuthorization = value; }

    /// <summary>Session lists (v3 and v1) come oldest first instead of newest first (the order is not documented).</summary>
    public bool SessionsOldestFirst { get => _sessionsOldestFirst; set => _sessionsOldestFirst = value; }

    /// <summary>Session lists ignore the <c>tags</c> filter and return every session, as a loose or broken filter would.</summary>
    public bool TagFilterIgnored { get => _tagFilterIgnored; set => _tagFilterIgnored = value; }
}
