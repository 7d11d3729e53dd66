using Handoff.Core.Git;
using Handoff.Core.Settings;
using Handoff.Tests.TestSupport;
using Handoff.TestInfrastructure;

namespace Handoff.Tests.Git;

public class GitConfigFilesTests
{
    private static GitConfigFiles From(params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => v.Value);
        return GitConfigFiles.FromEnvironment(name => map.GetValueOrDefault(name));
    }

    [Test]
    public void Home_gives_the_global_and_xdg_files_and_etc_gitconfig_is_the_system_file()
    {
        var files = From(("HOME", "/home/ada"));

        Assert.That(files, Is.EqualTo(new GitConfigFiles("/home/ada/.gitconfig", "/home/ada/.config/git/config",
            OperatingSystem.IsWindows() ? files.System : "/etc/gitconfig")));
    }

    [Test]
    public void Xdg_config_home_moves_the_xdg_file()
    {
        Assert.That(From(("HOME", "/home/ada"), ("XDG_CONFIG_HOME", "/cfg")).Xdg, Is.EqualTo(Path.Combine("/cfg", "git", "config")));
    }

    [Test]
    public void Git_config_global_replaces_both_user_files_and_empty_means_none()
    {
        var files = From(("HOME", "/home/ada"), ("XDG_CONFIG_HOME", "/cfg"), ("GIT_CONFIG_GLOBAL", "/tmp/isolated.cfg"));
        Assert.That((files.Global, files.Xdg), Is.EqualTo(((string?)Path.GetFullPath("/tmp/isolated.cfg"), (string?)null)));

        var none = From(("HOME", "/home/ada"), ("GIT_CONFIG_GLOBAL", ""));
        Assert.That((none.Global, none.Xdg), Is.EqualTo(((string?)null, (string?)null)));
    }

    [TestCase("1", true)]
    [TestCase("true", true)]
    [TestCase("Yes", true)]
    [TestCase("on", true)]
    [TestCase("0", false)]
    [TestCase("false", false)]
    [TestCase("", false)]
    public void Git_config_nosystem_is_a_git_boolean(string value, bool noSystem)
    {
        Assert.That(From(("HOME", "/h"), ("GIT_CONFIG_NOSYSTEM", value)).System is null, Is.EqualTo(noSystem));
    }

    [Test]
    public void Git_config_system_replaces_the_system_file_unless_nosystem()
    {
        Assert.That(From(("GIT_CONFIG_SYSTEM", "/opt/git.cfg")).System, Is.EqualTo(Path.GetFullPath("/opt/git.cfg")));
        Assert.That(From(("GIT_CONFIG_SYSTEM", "/opt/git.cfg"), ("GIT_CONFIG_NOSYSTEM", "1")).System, Is.Null);
    }

    [Test]
    public void Without_home_there_is_no_user_file()
    {
        var files = From(("GIT_CONFIG_NOSYSTEM", "1"));
        Assert.That(files, Is.EqualTo(new GitConfigFiles(null, null, null)));
    }

    [Test]
    public void Open_reads_every_level_with_gits_precedence_and_a_missing_level_reads_nothing()
    {
        using var repo = TempGitRepo.Init();
        var folder = repo.NewFolder("config-files");
        string Write(string name, string text)
        {
            var path = Path.Combine(folder, name);
            File.WriteAllText(path, text);
            return path;
        }
        var system = Write("system", "[devin-handoff]\n\tonlySystem = s\n\tshared = system\n");
        var xdg = Write("xdg", "[devin-handoff]\n\tonlyXdg = x\n\tshared = xdg\n");
        var global = Write("global", "[devin-handoff]\n\tonlyGlobal = g\n\tshared = global\n");
        repo.Run("config", "devin-handoff.shared", "local");

        using (var config = new GitConfigFiles(global, xdg, system).Open(Path.Combine(repo.Path, ".git", "config")))
        {
            Assert.That(config.Get<string>("devin-handoff.shared").Value, Is.EqualTo("local"));
            Assert.That(config.Get<string>("devin-handoff.onlyGlobal").Value, Is.EqualTo("g"));
            Assert.That(config.Get<string>("devin-handoff.onlyXdg").Value, Is.EqualTo("x"));
            Assert.That(config.Get<string>("devin-handoff.onlySystem").Value, Is.EqualTo("s"));
        }
        using (var config = new GitConfigFiles(global, null, null).Open(null))
        {
            Assert.That(config.Get<string>("devin-handoff.shared").Value, Is.EqualTo("global"));
            Assert.That(config.Get<string>("devin-handoff.onlyXdg"), Is.Null);
            Assert.That(config.Get<string>("devin-handoff.onlySystem"), Is.Null);
        }
    }

    [Test]
    public void Config_reader_sees_the_global_file_named_by_git_config_global_from_a_linked_worktree()
    {
        using var repo = TempGitRepo.Init();
        repo.CommitFile("src/a.txt", "a\n");
        var worktree = Path.Combine(repo.Root, "wt");
        repo.Run("worktree", "add", "-q", "-b", "side", worktree);
        repo.Run("config", "devin-handoff.org", "org-from-local");
        var original = File.ReadAllText(LibGit2IsolationSetUp.GlobalConfigFile);
        try
        {
            File.WriteAllText(LibGit2IsolationSetUp.GlobalConfigFile, "[devin-handoff]\n\tapiUrl = https://global.example\n\torg = org-from-global\n");

            var reader = new LibGit2ConfigReader(Path.Combine(worktree, "src"));
            Assert.That(reader.Get("devin-handoff.apiUrl"), Is.EqualTo("https://global.example"));
            Assert.That(reader.Get("devin-handoff.org"), Is.EqualTo("org-from-local"), "the main repository's config, shared by its worktrees");
            Assert.That(new LibGit2ConfigReader(repo.Root).Get("devin-handoff.org"), Is.EqualTo("org-from-global"), "outside a repository");
        }
        finally
        {
            File.WriteAllText(LibGit2IsolationSetUp.GlobalConfigFile, original);
        }
    }

    [Test]
    public void From_an_environment_an_empty_global_means_none_and_an_unset_one_the_home_file()
    {
        var unset = GitConfigFiles.From(new DictionaryEnvironment(new Dictionary<string, string?> { ["HOME"] = "/home/ada" }));
        var empty = GitConfigFiles.From(new DictionaryEnvironment(new Dictionary<string, string?> { ["HOME"] = "/home/ada", ["GIT_CONFIG_GLOBAL"] = "" }));

        Assert.That(unset.Global, Is.EqualTo(Path.Combine("/home/ada", ".gitconfig")));
        Assert.That(empty.Global, Is.Null);
        Assert.That(empty.Xdg, Is.Null);
    }
}
