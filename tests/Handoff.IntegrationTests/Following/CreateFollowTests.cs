using Handoff.FakeDevin;
using Handoff.FakeDevin.State;

namespace Handoff.IntegrationTests.Following;

[Parallelizable(ParallelScope.All)]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public class CreateFollowTests : FollowTestBase
{
    protected override FakeDevinOptions Options() => new()
    {
        NewSessionMessageScript = new MessageScript(6, PerStep: 2, Text: "step {n}", FinalStatus: "running", FinalStatusDetail: "finished"),
    };

    [Test]
    public async Task Create_follow_tails_the_new_session_and_last_then_resolves_to_it()
    {
        var repo = Path.Combine(WorkDir, "repo");
        Directory.CreateDirectory(repo);
        Assert.That((await Cli.Git(repo, "init", "-q", "-b", "main")).ExitCode, Is.Zero);
        File.WriteAllText(Path.Combine(repo, "a.txt"), "hello\n");
        await Cli.Git(repo, "add", "a.txt");
        Assert.That((await Cli.Git(repo, "-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "-qm", "init")).ExitCode, Is.Zero);

        var created = await Cli.Run(repo, "create", "--task", "Fix the bug", "--follow", "--interval", "0.05");

        Assert.That(created.ExitCode, Is.EqualTo(0), created.ToString());
        var session = Server.State.Sessions.Single();
        var lines = created.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[0], Does.Contain(session.SessionId), "the URL first");
        Assert.That(lines.Where(l => l.Contains(" devin: step ")).Select(l => l[(l.IndexOf("step ", StringComparison.Ordinal))..]),
            Is.EqualTo(Enumerable.Range(1, 6).Select(n => $"step {n}")));
        Assert.That(lines, Has.Some.EqualTo("status: running/finished (finished)"));

        var status = await Cli.Run(Path.Combine(repo), "status", "last", "--json");
        Assert.That(status.ExitCode, Is.EqualTo(0), status.ToString());
        Assert.That(JsonLines(status.StandardOutput).Single().GetProperty("session_id").GetString(), Is.EqualTo(session.SessionId));
        var poll = await Cli.Run(repo, "poll", "--interval", "0.05");
        Assert.That(poll.ExitCode, Is.EqualTo(0), poll.ToString());
        Assert.That(poll.StandardOutput, Does.Contain(session.SessionId));
    }
}
