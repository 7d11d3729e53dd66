namespace Handoff.Core.Secrets.Archives;

/// <summary>What to do with the part of an archive the bounds leave unscanned (or that cannot be read: corrupt, encrypted).</summary>
public enum ArchiveOverLimit
{
    /// <summary>An <c>archive-unscanned</c> finding: `scan` exits 3 and the pre-push hook blocks (default: fail closed).</summary>
    Block,
    /// <summary>A note on stderr; the push or scan goes on.</summary>
    Warn,
}

/// <summary>
/// The bounds of an archive scan, per archive pushed or scanned (nested archives count towards their outer one):
/// uncompressed bytes read, members, nesting depth (a .tar.gz is two levels), and the expansion ratio of a member
/// (zip bombs). From "archives" in <c>.devin-handoff/secrets.json</c>.
/// </summary>
public sealed record ArchivePolicy
{
    public static readonly ArchivePolicy Default = new();

    /// <summary>Set false to scan archives by name only (path rules), never their members.</summary>
    public bool Scan { get; init; } = true;
    public long MaxBytes { get; init; } = 128L << 20;
    public int MaxMembers { get; init; } = 10_000;
    public int MaxDepth { get; init; } = 5;
    public int MaxRatio { get; init; } = 100;
    /// <summary>The ratio is only checked once a member has expanded past this many bytes (small files compress well too).</summary>
    public long RatioFloorBytes { get; init; } = 1L << 20;
    public ArchiveOverLimit OverLimit { get; init; } = ArchiveOverLimit.Block;
}
