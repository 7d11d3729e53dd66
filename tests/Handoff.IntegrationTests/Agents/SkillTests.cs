using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CliWrap;
using CliWrap.Buffered;
using Handoff.IntegrationTests.Support;

namespace Handoff.IntegrationTests.Agents;

/// <summary>
/// Runs every ```sh block of .agents/skills/devin-handoff/SKILL.md verbatim (only the documented placeholder
/// SESSION is replaced) with bash, against the fake Devin API and a fake GitHub API, and checks each JSON answer.
/// </summary>
public partial class SkillTests : AgentsFixture
{
    [Test]
    public async Task Every_command_of_the_skill_runs_verbatim_and_answers_json()
    {
        var blocks = ShellBlocks(File.ReadAllText(Path.Combine(SolutionRoot(), ".agents", "skills", "devin-handoff", "SKILL.md")));
        Assert.That(blocks.Select(FirstWord), Is.EqualTo(new[] { "auth", "create", "status", "tail", "send", "poll", "pickup" }));

        using var github = new FakeGitHub();
        Cli.Environment["DEVIN_HANDOFF_GITHUB_API_URL"] = github.BaseUrl;
        var prBranch = await PrepareDevinsBranch();
        string? session = null;

        foreach (var block in blocks)
        {
            var command = session is null ? block : SessionPlaceholder().Replace(block, session);
            switch (FirstWord(block))
            {
                case "tail":
                    Server.State.AddMessage(session!, "I found the naive datetime in token.py.");
                    break;
                case "poll":
                    Server.State.SetStatus(session!, "running", "finished");
                    break;
                case "pickup":
                    Server.State.AddPullRequest(session!, "https://github.com/example/agents/pull/7");
                    github.PullRequest = new { number = 7, state = "open", head = new { @ref = "devin/fix-auth", sha = prBranch.Sha, repo = new { full_name = "example/agents", clone_url = prBranch.Remote } } };
                    break;
            }

            var result = await Bash(command);
            Assert.That(result.ExitCode, Is.Zero, $"{command}\n{result}");
            var json = FirstWord(block) == "tail" ? ParseJsonLines(result.StandardOutput)[^1] : ParseSingleJson(result);
            switch (FirstWord(block))
            {
                case "auth":
                    Assert.That(json.GetProperty("valid").GetBoolean(), Is.True);
                    break;
                case "create":
                    session = json.GetProperty("session_id").GetString();
                    var prompt = Server.State.FindSession(session!)!.Prompt;
                    Assert.That(prompt, Does.Contain("naive datetime with an aware one").And.Contain("print('changed')"));
                    break;
                case "status":
                    Assert.That(json.GetProperty("session_id").GetString(), Is.EqualTo(session));
                    break;
                case "tail":
                    Assert.That(json.GetProperty("type").GetString(), Is.EqualTo("end"));
                    Assert.That(result.StandardOutput, Does.Contain("naive datetime in token.py"));
                    break;
                case "send":
                    Assert.That(Server.State.Messages(session!).Any(m => m.Message.Contains("Use the UTC clock")), Is.True);
                    break;
                case "poll":
                    Assert.That(json.GetProperty("state").GetString(), Is.EqualTo("finished"));
                    break;
                case "pickup":
                    Assert.That(json.GetProperty("branch").GetString(), Is.EqualTo("devin/fix-auth"));
                    Assert.That(json.GetProperty("commit").GetString(), Is.EqualTo(prBranch.Sha));
                    Assert.That(json.GetProperty("stashed").GetBoolean(), Is.True);
                    break;
            }
        }
    }

    /// <summary>A bare "GitHub" repository with Devin's branch on it.</summary>
    private async Task<(string Remote, string Sha)> PrepareDevinsBranch()
    {
        var remote = Path.Combine(Cli.Home, "github-remote.git");
        var work = Path.Combine(Cli.Home, "devin-work");
        await MustGit(Cli, Cli.Home, "clone", "-q", Repo, work);
        await MustGit(Cli, work, "checkout", "-q", "-b", "devin/fix-auth");
        File.WriteAllText(Path.Combine(work, "src", "app.py"), "print('fixed by devin')\n");
        await MustGit(Cli, work, "-c", "user.name=d", "-c", "user.email=d@example.invalid", "commit", "-qam", "fix");
        await MustGit(Cli, Cli.Home, "clone", "-q", "--bare", work, remote);
        var sha = (await Cli.Git(work, "rev-parse", "HEAD")).StandardOutput.Trim();
        return (remote, sha);
    }

    private async Task<CliResult> Bash(string script)
    {
        var env = new Dictionary<string, string?>(Cli.Environment)
        {
            ["HOME"] = Cli.Home, ["GIT_CONFIG_GLOBAL"] = Cli.GlobalGitConfig, ["GIT_CONFIG_NOSYSTEM"] = "1", ["GIT_TERMINAL_PROMPT"] = "0",
            ["PATH"] = Path.GetDirectoryName(CliRunner.BinaryPath) + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
        };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var result = await CliWrap.Cli.Wrap("bash").WithArguments(["-e", "-c", script]).WithWorkingDirectory(Repo)
            .WithEnvironmentVariables(env).WithValidation(CommandResultValidation.None)
            .WithStandardInputPipe(PipeSource.Null)
            .ExecuteBufferedAsync(Encoding.UTF8, timeout.Token);
        return new CliResult(result.ExitCode, result.StandardOutput, result.StandardError);
    }

    public static IReadOnlyList<string> ShellBlocks(string markdown) =>
        ShellBlock().Matches(markdown).Select(m => m.Groups[1].Value.TrimEnd()).ToList();

    private static string FirstWord(string block) => block.Split(' ', 3)[1];

    [GeneratedRegex(@"^```sh\n(.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex ShellBlock();

    [GeneratedRegex(@"\bSESSION\b")]
    private static partial Regex SessionPlaceholder();

    private static string SolutionRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Handoff.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Handoff.sln not found");
    }

    /// <summary>Answers GET /repos/{owner}/{repo}/pulls/{n} with <see cref="PullRequest"/> (for pickup).</summary>
    private sealed class FakeGitHub : IDisposable
    {
        private readonly HttpListener _listener = new();
        public string BaseUrl { get; }
        public object? PullRequest { get; set; }

        public FakeGitHub()
        {
            var port = FreePort();
            BaseUrl = $"http://127.0.0.1:{port}/";
            _listener.Prefixes.Add(BaseUrl);
            _listener.Start();
            _ = Serve();
        }

        private async Task Serve()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try { context = await _listener.GetContextAsync(); }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
                var found = PullRequest is not null && context.Request.Url!.AbsolutePath.Contains("/pulls/");
                var body = Encoding.UTF8.GetBytes(found ? JsonSerializer.Serialize(PullRequest) : """{"message":"Not Found"}""");
                context.Response.StatusCode = found ? 200 : 404;
                context.Response.ContentType = "application/json";
                await context.Response.OutputStream.WriteAsync(body);
                context.Response.Close();
            }
        }

        private static int FreePort()
        {
            var l = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
            l.Start();
            var port = ((IPEndPoint)l.LocalEndpoint).Port;
            l.Stop();
            return port;
        }

        public void Dispose() => _listener.Close();
    }
}
