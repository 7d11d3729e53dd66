using Handoff.Core.Inspection;

namespace Handoff.Tests.Inspection;

public class RemoteUrlParserTests
{
    [TestCase("https://github.com/owner/repo.git", "github.com", "owner/repo")]
    [TestCase("https://github.com/owner/repo", "github.com", "owner/repo")]
    [TestCase("https://github.com/owner/repo/", "github.com", "owner/repo")]
    [TestCase("https://github.com/owner/repo.git/", "github.com", "owner/repo")]
    [TestCase("  https://github.com/owner/repo.git \n", "github.com", "owner/repo")]
    [TestCase("https://GitHub.COM/Owner/Repo.git", "github.com", "Owner/Repo")]
    [TestCase("http://git.example.org/team/tool.git", "git.example.org", "team/tool")]
    [TestCase("https://github.com:443/owner/repo.git", "github.com", "owner/repo")]
    [TestCase("https://github.com/owner/repo.git?foo=bar#frag", "github.com", "owner/repo")]
    [TestCase("git@github.com:owner/repo.git", "github.com", "owner/repo")]
    [TestCase("git@github.com:owner/repo", "github.com", "owner/repo")]
    [TestCase("github.com:owner/repo.git", "github.com", "owner/repo")]
    [TestCase("git@github.com:/owner/repo.git", "github.com", "owner/repo")]
    [TestCase("ssh://git@github.com/owner/repo.git", "github.com", "owner/repo")]
    [TestCase("ssh://git@github.com:22/owner/repo.git", "github.com", "owner/repo")]
    [TestCase("ssh://git@gitlab.example.com:2222/owner/repo.git", "gitlab.example.com", "owner/repo")]
    [TestCase("ssh://gitlab.example.com:2222/owner/repo.git", "gitlab.example.com", "owner/repo")]
    [TestCase("git+ssh://git@github.com/owner/repo.git", "github.com", "owner/repo")]
    [TestCase("git://github.com/owner/repo.git", "github.com", "owner/repo")]
    [TestCase("git://git.kernel.org:9418/pub/scm/git/git.git", "git.kernel.org", "pub/scm/git/git")]
    [TestCase("https://gitlab.com/group/sub/repo.git", "gitlab.com", "group/sub/repo")]
    [TestCase("git@gitlab.com:group/sub/deeper/repo.git", "gitlab.com", "group/sub/deeper/repo")]
    [TestCase("https://bitbucket.org/team/repo.git", "bitbucket.org", "team/repo")]
    [TestCase("git@bitbucket.org:team/repo.git", "bitbucket.org", "team/repo")]
    [TestCase("https://bitbucket.example.com/scm/proj/repo.git", "bitbucket.example.com", "scm/proj/repo")]
    [TestCase("ssh://git@bitbucket.example.com:7999/proj/repo.git", "bitbucket.example.com", "proj/repo")]
    [TestCase("https://github.example.com/owner/repo.git", "github.example.com", "owner/repo")]
    [TestCase("git@github.example.com:owner/repo.git", "github.example.com", "owner/repo")]
    [TestCase("https://dev.azure.com/org/project/_git/repo", "dev.azure.com", "org/project/_git/repo")]
    [TestCase("https://org@dev.azure.com/org/project/_git/repo", "dev.azure.com", "org/project/_git/repo")]
    [TestCase("git@ssh.dev.azure.com:v3/org/project/repo", "dev.azure.com", "org/project/_git/repo")]
    [TestCase("ssh://git@ssh.dev.azure.com/v3/org/project/repo", "dev.azure.com", "org/project/_git/repo")]
    [TestCase("https://org.visualstudio.com/project/_git/repo", "dev.azure.com", "org/project/_git/repo")]
    [TestCase("https://org.visualstudio.com/DefaultCollection/project/_git/repo", "dev.azure.com", "org/project/_git/repo")]
    [TestCase("org@vs-ssh.visualstudio.com:v3/org/project/repo", "dev.azure.com", "org/project/_git/repo")]
    [TestCase("https://[::1]:8443/owner/repo.git", "[::1]", "owner/repo")]
    [TestCase("https://10.0.0.5/owner/repo.git", "10.0.0.5", "owner/repo")]
    [TestCase("https://git.example.org/single.git", "git.example.org", "single")]
    public void Parses_every_remote_form_keeping_the_host(string url, string host, string path)
    {
        var remote = RemoteUrlParser.Parse(url);

        Assert.That(remote, Is.EqualTo(new RemoteUrl(host, path)));
    }

