using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Handoff.Core.Abstractions;

namespace Handoff.Tests.Devin;

/// <summary>A request as the test server saw it.</summary>
public sealed record RecordedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string BodyText => Encoding.UTF8.GetString(Body);
    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;

    /// <summary>All values of a query key, in order (repeat-key arrays).</summary>
    public IReadOnlyList<string> QueryValues(string key) =>
        Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => Uri.UnescapeDataString(p[0]) == key)
            .Select(p => Uri.UnescapeDataString(p.Length > 1 ? p[1].Replace('+', ' ') : ""))
            .ToList();
}

/// <summary>A tiny HTTP server on 127.0.0.1 with one handler per test; records every request.</summary>
public sealed class TestApiServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<RecordedRequest, HttpListenerResponse, Task> _handler;
    private readonly Task _loop;
    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();
    public int Port { get; }
    public string Url => $"http://127.0.0.1:{Port}";

    public TestApiServer(Func<RecordedRequest, HttpListenerResponse, Task> handler)
    {
        _handler = handler;
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(Serve);
    }

    public RecordedRequest[] All => Requests.ToArray();

    public static int FreePort()
    {
        var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        var port = ((IPEndPoint)socket.LocalEndpoint).Port;
        socket.Stop();
        return port;
    }

    private async Task Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch { return; }
            _ = Task.Run(() => Handle(context));
        }
    }

    private async Task Handle(HttpListenerContext context)
    {
        var request = context.Request;
        using var buffer = new MemoryStream();
        await request.InputStream.CopyToAsync(buffer);
        var headers = request.Headers.AllKeys.Where(k => k is not null)
            .ToDictionary(k => k!, k => request.Headers[k] ?? "", StringComparer.OrdinalIgnoreCase);
        var recorded = new RecordedRequest(request.HttpMethod, request.Url!.AbsolutePath, request.Url.Query, headers, buffer.ToArray());
        Requests.Enqueue(recorded);
        try
        {
            await _handler(recorded, context.Response);
        }
        catch (Exception e)
        {
            try { await Reply.Json(context.Response, 599, $"{{\"detail\":\"test handler failed: {e.GetType().Name}\"}}"); } catch { }
        }
    }

    public void Dispose()
    {
        try { _listener.Stop(); _listener.Close(); } catch { }
    }
}

public static class Reply
{
    public static async Task Json(HttpListenerResponse response, int status, string json, params (string Name, string Value)[] headers)
    {
        response.StatusCode = status;
        response.ContentType = "application/json";
        foreach (var (name, value) in headers) response.AddHeader(name, value);
        var bytes = Encoding.UTF8.GetBytes(json);
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }

    public static Task Ok(HttpListenerResponse response, string json) => Json(response, 200, json);

    public static async Task Bytes(HttpListenerResponse response, byte[] bytes)
    {
        response.StatusCode = 200;
        response.ContentType = "application/octet-stream";
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }

    public static Task Redirect(HttpListenerResponse response, string location)
    {
        response.StatusCode = 307;
        response.AddHeader("Location", location);
        response.ContentLength64 = 0;
        response.Close();
        return Task.CompletedTask;
    }

    /// <summary>Drops the connection without an answer, as if the network failed after the request arrived.</summary>
    public static Task Drop(HttpListenerResponse response)
    {
        response.Abort();
        return Task.CompletedTask;
    }
}

/// <summary>A clock that never sleeps and records each requested delay.</summary>
public sealed class FakeClock : IClock
{
    public List<TimeSpan> Delays { get; } = [];
    public DateTimeOffset Now { get; set; } = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public Task Delay(TimeSpan delay, CancellationToken cancellationToken)
    {
        Delays.Add(delay);
        Now += delay;
        return Task.CompletedTask;
    }
}

public sealed class ListTraceSink : Handoff.Core.Devin.ITraceSink
{
    public List<string> Lines { get; } = [];
    public void Trace(string line) { lock (Lines) Lines.Add(line); }
}
