namespace Handoff.IntegrationTests.Create;

/// <summary>
/// The global git config (GIT_CONFIG_GLOBAL, as `git config --global` writes it) must count in every build,
/// including Native AOT where LibGit2Sharp cannot find it by itself.
/// </summary>
public class CreateGlobalConfigTests : CreateFixture
{
    [Test]
    public async Task Global_settings_and_a_global_excludes_file_are_honoured()
    {
        var excludes = Path.Combine(Cli.Home, "global-ignore");
        File.WriteAllText(excludes, "*.log\n");
        foreach (var (key, value) in new[] { ("devin-handoff.orgId", "org-from-global"), ("core.excludesFile", excludes) })
        {
            var set = await Cli.Git(Repo.Path, "config", "--global", key, value);
            Assert.That(set.ExitCode, Is.Zero, set.ToString());
        }
        Assert.That(File.ReadAllText(Cli.GlobalGitConfig), Does.Contain("org-from-global"), "git wrote the global file");
        Fake.State.AddOrganization("org-from-global");
        Cli.Environment["DEVIN_ORG_ID"] = null;
        Repo.CommitFile("README.md", "# demo\n");
        Repo.WriteFile("notes.txt", "keep me\n");
        Repo.WriteFile("debug.log", "ignored globally\n");

        var (_, prompt, _) = await CreateAndCapture();

        Assert.That(Fake.RequestsTo("POST", "/v3/organizations/org-from-global/sessions"), Has.Count.EqualTo(1));
        Assert.That(prompt, Does.Contain("notes.txt"));
        Assert.That(prompt, Does.Not.Contain("debug.log"));
    }
}
