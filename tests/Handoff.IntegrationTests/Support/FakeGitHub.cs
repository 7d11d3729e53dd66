using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Handoff.IntegrationTests.Support;

/// <summary>
/// A tiny fake of the GitHub REST API on 127.0.0.1 (HttpListener): GET .../repos/{owner}/{repo}/pulls/{n}
/// answers what <see cref="AddPullRequest"/> registered, anything else 404. Point the CLI at it with
/// DEVIN_HANDOFF_GITHUB_API_URL=<see cref="BaseUrl"/> (Octokit adds /api/v3/ for a non-github.com host).
/// </summary>
public sealed partial class FakeGitHub : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Dictionary<string, object> _pulls = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(string Path, string? Authorization)> _requests = [];
    private readonly Lock _gate = new();
    private readonly Task _loop;

    public string BaseUrl { get; }

    public FakeGitHub()
    {
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(BaseUrl);
        _listener.Start();
        _loop = Task.Run(Serve);
    }

    public IReadOnlyList<(string Path, string? Authorization)> Requests
    {
        get { lock (_gate) return _requests.ToList(); }
    }

    /// <summary>Registers owner/repo#number with its head branch in the repository at <paramref name="headCloneUrl"/>.</summary>
    public void AddPullRequest(string owner, string repo, int number, string headBranch, string headCloneUrl, string headFullName, string? headSha = null, string state = "open")
    {
        var repoJson = new
        {
            id = 1, name = headFullName.Split('/')[1], full_name = headFullName, clone_url = headCloneUrl,
            owner = new { login = headFullName.Split('/')[0], id = 1 },
        };
        lock (_gate)
        {
            _pulls[$"{owner}/{repo}/{number}"] = new
            {
                id = number, number, state, title = "Devin's fix", html_url = $"https://github.com/{owner}/{repo}/pull/{number}",
                head = new { @ref = headBranch, sha = headSha ?? new string('a', 40), label = $"{headFullName.Split('/')[0]}:{headBranch}", repo = repoJson },
                @base = new
                {
                    @ref = "main", sha = new string('b', 40), label = $"{owner}:main",
                    repo = new { id = 2, name = repo, full_name = $"{owner}/{repo}", clone_url = $"https://github.com/{owner}/{repo}.git", owner = new { login = owner, id = 2 } },
                },
            };
        }
    }

    private async Task Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) { return; }
            var path = context.Request.Url!.AbsolutePath;
            object? body = null;
            lock (_gate)
            {
                _requests.Add((path, context.Request.Headers["Authorization"]));
                var match = PullPath().Match(path);
                if (match.Success) _pulls.TryGetValue($"{match.Groups[1].Value}/{match.Groups[2].Value}/{match.Groups[3].Value}", out body);
            }
            var json = body is null ? "{\"message\":\"Not Found\"}" : JsonSerializer.Serialize(body);
            context.Response.StatusCode = body is null ? 404 : 200;
            context.Response.ContentType = "application/json; charset=utf-8";
            var bytes = Encoding.UTF8.GetBytes(json);
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    [GeneratedRegex(@"/repos/([^/]+)/([^/]+)/pulls/(\d+)/?$")]
    private static partial Regex PullPath();

    public void Dispose()
    {
        // Close alone: after Stop, the managed HttpListener's Close binds the port again to remove its prefixes,
        // which fails ("Address already in use") when another listener took the port meanwhile.
        try { _listener.Close(); } catch (HttpListenerException) { }
        try { _loop.Wait(TimeSpan.FromSeconds(2)); } catch (AggregateException) { }
    }
}
