namespace Handoff.Core.Secrets.Archives;

/// <summary>The archive formats whose members are scanned (all readable by the .NET base library, Native AOT included).</summary>
internal enum ArchiveKind
{
    Zip,
    Tar,
    Gzip,
}

/// <summary>Tells an archive by its name (which blobs of a diff to fetch) or by its first bytes (what a file really is).</summary>
internal static class ArchiveFormat
{
    /// <summary>Zip and the formats that are zips: Java, Android, Python wheels and eggs, NuGet, VS Code and browser extensions, Office documents.</summary>
    private static readonly string[] ZipExtensions =
    [
        ".zip", ".jar", ".war", ".ear", ".aar", ".apk", ".whl", ".egg", ".nupkg", ".snupkg", ".vsix", ".xpi", ".ipa",
        ".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp",
    ];

    /// <summary>A tar header is 512 bytes; "ustar" sits at offset 257.</summary>
    public const int MagicBytes = 512;

    public static ArchiveKind? FromName(string path)
    {
        var name = path.AsSpan(path.LastIndexOf('/') + 1);
        foreach (var extension in ZipExtensions)
            if (name.EndsWith(extension, StringComparison.OrdinalIgnoreCase)) return ArchiveKind.Zip;
        if (name.EndsWith(".tar", StringComparison.OrdinalIgnoreCase)) return ArchiveKind.Tar;
        if (name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".tgz", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".taz", StringComparison.OrdinalIgnoreCase)) return ArchiveKind.Gzip;
        return null;
    }

    /// <summary>By magic number: zip local header or empty-archive record, gzip, POSIX/GNU tar.</summary>
    public static ArchiveKind? FromMagic(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 4 && head[0] == 'P' && head[1] == 'K' && ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6))) return ArchiveKind.Zip;
        if (head.Length >= 2 && head[0] == 0x1f && head[1] == 0x8b) return ArchiveKind.Gzip;
        if (head.Length >= 262 && head.Slice(257, 5).SequenceEqual("ustar"u8)) return ArchiveKind.Tar;
        return null;
    }

    /// <summary>The name of what a gzip file holds: "a.tar.gz" and "a.tgz" hold "a.tar", "notes.txt.gz" holds "notes.txt".</summary>
    public static string GzipContentName(string name)
    {
        if (name.EndsWith(".tgz", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".taz", StringComparison.OrdinalIgnoreCase)) return name[..^4] + ".tar";
        return name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? name[..^3] : name;
    }
}
