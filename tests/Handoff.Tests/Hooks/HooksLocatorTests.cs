using Handoff.Core;
using Handoff.Core.Hooks;

namespace Handoff.Tests.Hooks;

/// <summary>Where git looks for hooks, as git itself reports it; "~" is the home folder, relative paths as git reads them.</summary>
public class HooksLocatorTests
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "dh-hooks-locator");
    private static readonly string Home = Path.Combine(Root, "home");
    private static readonly string Work = Path.Combine(Root, "work", "repo");
    private static readonly string Shared = Path.Combine(Root, "srv", "hooks");

    private static HooksLocator Locator(FakeGit git) => new(git, Work, Home);

    private static string Expected(string where, params string[] parts) =>
        Path.Combine([where switch { "work" => Work, "home" => Home, _ => Shared }, .. parts]);

    [TestCase(".git/hooks", "work", ".git", "hooks")]
    [TestCase("~/hooks", "home", "hooks")]
    [TestCase("~", "home")]
    public async Task The_repository_hooks_folder_is_gits_hooks_path_made_absolute(string gitAnswer, string where, params string[] parts)
    {
        var git = new FakeGit().On(a => a.SequenceEqual(new[] { "rev-parse", "--git-path", "hooks" }), 0, gitAnswer + "\n");
        Assert.That(await Locator(git).RepositoryHooks(CancellationToken.None), Is.EqualTo(Path.GetFullPath(Expected(where, parts))));
        Assert.That(git.Calls, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task An_absolute_hooks_path_is_kept()
    {
        var git = new FakeGit().On(_ => true, 0, Shared + "\n");
        Assert.That(await Locator(git).RepositoryHooks(CancellationToken.None), Is.EqualTo(Shared));
    }

    [Test]
    public void Outside_a_repository_the_error_says_so_and_suggests_global()
    {
        var git = new FakeGit().On(_ => true, 128, stderr: "fatal: not a git repository\n");
        var e = Assert.ThrowsAsync<HandoffException>(() => Locator(git).RepositoryHooks(CancellationToken.None));
        Assert.That(e!.Message, Is.EqualTo($"not inside a git repository: {Work} (use --global to install for every repository)"));
    }

    [TestCase("~/.hooks", "home", ".hooks")]
    [TestCase("hooks", "home", "hooks")]
    public async Task The_global_hooks_folder_is_core_hooksPath_from_the_global_config(string gitAnswer, string where, params string[] parts)
    {
        var git = new FakeGit().On(a => a.SequenceEqual(new[] { "config", "--global", "--get", "core.hooksPath" }), 0, gitAnswer + "\n");
        Assert.That(await Locator(git).ConfiguredGlobalHooks(CancellationToken.None), Is.EqualTo(Path.GetFullPath(Expected(where, parts))));
    }

    [Test]
    public async Task An_absolute_global_hooks_path_is_kept()
    {
        var git = new FakeGit().On(_ => true, 0, Shared + "\n");
        Assert.That(await Locator(git).ConfiguredGlobalHooks(CancellationToken.None), Is.EqualTo(Shared));
    }

    [TestCase(0, "  \n")]
    [TestCase(1, "")]
    public async Task No_global_hooks_folder_when_core_hooksPath_is_unset_or_blank(int exitCode, string gitAnswer)
    {
        var git = new FakeGit().On(_ => true, exitCode, gitAnswer);
        Assert.That(await Locator(git).ConfiguredGlobalHooks(CancellationToken.None), Is.Null);
    }

    [Test]
    public void The_default_global_folder_is_under_the_users_config_folder()
    {
        Assert.That(Locator(new FakeGit()).DefaultGlobalHooks(), Is.EqualTo(Path.Combine(Home, ".config", "devin-handoff", "hooks")));
    }
}
