namespace Handoff.Core.Secrets.Archives;

/// <summary>An archive bound was reached while reading <see cref="Display"/>.</summary>
internal sealed class ArchiveLimitException(string display, string kind, string reason) : Exception(reason)
{
    public string Display => display;

    /// <summary>Which bound ("bytes", "members", "ratio"): part of the finding's fingerprint, so accepting it outlives the archive's next version.</summary>
    public string Kind => kind;
}

/// <summary>What one top-level archive may still read: bytes (summed over every member, nested ones too) and members.</summary>
internal sealed class ArchiveBudget(ArchivePolicy policy)
{
    private long _bytes;
    private int _members;

    public ArchivePolicy Policy => policy;

    public void AddMember(string display)
    {
        if (++_members > policy.MaxMembers)
            throw new ArchiveLimitException(display, "members", $"more than {policy.MaxMembers} members");
    }

    public void AddBytes(string display, long count)
    {
        _bytes += count;
        if (_bytes > policy.MaxBytes)
            throw new ArchiveLimitException(display, "bytes", $"more than {policy.MaxBytes >> 20} MB uncompressed");
    }
}
