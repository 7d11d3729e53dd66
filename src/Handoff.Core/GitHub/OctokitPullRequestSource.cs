using Handoff.Core.Abstractions;
using Octokit;

namespace Handoff.Core.GitHub;

/// <summary>
/// Reads a pull request with Octokit. Token from GH_TOKEN or GITHUB_TOKEN (anonymous without: fine for public
/// repositories). API base: DEVIN_HANDOFF_GITHUB_API_URL when set, else api.github.com for github.com, else
/// https://HOST/api/v3/ (GitHub Enterprise Server).
/// </summary>
public sealed class OctokitPullRequestSource(IEnvironment environment) : IPullRequestSource
{
    public const string ApiUrlVariable = "DEVIN_HANDOFF_GITHUB_API_URL";

    public Uri ApiBase(PullRequestUrl pr)
    {
        if (environment.Get(ApiUrlVariable) is { } overridden)
        {
            if (!Uri.TryCreate(overridden.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                throw new HandoffException($"{ApiUrlVariable} '{overridden}' is not an absolute http(s) URL", ExitCodes.AuthOrConfig);
            return uri;
        }
        return pr.IsGitHubDotCom ? GitHubClient.GitHubApiUrl : new Uri($"https://{pr.Host}/api/v3/");
    }

    public async Task<PullRequestHead> GetHead(PullRequestUrl pr, CancellationToken cancellationToken)
    {
        var client = new GitHubClient(new ProductHeaderValue("devin-handoff"), ApiBase(pr));
        var token = environment.Get("GH_TOKEN") ?? environment.Get("GITHUB_TOKEN");
        if (token is not null) client.Credentials = new Credentials(token);
        PullRequest found;
        try
        {
            found = await client.PullRequest.Get(pr.Owner, pr.Repo, pr.Number).WaitAsync(cancellationToken);
        }
        catch (RateLimitExceededException)
        {
            throw new HandoffException($"GitHub's rate limit is used up while reading {pr.FullName}#{pr.Number}; set GH_TOKEN and try again", ExitCodes.ApiUnavailable);
        }
        catch (AuthorizationException)
        {
            throw new HandoffException($"GitHub refused the token while reading {pr.FullName}#{pr.Number}: check GH_TOKEN/GITHUB_TOKEN", ExitCodes.AuthOrConfig);
        }
        catch (ForbiddenException e)
        {
            throw new HandoffException($"GitHub refused access to {pr.FullName}#{pr.Number}: {e.Message}", ExitCodes.AuthOrConfig);
        }
        catch (NotFoundException)
        {
            var hint = token is null ? " (a private repository needs GH_TOKEN or GITHUB_TOKEN)" : "";
            throw new HandoffException($"pull request {pr.FullName}#{pr.Number} not found on {pr.Host}{hint}", ExitCodes.NotFound);
        }
        catch (ApiException e) when ((int)e.StatusCode >= 500)
        {
            throw new HandoffException($"GitHub failed with HTTP {(int)e.StatusCode} while reading {pr.FullName}#{pr.Number}", ExitCodes.ApiUnavailable);
        }
        catch (HttpRequestException e)
        {
            throw new HandoffException($"could not reach the GitHub API for {pr.Host}: {e.Message}", ExitCodes.ApiUnavailable);
        }

        var head = found.Head ?? throw new HandoffException($"GitHub gave no head branch for {pr.FullName}#{pr.Number}");
        var repo = head.Repository
            ?? throw new HandoffException($"the head repository of {pr.FullName}#{pr.Number} is gone (a deleted fork); fetch refs/pull/{pr.Number}/head instead");
        return new PullRequestHead(head.Ref, repo.CloneUrl, repo.FullName, head.Sha, found.State.StringValue);
    }
}
