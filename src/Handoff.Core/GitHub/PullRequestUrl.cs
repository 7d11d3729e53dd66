using System.Text.RegularExpressions;

namespace Handoff.Core.GitHub;

/// <summary>A pull request web link in GitHub's shape: https://HOST/OWNER/REPO/pull/NUMBER (github.com or Enterprise).</summary>
public sealed partial record PullRequestUrl(string Host, string Owner, string Repo, int Number)
{
    public string FullName => $"{Owner}/{Repo}";

    /// <summary>Null when <paramref name="url"/> is not a GitHub-style pull request link (GitLab, Bitbucket, Azure...).</summary>
    public static PullRequestUrl? Parse(string? url)
    {
        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")) return null;
        var match = GitHubPath().Match(uri.AbsolutePath);
        if (!match.Success || !int.TryParse(match.Groups["n"].Value, out var number) || number <= 0) return null;
        return new PullRequestUrl(uri.Authority.ToLowerInvariant(), match.Groups["owner"].Value, match.Groups["repo"].Value, number);
    }

    public bool IsGitHubDotCom => Host is "github.com" or "www.github.com";

    [GeneratedRegex(@"^/(?<owner>[A-Za-z0-9_.-]+)/(?<repo>[A-Za-z0-9_.-]+)/pull/(?<n>\d+)/?(?:files|commits)?/?$")]
    private static partial Regex GitHubPath();
}

/// <summary>Where a pull request's work lives: its head branch and the repository that holds it (a fork or the base).</summary>
public sealed record PullRequestHead(string Branch, string CloneUrl, string RepositoryFullName, string? Sha, string State);

/// <summary>Looks a pull request up (GitHub API through Octokit in the CLI; a fake in tests).</summary>
public interface IPullRequestSource
{
    Task<PullRequestHead> GetHead(PullRequestUrl pullRequest, CancellationToken cancellationToken);
}
