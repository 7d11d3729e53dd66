using Handoff.Core.Inspection;

namespace Handoff.Tests.Inspection;

/// <summary>
/// Runs the real ssh with a config file of its own (-F: ssh then reads neither ~/.ssh/config nor the system file).
/// </summary>
public class SshHostResolverTests
{
    private string _folder = null!;
    private string _config = null!;

    [SetUp]
    public void WriteConfig()
    {
        _folder = Path.Combine(Path.GetTempPath(), "handoff-ssh-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(_folder);
        _config = Path.Combine(_folder, "ssh config");
        File.WriteAllText(_config, "Host github-work\n  HostName github.com\n  User git\n\nHost gh443\n  HostName ssh.github.com\n  Port 443\n\nHost *.corp\n  HostName git.example.org\n");
    }

    [TearDown]
    public void RemoveConfig() => Directory.Delete(_folder, recursive: true);

    private static void RequireSsh()
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Any(dir => File.Exists(Path.Combine(dir, "ssh")) || File.Exists(Path.Combine(dir, "ssh.exe")));
        if (!found) Assert.Ignore("no ssh on PATH");
    }

    private SshConfigHostResolver Resolver(string? gitSshCommand) =>
        new(name => name == "GIT_SSH_COMMAND" ? gitSshCommand : null);

    [TestCase("github-work", "github.com")]
    [TestCase("gh443", "github.com")]
    [TestCase("build.corp", "git.example.org")]
    [TestCase("gitlab.example.com", "gitlab.example.com")]
    public void An_alias_resolves_to_the_host_ssh_connects_to(string alias, string expected)
    {
        RequireSsh();

        var resolved = Resolver($"ssh -F '{_config}'").Resolve(alias, sshCommand: null);

        Assert.That(resolved, Is.EqualTo(new SshHostName(expected, null)));
    }

    [Test]
    public void Core_sshCommand_is_used_when_GIT_SSH_COMMAND_is_not_set()
    {
        RequireSsh();

        var resolved = Resolver(null).Resolve("github-work", sshCommand: $"ssh -F \"{_config}\"");

        Assert.That(resolved.HostName, Is.EqualTo("github.com"));
    }

    [Test]
    public void A_failing_ssh_gives_no_host_and_says_why()
    {
        RequireSsh();

        var resolved = Resolver($"ssh -F '{Path.Combine(_folder, "missing")}'").Resolve("github-work", null);

        Assert.That(resolved.HostName, Is.Null);
        Assert.That(resolved.Error, Is.Not.Empty);
    }

    [Test]
    public void A_missing_ssh_gives_no_host_and_says_why()
    {
        var resolved = Resolver(Path.Combine(_folder, "no-such-dir", "ssh")).Resolve("github-work", null);

        Assert.That(resolved.HostName, Is.Null);
        Assert.That(resolved.Error, Does.Contain("could not be run"));
    }

    [TestCase("ssh -F '/a b/config' -i key", null, null, "ssh", new[] { "-F", "/a b/config", "-i", "key" })]
    [TestCase(null, "/usr/local/bin/ssh -o IdentitiesOnly=yes", null, "/usr/local/bin/ssh", new[] { "-o", "IdentitiesOnly=yes" })]
    [TestCase(null, null, "/opt/ssh", "/opt/ssh", new string[0])]
    [TestCase("ssh -i $HOME/key", null, null, "ssh", new string[0])]
    [TestCase("plink -batch", null, null, "ssh", new string[0])]
    [TestCase("my-wrapper ssh", "ssh -F x", null, "ssh", new string[0])]
    [TestCase(null, null, null, "ssh", new string[0])]
    public void The_ssh_git_would_use_is_run_only_when_it_is_plainly_ssh(string? gitSshCommand, string? coreSshCommand, string? gitSsh, string program, string[] options)
    {
        var (chosenProgram, chosenOptions) = SshCommandLine.Choose(gitSshCommand, coreSshCommand, gitSsh);

        Assert.That(chosenProgram, Is.EqualTo(program));
        Assert.That(chosenOptions, Is.EqualTo(options));
    }
}
