namespace Handoff.IntegrationTests.Create;

/// <summary>An ssh remote whose host is an alias of the ssh config is sent with the host ssh really connects to.</summary>
public class SshAliasTests : CreateFixture
{
    private void CommitWithAliasRemote()
    {
        Repo.CommitFile("README.md", "# widgets\n");
        Repo.Run("remote", "add", "origin", "git@github-work:acme/widgets.git");
    }

    private static void RequireSsh()
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Any(dir => File.Exists(Path.Combine(dir, "ssh")) || File.Exists(Path.Combine(dir, "ssh.exe")));
        if (!found) Assert.Ignore("no ssh on PATH");
    }

    [Test]
    public async Task A_host_alias_is_sent_as_the_host_name_ssh_resolves_it_to()
    {
        RequireSsh();
        CommitWithAliasRemote();
        File.WriteAllText(Cli.SshConfig, "Host github-work\n  HostName github.com\n  IdentityFile ~/.ssh/id_work\n");

        var (result, prompt, _) = await CreateAndCapture();

        Assert.That(prompt, Does.Contain("- Repository: github.com/acme/widgets\n"));
        Assert.That(result.StandardError, Does.Not.Contain("github-work"));
    }

    [Test]
    public async Task When_ssh_cannot_tell_the_alias_is_kept_with_a_warning()
    {
        CommitWithAliasRemote();
        Cli.Environment["GIT_SSH_COMMAND"] = Path.Combine(Cli.Home, "no-such-folder", "ssh");

        var (result, prompt, _) = await CreateAndCapture();

        Assert.That(prompt, Does.Contain("- Repository: github-work/acme/widgets\n"));
        Assert.That(result.StandardError, Does.Contain("could not ask ssh which host 'github-work' is"));
    }
}
