using Handoff.Core.Inspection;

namespace Handoff.Tests.Inspection;

/// <summary>
/// Credentials with '@' in them never reach the shared remote (issue 15: one case guarded this). The userinfo ends at
/// the last '@' before the host; an '@' in the path is not part of it.
/// </summary>
public class RemoteUrlCredentialTests
{
    [TestCase("https://bot:@tw@ter@github.com/owner/repo.git", "github.com", "owner/repo", "tw@ter")]
    [TestCase("https://bot:trailing@@github.com/owner/repo.git", "github.com", "owner/repo", "trailing")]
    [TestCase("https://me@example.org:pa@ss@gitlab.com/group/repo.git", "gitlab.com", "group/repo", "example.org")]
    [TestCase("https://me@example.org@bitbucket.org/team/repo.git", "bitbucket.org", "team/repo", "example.org")]
    [TestCase("https://bot:p@ss:w0rd@git.example.org:8443/team/tool.git", "git.example.org", "team/tool", "w0rd")]
    [TestCase("http://bot:s3@cr3t@[::1]:8080/owner/repo.git", "[::1]", "owner/repo", "cr3t")]
    [TestCase("ssh://deploy:k3y@v@lue@git.example.org:2222/team/tool.git", "git.example.org", "team/tool", "lue")]
    [TestCase("git+ssh://deploy:k3y@v@lue@git.example.org/team/tool.git", "git.example.org", "team/tool", "k3y")]
    [TestCase("https://bot:p%40ss%3Aw0rd@github.com/owner/repo.git", "github.com", "owner/repo", "%40")]
    public void A_password_with_at_signs_is_stripped_whole(string url, string host, string path, string secretPart)
    {
        var remote = RemoteUrlParser.Parse(url);

        Assert.That(remote, Is.EqualTo(new RemoteUrl(host, path)));
        var everything = $"{remote} {remote!.Host} {remote.Path} {remote.OwnerAndName}";
        Assert.That(everything, Does.Not.Contain(secretPart).And.Not.Contain("bot").And.Not.Contain("deploy").And.Not.Contain("@"));
    }

    [Test]
    public void An_at_sign_in_the_path_does_not_move_the_host()
    {
        Assert.That(RemoteUrlParser.Parse("https://bot:s3cr3t@github.com/owner/repo@v2.git"), Is.EqualTo(new RemoteUrl("github.com", "owner/repo@v2")));
        Assert.That(RemoteUrlParser.Parse("https://github.com/owner/repo@v2.git"), Is.EqualTo(new RemoteUrl("github.com", "owner/repo@v2")));
    }

    [TestCase("deploy@corp@git.example.org:team/tool.git", "git.example.org", "team/tool")]
    [TestCase("a@b@c@gitlab.com:group/sub/repo.git", "gitlab.com", "group/sub/repo")]
    public void An_scp_like_user_with_at_signs_is_stripped(string url, string host, string path)
    {
        var remote = RemoteUrlParser.Parse(url);

        Assert.That(remote, Is.EqualTo(new RemoteUrl(host, path)));
        Assert.That(remote!.ToString(), Does.Not.Contain("@").And.Not.Contain("corp").And.Not.Contain("deploy"));
    }

    [Test]
    public void A_password_with_an_at_sign_and_a_slash_is_refused_rather_than_guessed()
    {
        // The '/' ends the authority early, so the "host" would be part of the password: nothing is shared.
        Assert.That(RemoteUrlParser.Parse("https://bot:p@ss/w0rd@github.com/owner/repo.git"), Is.Null);
    }
}
