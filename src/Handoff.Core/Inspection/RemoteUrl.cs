namespace Handoff.Core.Inspection;

/// <summary>
/// A remote as it may be shared: host and path only, credentials and ports removed.
/// Path is e.g. "owner/repo" or "group/sub/repo" or "org/project/_git/repo" (without ".git").
/// </summary>
public sealed record RemoteUrl(string Host, string Path)
{
    /// <summary>"host/path", the form written into the prompt and into `repos`.</summary>
    public override string ToString() => $"{Host}/{Path}";

    /// <summary>"owner/repo" when the host is GitHub (or GitHub Enterprise with two segments); otherwise the full path.</summary>
    public string OwnerAndName => Path;
}
