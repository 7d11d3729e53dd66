using Handoff.Core;
using Handoff.Core.GitHub;

namespace Handoff.Tests.GitHub;

public class PullRequestHeadParsingTests
{
    private static readonly PullRequestUrl Pr = new("github.com", "acme", "app", 42);

    /// <summary>An abridged real GitHub answer: many fields pickup ignores, some null, nested objects and arrays.</summary>
    private const string GitHubAnswer = """
        {
          "url": "https://api.github.com/repos/acme/app/pulls/42", "id": 1, "node_id": "PR_x", "number": 42,
          "state": "open", "locked": false, "title": "Fix it", "body": null, "draft": false, "merged": false,
          "mergeable": null, "mergeable_state": "unknown", "author_association": "CONTRIBUTOR", "auto_merge": null,
          "user": { "login": "devin-ai-integration[bot]", "id": 2, "type": "Bot", "site_admin": false },
          "labels": [ { "id": 3, "name": "bug", "color": "d73a4a", "default": true } ], "milestone": null,
          "assignees": [], "requested_reviewers": [], "requested_teams": [],
          "head": {
            "label": "fork-owner:devin/fix", "ref": "devin/fix", "sha": "0123456789abcdef0123456789abcdef01234567",
            "user": { "login": "fork-owner", "id": 4 },
            "repo": { "id": 5, "name": "app", "full_name": "fork-owner/app", "private": false, "fork": true,
                      "clone_url": "https://github.com/fork-owner/app.git", "ssh_url": "git@github.com:fork-owner/app.git",
                      "license": { "key": "mit", "spdx_id": "MIT" }, "topics": ["x"], "visibility": "public",
                      "permissions": { "admin": false, "push": false, "pull": true } }
          },
          "base": { "label": "acme:main", "ref": "main", "sha": "fedcba9876543210fedcba9876543210fedcba98",
                    "repo": { "id": 6, "full_name": "acme/app", "clone_url": "https://github.com/acme/app.git" } },
          "_links": { "self": { "href": "https://api.github.com/repos/acme/app/pulls/42" } },
          "commits": 1, "additions": 3, "deletions": 1, "changed_files": 1
        }
        """;

    private static PullRequestHead Parse(string json) => OctokitPullRequestSource.ParseHead(json, Pr);

    [Test]
    public void Reads_the_head_branch_its_repository_sha_and_state()
    {
        Assert.That(Parse(GitHubAnswer), Is.EqualTo(new PullRequestHead("devin/fix", "https://github.com/fork-owner/app.git",
            "fork-owner/app", "0123456789abcdef0123456789abcdef01234567", "open")));
    }

    [Test]
    public void A_deleted_fork_says_which_ref_to_fetch_instead()
    {
        var error = Assert.Throws<HandoffException>(() => Parse("""{ "state": "closed", "head": { "ref": "devin/fix", "sha": "abc", "repo": null } }"""));
        Assert.That(error!.Message, Does.Contain("gone").And.Contain("refs/pull/42/head"));
    }

    [TestCase("""{ "message": "Not Found" }""")]
    [TestCase("""{ "head": null }""")]
    [TestCase("""[]""")]
    public void An_answer_without_a_head_branch_is_an_error(string json)
    {
        var error = Assert.Throws<HandoffException>(() => Parse(json));
        Assert.That(error!.Message, Is.EqualTo("GitHub gave no head branch for acme/app#42"));
    }

    [Test]
    public void Not_json_is_an_unavailable_api()
    {
        var error = Assert.Throws<HandoffException>(() => Parse("<html>proxy error</html>"));
        Assert.That(error!.ExitCode, Is.EqualTo(ExitCodes.ApiUnavailable));
    }
}
