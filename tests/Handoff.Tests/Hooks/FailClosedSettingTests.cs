using Handoff.Core.Abstractions;
using Handoff.Core.Hooks;
using Handoff.TestInfrastructure;

namespace Handoff.Tests.Hooks;

/// <summary>Whether a failed pre-push scan blocks the push: the environment first, then git's own reading of the config.</summary>
public class FailClosedSettingTests
{
    private const string Variable = "DEVIN_HANDOFF_HOOK_FAIL_CLOSED";
    private static readonly string[] ConfigRead = ["config", "--bool", "--get", "devin-handoff.hook.failClosed"];

    private static Task<FailClosedSetting> Read(string? variable, IProcessRunner git) =>
        FailClosedSetting.Read(new DictionaryEnvironment(new Dictionary<string, string?> { [Variable] = variable }), git, "/repo", CancellationToken.None);

    [TestCase("true", true)]
    [TestCase("yes", true)]
    [TestCase("on", true)]
    [TestCase("1", true)]
    [TestCase(" YES ", true)]
    [TestCase("false", false)]
    [TestCase("no", false)]
    [TestCase("off", false)]
    [TestCase("0", false)]
    [TestCase("Off", false)]
    public async Task The_variable_takes_gits_boolean_words_and_git_is_not_asked(string value, bool failClosed)
    {
        var git = new FakeGit();
        Assert.That(await Read(value, git), Is.EqualTo(new FailClosedSetting(failClosed, null)));
        Assert.That(git.Calls, Is.Empty);
    }

    [Test]
    public async Task A_variable_that_is_not_a_boolean_fails_closed_and_says_why()
    {
        var setting = await Read(" maybe ", new FakeGit());
        Assert.That(setting, Is.EqualTo(new FailClosedSetting(true, "DEVIN_HANDOFF_HOOK_FAIL_CLOSED='maybe' is not true or false")));
    }

    [Test]
    public async Task A_blank_variable_counts_as_unset_and_git_config_decides()
    {
        var git = new FakeGit().On(a => a.SequenceEqual(ConfigRead), 0, "true\n");
        Assert.That(await Read("   ", git), Is.EqualTo(new FailClosedSetting(true, null)));
        Assert.That(git.Calls.Single().Arguments, Is.EqualTo(ConfigRead));
    }

    [TestCase(0, "true\n", true)]
    [TestCase(0, "false\n", false)]
    [TestCase(1, "", false)]
    public async Task Git_config_is_read_with_git_itself_and_unset_means_fail_open(int exitCode, string stdout, bool failClosed)
    {
        var git = new FakeGit().On(a => a.SequenceEqual(ConfigRead), exitCode, stdout);
        var setting = await Read(null, git);
        Assert.That(setting, Is.EqualTo(new FailClosedSetting(failClosed, null)));
        Assert.That(git.Calls, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_config_git_cannot_read_fails_closed_with_gits_first_line()
    {
        var git = new FakeGit().On(_ => true, 128, stderr: "fatal: bad config line 3 in file .git/config\nmore\n");
        Assert.That(await Read(null, git), Is.EqualTo(new FailClosedSetting(true,
            "git config devin-handoff.hook.failClosed could not be read: fatal: bad config line 3 in file .git/config")));
    }

    [Test]
    public async Task Git_that_cannot_be_started_fails_closed_with_the_reason_on_one_line()
    {
        var setting = await Read(null, new ThrowingRunner(new IOException("no such file\nor directory")));
        Assert.That(setting, Is.EqualTo(new FailClosedSetting(true, "devin-handoff.hook.failClosed could not be read: no such file or directory")));
    }

    [Test]
    public void Cancellation_is_not_taken_for_a_broken_config()
    {
        Assert.ThrowsAsync<OperationCanceledException>(() => Read(null, new ThrowingRunner(new OperationCanceledException())));
    }

    private sealed class ThrowingRunner(Exception exception) : IProcessRunner
    {
        public Task<ProcessResult> Run(string program, IReadOnlyList<string> arguments, string workingDirectory, string? standardInput = null,
            IReadOnlyDictionary<string, string?>? environment = null, CancellationToken cancellationToken = default) => throw exception;
    }
}
