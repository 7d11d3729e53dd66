using System.Text.Json;
using Handoff.Core.Abstractions;
using Octokit;

namespace Handoff.Core.GitHub;

/// <summary>
/// Reads a pull request's head with Octokit: the request, authentication and error mapping are Octokit's, the JSON
/// is parsed here (Octokit's reflection-based mapping fails under Native AOT). Token from GH_TOKEN or GITHUB_TOKEN
/// (anonymous without: fine for public repositories). API base: DEVIN_HANDOFF_GITHUB_API_URL when set, else api.github.com for github.com, else
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
        string body;
        try
        {
            // Octokit sends the request and maps errors to exceptions; the body is parsed below, because Octokit's own
            // model mapping (SimpleJson) relies on reflection Native AOT cannot serve (StringEnum<ItemState> fails at run time).
            var response = await client.Connection.GetRaw(ApiUrls.PullRequest(pr.Owner, pr.Repo, pr.Number), null).WaitAsync(cancellationToken);
            body = response.HttpResponse.Body switch
            {
                string text => text,
                byte[] bytes => System.Text.Encoding.UTF8.GetString(bytes),
                _ => "",
            };
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

        return ParseHead(body, pr);
    }

    /// <summary>The fields pickup needs from GitHub's pull request JSON (head.ref, head.sha, head.repo, state).</summary>
    /// <exception cref="HandoffException">the body is not a pull request with a head branch, or its head repository is gone.</exception>
    internal static PullRequestHead ParseHead(string body, PullRequestUrl pr)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("head", out var head) || head.ValueKind != JsonValueKind.Object
                || Text(head, "ref") is not { } branch)
                throw new HandoffException($"GitHub gave no head branch for {pr.FullName}#{pr.Number}");
            if (!head.TryGetProperty("repo", out var repo) || repo.ValueKind != JsonValueKind.Object
                || Text(repo, "clone_url") is not { } cloneUrl || Text(repo, "full_name") is not { } fullName)
                throw new HandoffException($"the head repository of {pr.FullName}#{pr.Number} is gone (a deleted fork); fetch refs/pull/{pr.Number}/head instead");
            return new PullRequestHead(branch, cloneUrl, fullName, Text(head, "sha"), Text(root, "state") ?? "");
        }
        catch (JsonException e)
        {
            throw new HandoffException($"GitHub's answer for {pr.FullName}#{pr.Number} is not JSON: {e.Message}", ExitCodes.ApiUnavailable);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
