using Handoff.Core.Inspection;

namespace Handoff.Tests.Inspection;

/// <summary>Edges of remote URLs that mutation testing found unguarded (tests/mutation.sh RemoteUrlParser).</summary>
public class RemoteUrlEdgeTests
{
    [Test]
    public void Ssh_plus_git_urls_go_through_the_ssh_alias_resolver()
    {
        var remote = RemoteUrlParser.Parse("ssh+git://git@github-work/acme/widgets.git", alias => alias == "github-work" ? "github.com" : alias);

        Assert.That(remote, Is.EqualTo(new RemoteUrl("github.com", "acme/widgets")));
    }

    // git's rule (connect.c url_is_local_not_ssh): local when there is no colon, or a slash comes before it.
    [TestCase("/srv/git:repo", true)]
    [TestCase("/:x", true)]
    [TestCase(":repo", false)]
    [TestCase("host:repo", false)]
    public void Local_means_what_git_means(string url, bool local)
    {
        Assert.That(RemoteUrlParser.IsLocal(url), Is.EqualTo(local));
    }

    [TestCase("https://@github.com/owner/repo.git", "github.com", "owner/repo")]
    [TestCase("@github.com:owner/repo.git", "github.com", "owner/repo")]
    public void An_empty_user_before_the_host_is_dropped(string url, string host, string path)
    {
        Assert.That(RemoteUrlParser.Parse(url), Is.EqualTo(new RemoteUrl(host, path)));
    }

    [Test]
    public void An_ipv6_host_without_a_port_is_kept()
    {
        Assert.That(RemoteUrlParser.Parse("https://[fd00::5]/owner/repo.git"), Is.EqualTo(new RemoteUrl("[fd00::5]", "owner/repo")));
    }

    [TestCase("https://[fd00::5]x/owner/repo.git")]
    [TestCase("https://[fd00::5]:port/owner/repo.git")]
    public void Text_after_an_ipv6_host_that_is_not_a_port_is_refused(string url)
    {
        Assert.That(RemoteUrlParser.Parse(url), Is.Null);
    }

    [Test]
    public void Doubled_slashes_in_the_path_collapse()
    {
        Assert.That(RemoteUrlParser.Parse("https://github.com//owner///repo.git"), Is.EqualTo(new RemoteUrl("github.com", "owner/repo")));
        // an even run of slashes: collapsing "//" to nothing would glue the two names together
        Assert.That(RemoteUrlParser.Parse("git@gitlab.com:group//sub////repo.git"), Is.EqualTo(new RemoteUrl("gitlab.com", "group/sub/repo")));
    }

    [TestCase("git@gitlab.com:v3/org/project/repo.git", "gitlab.com", "v3/org/project/repo")]
    [TestCase("git@vs-ssh.visualstudio.com:org/project/repo", "vs-ssh.visualstudio.com", "org/project/repo")]
    [TestCase("git@ssh.dev.azure.com:v3/org/project", "ssh.dev.azure.com", "v3/org/project")]
    public void Only_azure_ssh_urls_of_the_v3_form_are_rewritten(string url, string host, string path)
    {
        Assert.That(RemoteUrlParser.Parse(url), Is.EqualTo(new RemoteUrl(host, path)));
    }
}
