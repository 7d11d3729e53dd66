using System.Text.RegularExpressions;

namespace Handoff.Core.Inspection;

/// <summary>
/// Turns a git remote URL into a shareable <see cref="RemoteUrl"/> (host + path), for any host:
/// https/http (credentials stripped), ssh:// (port dropped), scp-like "user@host:path", git://,
/// GitLab subgroups, Azure DevOps (normalised to dev.azure.com/org/project/_git/repo), Bitbucket,
/// GitHub Enterprise. Returns null for local paths, file:// and anything it cannot read safely.
/// </summary>
public static partial class RemoteUrlParser
{
    private static readonly HashSet<string> NetworkSchemes =
        new(StringComparer.OrdinalIgnoreCase) { "https", "http", "ssh", "git", "git+ssh", "ssh+git" };

    /// <param name="resolveSshHost">for ssh remotes (scp-like or ssh://): maps the host, which may be an alias of the
    /// ssh config, to the host it really connects to.</param>
    public static RemoteUrl? Parse(string? url, Func<string, string>? resolveSshHost = null)
    {
        if (string.IsNullOrWhiteSpace(url)) return null;
        url = url.Trim();
        if (LooksLikeLocalPath(url)) return null;

        var hasScheme = url.Contains("://", StringComparison.Ordinal);
        var parts = hasScheme ? SplitUrl(url) : SplitScpLike(url);
        if (parts is null) return null;
        var (host, path) = parts.Value;
        if (resolveSshHost is not null && IsSsh(url, hasScheme)) host = resolveSshHost(host);

        host = host.ToLowerInvariant();
        if (!HostPattern().IsMatch(host)) return null;
        path = CleanPath(path);
        if (path.Length == 0) return null;

        return NormaliseAzure(host, path) ?? new RemoteUrl(host, path);
    }

    private static bool IsSsh(string url, bool hasScheme) =>
        !hasScheme || url[..url.IndexOf("://", StringComparison.Ordinal)].ToLowerInvariant() is "ssh" or "git+ssh" or "ssh+git";

    /// <summary>True for remotes that live on this machine (never shared with a cloud session).</summary>
    public static bool IsLocal(string? url) =>
        string.IsNullOrWhiteSpace(url) || LooksLikeLocalPath(url.Trim());

    private static bool LooksLikeLocalPath(string url)
    {
        if (url.StartsWith("file:", StringComparison.OrdinalIgnoreCase)) return true;
        if (url.Contains("://", StringComparison.Ordinal)) return false;
        if (WindowsDrive().IsMatch(url)) return true;
        // git reads "host:path" as scp-like syntax only when no slash comes before the first colon.
        var colon = url.IndexOf(':');
        var slash = url.IndexOfAny(['/', '\\']);
        return colon < 0 || (slash >= 0 && slash < colon);
    }

    /// <summary>scheme://[userinfo@]host[:port]/path — userinfo and port are dropped.</summary>
    private static (string Host, string Path)? SplitUrl(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (!NetworkSchemes.Contains(url[..schemeEnd])) return null;
        var rest = url[(schemeEnd + 3)..];
        rest = rest.Split('?', '#')[0];

        var slash = rest.IndexOf('/');
        var authority = slash < 0 ? rest : rest[..slash];
        var path = slash < 0 ? "" : rest[(slash + 1)..];
        var at = authority.LastIndexOf('@');
        var hostPort = at < 0 ? authority : authority[(at + 1)..];

        string host;
        if (hostPort.StartsWith('['))
        {
            var close = hostPort.IndexOf(']');
            if (close < 0) return null;
            host = hostPort[..(close + 1)];
            var after = hostPort[(close + 1)..];
            if (after.Length > 0 && !PortPattern().IsMatch(after)) return null;
        }
        else
        {
            var colon = hostPort.IndexOf(':');
            host = colon < 0 ? hostPort : hostPort[..colon];
            // a non-numeric "port" means we misread the authority (e.g. a password with a '/'); refuse.
            if (colon >= 0 && !PortPattern().IsMatch(hostPort[colon..])) return null;
        }
        return (host, path);
    }

    /// <summary>[user@]host:path, as git understands it when there is no slash before the colon.</summary>
    private static (string Host, string Path)? SplitScpLike(string url)
    {
        var colon = url.IndexOf(':');
        if (colon <= 0) return null;
        var userHost = url[..colon];
        var at = userHost.LastIndexOf('@');
        var host = at < 0 ? userHost : userHost[(at + 1)..];
        return (host, url[(colon + 1)..]);
    }

    private static string CleanPath(string path)
    {
        path = path.Replace('\\', '/').Trim('/');
        while (path.Contains("//", StringComparison.Ordinal)) path = path.Replace("//", "/", StringComparison.Ordinal);
        if (path.StartsWith('~')) path = path[1..];
        if (path.EndsWith(".git", StringComparison.OrdinalIgnoreCase)) path = path[..^4];
        return path.Trim('/');
    }

    private static RemoteUrl? NormaliseAzure(string host, string path)
    {
        var segments = path.Split('/');
        // git@ssh.dev.azure.com:v3/org/project/repo
        if (host is "ssh.dev.azure.com" or "vs-ssh.visualstudio.com" && segments.Length == 4 && segments[0] == "v3")
            return new RemoteUrl("dev.azure.com", $"{segments[1]}/{segments[2]}/_git/{segments[3]}");

        // https://org.visualstudio.com/[DefaultCollection/]project/_git/repo
        if (host.EndsWith(".visualstudio.com", StringComparison.Ordinal) && host != "vs-ssh.visualstudio.com")
        {
            var org = host[..^".visualstudio.com".Length];
            var rest = segments.AsEnumerable();
            if (segments.Length > 0 && segments[0].Equals("DefaultCollection", StringComparison.OrdinalIgnoreCase))
                rest = rest.Skip(1);
            return new RemoteUrl("dev.azure.com", $"{org}/{string.Join('/', rest)}");
        }
        return null;
    }

    [GeneratedRegex(@"^(\[[0-9a-f:.]+\]|[a-z0-9]([a-z0-9.\-_]*[a-z0-9])?)$")]
    private static partial Regex HostPattern();

    [GeneratedRegex(@"^:\d*$")]
    private static partial Regex PortPattern();

    [GeneratedRegex(@"^[A-Za-z]:")]
    private static partial Regex WindowsDrive();
}
