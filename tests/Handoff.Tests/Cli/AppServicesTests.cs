using Handoff.Cli;
using Handoff.Core.Abstractions;
using Handoff.Core.Settings;
using Handoff.TestInfrastructure;
using Handoff.Tests.TestSupport;
using Moq;

namespace Handoff.Tests.Cli;

public class AppServicesTests
{
    private static AppServices Services(IDictionary<string, string?> variables, string cwd) => new()
    {
        Console = new BufferConsole(),
        Environment = new DictionaryEnvironment(variables, cwd),
        Clock = new SystemClock(),
        Processes = Mock.Of<IProcessRunner>(MockBehavior.Strict),
        CredentialStore = Mock.Of<IWritableCredentialStore>(MockBehavior.Strict),
    };

    [Test]
    public void Settings_read_the_git_config_files_of_the_services_environment_not_of_the_process()
    {
        using var repo = TempGitRepo.Init();
        var global = Path.Combine(repo.Root, "home", "own.gitconfig");
        File.WriteAllText(global, "[devin-handoff]\n\tapiUrl = https://from-the-given-environment.example\n");

        var settings = Services(new Dictionary<string, string?> { ["GIT_CONFIG_GLOBAL"] = global }, repo.Path).Settings();

        Assert.That(settings.ApiUrl(null), Is.EqualTo(new Setting("https://from-the-given-environment.example", "git config devin-handoff.apiUrl")));
    }

    [Test]
    public void An_empty_git_config_global_in_the_environment_reads_no_global_file()
    {
        using var repo = TempGitRepo.Init();
        var home = Path.Combine(repo.Root, "home");
        File.WriteAllText(Path.Combine(home, ".gitconfig"), "[devin-handoff]\n\torgId = org-from-home\n");

        var withHome = Services(new Dictionary<string, string?> { ["HOME"] = home }, repo.Path).Settings();
        var emptyGlobal = Services(new Dictionary<string, string?> { ["HOME"] = home, ["GIT_CONFIG_GLOBAL"] = "" }, repo.Path).Settings();

        Assert.That(withHome.OrgId(null).Value, Is.EqualTo("org-from-home"));
        Assert.That(emptyGlobal.OrgId(null).Value, Is.Null);
    }
}
