using Handoff.Core.Abstractions;
using Handoff.Core.Settings;
using Handoff.TestInfrastructure;
using Moq;

namespace Handoff.Tests.Settings;

public class GitCredentialStoreTests
{
    private readonly List<(IReadOnlyList<string> Args, string? Input, IReadOnlyDictionary<string, string?>? Env)> _calls = [];

    [SetUp]
    public void ClearCalls() => _calls.Clear();

    private GitCredentialStore Store(ProcessResult result)
    {
        var runner = new Mock<IProcessRunner>();
        runner.Setup(r => r.Run("git", It.IsAny<IReadOnlyList<string>>(), It.IsAny<string>(), It.IsAny<string?>(),
                It.IsAny<IReadOnlyDictionary<string, string?>?>(), It.IsAny<CancellationToken>()))
            .Callback((string _, IReadOnlyList<string> args, string _, string? input, IReadOnlyDictionary<string, string?>? env, CancellationToken _) =>
                _calls.Add((args, input, env)))
            .ReturnsAsync(result);
        return new GitCredentialStore(runner.Object, new DictionaryEnvironment(new Dictionary<string, string?>(), Path.GetTempPath()));
    }

    [Test]
    public async Task Store_passes_the_key_on_stdin_only_for_the_api_host()
    {
        await Store(new ProcessResult(0, "", "")).Store("https://api.devin.ai/", "cog_secret", CancellationToken.None);
        var call = _calls.Single();
        Assert.That(call.Args, Is.EqualTo(new[] { "-c", "core.askPass=", "credential", "approve" }));
        Assert.That(string.Join(" ", call.Args), Does.Not.Contain("cog_secret"));
        Assert.That(call.Input, Is.EqualTo("protocol=https\nhost=api.devin.ai\nusername=devin-api-key\npassword=cog_secret\n\n"));
    }

    [Test]
    public async Task Get_never_prompts_and_keeps_a_non_default_port()
    {
        var key = await Store(new ProcessResult(0, "protocol=http\nhost=127.0.0.1:5099\nusername=devin-api-key\npassword=cog_x\n", ""))
            .Get("http://127.0.0.1:5099", CancellationToken.None);
        Assert.That(key, Is.EqualTo("cog_x"));
        var call = _calls.Single();
        Assert.That(call.Input, Does.StartWith("protocol=http\nhost=127.0.0.1:5099\nusername=devin-api-key\n"));
        Assert.That(call.Env!["GIT_TERMINAL_PROMPT"], Is.EqualTo("0"));
        Assert.That(call.Env!["GCM_INTERACTIVE"], Is.EqualTo("never"));
        Assert.That(call.Env!.ContainsKey("GIT_ASKPASS") && call.Env["GIT_ASKPASS"] is null, Is.True, "askpass removed");
    }

    [Test]
    public async Task Get_ignores_another_accounts_password_and_a_failed_fill()
    {
        Assert.That(await Store(new ProcessResult(0, "username=alice\npassword=hunter2\n", "")).Get("https://api.devin.ai", CancellationToken.None), Is.Null);
        Assert.That(await Store(new ProcessResult(128, "", "fatal: could not read Username")).Get("https://api.devin.ai", CancellationToken.None), Is.Null);
        Assert.That(await Store(new ProcessResult(0, "", "")).Get("not a url", CancellationToken.None), Is.Null);
    }

    [Test]
    public void A_key_with_a_line_break_is_refused_before_git_runs()
    {
        var store = Store(new ProcessResult(0, "", ""));
        Assert.ThrowsAsync<Handoff.Core.HandoffException>(() => store.Store("https://api.devin.ai", "cog_a\nhost=evil", CancellationToken.None));
        Assert.That(_calls, Is.Empty);
    }
}