    [TestCase("https://user:s3cr3t-T0ken@github.com/owner/repo.git", "github.com", "owner/repo")]
    [TestCase("https://x-access-token:ghp_AbCdEf0123456789@github.com/owner/repo.git", "github.com", "owner/repo")]
    [TestCase("https://oauth2:glpat-S3cr3tV4lue@gitlab.com/group/sub/repo.git", "gitlab.com", "group/sub/repo")]
    [TestCase("https://s3cr3t-T0ken@github.com/owner/repo", "github.com", "owner/repo")]
    [TestCase("https://user:p@ss@w0rd@git.example.org/team/tool.git", "git.example.org", "team/tool")]
    [TestCase("http://user:s3cr3t@git.example.org:8080/team/tool.git", "git.example.org", "team/tool")]
    [TestCase("https://org:azureS3cr3tPat@dev.azure.com/org/project/_git/repo", "dev.azure.com", "org/project/_git/repo")]
    [TestCase("ssh://deploy:s3cr3t@git.example.org:2222/team/tool.git", "git.example.org", "team/tool")]
    public void Strips_credentials_so_they_appear_nowhere(string url, string host, string path)
    {
        var remote = RemoteUrlParser.Parse(url);

        Assert.That(remote, Is.EqualTo(new RemoteUrl(host, path)));
        var everything = $"{remote} {remote!.Host} {remote.Path} {remote.OwnerAndName}";
        foreach (var secret in new[] { "s3cr3t", "S3cr3t", "ghp_", "glpat", "p@ss", "w0rd", "user", "x-access-token", "oauth2", "deploy" })
            Assert.That(everything, Does.Not.Contain(secret));
    }

    [TestCase("/home/me/repos/project.git")]
    [TestCase("/srv/git/project")]
    [TestCase("./sibling")]
    [TestCase("../sibling.git")]
    [TestCase("~/repos/project.git")]
    [TestCase("file:///home/me/repos/project.git")]
    [TestCase("FILE:///srv/git/project")]
    [TestCase("file://localhost/srv/git/project")]
    [TestCase("C:\\repos\\project")]
    [TestCase("C:/repos/project")]
    [TestCase("D:relative")]
    [TestCase("\\\\server\\share\\project.git")]
    [TestCase("project")]
    [TestCase("some/dir:with-colon")]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase(null)]
    public void Local_paths_are_never_shared(string? url)
    {
        Assert.That(RemoteUrlParser.Parse(url), Is.Null);
        Assert.That(RemoteUrlParser.IsLocal(url), Is.True);
    }

    [TestCase("ftp://example.com/owner/repo.git")]
    [TestCase("https://")]
    [TestCase("https://github.com")]
    [TestCase("https://github.com/")]
    [TestCase("https://user:pass/word@github.com/owner/repo.git")]
    [TestCase("https://exa mple.com/owner/repo.git")]
    [TestCase("git@github.com:")]
    public void Unshareable_or_malformed_urls_give_null(string url)
    {
        var remote = RemoteUrlParser.Parse(url);

        Assert.That(remote, Is.Null);
    }

    [Test]
    public void ToString_is_host_slash_path()
    {
        Assert.That(RemoteUrlParser.Parse("git@gitlab.com:group/sub/repo.git")!.ToString(), Is.EqualTo("gitlab.com/group/sub/repo"));
    }

    [TestCase("git@github-work:acme/widgets.git", "github.com/acme/widgets")]
    [TestCase("github-work:acme/widgets.git", "github.com/acme/widgets")]
    [TestCase("ssh://git@github-work/acme/widgets.git", "github.com/acme/widgets")]
    [TestCase("ssh://git@github-work:2222/acme/widgets.git", "github.com/acme/widgets")]
    [TestCase("git+ssh://git@github-work/acme/widgets.git", "github.com/acme/widgets")]
    [TestCase("https://github-work/acme/widgets.git", "github-work/acme/widgets")]
    [TestCase("git://github-work/acme/widgets.git", "github-work/acme/widgets")]
    public void Ssh_hosts_and_only_ssh_hosts_go_through_the_ssh_alias_resolver(string url, string expected)
    {
        var asked = new List<string>();

        var remote = RemoteUrlParser.Parse(url, alias =>
        {
            asked.Add(alias);
            return alias == "github-work" ? "github.com" : alias;
        });

        Assert.That(remote!.ToString(), Is.EqualTo(expected));
        Assert.That(asked, Is.EqualTo(expected.StartsWith("github.com") ? new[] { "github-work" } : Array.Empty<string>()));
    }

    [Test]
    public void An_alias_resolved_to_the_azure_ssh_host_is_normalised_like_the_host_itself()
    {
        var remote = RemoteUrlParser.Parse("git@azure-work:v3/org/project/repo", _ => "ssh.dev.azure.com");

        Assert.That(remote!.ToString(), Is.EqualTo("dev.azure.com/org/project/_git/repo"));
    }
}
